// SQL for sessions, API tokens and login attempts (accounts_session, accounts_api_token,
// accounts_login_attempt). Private to the accounts module. Tokens arrive here already hashed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wk/accounts/auth.h"
#include "wk/store/db.h"

namespace wk::accounts::auth_store {

struct SessionRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string token_hash;
  std::string csrf_token;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::string user_name;
  Role role = Role::kLezer;
  bool user_disabled = false;
};

Result<std::int64_t> InsertSession(store::Db& db, std::string_view token_hash, std::int64_t user_id,
                                   std::string_view csrf_token, std::int64_t now, std::int64_t expires_at);
Result<std::optional<SessionRow>> FindSession(store::Db& db, std::string_view token_hash);
Result<void> TouchSession(store::Db& db, std::int64_t id, std::int64_t now);
Result<void> DeleteSession(store::Db& db, std::int64_t id);
// Ends all sessions of a user except `keep_id` (0 keeps none).
Result<void> DeleteSessionsOfUser(store::Db& db, std::int64_t user_id, std::int64_t keep_id);
// Deletes sessions past their absolute expiry or idle since before `idle_before`.
Result<void> DeleteExpiredSessions(store::Db& db, std::int64_t now, std::int64_t idle_before);

Result<void> InsertAttempt(store::Db& db, std::string_view account_name, std::string_view address, std::int64_t at);
// The time of the `n`-th newest failure for the account (or address) after `since`, if there are n.
Result<std::optional<std::int64_t>> NthNewestAccountFailure(store::Db& db, std::string_view account_name,
                                                            std::int64_t since, int n);
Result<std::optional<std::int64_t>> NthNewestAddressFailure(store::Db& db, std::string_view address, std::int64_t since,
                                                            int n);
Result<void> ClearAccountFailures(store::Db& db, std::string_view account_name);
Result<void> PruneAttempts(store::Db& db, std::int64_t before);

struct TokenRow {
  ApiToken token;
  std::int64_t user_id = 0;
  std::string token_hash;
  std::string user_name;
  Role role = Role::kLezer;
  bool user_disabled = false;
};

Result<std::int64_t> InsertToken(store::Db& db, std::int64_t user_id, std::string_view name,
                                 std::string_view token_hash, std::string_view prefix, std::string_view now);
Result<std::vector<ApiToken>> TokensOfUser(store::Db& db, std::int64_t user_id);
Result<std::optional<TokenRow>> FindTokenByHash(store::Db& db, std::string_view token_hash);
Result<std::optional<TokenRow>> FindTokenById(store::Db& db, std::int64_t id);
Result<void> RevokeToken(store::Db& db, std::int64_t id, std::string_view now);
// Sets last_used_at = `now` unless it is already at or after `not_before` (ISO strings compare in order).
Result<void> TouchToken(store::Db& db, std::int64_t id, std::string_view now, std::string_view not_before);

}  // namespace wk::accounts::auth_store
