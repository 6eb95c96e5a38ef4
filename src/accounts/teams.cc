// Use cases for teams: create, members, the areas a team works in.
#include "principal_cache.h"
#include "users_store.h"
#include "validation.h"
#include "wk/accounts/users.h"
#include "wk/core/text.h"
#include "wk/store/audit.h"

namespace wk::accounts {
namespace {

Result<Team> LoadTeam(store::Db& db, std::int64_t team_id) {
  auto team = users_store::FindTeam(db, team_id);
  if (!team) return Fail(team.error());
  if (!*team) return Fail(ErrorCode::kNotFound, "Dit team bestaat niet.", "team");
  return std::move(**team);
}

Result<void> FillTeam(store::Db& db, Team& team) {
  auto members = users_store::TeamMembers(db, team.id);
  if (!members) return Fail(members.error());
  auto areas = users_store::TeamAreas(db, team.id);
  if (!areas) return Fail(areas.error());
  team.members = std::move(*members);
  team.area_codes = std::move(*areas);
  return {};
}

// Membership changes share their shape: check, load both records, write, audit, commit.
Result<void> ChangeMembership(store::Db& db, const Principal& actor, std::int64_t team_id, std::int64_t user_id,
                              bool add) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return r;
  if (auto team = LoadTeam(db, team_id); !team) return Fail(team.error());
  auto user = users_store::FindById(db, user_id);
  if (!user) return Fail(user.error());
  if (!*user) return Fail(ErrorCode::kNotFound, "Deze gebruiker bestaat niet.", "gebruiker");
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto written =
      add ? users_store::InsertMember(db, team_id, user_id) : users_store::DeleteMember(db, team_id, user_id);
  if (!written) return written;
  if (auto r = users_store::TouchTeam(db, team_id, store::NowUtc()); !r) return r;
  if (auto r = store::AppendAudit(db, actor.AuditActor(), add ? "team.member_add" : "team.member_remove", "team",
                                  std::to_string(team_id), "gebruiker " + (*user)->user.name);
      !r) {
    return r;
  }
  auto committed = tx->Commit();
  principal_cache::Invalidate();  // a cached principal carries its team ids
  return committed;
}

}  // namespace

Result<Team> CreateTeam(store::Db& db, const Principal& actor, std::string_view name) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  auto valid = ValidateTeamName(name);
  if (!valid) return Fail(valid.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto id = users_store::InsertTeam(db, *valid, store::NowUtc());
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "Er bestaat al een team met deze naam.", "naam");
    }
    return Fail(id.error());
  }
  if (auto r = store::AppendAudit(db, actor.AuditActor(), "team.create", "team", std::to_string(*id), *valid); !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  Team team;
  team.id = *id;
  team.name = *valid;
  return team;
}

Result<void> AddTeamMember(store::Db& db, const Principal& actor, std::int64_t team_id, std::int64_t user_id) {
  return ChangeMembership(db, actor, team_id, user_id, true);
}

Result<void> RemoveTeamMember(store::Db& db, const Principal& actor, std::int64_t team_id, std::int64_t user_id) {
  return ChangeMembership(db, actor, team_id, user_id, false);
}

Result<std::vector<std::string>> SetTeamAreas(store::Db& db, const Principal& actor, std::int64_t team_id,
                                              std::string_view codes) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  auto parsed = ParseAreaCodes(codes);
  if (!parsed) return Fail(parsed.error());
  if (auto team = LoadTeam(db, team_id); !team) return Fail(team.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = users_store::ReplaceAreas(db, team_id, *parsed); !r) return Fail(r.error());
  if (auto r = users_store::TouchTeam(db, team_id, store::NowUtc()); !r) return Fail(r.error());
  std::string detail;
  for (const auto& c : *parsed) detail += (detail.empty() ? "" : ",") + c;
  if (auto r = store::AppendAudit(db, actor.AuditActor(), "team.areas_set", "team", std::to_string(team_id), detail);
      !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return parsed;
}

Result<std::vector<Team>> ListTeams(store::Db& db, const Principal& actor) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  auto teams = users_store::AllTeams(db);
  if (!teams) return Fail(teams.error());
  for (Team& t : *teams) {
    if (auto r = FillTeam(db, t); !r) return Fail(r.error());
  }
  return teams;
}

Result<Team> GetTeam(store::Db& db, const Principal& actor, std::int64_t team_id) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  auto team = LoadTeam(db, team_id);
  if (!team) return Fail(team.error());
  if (auto r = FillTeam(db, *team); !r) return Fail(r.error());
  return team;
}

Result<std::vector<std::string>> TeamAreaCodes(store::Db& db, const Principal& principal) {
  if (principal.user_id == 0) return std::vector<std::string>();
  return users_store::AreaCodesOfUser(db, principal.user_id);
}

Result<std::vector<std::string>> TeamNames(store::Db& db, const Principal& principal) {
  if (principal.user_id == 0) return std::vector<std::string>();
  return users_store::TeamNamesOfUser(db, principal.user_id);
}

}  // namespace wk::accounts
