#include "problem.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "templates.h"

namespace wk::web {
namespace {

std::string_view TitleFor(int status) {
  switch (status) {
    case 400: return "Ongeldig verzoek";
    case 401: return "Niet ingelogd";
    case 403: return "Geen toegang";
    case 404: return "Niet gevonden";
    case 405: return "Methode niet toegestaan";
    case 409: return "Conflict";
    case 413: return "Verzoek te groot";
    case 422: return "Ongeldige invoer";
    case 429: return "Te veel pogingen";
    case 503: return "Tijdelijk niet beschikbaar";
    default: return "Er ging iets mis";
  }
}

}  // namespace

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:  // both kinds of bad input are 422
    case ErrorCode::kBadInput: return 422;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

std::string ProblemJson(const Request& request, const Error& error, int status) {
  nlohmann::json doc = {
      {"type", "urn:wijkkompas:problem:" + std::string(ErrorCodeName(error.code))},
      {"title", TitleFor(status)},
      {"status", status},
      {"detail", status == 500 ? std::string("Er ging iets mis aan onze kant.") : error.message},
      {"instance", request.path},
  };
  if (!error.field.empty()) {
    doc["errors"] = nlohmann::json::array({{{"field", error.field}, {"detail", error.message}}});
  }
  if (status == 500) doc["reference"] = request.request_id;
  return doc.dump();
}

Response ErrorResponse(const Request& request, const Error& error, int status) {
  if (status == 0) status = HttpStatus(error.code);
  if (status >= 500) {
    spdlog::error("request {} {} {}: {} (reference {})", MethodName(request.method), request.path, status,
                  error.Describe(), request.request_id);
  }
  if (request.WantsJson()) {
    Response r = Response::Json(ProblemJson(request, error, status), status);
    r.content_type = "application/problem+json";
    return r;
  }
  nlohmann::json data = {
      {"status", status},
      {"title", TitleFor(status)},
      {"message",
       status == 500 ? std::string("Er ging iets mis aan onze kant. Probeer het later opnieuw.") : error.message},
      {"is_403", status == 403},
      {"is_404", status == 404},
      {"is_500", status >= 500},
      {"reference", request.request_id},
  };
  if (!error.field.empty()) data["field"] = error.field;
  return RenderPage(request, std::string(TitleFor(status)), "error", data, status);
}

}  // namespace wk::web
