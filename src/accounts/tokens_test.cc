#include <gtest/gtest.h>

#include "test_support.h"
#include "wk/accounts/auth.h"
#include "wk/accounts/users.h"

namespace wk::accounts {
namespace {

using testing::Admin;
using testing::As;
using testing::MigratedDb;
using testing::MustAdd;

TEST(ApiTokens, AreShownOnceAndResolveToTheirOwner) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "coordinator");
  auto token = CreateApiToken(*db, As(anna), "  rapportage-script ");
  ASSERT_TRUE(token) << token.error().Describe();
  EXPECT_TRUE(token->token.starts_with("wk_"));
  EXPECT_EQ(token->token.size(), 3u + 43u);
  EXPECT_EQ(token->prefix, token->token.substr(0, 9));
  EXPECT_EQ(token->name, "rapportage-script");

  auto who = ResolveApiToken(*db, token->token);
  ASSERT_TRUE(who && *who);
  EXPECT_EQ((*who)->name, "anna");
  EXPECT_EQ((*who)->role, Role::kCoordinator);

  auto listed = ListOwnApiTokens(*db, As(anna));
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*listed)[0].token.empty()) << "the secret is never listed";
  EXPECT_EQ((*listed)[0].prefix, token->prefix);
  EXPECT_TRUE((*listed)[0].last_used_at.has_value()) << "resolving marks it used";
}

TEST(ApiTokens, StopWorkingWhenRevoked) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "lezer");
  auto token = CreateApiToken(*db, As(anna), "script");
  ASSERT_TRUE(token);
  ASSERT_TRUE(RevokeApiToken(*db, As(anna), token->id));
  EXPECT_FALSE(ResolveApiToken(*db, token->token).value());
  EXPECT_TRUE(RevokeApiToken(*db, As(anna), token->id)) << "revoking twice is not an error";
  EXPECT_TRUE(ListOwnApiTokens(*db, As(anna))->at(0).revoked_at.has_value());
}

// Resolved principals are cached for up to 2 s (principal_cache.h); changes made through the use
// cases of this process must still take effect at once.
TEST(ApiTokens, StopWorkingAtOnceWhenRevokedOrTheirUserIsDisabledEvenIfJustResolved) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "lezer");
  User bob = MustAdd(*db, "bob", "lezer");
  auto revoked = CreateApiToken(*db, As(anna), "script");
  auto disabled = CreateApiToken(*db, As(bob), "script");
  ASSERT_TRUE(revoked && disabled);
  const std::int64_t now = NowUnix();
  ASSERT_TRUE(ResolveApiToken(*db, revoked->token, now).value()) << "resolved, so now cached";
  ASSERT_TRUE(ResolveApiToken(*db, disabled->token, now).value());

  ASSERT_TRUE(RevokeApiToken(*db, As(anna), revoked->id));
  EXPECT_FALSE(ResolveApiToken(*db, revoked->token, now).value()) << "revoked: refused in the same second";
  ASSERT_TRUE(DisableUser(*db, Admin(), bob.id));
  EXPECT_FALSE(ResolveApiToken(*db, disabled->token, now).value()) << "user disabled: refused in the same second";
}

TEST(ApiTokens, ChangedByAnotherProcessStopWorkingWithinTwoSeconds) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "lezer");
  auto token = CreateApiToken(*db, As(anna), "script");
  ASSERT_TRUE(token);
  const std::int64_t now = NowUnix();
  ASSERT_TRUE(ResolveApiToken(*db, token->token, now).value());
  // As another process (the command line) would: straight into the database, no use case here.
  ASSERT_TRUE(db->Exec("UPDATE accounts_api_token SET revoked_at = '2026-01-01T00:00:00Z'"));
  EXPECT_TRUE(ResolveApiToken(*db, token->token, now + 1).value()) << "the documented window (ADR 0005)";
  EXPECT_FALSE(ResolveApiToken(*db, token->token, now + 2).value()) << "never longer than 2 s";
}

TEST(ApiTokens, BelongToTheirOwnerOnly) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "lezer");
  User bob = MustAdd(*db, "bob", "beheerder");
  auto token = CreateApiToken(*db, As(anna), "script");
  ASSERT_TRUE(token);
  auto other = RevokeApiToken(*db, As(bob), token->id);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(other.error().message, "Dit token bestaat niet.");
  EXPECT_TRUE(ListOwnApiTokens(*db, As(bob))->empty());
  EXPECT_TRUE(ResolveApiToken(*db, token->token).value()) << "still valid";
}

TEST(ApiTokens, RefuseBadNamesAndUnknownSecrets) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "lezer");
  struct Case {
    std::string name;
    const char* message;
  };
  const Case cases[] = {
      {"", "Geef het token een naam, bijvoorbeeld waarvoor u het gebruikt."},
      {std::string(101, 'x'), "De naam van een token heeft hoogstens 100 tekens."},
  };
  for (const auto& c : cases) {
    auto r = CreateApiToken(*db, As(anna), c.name);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, c.message);
    EXPECT_EQ(r.error().field, "naam");
  }
  auto cli = CreateApiToken(*db, Admin(), "script");
  ASSERT_FALSE(cli);
  EXPECT_EQ(cli.error().code, ErrorCode::kPermissionDenied);
  for (const char* secret : {"", "wk_", "wk_onbekend", "Bearer x"}) {
    auto r = ResolveApiToken(*db, secret);
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->has_value()) << secret;
  }
}

}  // namespace
}  // namespace wk::accounts
