// Expected failures as values: every fallible function returns wk::Result<T> = std::expected<T, Error>.
// Exceptions are kept for bugs and broken invariants; they are caught at the request boundary.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace wk {

// What went wrong, in terms the caller can act on. The web layer maps each code to one HTTP status
// (see src/web/problem.cc); the CLI maps it to an exit code.
enum class ErrorCode {
  kInvalid,           // the input breaks a rule (field names which one); 422 / exit 2
  kBadInput,          // an input file cannot be read as expected (location names file:line); 422 / exit 2
  kNotFound,          // the record does not exist; 404 / exit 3
  kUnauthenticated,   // no valid session or token; 401 / exit 4
  kPermissionDenied,  // logged in, but the role may not do this; 403 / exit 4
  kConflict,          // the record exists already or changed meanwhile; 409 / exit 5
  kTooManyRequests,   // throttled (login attempts); 429 / exit 6
  kUnavailable,       // busy database, shutting down; 503 / exit 7
  kInternal,          // a bug or an unexpected failure of a library; 500 / exit 1
};

// A failure with a message for people. Messages shown in the UI are Dutch; `field` names the form
// field or column at fault, `location` the file and line or feature ("kwb.csv:17").
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
  std::string location;

  // "kwb.csv:17: kolom a_inw: ..." — the message with its location and field, for logs and the CLI.
  std::string Describe() const;
};

template <class T>
using Result = std::expected<T, Error>;

// Shorthands that read well at the return site: `return wk::Fail(ErrorCode::kNotFound, "...");`
inline std::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {},
                                   std::string location = {}) {
  return std::unexpected(Error{code, std::move(message), std::move(field), std::move(location)});
}
inline std::unexpected<Error> Fail(Error error) {
  return std::unexpected(std::move(error));
}

// A short English name of the code ("not_found"), used in logs and problem documents.
std::string_view ErrorCodeName(ErrorCode code);

}  // namespace wk
