// Login with throttling, sessions and logout.
//
// Throttling: failures are counted per account name and per client address within a window; once
// either reaches its limit, attempts are refused until enough failures have aged out. The password
// is checked outside the write transaction (argon2id takes a noticeable fraction of a second and
// must not hold SQLite's write lock), so parallel guesses may overshoot the limit by a few.
#include "wk/accounts/auth.h"
#include "auth_store.h"
#include "crypto.h"
#include "principal_cache.h"
#include "users_store.h"
#include "validation.h"
#include "wk/core/text.h"
#include "wk/store/audit.h"

namespace wk::accounts {
namespace {

// A last-seen time is written at most this often, so a busy session does not write every request.
constexpr std::int64_t kTouchEverySeconds = 60;

Error WrongCredentials() {
  return Error{ErrorCode::kUnauthenticated, "Onjuiste naam of wachtwoord.", "wachtwoord", {}};
}

Error Throttled(std::int64_t seconds_left) {
  std::int64_t minutes = std::max<std::int64_t>(1, (seconds_left + 59) / 60);
  std::string when = minutes == 1 ? "1 minuut" : std::to_string(minutes) + " minuten";
  return Error{
      ErrorCode::kTooManyRequests, "Te veel mislukte pogingen. Probeer het over " + when + " opnieuw.", {}, {}};
}

// Until when attempts for this account or from this address are refused, if they are.
Result<std::optional<std::int64_t>> BlockedUntil(store::Db& db, std::string_view account, std::string_view address,
                                                 const ThrottlePolicy& throttle, std::int64_t now) {
  std::int64_t since = now - throttle.window_seconds;
  std::optional<std::int64_t> until;
  auto by_account = auth_store::NthNewestAccountFailure(db, account, since, throttle.max_failures_per_account);
  if (!by_account) return Fail(by_account.error());
  if (*by_account) until = **by_account + throttle.window_seconds;
  auto by_address = auth_store::NthNewestAddressFailure(db, address, since, throttle.max_failures_per_address);
  if (!by_address) return Fail(by_address.error());
  if (*by_address) until = std::max(until.value_or(0), **by_address + throttle.window_seconds);
  return until;
}

Result<void> RecordFailure(store::Db& db, std::string_view account, std::string_view address,
                           const std::optional<users_store::UserRow>& user, std::int64_t now) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = auth_store::PruneAttempts(db, now - 24 * 3600); !r) return r;
  if (auto r = auth_store::InsertAttempt(db, account, address, now); !r) return r;
  // The typed name is audited only when it is an account: people sometimes type a password there.
  std::string record_id = user ? std::to_string(user->user.id) : std::string();
  std::string detail =
      (user ? "gebruiker " + user->user.name : std::string("onbekende naam")) + " vanaf " + std::string(address);
  if (auto r = store::AppendAudit(db, "anoniem", "session.login_failed", "user", record_id, detail); !r) return r;
  return tx->Commit();
}

Principal MakePrincipal(std::int64_t user_id, std::string name, Role role, std::vector<std::int64_t> team_ids) {
  Principal p;
  p.user_id = user_id;
  p.name = std::move(name);
  p.role = role;
  p.team_ids = std::move(team_ids);
  return p;
}

}  // namespace

Result<NewSession> Login(store::Db& db, const LoginInput& input, const SessionPolicy& sessions,
                         const ThrottlePolicy& throttle, std::int64_t now) {
  if (input.name.empty()) return Fail(ErrorCode::kInvalid, "Vul uw gebruikersnaam in.", "naam");
  if (input.password.empty()) return Fail(ErrorCode::kInvalid, "Vul uw wachtwoord in.", "wachtwoord");
  std::string account = FoldAccountName(input.name);
  auto blocked = BlockedUntil(db, account, input.address, throttle, now);
  if (!blocked) return Fail(blocked.error());
  if (*blocked) return Fail(Throttled(**blocked - now));

  auto user = users_store::FindByName(db, text::Trim(input.name));
  if (!user) return Fail(user.error());
  bool ok = false;
  if (*user && !(*user)->user.disabled) {
    ok = crypto::VerifyPassword((*user)->password_hash, input.password);
  } else {
    crypto::BurnVerifyTime(input.password);  // an unknown name takes as long as a wrong password
  }
  if (!ok) {
    if (auto r = RecordFailure(db, account, input.address, *user, now); !r) return Fail(r.error());
    return Fail(WrongCredentials());
  }

  const User& u = (*user)->user;
  auto teams = users_store::TeamIdsOfUser(db, u.id);
  if (!teams) return Fail(teams.error());
  NewSession session;
  session.token = NewRandomToken();
  session.csrf_token = NewRandomToken();
  session.expires_at = now + sessions.absolute_seconds;
  session.principal = MakePrincipal(u.id, u.name, u.role, std::move(*teams));

  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = auth_store::ClearAccountFailures(db, account); !r) return Fail(r.error());
  if (auto r = auth_store::DeleteExpiredSessions(db, now, now - sessions.idle_seconds); !r) return Fail(r.error());
  auto id = auth_store::InsertSession(db, crypto::HashToken(session.token), u.id, session.csrf_token, now,
                                      session.expires_at);
  if (!id) return Fail(id.error());
  session.session_id = *id;
  if (auto r = store::AppendAudit(db, u.name, "session.login", "user", std::to_string(u.id), "vanaf " + input.address);
      !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return session;
}

Result<std::optional<ActiveSession>> ResolveSession(store::Db& db, std::string_view token,
                                                    const SessionPolicy& sessions, std::int64_t now) {
  if (token.empty()) return std::optional<ActiveSession>();
  std::string hash = crypto::HashToken(token);
  auto row = auth_store::FindSession(db, hash);
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<ActiveSession>();
  const auto& s = **row;
  // Defence in depth: the row was found by its hash; confirm with a constant-time comparison.
  if (!SecretsEqual(s.token_hash, hash)) return std::optional<ActiveSession>();
  bool expired = now >= s.expires_at || now >= s.last_seen_at + sessions.idle_seconds;
  if (expired || s.user_disabled) {
    if (auto r = auth_store::DeleteSession(db, s.id); !r) return Fail(r.error());
    return std::optional<ActiveSession>();
  }
  if (now - s.last_seen_at >= kTouchEverySeconds) {
    // Bookkeeping, not a user action: no audit entry.
    if (auto r = auth_store::TouchSession(db, s.id, now); !r) return Fail(r.error());
  }
  auto teams = users_store::TeamIdsOfUser(db, s.user_id);
  if (!teams) return Fail(teams.error());
  ActiveSession active;
  active.session_id = s.id;
  active.csrf_token = s.csrf_token;
  active.principal = MakePrincipal(s.user_id, s.user_name, s.role, std::move(*teams));
  return std::optional<ActiveSession>(std::move(active));
}

Result<void> Logout(store::Db& db, std::string_view token) {
  if (token.empty()) return {};
  auto row = auth_store::FindSession(db, crypto::HashToken(token));
  if (!row) return Fail(row.error());
  if (!*row) return {};
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = auth_store::DeleteSession(db, (*row)->id); !r) return r;
  if (auto r = store::AppendAudit(db, (*row)->user_name, "session.logout", "user", std::to_string((*row)->user_id));
      !r) {
    return r;
  }
  auto committed = tx->Commit();
  principal_cache::Invalidate();  // sessions are not cached today; this keeps logout immediate if they are
  return committed;
}

}  // namespace wk::accounts
