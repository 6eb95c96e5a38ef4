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

TEST(Teams, MembersAndAreasMakeTheUsersAreas) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "wijkwerker");
  User bob = MustAdd(*db, "bob", "wijkwerker");
  auto north = CreateTeam(*db, Admin(), "Team Overvecht");
  auto south = CreateTeam(*db, Admin(), "Team Zuid");
  ASSERT_TRUE(north && south);
  ASSERT_TRUE(AddTeamMember(*db, Admin(), north->id, anna.id));
  ASSERT_TRUE(AddTeamMember(*db, Admin(), north->id, anna.id)) << "adding twice is not an error";
  ASSERT_TRUE(AddTeamMember(*db, Admin(), south->id, anna.id));
  ASSERT_TRUE(AddTeamMember(*db, Admin(), south->id, bob.id));
  auto codes = SetTeamAreas(*db, Admin(), north->id, "wk034405, bu03440501");
  ASSERT_TRUE(codes);
  EXPECT_EQ(*codes, (std::vector<std::string>{"BU03440501", "WK034405"}));
  ASSERT_TRUE(SetTeamAreas(*db, Admin(), south->id, "WK034405 WK034408"));

  EXPECT_EQ(*TeamAreaCodes(*db, As(anna)), (std::vector<std::string>{"BU03440501", "WK034405", "WK034408"}));
  EXPECT_EQ(*TeamAreaCodes(*db, As(bob)), (std::vector<std::string>{"WK034405", "WK034408"}));
  EXPECT_EQ(*TeamNames(*db, As(anna)), (std::vector<std::string>{"Team Overvecht", "Team Zuid"}));
  EXPECT_TRUE(TeamAreaCodes(*db, Admin())->empty());

  ASSERT_TRUE(RemoveTeamMember(*db, Admin(), south->id, anna.id));
  EXPECT_EQ(*TeamAreaCodes(*db, As(anna)), (std::vector<std::string>{"BU03440501", "WK034405"}));

  auto teams = ListTeams(*db, Admin());
  ASSERT_TRUE(teams);
  ASSERT_EQ(teams->size(), 2u);
  EXPECT_EQ((*teams)[0].name, "Team Overvecht");
  ASSERT_EQ((*teams)[0].members.size(), 1u);
  EXPECT_EQ((*teams)[0].members[0].name, "anna");
  EXPECT_EQ((*teams)[1].area_codes, (std::vector<std::string>{"WK034405", "WK034408"}));
}

TEST(Teams, SessionsCarryTheTeamIds) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "wijkwerker", "anna-wachtwoord");
  auto team = CreateTeam(*db, Admin(), "Team Noord");
  ASSERT_TRUE(AddTeamMember(*db, Admin(), team->id, anna.id));
  auto session = Login(*db, {"anna", "anna-wachtwoord", "10.0.0.1"}, {});
  ASSERT_TRUE(session);
  EXPECT_EQ(session->principal.team_ids, (std::vector<std::int64_t>{team->id}));
}

TEST(Teams, RefuseBadInputAndUnknownRecords) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "coordinator");
  auto team = CreateTeam(*db, Admin(), "Team Noord");
  ASSERT_TRUE(team);
  struct Case {
    const char* what;
    Result<void> result;
    ErrorCode code;
    const char* message;
  };
  auto as_void = [](auto r) -> Result<void> {
    if (!r) return Fail(r.error());
    return {};
  };
  const Case cases[] = {
      {"duplicate name", as_void(CreateTeam(*db, Admin(), "team noord")), ErrorCode::kConflict,
       "Er bestaat al een team met deze naam."},
      {"empty name", as_void(CreateTeam(*db, Admin(), " ")), ErrorCode::kInvalid, "Vul een teamnaam in."},
      {"coordinator", as_void(CreateTeam(*db, As(anna), "Team Zuid")), ErrorCode::kPermissionDenied,
       "U hebt geen toestemming om dit te doen."},
      {"unknown team", AddTeamMember(*db, Admin(), 999, anna.id), ErrorCode::kNotFound, "Dit team bestaat niet."},
      {"unknown user", AddTeamMember(*db, Admin(), team->id, 999), ErrorCode::kNotFound,
       "Deze gebruiker bestaat niet."},
      {"bad code", as_void(SetTeamAreas(*db, Admin(), team->id, "GM0344, Overvecht")), ErrorCode::kInvalid,
       "Ongeldige gebiedscode 'Overvecht': verwacht GM met 4 cijfers, WK met 6 tekens of BU met 8 (bijvoorbeeld "
       "GM0344, "
       "WK034401, BU03440101)."},
  };
  for (const auto& c : cases) {
    ASSERT_FALSE(c.result) << c.what;
    EXPECT_EQ(c.result.error().code, c.code) << c.what;
    EXPECT_EQ(c.result.error().message, c.message) << c.what;
  }
  EXPECT_TRUE(GetTeam(*db, Admin(), team->id)->area_codes.empty()) << "a refused change changes nothing";
}

TEST(Teams, EveryChangeIsAudited) {
  auto db = MigratedDb();
  User anna = MustAdd(*db, "anna", "wijkwerker");
  auto team = CreateTeam(*db, Admin(), "Team Noord");
  ASSERT_TRUE(AddTeamMember(*db, Admin(), team->id, anna.id));
  ASSERT_TRUE(SetTeamAreas(*db, Admin(), team->id, "GM0344"));
  ASSERT_TRUE(RemoveTeamMember(*db, Admin(), team->id, anna.id));
  auto audit = store::RecentAudit(*db, 4);
  ASSERT_TRUE(audit);
  std::vector<std::string> actions;
  for (const auto& e : *audit) actions.push_back(e.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"team.member_remove", "team.areas_set", "team.member_add", "team.create"}));
  EXPECT_EQ(audit->at(1).detail, "GM0344");
}

}  // namespace
}  // namespace wk::accounts
