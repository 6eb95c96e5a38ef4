#include "auth_store.h"

namespace wk::accounts::auth_store {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO accounts_session(token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, ?4, ?5)";
constexpr std::string_view kFindSession =
    "SELECT s.id, s.user_id, s.token_hash, s.csrf_token, s.last_seen_at, s.expires_at, u.name, u.role, u.disabled "
    "FROM accounts_session s JOIN accounts_user u ON u.id = s.user_id WHERE s.token_hash = ?1";
constexpr std::string_view kTouchSession = "UPDATE accounts_session SET last_seen_at = ?2 WHERE id = ?1";
constexpr std::string_view kDeleteSession = "DELETE FROM accounts_session WHERE id = ?1";
constexpr std::string_view kDeleteSessionsOfUser = "DELETE FROM accounts_session WHERE user_id = ?1 AND id != ?2";
constexpr std::string_view kDeleteExpiredSessions =
    "DELETE FROM accounts_session WHERE expires_at <= ?1 OR last_seen_at < ?2";

constexpr std::string_view kInsertAttempt =
    "INSERT INTO accounts_login_attempt(account_name, address, at) VALUES (?1, ?2, ?3)";
constexpr std::string_view kNthAccountFailure =
    "SELECT at FROM accounts_login_attempt WHERE account_name = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3";
constexpr std::string_view kNthAddressFailure =
    "SELECT at FROM accounts_login_attempt WHERE address = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3";
constexpr std::string_view kClearAccountFailures = "DELETE FROM accounts_login_attempt WHERE account_name = ?1";
constexpr std::string_view kPruneAttempts = "DELETE FROM accounts_login_attempt WHERE at < ?1";

constexpr std::string_view kInsertToken =
    "INSERT INTO accounts_api_token(user_id, name, token_hash, prefix, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kTokensOfUser =
    "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM accounts_api_token "
    "WHERE user_id = ?1 ORDER BY id DESC";
constexpr std::string_view kFindTokenByHash =
    "SELECT t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at, t.user_id, t.token_hash, u.name, "
    "u.role, u.disabled FROM accounts_api_token t JOIN accounts_user u ON u.id = t.user_id WHERE t.token_hash = ?1";
constexpr std::string_view kFindTokenById =
    "SELECT t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at, t.user_id, t.token_hash, u.name, "
    "u.role, u.disabled FROM accounts_api_token t JOIN accounts_user u ON u.id = t.user_id WHERE t.id = ?1";
constexpr std::string_view kRevokeToken =
    "UPDATE accounts_api_token SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL";
constexpr std::string_view kTouchToken =
    "UPDATE accounts_api_token SET last_used_at = ?2 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?3)";

template <class... Args>
Result<void> Run(store::Db& db, std::string_view sql, const Args&... args) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  return st->BindAll(args...).Run();
}

ApiToken ReadToken(const store::Statement& st) {
  ApiToken t;
  t.id = st.Int(0);
  t.name = st.Text(1);
  t.prefix = st.Text(2);
  t.created_at = st.Text(3);
  t.last_used_at = st.OptText(4);
  t.revoked_at = st.OptText(5);
  return t;
}

Result<std::optional<TokenRow>> FindToken(store::Db& db, std::string_view sql, auto key) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->BindAll(key);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<TokenRow>();
  TokenRow r;
  r.token = ReadToken(*st);
  r.user_id = st->Int(6);
  r.token_hash = st->Text(7);
  r.user_name = st->Text(8);
  r.role = ParseRole(st->Text(9)).value_or(Role::kLezer);
  r.user_disabled = st->Int(10) != 0;
  return std::optional<TokenRow>(std::move(r));
}

Result<std::optional<std::int64_t>> NthFailure(store::Db& db, std::string_view sql, std::string_view key,
                                               std::int64_t since, int n) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->BindAll(key, since, n - 1);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(st->Int(0));
}

}  // namespace

Result<std::int64_t> InsertSession(store::Db& db, std::string_view token_hash, std::int64_t user_id,
                                   std::string_view csrf_token, std::int64_t now, std::int64_t expires_at) {
  if (auto r = Run(db, kInsertSession, token_hash, user_id, csrf_token, now, expires_at); !r) return Fail(r.error());
  return db.LastInsertId();
}

Result<std::optional<SessionRow>> FindSession(store::Db& db, std::string_view token_hash) {
  auto st = db.Prepare(kFindSession);
  if (!st) return Fail(st.error());
  st->BindAll(token_hash);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<SessionRow>();
  SessionRow s;
  s.id = st->Int(0);
  s.user_id = st->Int(1);
  s.token_hash = st->Text(2);
  s.csrf_token = st->Text(3);
  s.last_seen_at = st->Int(4);
  s.expires_at = st->Int(5);
  s.user_name = st->Text(6);
  s.role = ParseRole(st->Text(7)).value_or(Role::kLezer);
  s.user_disabled = st->Int(8) != 0;
  return std::optional<SessionRow>(std::move(s));
}

Result<void> TouchSession(store::Db& db, std::int64_t id, std::int64_t now) {
  return Run(db, kTouchSession, id, now);
}
Result<void> DeleteSession(store::Db& db, std::int64_t id) {
  return Run(db, kDeleteSession, id);
}
Result<void> DeleteSessionsOfUser(store::Db& db, std::int64_t user_id, std::int64_t keep_id) {
  return Run(db, kDeleteSessionsOfUser, user_id, keep_id);
}
Result<void> DeleteExpiredSessions(store::Db& db, std::int64_t now, std::int64_t idle_before) {
  return Run(db, kDeleteExpiredSessions, now, idle_before);
}

Result<void> InsertAttempt(store::Db& db, std::string_view account_name, std::string_view address, std::int64_t at) {
  return Run(db, kInsertAttempt, account_name, address, at);
}
Result<std::optional<std::int64_t>> NthNewestAccountFailure(store::Db& db, std::string_view account_name,
                                                            std::int64_t since, int n) {
  return NthFailure(db, kNthAccountFailure, account_name, since, n);
}
Result<std::optional<std::int64_t>> NthNewestAddressFailure(store::Db& db, std::string_view address, std::int64_t since,
                                                            int n) {
  return NthFailure(db, kNthAddressFailure, address, since, n);
}
Result<void> ClearAccountFailures(store::Db& db, std::string_view account_name) {
  return Run(db, kClearAccountFailures, account_name);
}
Result<void> PruneAttempts(store::Db& db, std::int64_t before) {
  return Run(db, kPruneAttempts, before);
}

Result<std::int64_t> InsertToken(store::Db& db, std::int64_t user_id, std::string_view name,
                                 std::string_view token_hash, std::string_view prefix, std::string_view now) {
  if (auto r = Run(db, kInsertToken, user_id, name, token_hash, prefix, now); !r) return Fail(r.error());
  return db.LastInsertId();
}

Result<std::vector<ApiToken>> TokensOfUser(store::Db& db, std::int64_t user_id) {
  auto st = db.Prepare(kTokensOfUser);
  if (!st) return Fail(st.error());
  st->Bind(1, user_id);
  std::vector<ApiToken> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(ReadToken(*st));
  }
  return out;
}

Result<std::optional<TokenRow>> FindTokenByHash(store::Db& db, std::string_view token_hash) {
  return FindToken(db, kFindTokenByHash, token_hash);
}
Result<std::optional<TokenRow>> FindTokenById(store::Db& db, std::int64_t id) {
  return FindToken(db, kFindTokenById, id);
}
Result<void> RevokeToken(store::Db& db, std::int64_t id, std::string_view now) {
  return Run(db, kRevokeToken, id, now);
}
Result<void> TouchToken(store::Db& db, std::int64_t id, std::string_view now, std::string_view not_before) {
  return Run(db, kTouchToken, id, now, not_before);
}

}  // namespace wk::accounts::auth_store
