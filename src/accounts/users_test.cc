#include <gtest/gtest.h>

#include "test_support.h"
#include "wk/accounts/auth.h"
#include "wk/accounts/users.h"
#include "wk/store/audit.h"

namespace wk::accounts {
namespace {

using testing::Admin;
using testing::As;
using testing::MigratedDb;
using testing::MustAdd;

TEST(AddUser, StoresTheUserAndAuditsWithoutThePassword) {
  auto db = MigratedDb();
  auto user = AddUser(*db, Admin(), NewUser{"anna", "wijkwerker", "geheim-wachtwoord"});
  ASSERT_TRUE(user) << user.error().Describe();
  EXPECT_EQ(user->name, "anna");
  EXPECT_EQ(user->role, Role::kWijkwerker);
  EXPECT_FALSE(user->disabled);
  auto audit = store::RecentAudit(*db, 10);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].actor, "cli:tester");
  EXPECT_EQ((*audit)[0].action, "user.add");
  EXPECT_EQ((*audit)[0].record_id, std::to_string(user->id));
  EXPECT_EQ((*audit)[0].detail.find("geheim"), std::string::npos);
}

TEST(AddUser, RefusesInvalidInputWithTheFieldNamed) {
  auto db = MigratedDb();
  MustAdd(*db, "anna", "lezer");
  struct Case {
    NewUser input;
    ErrorCode code;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {{"", "lezer", "lang-genoeg-1"}, ErrorCode::kInvalid, "naam", "Vul een gebruikersnaam in."},
      {{"bob", "admin", "lang-genoeg-1"},
       ErrorCode::kInvalid,
       "rol",
       "Kies een rol: beheerder, coordinator, wijkwerker, netwerkpartner of lezer."},
      {{"bob", "lezer", "kort"}, ErrorCode::kInvalid, "wachtwoord", "Een wachtwoord heeft minstens 10 tekens."},
      {{"ANNA", "lezer", "lang-genoeg-1"},
       ErrorCode::kConflict,
       "naam",
       "Er bestaat al een gebruiker met de naam 'ANNA'."},
  };
  for (const auto& c : cases) {
    auto r = AddUser(*db, Admin(), c.input);
    ASSERT_FALSE(r) << c.input.name;
    EXPECT_EQ(r.error().code, c.code) << c.input.name;
    EXPECT_EQ(r.error().field, c.field) << c.input.name;
    EXPECT_EQ(r.error().message, c.message) << c.input.name;
  }
}

TEST(AddUser, OnlyABeheerderMayAddUsers) {
  auto db = MigratedDb();
  for (Role role : AllRoles()) {
    auto actor = As(MustAdd(*db, "actor-" + std::string(RoleName(role)), std::string(RoleName(role))));
    auto r = AddUser(*db, actor, NewUser{"new-" + std::string(RoleName(role)), "lezer", "lang-genoeg-1"});
    EXPECT_EQ(r.has_value(), role == Role::kBeheerder) << RoleName(role);
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
      EXPECT_EQ(r.error().message, "U hebt geen toestemming om dit te doen.");
    }
  }
}

TEST(ChangePassword, NeedsTheCurrentPasswordAndEndsOtherSessions) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "lezer", "oud-wachtwoord");
  auto s1 = Login(*db, {"anna", "oud-wachtwoord", "10.0.0.1"}, {});
  auto s2 = Login(*db, {"anna", "oud-wachtwoord", "10.0.0.1"}, {});
  ASSERT_TRUE(s1 && s2);
  Principal me = As(anna);

  auto wrong = ChangePassword(*db, me, "fout-wachtwoord", "nieuw-wachtwoord", s1->session_id);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "huidig_wachtwoord");
  EXPECT_EQ(wrong.error().message, "Uw huidige wachtwoord klopt niet.");
  auto short_new = ChangePassword(*db, me, "oud-wachtwoord", "kort", s1->session_id);
  ASSERT_FALSE(short_new);
  EXPECT_EQ(short_new.error().field, "nieuw_wachtwoord");

  ASSERT_TRUE(ChangePassword(*db, me, "oud-wachtwoord", "nieuw-wachtwoord", s1->session_id));
  EXPECT_TRUE(ResolveSession(*db, s1->token, {}).value());
  EXPECT_FALSE(ResolveSession(*db, s2->token, {}).value()) << "the other session ended";
  EXPECT_FALSE(Login(*db, {"anna", "oud-wachtwoord", "10.0.0.1"}, {}));
  EXPECT_TRUE(Login(*db, {"anna", "nieuw-wachtwoord", "10.0.0.1"}, {}));
}

TEST(ResetPassword, SetsANewPasswordAndEndsAllSessions) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "wijkwerker", "oud-wachtwoord");
  auto session = Login(*db, {"anna", "oud-wachtwoord", "10.0.0.1"}, {});
  ASSERT_TRUE(session);
  ASSERT_TRUE(ResetPassword(*db, Admin(), anna.id, "door-beheer-gezet"));
  EXPECT_FALSE(ResolveSession(*db, session->token, {}).value());
  EXPECT_TRUE(Login(*db, {"anna", "door-beheer-gezet", "10.0.0.1"}, {}));

  auto missing = ResetPassword(*db, Admin(), 9999, "door-beheer-gezet");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "Deze gebruiker bestaat niet.");
  auto by_lezer = ResetPassword(*db, As(anna), anna.id, "door-beheer-gezet");
  ASSERT_FALSE(by_lezer);
  EXPECT_EQ(by_lezer.error().code, ErrorCode::kPermissionDenied);
}

TEST(DisableUser, EndsSessionsTokensAndLogins) {
  auto db = MigratedDb();
  User boss = MustAdd(*db, "baas", "beheerder");
  User anna = MustAdd(*db, "anna", "wijkwerker", "anna-wachtwoord");
  auto session = Login(*db, {"anna", "anna-wachtwoord", "10.0.0.1"}, {});
  auto token = CreateApiToken(*db, As(anna), "script");
  ASSERT_TRUE(session && token);

  ASSERT_TRUE(DisableUser(*db, As(boss), anna.id));
  EXPECT_FALSE(ResolveSession(*db, session->token, {}).value());
  EXPECT_FALSE(ResolveApiToken(*db, token->token).value());
  auto login = Login(*db, {"anna", "anna-wachtwoord", "10.0.0.1"}, {});
  ASSERT_FALSE(login);
  EXPECT_EQ(login.error().message, "Onjuiste naam of wachtwoord.");
  EXPECT_TRUE(GetUser(*db, As(boss), anna.id)->disabled);
  EXPECT_TRUE(DisableUser(*db, As(boss), anna.id)) << "disabling twice is not an error";

  auto self = DisableUser(*db, As(boss), boss.id);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().message, "U kunt uw eigen account niet uitschakelen.");
}

TEST(ListUsers, ListsByNameForABeheerderOnly) {
  auto db = MigratedDb();
  MustAdd(*db, "zoe", "lezer");
  User anna = MustAdd(*db, "anna", "coordinator");
  auto all = ListUsers(*db, Admin());
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "anna");
  EXPECT_EQ((*all)[1].name, "zoe");
  EXPECT_FALSE(ListUsers(*db, As(anna)));
}

TEST(FindUserByName, IgnoresCaseAndNamesAMissingUser) {
  auto db = MigratedDb();
  MustAdd(*db, "Anna", "lezer");
  auto found = FindUserByName(*db, Admin(), "anna");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Anna");
  auto missing = FindUserByName(*db, Admin(), "bob");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "Er is geen gebruiker met de naam 'bob'.");
}

TEST(EnsureDemoAdmin, CreatesABeheerderOnlyOnAnEmptyDatabase) {
  auto db = MigratedDb();
  auto generated = EnsureDemoAdmin(*db, "beheerder", "");
  ASSERT_TRUE(generated) << generated.error().Describe();
  ASSERT_TRUE(generated->has_value());
  EXPECT_EQ((*generated)->size(), 16u);
  auto login = Login(*db, {"beheerder", **generated, "127.0.0.1"}, {});
  ASSERT_TRUE(login) << login.error().Describe();
  EXPECT_EQ(login->principal.role, Role::kBeheerder);

  auto again = EnsureDemoAdmin(*db, "beheerder", "");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->has_value()) << "a database with users is left alone";
  EXPECT_EQ(ListUsers(*db, Admin())->size(), 1u);
}

TEST(EnsureDemoAdmin, UsesTheGivenPasswordAndChecksIt) {
  auto db = MigratedDb();
  auto short_pw = EnsureDemoAdmin(*db, "beheerder", "kort");
  ASSERT_FALSE(short_pw);
  EXPECT_EQ(short_pw.error().field, "WIJKKOMPAS_ADMIN_PASSWORD");
  auto given = EnsureDemoAdmin(*db, "admin", "gegeven-wachtwoord");
  ASSERT_TRUE(given);
  EXPECT_FALSE(given->has_value());
  auto audit = store::RecentAudit(*db, 1);
  EXPECT_EQ(audit->at(0).actor, "system");
  EXPECT_EQ(audit->at(0).action, "user.add");
  EXPECT_TRUE(Login(*db, {"admin", "gegeven-wachtwoord", "127.0.0.1"}, {}));
}

TEST(AuditTrail, IsForRolesThatMayViewIt) {
  auto db = MigratedDb();
  for (Role role : AllRoles()) {
    auto actor = As(MustAdd(*db, "u-" + std::string(RoleName(role)), std::string(RoleName(role))));
    auto trail = AuditTrail(*db, actor, 200);
    EXPECT_EQ(trail.has_value(), Can(role, Action::kViewAudit)) << RoleName(role);
    if (trail) {
      EXPECT_FALSE(trail->empty());
    }
  }
}

}  // namespace
}  // namespace wk::accounts
