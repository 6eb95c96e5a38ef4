#include <gtest/gtest.h>

#include "validation.h"
#include "wk/accounts/users.h"

namespace wk::accounts {
namespace {

struct TextCase {
  const char* input;
  const char* error;  // nullptr: valid
};

TEST(ValidateUserName, AcceptsSimpleNamesAndExplainsTheRule) {
  const std::string rule =
      "Een gebruikersnaam heeft 2 tot 64 tekens: letters, cijfers, punt, streepje, liggend streepje of @.";
  const TextCase cases[] = {
      {"anna", nullptr},
      {"j.de-vries_2@utrecht.nl", nullptr},
      {"AB", nullptr},
      {"", "Vul een gebruikersnaam in."},
      {"   ", "Vul een gebruikersnaam in."},
      {"a", rule.c_str()},
      {"anna de vries", rule.c_str()},
      {"renée", rule.c_str()},
      {"a/b", rule.c_str()},
  };
  for (const auto& c : cases) {
    auto r = ValidateUserName(c.input);
    if (c.error == nullptr) {
      EXPECT_TRUE(r) << c.input;
    } else {
      ASSERT_FALSE(r) << c.input;
      EXPECT_EQ(r.error().message, c.error) << c.input;
      EXPECT_EQ(r.error().field, "naam");
      EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    }
  }
  EXPECT_FALSE(ValidateUserName(std::string(65, 'a')));
  EXPECT_TRUE(ValidateUserName(std::string(64, 'a')));
}

TEST(ValidatePassword, CountsCharactersNotBytes) {
  const TextCase cases[] = {
      {"0123456789", nullptr},
      {"ééééééééé€", nullptr},  // ten characters, more bytes
      {"012345678", "Een wachtwoord heeft minstens 10 tekens."},
      {"ééééééééé", "Een wachtwoord heeft minstens 10 tekens."},
      {"", "Een wachtwoord heeft minstens 10 tekens."},
  };
  for (const auto& c : cases) {
    auto r = ValidatePassword(c.input);
    if (c.error == nullptr) {
      EXPECT_TRUE(r) << c.input;
    } else {
      ASSERT_FALSE(r) << c.input;
      EXPECT_EQ(r.error().message, c.error) << c.input;
      EXPECT_EQ(r.error().field, "wachtwoord");
    }
  }
  auto too_long = ValidatePassword(std::string(201, 'x'), "nieuw_wachtwoord");
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().message, "Een wachtwoord heeft hoogstens 200 tekens.");
  EXPECT_EQ(too_long.error().field, "nieuw_wachtwoord");
}

TEST(ParseAreaCodes, AcceptsCbsCodesInAnySeparatorAndCase) {
  struct Case {
    const char* input;
    std::vector<std::string> codes;
  };
  const Case cases[] = {
      {"", {}},
      {"GM0344", {"GM0344"}},
      {"gm0344, wk034401", {"GM0344", "WK034401"}},
      {"wk0363aa BU0363AA01", {"BU0363AA01", "WK0363AA"}},
      {"BU03440101;WK034401\nGM0344 GM0344", {"BU03440101", "GM0344", "WK034401"}},
      {" , ,", {}},
  };
  for (const auto& c : cases) {
    auto r = ParseAreaCodes(c.input);
    ASSERT_TRUE(r) << c.input << ": " << r.error().message;
    EXPECT_EQ(*r, c.codes) << c.input;
  }
}

TEST(ParseAreaCodes, RefusesMalformedCodesNamingThem) {
  const std::string tail =
      ": verwacht GM met 4 cijfers, WK met 6 tekens of BU met 8 (bijvoorbeeld GM0344, WK034401, BU03440101).";
  const TextCase cases[] = {
      {"GM344", "GM344"},       {"WK03440", "WK03440"},        {"BU0344010", "BU0344010"},
      {"XX0344", "XX0344"},     {"GM0344,Utrecht", "Utrecht"}, {"gm03a4", "gm03a4"},
      {"WK03A3AA", "WK03A3AA"},
  };
  for (const auto& c : cases) {
    auto r = ParseAreaCodes(c.input);
    ASSERT_FALSE(r) << c.input;
    EXPECT_EQ(r.error().message, "Ongeldige gebiedscode '" + std::string(c.error) + "'" + tail) << c.input;
    EXPECT_EQ(r.error().field, "gebieden");
  }
  auto weird = ParseAreaCodes("GM\xff\xfe");
  ASSERT_FALSE(weird);
  EXPECT_EQ(weird.error().message, "Ongeldige gebiedscode" + tail) << "unprintable input is not echoed";
}

TEST(ValidateTeamName, TrimsAndBoundsTheLength) {
  const TextCase cases[] = {
      {"Team Overvecht", nullptr},
      {"  Zuid  ", nullptr},
      {"", "Vul een teamnaam in."},
      {"x", "Een teamnaam heeft 2 tot 100 tekens."},
  };
  for (const auto& c : cases) {
    auto r = ValidateTeamName(c.input);
    if (c.error == nullptr) {
      EXPECT_TRUE(r) << c.input;
    } else {
      ASSERT_FALSE(r) << c.input;
      EXPECT_EQ(r.error().message, c.error);
      EXPECT_EQ(r.error().field, "naam");
    }
  }
  EXPECT_EQ(*ValidateTeamName("  Zuid  "), "Zuid");
}

TEST(IsoFromUnix, FormatsUtcLikeTheAuditTrail) {
  EXPECT_EQ(IsoFromUnix(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(IsoFromUnix(1790000000), "2026-09-21T14:13:20Z");
}

}  // namespace
}  // namespace wk::accounts
