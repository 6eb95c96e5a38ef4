// Authentication: login with throttling, sessions in the database, CSRF tokens, personal API tokens.
//
// Secrets: session and API tokens are 256-bit random values (libsodium randombytes_buf), handed to
// the client once and stored only as their BLAKE2b hash (crypto_generichash), so a copy of the
// database does not let anyone log in. Passwords are argon2id strings (crypto_pwhash_str).
// Comparisons of secrets are constant-time. Nothing here logs a password or a token.
// Times are Unix seconds; `now` parameters exist so tests can move the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::accounts {

// Current time in Unix seconds.
std::int64_t NowUnix();

// Login throttling: more than the allowed failures within the window refuses further attempts
// (even with the right password) until the oldest failure in the window has aged out.
struct ThrottlePolicy {
  int window_seconds = 15 * 60;
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
};

struct SessionPolicy {
  int idle_seconds = 120 * 60;       // a session unused this long ends
  int absolute_seconds = 12 * 3600;  // a session ends this long after login, used or not
};

struct LoginInput {
  std::string name;
  std::string password;
  std::string address;  // client address, for throttling per address
};

// A session as created at login: `token` goes into the cookie and is not kept anywhere else.
struct NewSession {
  std::int64_t session_id = 0;
  std::string token;
  std::string csrf_token;
  std::int64_t expires_at = 0;  // absolute expiry
  Principal principal;
};

// A session found by its cookie.
struct ActiveSession {
  std::int64_t session_id = 0;
  std::string csrf_token;
  Principal principal;
};

// Checks name and password, then creates a session. Errors:
//   kUnauthenticated "Onjuiste naam of wachtwoord." (unknown name, wrong password or disabled
//     account alike, so a guess reveals nothing; field "wachtwoord"),
//   kTooManyRequests "Te veel mislukte pogingen. Probeer het over N minuten opnieuw.",
//   kInvalid when name or password is empty.
// A failure is recorded (and audited) for throttling; a success clears the account's failures.
Result<NewSession> Login(store::Db& db, const LoginInput& input, const SessionPolicy& sessions,
                         const ThrottlePolicy& throttle = {}, std::int64_t now = NowUnix());

// The session for a cookie token, or nullopt if unknown, expired (idle or absolute; it is then
// deleted) or its user is disabled. Updates last-seen at most once a minute.
Result<std::optional<ActiveSession>> ResolveSession(store::Db& db, std::string_view token,
                                                    const SessionPolicy& sessions, std::int64_t now = NowUnix());

// Ends the session of this cookie token (audited); an unknown token is not an error.
Result<void> Logout(store::Db& db, std::string_view token);

// A personal API token. `token` is set only in the answer of CreateApiToken: it is shown once.
struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;  // the token's first characters ("wk_AbC12x"), to recognise it
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
  std::string token;
};

// Creates a token for the actor itself (kManageOwnTokens); name 1-100 characters (field "naam").
Result<ApiToken> CreateApiToken(store::Db& db, const Principal& actor, std::string_view name);
// The actor's own tokens, newest first, revoked ones included.
Result<std::vector<ApiToken>> ListOwnApiTokens(store::Db& db, const Principal& actor);
// Revokes one of the actor's own tokens; kNotFound if it is not the actor's. Revoking twice is not an error.
Result<void> RevokeApiToken(store::Db& db, const Principal& actor, std::int64_t token_id);
// The principal of a bearer token, or nullopt if unknown, revoked or its user disabled.
// Updates last-used at most once a minute.
Result<std::optional<Principal>> ResolveApiToken(store::Db& db, std::string_view token, std::int64_t now = NowUnix());

// Secret helpers shared with the web layer.
std::string NewRandomToken();                               // 256 bits, URL-safe base64 without padding
bool SecretsEqual(std::string_view a, std::string_view b);  // constant-time for equal lengths

}  // namespace wk::accounts
