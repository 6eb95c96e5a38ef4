// User and team administration (/beheer, beheerder only) and the audit trail (/auditlog).
// Handlers only parse, call the accounts use case, and render or redirect.
#include <nlohmann/json.hpp>

#include "auth_support.h"
#include "problem.h"
#include "templates.h"
#include "wk/accounts/users.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

using accounts::Action;
using nlohmann::json;

json UserJson(const accounts::User& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"role", accounts::RoleLabel(u.role)},
          {"disabled", u.disabled},
          {"created_at", u.created_at}};
}

json RoleOptions(std::string_view selected) {
  json out = json::array();
  for (accounts::Role r : accounts::AllRoles()) {
    out.push_back({{"value", accounts::RoleName(r)},
                   {"label", accounts::RoleLabel(r)},
                   {"selected", accounts::RoleName(r) == selected}});
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

Response AdminPage(App& app, const Request& req, const json& user_form, const json& team_form, int status) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto users = accounts::ListUsers(lease->db(), *req.principal);
  if (!users) return ErrorResponse(req, users.error());
  auto teams = accounts::ListTeams(lease->db(), *req.principal);
  if (!teams) return ErrorResponse(req, teams.error());
  json data = {{"users", json::array()},
               {"teams", json::array()},
               {"has_teams", !teams->empty()},
               {"user_form", user_form},
               {"team_form", team_form},
               {"roles", RoleOptions(user_form["values"].value("rol", "wijkwerker"))},
               {"min_password", accounts::kMinPasswordLength},
               {"can_view_audit", accounts::Can(*req.principal, Action::kViewAudit)}};
  for (const auto& u : *users) data["users"].push_back(UserJson(u));
  AddFlash(data, req);
  for (const auto& t : *teams) {
    data["teams"].push_back({{"id", t.id},
                             {"name", t.name},
                             {"member_count", t.members.size()},
                             {"areas", t.area_codes.empty() ? std::string("geen") : Join(t.area_codes, ", ")}});
  }
  return RenderPage(req, "Beheer", "beheer", data, status);
}

Response UserPage(App& app, const Request& req, std::int64_t id, const json& password_form, int status) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto user = accounts::GetUser(lease->db(), *req.principal, id);
  if (!user) return ErrorResponse(req, user.error());
  json data = {{"user_record", UserJson(*user)},
               {"password_form", password_form},
               {"is_self", user->id == req.principal->user_id},
               {"min_password", accounts::kMinPasswordLength}};
  AddFlash(data, req);
  return RenderPage(req, "Gebruiker " + user->name, "beheer_gebruiker", data, status);
}

Response TeamPage(App& app, const Request& req, std::int64_t id, const json& member_form, const json& area_form,
                  int status) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto team = accounts::GetTeam(lease->db(), *req.principal, id);
  if (!team) return ErrorResponse(req, team.error());
  auto users = accounts::ListUsers(lease->db(), *req.principal);
  if (!users) return ErrorResponse(req, users.error());
  json members = json::array();
  for (const auto& m : team->members) members.push_back(UserJson(m));
  json candidates = json::array();
  for (const auto& u : *users) {
    bool member = std::any_of(team->members.begin(), team->members.end(), [&](const auto& m) { return m.id == u.id; });
    if (!member && !u.disabled) candidates.push_back(UserJson(u));
  }
  json area_state = area_form;
  if (!area_state["has_errors"].get<bool>()) area_state["values"]["gebieden"] = Join(team->area_codes, ", ");
  json data = {{"team", {{"id", team->id}, {"name", team->name}}},
               {"members", members},
               {"has_members", !members.empty()},
               {"candidates", candidates},
               {"has_candidates", !candidates.empty()},
               {"member_form", member_form},
               {"area_form", area_state}};
  AddFlash(data, req);
  return RenderPage(req, "Team " + team->name, "beheer_team", data, status);
}

// The answer to a failed form post: the page again with the error at its field, or the error page
// when the error belongs to no field (not found, no permission, internal).
template <class Render>
Response Refused(const Request& req, const Error& error, Render render) {
  if (error.field.empty() || error.code == ErrorCode::kNotFound) return ErrorResponse(req, error);
  return render(HttpStatus(error.code));
}

}  // namespace

void RegisterAdminRoutes(Router& router, App& app) {
  const Access admin = Access::Needs(Action::kManageUsers);

  router.Get("/beheer", admin, [&app](Request& req) {
    return AdminPage(app, req, FormState(req, "gebruiker", {}), FormState(req, "team", {}), 200);
  });

  router.Post("/beheer/gebruikers", admin, [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    accounts::NewUser input{req.Form("naam").value_or(""), req.Form("rol").value_or(""),
                            req.Form("wachtwoord").value_or("")};
    auto user = accounts::AddUser(lease->db(), *req.principal, input);
    if (!user) {
      return Refused(req, user.error(), [&](int status) {
        return AdminPage(app, req, FormState(req, "gebruiker", {"naam", "rol"}, &user.error()),
                         FormState(req, "team", {}), status);
      });
    }
    return Response::Redirect("/beheer/gebruikers/" + std::to_string(user->id) + "?gelukt=gebruiker-toegevoegd");
  });

  router.Get("/beheer/gebruikers/{id:int}", admin, [&app](Request& req) {
    return UserPage(app, req, *req.IntParam("id"), FormState(req, "wachtwoord", {}), 200);
  });

  router.Post("/beheer/gebruikers/{id:int}/wachtwoord", admin, [&app](Request& req) {
    std::int64_t id = *req.IntParam("id");
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto r = accounts::ResetPassword(lease->db(), *req.principal, id, req.Form("wachtwoord").value_or(""));
    if (!r) {
      return Refused(req, r.error(), [&](int status) {
        return UserPage(app, req, id, FormState(req, "wachtwoord", {}, &r.error()), status);
      });
    }
    return Response::Redirect("/beheer/gebruikers/" + std::to_string(id) + "?gelukt=wachtwoord-gezet");
  });

  router.Post("/beheer/gebruikers/{id:int}/uitschakelen", admin, [&app](Request& req) {
    std::int64_t id = *req.IntParam("id");
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto r = accounts::DisableUser(lease->db(), *req.principal, id);
    if (!r) return ErrorResponse(req, r.error());
    return Response::Redirect("/beheer/gebruikers/" + std::to_string(id) + "?gelukt=uitgeschakeld");
  });

  router.Post("/beheer/teams", admin, [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto team = accounts::CreateTeam(lease->db(), *req.principal, req.Form("naam").value_or(""));
    if (!team) {
      return Refused(req, team.error(), [&](int status) {
        return AdminPage(app, req, FormState(req, "gebruiker", {}), FormState(req, "team", {"naam"}, &team.error()),
                         status);
      });
    }
    return Response::Redirect("/beheer/teams/" + std::to_string(team->id) + "?gelukt=team-aangemaakt");
  });

  router.Get("/beheer/teams/{id:int}", admin, [&app](Request& req) {
    return TeamPage(app, req, *req.IntParam("id"), FormState(req, "lid", {}), FormState(req, "gebieden", {}), 200);
  });

  router.Post("/beheer/teams/{id:int}/leden", admin, [&app](Request& req) {
    std::int64_t id = *req.IntParam("id");
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto user_id = text::ParseInt(req.Form("gebruiker").value_or(""));
    Result<void> r = user_id ? accounts::AddTeamMember(lease->db(), *req.principal, id, *user_id)
                             : Result<void>(Fail(ErrorCode::kInvalid, "Kies een gebruiker.", "gebruiker"));
    if (!r) {
      return Refused(req, r.error(), [&](int status) {
        return TeamPage(app, req, id, FormState(req, "lid", {}, &r.error()), FormState(req, "gebieden", {}), status);
      });
    }
    return Response::Redirect("/beheer/teams/" + std::to_string(id) + "?gelukt=lid-toegevoegd");
  });

  router.Post("/beheer/teams/{id:int}/leden/{user:int}/verwijderen", admin, [&app](Request& req) {
    std::int64_t id = *req.IntParam("id");
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto r = accounts::RemoveTeamMember(lease->db(), *req.principal, id, *req.IntParam("user"));
    if (!r) return ErrorResponse(req, r.error());
    return Response::Redirect("/beheer/teams/" + std::to_string(id) + "?gelukt=lid-verwijderd");
  });

  router.Post("/beheer/teams/{id:int}/gebieden", admin, [&app](Request& req) {
    std::int64_t id = *req.IntParam("id");
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto r = accounts::SetTeamAreas(lease->db(), *req.principal, id, req.Form("gebieden").value_or(""));
    if (!r) {
      return Refused(req, r.error(), [&](int status) {
        return TeamPage(app, req, id, FormState(req, "lid", {}), FormState(req, "gebieden", {"gebieden"}, &r.error()),
                        status);
      });
    }
    return Response::Redirect("/beheer/teams/" + std::to_string(id) + "?gelukt=gebieden");
  });

  router.Get("/auditlog", Access::Needs(Action::kViewAudit), [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto entries = accounts::AuditTrail(lease->db(), *req.principal, 200);
    if (!entries) return ErrorResponse(req, entries.error());
    json rows = json::array();
    for (const auto& e : *entries) {
      rows.push_back({{"at", e.at},
                      {"actor", e.actor},
                      {"action", e.action},
                      {"record", e.record_type + (e.record_id.empty() ? "" : " " + e.record_id)},
                      {"detail", e.detail}});
    }
    return RenderPage(req, "Auditlog", "auditlog", {{"entries", rows}, {"count", rows.size()}});
  });
}

}  // namespace wk::web
