// The API for scripts about the caller itself: /api/v1/me and personal API tokens.
// A token is shown once, in the answer that creates it.
#include <nlohmann/json.hpp>

#include "auth_support.h"
#include "problem.h"
#include "wk/accounts/auth.h"
#include "wk/accounts/users.h"

namespace wk::web {
namespace {

using nlohmann::json;

json TokenJson(const accounts::ApiToken& t) {
  json j = {{"id", t.id},
            {"name", t.name},
            {"prefix", t.prefix},
            {"created_at", t.created_at},
            {"last_used_at", nullptr},
            {"revoked_at", nullptr}};
  if (t.last_used_at) j["last_used_at"] = *t.last_used_at;
  if (t.revoked_at) j["revoked_at"] = *t.revoked_at;
  return j;
}

// The API speaks English field names; the use cases name the Dutch form fields.
Response ApiError(const Request& req, Error error) {
  if (error.field == "naam") error.field = "name";
  return ErrorResponse(req, error);
}

// The token name from a JSON body {"name": "..."} or a form field "naam"/"name".
Result<std::string> TokenName(const Request& req) {
  if (auto f = req.Form("naam")) return *f;
  if (auto f = req.Form("name")) return *f;
  if (req.body.empty()) return std::string();
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return Fail(ErrorCode::kInvalid, "De inhoud van het verzoek is geen geldig JSON-object.");
  }
  auto it = body.find("name");
  if (it == body.end()) return std::string();
  if (!it->is_string()) return Fail(ErrorCode::kInvalid, "De naam moet tekst zijn.", "name");
  return it->get<std::string>();
}

}  // namespace

void RegisterAuthApiRoutes(Router& router, App& app) {
  router.Get("/api/v1/me", Access::LoggedIn(), [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    const auto& me = *req.principal;
    auto teams = accounts::TeamNames(lease->db(), me);
    if (!teams) return ErrorResponse(req, teams.error());
    auto areas = accounts::TeamAreaCodes(lease->db(), me);
    if (!areas) return ErrorResponse(req, areas.error());
    json permissions = json::array();
    for (accounts::Action a : accounts::AllActions()) {
      if (accounts::Can(me, a)) permissions.push_back(accounts::ActionName(a));
    }
    json j = {{"name", me.name},
              {"role", accounts::RoleName(me.role)},
              {"role_label", accounts::RoleLabel(me.role)},
              {"teams", *teams},
              {"area_codes", *areas},
              {"permissions", permissions},
              {"authenticated_by", req.via_api_token ? "token" : "session"}};
    return Response::Json(j.dump());
  });

  const Access own_tokens = Access::Needs(accounts::Action::kManageOwnTokens);

  router.Get("/api/v1/tokens", own_tokens, [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto tokens = accounts::ListOwnApiTokens(lease->db(), *req.principal);
    if (!tokens) return ErrorResponse(req, tokens.error());
    json list = json::array();
    for (const auto& t : *tokens) list.push_back(TokenJson(t));
    return Response::Json(json{{"tokens", list}}.dump());
  });

  router.Post("/api/v1/tokens", own_tokens, [&app](Request& req) {
    auto name = TokenName(req);
    if (!name) return ApiError(req, name.error());
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto token = accounts::CreateApiToken(lease->db(), *req.principal, *name);
    if (!token) return ApiError(req, token.error());
    json j = TokenJson(*token);
    j["token"] = token->token;
    Response r = Response::Json(j.dump(), 201);
    r.Header("Location", "/api/v1/tokens/" + std::to_string(token->id));
    r.Header("Cache-Control", "no-store");
    return r;
  });

  router.Delete("/api/v1/tokens/{id:int}", own_tokens, [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto r = accounts::RevokeApiToken(lease->db(), *req.principal, *req.IntParam("id"));
    if (!r) return ApiError(req, r.error());
    Response resp;
    resp.status = 204;
    return resp;
  });
}

}  // namespace wk::web
