// The single input rules, one row per case.
#include "model_validation.h"

#include <gtest/gtest.h>

#include <set>

#include "dates.h"
#include "languages.h"
#include "uuid.h"

namespace wk::socialmap {
namespace {

TEST(IsEmailAddress, AcceptsAnAddressWithOneAtAndADottedDomain) {
  const std::pair<const char*, bool> cases[] = {
      {"info@example.nl", true},   {"a.b+c@sub.example.org", true}, {"info@example", false},
      {"@example.nl", false},      {"info@@example.nl", false},     {"in fo@example.nl", false},
      {"info@.example.nl", false}, {"info@example..nl", false},     {"info@example.n", false},
  };
  for (auto [s, ok] : cases) EXPECT_EQ(IsEmailAddress(s), ok) << s;
}

TEST(IsWebUrl, AcceptsHttpAndHttpsWithAHost) {
  const std::pair<const char*, bool> cases[] = {
      {"https://www.example.nl", true}, {"http://example.nl/pad?x=1", true}, {"HTTPS://EXAMPLE.NL", true},
      {"www.example.nl", false},        {"ftp://example.nl", false},         {"https://", false},
      {"https:///pad", false},          {"https://voor beeld.nl", false},
  };
  for (auto [s, ok] : cases) EXPECT_EQ(IsWebUrl(s), ok) << s;
}

TEST(NormaliseTime, WritesATimeOfDayAsHoursAndMinutes) {
  const std::pair<const char*, const char*> cases[] = {
      {"09:00", "09:00"}, {"9:00", "09:00"}, {"09:00:00", "09:00"}, {"23:59", "23:59"},
      {"24:00", nullptr}, {"9:5", nullptr},  {"09:60", nullptr},    {"negen uur", nullptr},
      {"09:00:61", nullptr}, {"", nullptr},
  };
  for (auto [s, want] : cases) {
    auto got = NormaliseTime(s);
    if (want == nullptr) {
      EXPECT_FALSE(got.has_value()) << s;
    } else {
      EXPECT_EQ(got.value_or("-"), want) << s;
    }
  }
}

TEST(NormalisePostcode, WritesADutchPostcodeAsFourDigitsASpaceAndTwoCapitals) {
  const std::pair<const char*, const char*> cases[] = {
      {"3581 KP", "3581 KP"}, {"3581kp", "3581 KP"}, {" 3581 kp ", "3581 KP"}, {"0581 KP", nullptr},
      {"358 KP", nullptr},    {"3581 K1", nullptr},  {"B-1000", nullptr},
  };
  for (auto [s, want] : cases) {
    auto got = NormalisePostcode(s);
    if (want == nullptr) {
      EXPECT_FALSE(got.has_value()) << s;
    } else {
      EXPECT_EQ(got.value_or("-"), want) << s;
    }
  }
}

TEST(IsByDayToken, AcceptsWeekdaysAndOrdinalsOnlyWhereAllowed) {
  struct Case {
    const char* token;
    bool ordinals;
    bool ok;
  };
  const Case cases[] = {
      {"MO", false, true},  {"SU", false, true},  {"1MO", false, false}, {"1MO", true, true},
      {"-1FR", true, true}, {"+2TU", true, true}, {"6MO", true, false},  {"DI", false, false},
      {"MOTU", true, false}, {"", false, false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsByDayToken(c.token, c.ordinals), c.ok) << c.token << " " << c.ordinals;
}

TEST(IsIsoDate, AcceptsRealCalendarDatesOnly) {
  const std::pair<const char*, bool> cases[] = {
      {"2026-11-29", true},  {"2024-02-29", true},  {"2023-02-29", false}, {"2026-13-01", false},
      {"2026-1-01", false},  {"29-11-2026", false}, {"2026-11-29T10:00", false}, {"", false},
  };
  for (auto [s, ok] : cases) EXPECT_EQ(IsIsoDate(s), ok) << s;
}

TEST(MonthsBefore, ClampsToTheLastDayOfAShorterMonth) {
  EXPECT_EQ(MonthsBefore("2026-11-29", 12), "2025-11-29");
  EXPECT_EQ(MonthsBefore("2024-02-29", 12), "2023-02-28");
  EXPECT_EQ(MonthsBefore("2026-03-31", 1), "2026-02-28");
  EXPECT_EQ(MonthsBefore("2026-01-15", 12), "2025-01-15");
}

TEST(TodayUtc, IsADate) {
  EXPECT_TRUE(IsIsoDate(TodayUtc()));
}

TEST(NewUuid, MakesDistinctVersion4UuidsInLowerCase) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string id = NewUuid();
    EXPECT_TRUE(IsUuid(id)) << id;
    EXPECT_EQ(id[14], '4') << id;
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
    EXPECT_EQ(id.find_first_of("ABCDEF"), std::string::npos) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(IsUuid, ChecksTheFormOnly) {
  EXPECT_TRUE(IsUuid("1B4E28BA-2FA1-11D2-883F-0016D3CCA427"));
  EXPECT_FALSE(IsUuid("1b4e28ba2fa111d2883f0016d3cca427"));
  EXPECT_FALSE(IsUuid("1b4e28ba-2fa1-11d2-883f-0016d3cca42g"));
}

TEST(LanguageName, GivesTheDutchNameOfACommonLanguage) {
  EXPECT_EQ(LanguageName("nl"), "Nederlands");
  EXPECT_EQ(LanguageName("ar"), "Arabisch");
  EXPECT_EQ(LanguageName("ber"), "Berbers");
  EXPECT_EQ(LanguageName("xx"), "");
  EXPECT_TRUE(IsLanguageCode("pap"));
  EXPECT_FALSE(IsLanguageCode("NL"));
  EXPECT_FALSE(IsLanguageCode("nederlands"));
}

}  // namespace
}  // namespace wk::socialmap
