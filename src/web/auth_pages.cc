// Login, logout and the own-account page (password, API tokens). Admin pages: admin_pages.cc;
// the token API: auth_api.cc.
#include <nlohmann/json.hpp>

#include "auth_support.h"
#include "problem.h"
#include "templates.h"
#include "wk/accounts/auth.h"
#include "wk/accounts/users.h"

namespace wk::web {
namespace {

using nlohmann::json;

// Fixed confirmation texts for ?gelukt=<code> after a redirect (post/redirect/get).
struct Flash {
  std::string_view code;
  std::string_view message;
};
constexpr Flash kFlashes[] = {
    {"uitgelogd", "U bent uitgelogd."},
    {"wachtwoord", "Uw wachtwoord is gewijzigd."},
    {"token-ingetrokken", "Het token is ingetrokken en werkt niet meer."},
    {"gebruiker-toegevoegd", "De gebruiker is toegevoegd."},
    {"wachtwoord-gezet", "Het nieuwe wachtwoord is ingesteld; de gebruiker is overal uitgelogd."},
    {"uitgeschakeld", "De gebruiker is uitgeschakeld en kan niet meer inloggen."},
    {"team-aangemaakt", "Het team is aangemaakt."},
    {"lid-toegevoegd", "Het teamlid is toegevoegd."},
    {"lid-verwijderd", "Het teamlid is verwijderd."},
    {"gebieden", "De gebieden van het team zijn opgeslagen."},
};

Response LoginPage(const Request& req, const std::string& next, const Error* error, int status) {
  json data = {{"next", next}, {"form", FormState(req, "inloggen", {"naam"}, error)}};
  if (error == nullptr) AddFlash(data, req);
  Response r = RenderPage(req, "Inloggen", "login", data, status);
  r.Header("Cache-Control", "no-store");
  return r;
}

json TokenJson(const accounts::ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"prefix", t.prefix},
          {"created_at", t.created_at},
          {"last_used_at", t.last_used_at.value_or("nooit")},
          {"revoked", t.revoked_at.has_value()},
          {"revoked_at", t.revoked_at.value_or("")}};
}

// The account page, with one form's state (the other forms blank) and optionally a new token.
Response AccountPage(App& app, const Request& req, const json& password_form, const json& token_form,
                     const accounts::ApiToken* new_token, int status) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  const auto& me = *req.principal;
  auto tokens = accounts::ListOwnApiTokens(lease->db(), me);
  if (!tokens) return ErrorResponse(req, tokens.error());
  auto teams = accounts::TeamNames(lease->db(), me);
  if (!teams) return ErrorResponse(req, teams.error());
  auto areas = accounts::TeamAreaCodes(lease->db(), me);
  if (!areas) return ErrorResponse(req, areas.error());
  json data = {{"name", me.name},
               {"role", accounts::RoleLabel(me.role)},
               {"teams", *teams},
               {"has_teams", !teams->empty()},
               {"areas", *areas},
               {"has_areas", !areas->empty()},
               {"tokens", json::array()},
               {"has_tokens", !tokens->empty()},
               {"can_manage_tokens", accounts::Can(me, accounts::Action::kManageOwnTokens)},
               {"can_change_password", accounts::Can(me, accounts::Action::kChangeOwnPassword)},
               {"can_view_audit", accounts::Can(me, accounts::Action::kViewAudit)},
               {"min_password", accounts::kMinPasswordLength},
               {"password_form", password_form},
               {"token_form", token_form}};
  for (const auto& t : *tokens) data["tokens"].push_back(TokenJson(t));
  AddFlash(data, req);
  if (new_token != nullptr) data["new_token"] = {{"name", new_token->name}, {"token", new_token->token}};
  Response r = RenderPage(req, "Mijn account", "account", data, status);
  r.Header("Cache-Control", "no-store");  // a new token is on it, and it is personal anyway
  return r;
}

}  // namespace

nlohmann::json FormState(const Request& req, std::string_view form_id, std::initializer_list<std::string_view> keep,
                         const Error* error) {
  json values = json::object();
  for (std::string_view field : keep) values[std::string(field)] = req.Form(field).value_or("");
  json state = {{"id", form_id},
                {"values", values},
                {"errors", json::object()},
                {"summary", json::array()},
                {"has_errors", error != nullptr}};
  if (error != nullptr) {
    std::string message = HttpStatus(error->code) == 500 ? "Er ging iets mis aan onze kant." : error->message;
    std::string href = "#" + std::string(form_id);
    if (!error->field.empty()) {
      state["errors"][error->field] = message;
      href += "-" + error->field;
    }
    state["summary"].push_back({{"href", href}, {"message", message}});
  }
  return state;
}

void AddFlash(nlohmann::json& data, const Request& req) {
  auto code = req.Query("gelukt");
  if (!code) return;
  for (const auto& f : kFlashes) {
    if (f.code == *code) data["flash"] = f.message;
  }
}

void RegisterAuthRoutes(Router& router, App& app) {
  router.Get("/inloggen", Access::Public(), [](Request& req) {
    std::string next = SafeNext(req.Query("next").value_or("/"));
    if (req.principal) return Response::Redirect(next);
    return LoginPage(req, next, nullptr, 200);
  });

  router.Post("/inloggen", Access::Public(), [&app](Request& req) {
    std::string next = SafeNext(req.Form("next").value_or("/"));
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    accounts::LoginInput input{req.Form("naam").value_or(""), req.Form("wachtwoord").value_or(""), req.remote_address};
    auto session = accounts::Login(lease->db(), input, SessionPolicyOf(app.options));
    if (!session) {
      // Wrong credentials on a form are a 422, not a 401: a 401 promises a WWW-Authenticate challenge.
      const Error& e = session.error();
      return LoginPage(req, next, &e, e.code == ErrorCode::kUnauthenticated ? 422 : HttpStatus(e.code));
    }
    Response r = Response::Redirect(next);
    r.Header("Set-Cookie",
             CookieHeader(req, app, kSessionCookie, session->token, app.options.session_absolute_hours * 3600LL));
    r.Header("Set-Cookie", CookieHeader(req, app, kPreSessionCsrfCookie, "", 0));
    return r;
  });

  router.Post("/uitloggen", Access::LoggedIn(), [&app](Request& req) {
    auto cookie = req.cookies.find(std::string(kSessionCookie));
    if (cookie != req.cookies.end()) {
      auto lease = app.database.Acquire();
      if (!lease) return ErrorResponse(req, lease.error());
      if (auto r = accounts::Logout(lease->db(), cookie->second); !r) return ErrorResponse(req, r.error());
    }
    Response r = Response::Redirect("/inloggen?gelukt=uitgelogd");
    r.Header("Set-Cookie", CookieHeader(req, app, kSessionCookie, "", 0));
    return r;
  });

  router.Get("/account", Access::LoggedIn(), [&app](Request& req) {
    return AccountPage(app, req, FormState(req, "wachtwoord", {}), FormState(req, "token", {}), nullptr, 200);
  });

  router.Post("/account/wachtwoord", Access::Needs(accounts::Action::kChangeOwnPassword), [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    std::string fresh = req.Form("nieuw_wachtwoord").value_or("");
    Result<void> changed;
    if (fresh != req.Form("herhaal_wachtwoord").value_or("")) {
      changed = Fail(ErrorCode::kInvalid, "De twee nieuwe wachtwoorden zijn niet gelijk.", "herhaal_wachtwoord");
    } else {
      // Keep the session this change is made from; the others end.
      std::int64_t keep = 0;
      if (auto c = req.cookies.find(std::string(kSessionCookie)); c != req.cookies.end()) {
        auto s = accounts::ResolveSession(lease->db(), c->second, SessionPolicyOf(app.options));
        if (s && *s) keep = (*s)->session_id;
      }
      changed = accounts::ChangePassword(lease->db(), *req.principal, req.Form("huidig_wachtwoord").value_or(""), fresh,
                                         keep);
    }
    if (!changed) {
      if (changed.error().field.empty()) return ErrorResponse(req, changed.error());
      return AccountPage(app, req, FormState(req, "wachtwoord", {}, &changed.error()), FormState(req, "token", {}),
                         nullptr, HttpStatus(changed.error().code));
    }
    return Response::Redirect("/account?gelukt=wachtwoord");
  });

  router.Post("/account/tokens", Access::Needs(accounts::Action::kManageOwnTokens), [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto token = accounts::CreateApiToken(lease->db(), *req.principal, req.Form("naam").value_or(""));
    if (!token) {
      if (token.error().field.empty()) return ErrorResponse(req, token.error());
      return AccountPage(app, req, FormState(req, "wachtwoord", {}), FormState(req, "token", {"naam"}, &token.error()),
                         nullptr, HttpStatus(token.error().code));
    }
    // Shown on this answer only: no redirect, so the secret never sits in a URL or a later page.
    return AccountPage(app, req, FormState(req, "wachtwoord", {}), FormState(req, "token", {}), &*token, 200);
  });

  router.Post("/account/tokens/{id:int}/intrekken", Access::Needs(accounts::Action::kManageOwnTokens),
              [&app](Request& req) {
                auto lease = app.database.Acquire();
                if (!lease) return ErrorResponse(req, lease.error());
                auto r = accounts::RevokeApiToken(lease->db(), *req.principal, req.IntParam("id").value_or(0));
                if (!r) return ErrorResponse(req, r.error());
                return Response::Redirect("/account?gelukt=token-ingetrokken");
              });

  RegisterAdminRoutes(router, app);
  RegisterAuthApiRoutes(router, app);
}

}  // namespace wk::web
