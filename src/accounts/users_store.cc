#include "users_store.h"

namespace wk::accounts::users_store {
namespace {

constexpr std::string_view kFindById =
    "SELECT id, name, role, disabled, created_at, updated_at, password_hash FROM accounts_user WHERE id = ?1";
constexpr std::string_view kFindByName =
    "SELECT id, name, role, disabled, created_at, updated_at, password_hash FROM accounts_user WHERE name = ?1";
constexpr std::string_view kAll =
    "SELECT id, name, role, disabled, created_at, updated_at, password_hash FROM accounts_user ORDER BY name";
constexpr std::string_view kCount = "SELECT count(*) FROM accounts_user";
constexpr std::string_view kInsert =
    "INSERT INTO accounts_user(name, role, password_hash, disabled, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, 0, ?4, ?4)";
constexpr std::string_view kUpdatePassword =
    "UPDATE accounts_user SET password_hash = ?2, updated_at = ?3 WHERE id = ?1";
constexpr std::string_view kDisable = "UPDATE accounts_user SET disabled = 1, updated_at = ?2 WHERE id = ?1";

constexpr std::string_view kFindTeam = "SELECT id, name FROM accounts_team WHERE id = ?1";
constexpr std::string_view kAllTeams = "SELECT id, name FROM accounts_team ORDER BY name";
constexpr std::string_view kInsertTeam = "INSERT INTO accounts_team(name, created_at, updated_at) VALUES (?1, ?2, ?2)";
constexpr std::string_view kTouchTeam = "UPDATE accounts_team SET updated_at = ?2 WHERE id = ?1";
constexpr std::string_view kTeamMembers =
    "SELECT u.id, u.name, u.role, u.disabled, u.created_at, u.updated_at, u.password_hash "
    "FROM accounts_team_member m JOIN accounts_user u ON u.id = m.user_id WHERE m.team_id = ?1 ORDER BY u.name";
constexpr std::string_view kTeamAreas =
    "SELECT area_code FROM accounts_team_area WHERE team_id = ?1 ORDER BY area_code";
constexpr std::string_view kInsertMember =
    "INSERT OR IGNORE INTO accounts_team_member(team_id, user_id) VALUES (?1, ?2)";
constexpr std::string_view kDeleteMember = "DELETE FROM accounts_team_member WHERE team_id = ?1 AND user_id = ?2";
constexpr std::string_view kDeleteAreas = "DELETE FROM accounts_team_area WHERE team_id = ?1";
constexpr std::string_view kInsertArea = "INSERT INTO accounts_team_area(team_id, area_code) VALUES (?1, ?2)";

constexpr std::string_view kTeamIdsOfUser =
    "SELECT team_id FROM accounts_team_member WHERE user_id = ?1 ORDER BY team_id";
constexpr std::string_view kTeamNamesOfUser =
    "SELECT t.name FROM accounts_team_member m JOIN accounts_team t ON t.id = m.team_id "
    "WHERE m.user_id = ?1 ORDER BY t.name";
constexpr std::string_view kAreaCodesOfUser =
    "SELECT DISTINCT a.area_code FROM accounts_team_member m JOIN accounts_team_area a ON a.team_id = m.team_id "
    "WHERE m.user_id = ?1 ORDER BY a.area_code";

UserRow ReadUser(const store::Statement& st) {
  UserRow row;
  row.user.id = st.Int(0);
  row.user.name = st.Text(1);
  row.user.role = ParseRole(st.Text(2)).value_or(Role::kLezer);
  row.user.disabled = st.Int(3) != 0;
  row.user.created_at = st.Text(4);
  row.user.updated_at = st.Text(5);
  row.password_hash = st.Text(6);
  return row;
}

Result<std::optional<UserRow>> FindOne(store::Db& db, std::string_view sql, auto key) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->BindAll(key);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<UserRow>();
  return std::optional<UserRow>(ReadUser(*st));
}

Result<std::vector<User>> Users(store::Db& db, std::string_view sql, std::optional<std::int64_t> key) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  if (key) st->Bind(1, *key);
  std::vector<User> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(ReadUser(*st).user);
  }
  return out;
}

Result<std::vector<std::string>> Texts(store::Db& db, std::string_view sql, std::int64_t key) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->Bind(1, key);
  std::vector<std::string> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(st->Text(0));
  }
  return out;
}

template <class... Args>
Result<void> Run(store::Db& db, std::string_view sql, const Args&... args) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  return st->BindAll(args...).Run();
}

Result<std::vector<Team>> Teams(store::Db& db, std::string_view sql, std::optional<std::int64_t> key) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  if (key) st->Bind(1, *key);
  std::vector<Team> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    Team t;
    t.id = st->Int(0);
    t.name = st->Text(1);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

Result<std::optional<UserRow>> FindById(store::Db& db, std::int64_t id) {
  return FindOne(db, kFindById, id);
}
Result<std::optional<UserRow>> FindByName(store::Db& db, std::string_view name) {
  return FindOne(db, kFindByName, name);
}
Result<std::vector<User>> All(store::Db& db) {
  return Users(db, kAll, std::nullopt);
}

Result<std::int64_t> Count(store::Db& db) {
  auto st = db.Prepare(kCount);
  if (!st) return Fail(st.error());
  auto row = st->Step();
  if (!row) return Fail(row.error());
  return st->Int(0);
}

Result<std::int64_t> Insert(store::Db& db, std::string_view name, Role role, std::string_view password_hash,
                            std::string_view now) {
  if (auto r = Run(db, kInsert, name, RoleName(role), password_hash, now); !r) return Fail(r.error());
  return db.LastInsertId();
}

Result<void> UpdatePassword(store::Db& db, std::int64_t id, std::string_view password_hash, std::string_view now) {
  return Run(db, kUpdatePassword, id, password_hash, now);
}

Result<void> Disable(store::Db& db, std::int64_t id, std::string_view now) {
  return Run(db, kDisable, id, now);
}

Result<std::optional<Team>> FindTeam(store::Db& db, std::int64_t id) {
  auto teams = Teams(db, kFindTeam, id);
  if (!teams) return Fail(teams.error());
  if (teams->empty()) return std::optional<Team>();
  return std::optional<Team>(std::move(teams->front()));
}

Result<std::vector<Team>> AllTeams(store::Db& db) {
  return Teams(db, kAllTeams, std::nullopt);
}

Result<std::int64_t> InsertTeam(store::Db& db, std::string_view name, std::string_view now) {
  if (auto r = Run(db, kInsertTeam, name, now); !r) return Fail(r.error());
  return db.LastInsertId();
}

Result<void> TouchTeam(store::Db& db, std::int64_t id, std::string_view now) {
  return Run(db, kTouchTeam, id, now);
}

Result<std::vector<User>> TeamMembers(store::Db& db, std::int64_t team_id) {
  return Users(db, kTeamMembers, team_id);
}
Result<std::vector<std::string>> TeamAreas(store::Db& db, std::int64_t team_id) {
  return Texts(db, kTeamAreas, team_id);
}

Result<void> InsertMember(store::Db& db, std::int64_t team_id, std::int64_t user_id) {
  return Run(db, kInsertMember, team_id, user_id);
}

Result<void> DeleteMember(store::Db& db, std::int64_t team_id, std::int64_t user_id) {
  return Run(db, kDeleteMember, team_id, user_id);
}

Result<void> ReplaceAreas(store::Db& db, std::int64_t team_id, const std::vector<std::string>& codes) {
  if (auto r = Run(db, kDeleteAreas, team_id); !r) return r;
  for (const auto& code : codes) {
    if (auto r = Run(db, kInsertArea, team_id, code); !r) return r;
  }
  return {};
}

Result<std::vector<std::int64_t>> TeamIdsOfUser(store::Db& db, std::int64_t user_id) {
  auto st = db.Prepare(kTeamIdsOfUser);
  if (!st) return Fail(st.error());
  st->Bind(1, user_id);
  std::vector<std::int64_t> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(st->Int(0));
  }
  return out;
}

Result<std::vector<std::string>> TeamNamesOfUser(store::Db& db, std::int64_t user_id) {
  return Texts(db, kTeamNamesOfUser, user_id);
}

Result<std::vector<std::string>> AreaCodesOfUser(store::Db& db, std::int64_t user_id) {
  return Texts(db, kAreaCodesOfUser, user_id);
}

}  // namespace wk::accounts::users_store
