#include <gtest/gtest.h>

#include "test_support.h"
#include "wk/accounts/auth.h"
#include "wk/accounts/users.h"
#include "wk/store/audit.h"

namespace wk::accounts {
namespace {

using testing::MigratedDb;
using testing::MustAdd;

constexpr std::int64_t kT0 = 1'790'000'000;

struct LoginFixture : ::testing::Test {
  void SetUp() override {
    db = MigratedDb();
    MustAdd(*db, "anna", "wijkwerker", "anna-wachtwoord");
    MustAdd(*db, "bob", "lezer", "bob-wachtwoord1");
  }
  Result<NewSession> Try(const std::string& name, const std::string& password, std::int64_t at,
                         const std::string& address = "10.0.0.1") {
    return Login(*db, LoginInput{name, password, address}, sessions, throttle, at);
  }
  std::unique_ptr<store::Db> db;
  SessionPolicy sessions{.idle_seconds = 600, .absolute_seconds = 3600};
  ThrottlePolicy throttle{.window_seconds = 900, .max_failures_per_account = 5, .max_failures_per_address = 8};
};

TEST_F(LoginFixture, RightPasswordGivesASessionWithFreshTokens) {
  auto s = Try("anna", "anna-wachtwoord", kT0);
  ASSERT_TRUE(s) << s.error().Describe();
  EXPECT_EQ(s->principal.name, "anna");
  EXPECT_EQ(s->principal.role, Role::kWijkwerker);
  EXPECT_EQ(s->token.size(), 43u) << "256 bits in URL-safe base64";
  EXPECT_NE(s->token, s->csrf_token);
  EXPECT_EQ(s->expires_at, kT0 + 3600);
  auto again = Try("ANNA", "anna-wachtwoord", kT0);
  ASSERT_TRUE(again) << "the name ignores case";
  EXPECT_NE(again->token, s->token);
}

TEST_F(LoginFixture, WrongInputIsRefusedWithoutSayingWhichPartWasWrong) {
  struct Case {
    const char* name;
    const char* password;
    ErrorCode code;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"anna", "fout-wachtwoord", ErrorCode::kUnauthenticated, "wachtwoord", "Onjuiste naam of wachtwoord."},
      {"niemand", "anna-wachtwoord", ErrorCode::kUnauthenticated, "wachtwoord", "Onjuiste naam of wachtwoord."},
      {"", "anna-wachtwoord", ErrorCode::kInvalid, "naam", "Vul uw gebruikersnaam in."},
      {"anna", "", ErrorCode::kInvalid, "wachtwoord", "Vul uw wachtwoord in."},
  };
  for (const auto& c : cases) {
    auto r = Try(c.name, c.password, kT0);
    ASSERT_FALSE(r) << c.name;
    EXPECT_EQ(r.error().code, c.code) << c.name;
    EXPECT_EQ(r.error().field, c.field) << c.name;
    EXPECT_EQ(r.error().message, c.message) << c.name;
  }
}

TEST_F(LoginFixture, AFailedLoginIsAuditedWithoutTheTypedSecret) {
  ASSERT_FALSE(Try("anna", "fout-wachtwoord", kT0));
  ASSERT_FALSE(Try("per-ongeluk-mijn-wachtwoord", "x", kT0));
  auto audit = store::RecentAudit(*db, 2);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->at(1).action, "session.login_failed");
  EXPECT_EQ(audit->at(1).detail, "gebruiker anna vanaf 10.0.0.1");
  EXPECT_EQ(audit->at(0).detail, "onbekende naam vanaf 10.0.0.1");
  for (const auto& e : *audit) EXPECT_EQ(e.detail.find("fout-wachtwoord"), std::string::npos);
}

TEST_F(LoginFixture, ThrottlesAnAccountAfterFiveFailuresUntilTheyAgeOut) {
  for (int i = 0; i < 5; ++i) {
    auto r = Try("anna", "fout-wachtwoord", kT0 + i);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated) << i;
  }
  struct Case {
    std::int64_t at;
    const char* password;
    ErrorCode code;  // kInternal stands for success
    const char* message;
  };
  const Case cases[] = {
      {kT0 + 5, "anna-wachtwoord", ErrorCode::kTooManyRequests,
       "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."},
      {kT0 + 600, "anna-wachtwoord", ErrorCode::kTooManyRequests,
       "Te veel mislukte pogingen. Probeer het over 5 minuten opnieuw."},
      {kT0 + 880, "anna-wachtwoord", ErrorCode::kTooManyRequests,
       "Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw."},
      {kT0 + 901, "anna-wachtwoord", ErrorCode::kInternal, nullptr},
  };
  for (const auto& c : cases) {
    auto r = Try("anna", c.password, c.at);
    if (c.code == ErrorCode::kInternal) {
      EXPECT_TRUE(r) << c.at - kT0 << ": " << r.error().message;
    } else {
      ASSERT_FALSE(r) << c.at - kT0;
      EXPECT_EQ(r.error().code, c.code);
      EXPECT_EQ(r.error().message, c.message) << c.at - kT0;
    }
  }
  // Another account from another address is not affected.
  EXPECT_TRUE(Try("bob", "bob-wachtwoord1", kT0 + 5, "10.0.0.2"));
}

TEST_F(LoginFixture, ASuccessClearsTheAccountsFailures) {
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(Try("anna", "fout-wachtwoord", kT0));
  ASSERT_TRUE(Try("anna", "anna-wachtwoord", kT0));
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(Try("anna", "fout-wachtwoord", kT0));
  EXPECT_TRUE(Try("anna", "anna-wachtwoord", kT0)) << "four new failures stay under the limit";
}

TEST_F(LoginFixture, ThrottlesAnAddressThatTriesManyAccounts) {
  for (int i = 0; i < 8; ++i) ASSERT_FALSE(Try("gok" + std::to_string(i), "x", kT0, "192.0.2.7"));
  auto r = Try("anna", "anna-wachtwoord", kT0 + 1, "192.0.2.7");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(Try("anna", "anna-wachtwoord", kT0 + 1, "10.0.0.1")) << "other addresses still log in";
}

TEST_F(LoginFixture, SessionsEndWhenIdleOrOld) {
  struct Case {
    const char* what;
    std::vector<std::int64_t> uses;  // offsets of requests after login; the last is checked
    bool valid;
  };
  const Case cases[] = {
      {"right after login", {1}, true},
      {"just before the idle limit", {599}, true},
      {"at the idle limit", {600}, false},
      {"kept alive by use", {500, 1000, 1500}, true},
      {"past the absolute limit despite use", {500, 1000, 1500, 2000, 2500, 3000, 3500, 3600}, false},
  };
  for (const auto& c : cases) {
    auto s = Try("anna", "anna-wachtwoord", kT0);
    ASSERT_TRUE(s);
    std::optional<ActiveSession> last;
    for (std::int64_t offset : c.uses) {
      auto r = ResolveSession(*db, s->token, sessions, kT0 + offset);
      ASSERT_TRUE(r) << r.error().Describe();
      last = *r;
    }
    EXPECT_EQ(last.has_value(), c.valid) << c.what;
    if (last) {
      EXPECT_EQ(last->csrf_token, s->csrf_token);
      EXPECT_EQ(last->principal.name, "anna");
    }
  }
}

TEST_F(LoginFixture, UnknownTokensAndLoggedOutSessionsResolveToNothing) {
  auto s = Try("anna", "anna-wachtwoord", kT0);
  ASSERT_TRUE(s);
  EXPECT_FALSE(ResolveSession(*db, "", sessions, kT0).value());
  EXPECT_FALSE(ResolveSession(*db, NewRandomToken(), sessions, kT0).value());
  ASSERT_TRUE(Logout(*db, s->token));
  EXPECT_FALSE(ResolveSession(*db, s->token, sessions, kT0).value());
  EXPECT_TRUE(Logout(*db, s->token)) << "logging out twice is not an error";
  auto audit = store::RecentAudit(*db, 1);
  EXPECT_EQ(audit->at(0).action, "session.logout");
  EXPECT_EQ(audit->at(0).actor, "anna");
}

TEST_F(LoginFixture, TheDatabaseHoldsNoTokenOrPassword) {
  auto s = Try("anna", "anna-wachtwoord", kT0);
  ASSERT_TRUE(s);
  auto st = db->Prepare("SELECT token_hash FROM accounts_session");
  ASSERT_TRUE(st && st->Step().value());
  EXPECT_NE(st->Text(0), s->token);
  EXPECT_EQ(st->Text(0).size(), 64u);
  auto pw = db->Prepare("SELECT password_hash FROM accounts_user WHERE name = 'anna'");
  ASSERT_TRUE(pw && pw->Step().value());
  EXPECT_TRUE(pw->Text(0).starts_with("$argon2id$")) << pw->Text(0);
}

TEST(SecretsEqual, ComparesContentAndLength) {
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
  EXPECT_TRUE(SecretsEqual("", ""));
}

}  // namespace
}  // namespace wk::accounts
