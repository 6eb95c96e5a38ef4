#include "wk/core/error.h"

namespace wk {

std::string Error::Describe() const {
  std::string out;
  if (!location.empty()) out += location + ": ";
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return "invalid";
    case ErrorCode::kBadInput: return "bad_input";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace wk
