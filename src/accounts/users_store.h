// SQL for users and teams (accounts_user, accounts_team, accounts_team_member, accounts_team_area).
// Private to the accounts module; the use cases in users.cc and teams.cc call these inside their
// transactions. Names are compared ignoring case (the columns are COLLATE NOCASE).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wk/accounts/users.h"
#include "wk/store/db.h"

namespace wk::accounts::users_store {

struct UserRow {
  User user;
  std::string password_hash;
};

Result<std::optional<UserRow>> FindById(store::Db& db, std::int64_t id);
Result<std::optional<UserRow>> FindByName(store::Db& db, std::string_view name);
Result<std::vector<User>> All(store::Db& db);
Result<std::int64_t> Count(store::Db& db);
// kConflict (from the UNIQUE constraint) if the name is taken.
Result<std::int64_t> Insert(store::Db& db, std::string_view name, Role role, std::string_view password_hash,
                            std::string_view now);
Result<void> UpdatePassword(store::Db& db, std::int64_t id, std::string_view password_hash, std::string_view now);
Result<void> Disable(store::Db& db, std::int64_t id, std::string_view now);

Result<std::optional<Team>> FindTeam(store::Db& db, std::int64_t id);  // without members and areas
Result<std::vector<Team>> AllTeams(store::Db& db);                     // without members and areas
Result<std::int64_t> InsertTeam(store::Db& db, std::string_view name, std::string_view now);
Result<void> TouchTeam(store::Db& db, std::int64_t id, std::string_view now);
Result<std::vector<User>> TeamMembers(store::Db& db, std::int64_t team_id);
Result<std::vector<std::string>> TeamAreas(store::Db& db, std::int64_t team_id);
Result<void> InsertMember(store::Db& db, std::int64_t team_id, std::int64_t user_id);
Result<void> DeleteMember(store::Db& db, std::int64_t team_id, std::int64_t user_id);
Result<void> ReplaceAreas(store::Db& db, std::int64_t team_id, const std::vector<std::string>& codes);

Result<std::vector<std::int64_t>> TeamIdsOfUser(store::Db& db, std::int64_t user_id);
Result<std::vector<std::string>> TeamNamesOfUser(store::Db& db, std::int64_t user_id);
Result<std::vector<std::string>> AreaCodesOfUser(store::Db& db, std::int64_t user_id);

}  // namespace wk::accounts::users_store
