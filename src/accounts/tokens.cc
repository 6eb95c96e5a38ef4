// Personal API tokens for scripts: "wk_" + 256 random bits; only the hash is stored.
#include "auth_store.h"
#include "crypto.h"
#include "principal_cache.h"
#include "users_store.h"
#include "validation.h"
#include "wk/accounts/auth.h"
#include "wk/store/audit.h"

namespace wk::accounts {
namespace {

constexpr std::string_view kTokenPrefix = "wk_";
constexpr std::size_t kShownPrefixLength = 9;  // "wk_" and six characters: enough to tell tokens apart
constexpr std::int64_t kTouchEverySeconds = 60;

}  // namespace

Result<ApiToken> CreateApiToken(store::Db& db, const Principal& actor, std::string_view name) {
  if (auto r = CheckPermission(actor, Action::kManageOwnTokens); !r) return Fail(r.error());
  if (actor.user_id == 0) {
    return Fail(ErrorCode::kPermissionDenied, "Alleen een ingelogde gebruiker kan een eigen token maken.");
  }
  auto valid = ValidateTokenName(name);
  if (!valid) return Fail(valid.error());
  ApiToken token;
  token.token = std::string(kTokenPrefix) + NewRandomToken();
  token.prefix = token.token.substr(0, kShownPrefixLength);
  token.name = *valid;
  token.created_at = store::NowUtc();
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto id = auth_store::InsertToken(db, actor.user_id, token.name, crypto::HashToken(token.token), token.prefix,
                                    token.created_at);
  if (!id) return Fail(id.error());
  token.id = *id;
  if (auto r =
          store::AppendAudit(db, actor.AuditActor(), "api_token.create", "api_token", std::to_string(*id), token.name);
      !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return token;
}

Result<std::vector<ApiToken>> ListOwnApiTokens(store::Db& db, const Principal& actor) {
  if (auto r = CheckPermission(actor, Action::kManageOwnTokens); !r) return Fail(r.error());
  return auth_store::TokensOfUser(db, actor.user_id);
}

Result<void> RevokeApiToken(store::Db& db, const Principal& actor, std::int64_t token_id) {
  if (auto r = CheckPermission(actor, Action::kManageOwnTokens); !r) return r;
  auto row = auth_store::FindTokenById(db, token_id);
  if (!row) return Fail(row.error());
  // Someone else's token answers exactly like a missing one.
  if (!*row || (*row)->user_id != actor.user_id) return Fail(ErrorCode::kNotFound, "Dit token bestaat niet.");
  if ((*row)->token.revoked_at) return {};
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = auth_store::RevokeToken(db, token_id, store::NowUtc()); !r) return r;
  if (auto r = store::AppendAudit(db, actor.AuditActor(), "api_token.revoke", "api_token", std::to_string(token_id),
                                  (*row)->token.name);
      !r) {
    return r;
  }
  auto committed = tx->Commit();
  principal_cache::Invalidate();  // the revoked token stops working now, not after the cache's TTL
  return committed;
}

Result<std::optional<Principal>> ResolveApiToken(store::Db& db, std::string_view token, std::int64_t now) {
  if (!token.starts_with(kTokenPrefix)) return std::optional<Principal>();
  std::string hash = crypto::HashToken(token);
  if (auto cached = principal_cache::Find(hash, now)) return std::optional<Principal>(std::move(*cached));
  const std::uint64_t generation = principal_cache::Generation();  // before the read: see principal_cache.h
  auto row = auth_store::FindTokenByHash(db, hash);
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<Principal>();
  const auto& t = **row;
  if (!SecretsEqual(t.token_hash, hash) || t.token.revoked_at || t.user_disabled) return std::optional<Principal>();
  // Bookkeeping, not a user action: no audit entry. Decided here, not in SQL: even an UPDATE that
  // changes no row takes SQLite's write lock, which every API request would then queue for.
  std::string not_before = IsoFromUnix(now - kTouchEverySeconds);
  if (!t.token.last_used_at || *t.token.last_used_at < not_before) {
    if (auto r = auth_store::TouchToken(db, t.token.id, IsoFromUnix(now), not_before); !r) return Fail(r.error());
  }
  auto teams = users_store::TeamIdsOfUser(db, t.user_id);
  if (!teams) return Fail(teams.error());
  Principal p;
  p.user_id = t.user_id;
  p.name = t.user_name;
  p.role = t.role;
  p.team_ids = std::move(*teams);
  principal_cache::Store(hash, p, now, generation);
  return std::optional<Principal>(std::move(p));
}

}  // namespace wk::accounts
