// Errors as answers: RFC 9457 problem documents for the API, Dutch error pages for people.
#pragma once

#include "http.h"
#include "wk/core/error.h"

namespace wk::web {

// The one mapping of error codes to HTTP statuses.
int HttpStatus(ErrorCode code);

// application/problem+json for API requests (Request::WantsJson), else the Dutch error page.
// `status` overrides the mapped status (405). A 500 carries the request id as its reference, and
// the same reference is logged.
Response ErrorResponse(const Request& request, const Error& error, int status = 0);

// The problem document body itself (for tests and for handlers that add members).
std::string ProblemJson(const Request& request, const Error& error, int status);

}  // namespace wk::web
