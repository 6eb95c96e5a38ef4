#include <gtest/gtest.h>

#include "open_at.h"
#include "wk/socialmap/search.h"

namespace wk::socialmap {
namespace {

LocalTime At(const char* text) {
  auto t = ParseLocalTime(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(LocalTime{});
}

Schedule Rule(const char* freq, const char* byday, const char* opens = "09:00", const char* closes = "12:00") {
  Schedule s;
  s.freq = freq;
  s.byday = byday;
  s.opens_at = opens;
  s.closes_at = closes;
  return s;
}

const char* Name(OpenState s) {
  switch (s) {
    case OpenState::kOpen: return "open";
    case OpenState::kClosed: return "closed";
    case OpenState::kUnknown: return "unknown";
  }
  return "?";
}

TEST(ParseLocalTime, ReadsADateAndATimeWithTOrASpace) {
  const LocalTime t = At("2026-12-01T10:30");
  EXPECT_EQ(t.year, 2026);
  EXPECT_EQ(t.month, 12);
  EXPECT_EQ(t.day, 1);
  EXPECT_EQ(t.hour, 10);
  EXPECT_EQ(t.minute, 30);
  EXPECT_EQ(At("2026-12-01 10:30").minute, 30);
  EXPECT_EQ(At("2026-12-01 10:30:00").hour, 10);
}

TEST(ParseLocalTime, RefusesWhatIsNotADateAndTime) {
  for (const char* bad : {"", "2026-12-01", "2026-02-30 10:00", "2026-12-01 25:00", "2026-12-01 24:00", "morgen 10:00",
                          "2026-12-01X10:30", "01-12-2026 10:30"}) {
    auto t = ParseLocalTime(bad);
    ASSERT_FALSE(t.has_value()) << bad;
    EXPECT_EQ(t.error().message, "Geef een tijdstip als 2026-12-01 10:30.");
    EXPECT_EQ(t.error().field, "open");
  }
}

TEST(FormatLocalTimeShort, UsesDutchAbbreviations) {
  EXPECT_EQ(FormatLocalTimeShort(At("2026-12-01 10:30")), "di 1 dec 10:30");
  EXPECT_EQ(FormatLocalTimeShort(At("2027-03-07 09:05")), "zo 7 mrt 09:05");
}

struct Case {
  const char* what;
  Schedule schedule;
  const char* at;
  OpenState expected;
};

Schedule With(Schedule s, void (*change)(Schedule&)) {
  change(s);
  return s;
}

TEST(OpenAt, FollowsTheRuleSubsetOfAdr13) {
  const Case cases[] = {
      // WEEKLY with BYDAY. 2026-12-01 is a Tuesday.
      {"weekly on its day, inside the hours", Rule("WEEKLY", "TU"), "2026-12-01 10:30", OpenState::kOpen},
      {"weekly, opening minute counts", Rule("WEEKLY", "TU"), "2026-12-01 09:00", OpenState::kOpen},
      {"weekly, closing minute does not", Rule("WEEKLY", "TU"), "2026-12-01 12:00", OpenState::kClosed},
      {"weekly, before opening", Rule("WEEKLY", "TU"), "2026-12-01 08:59", OpenState::kClosed},
      {"weekly, another day", Rule("WEEKLY", "MO,WE"), "2026-12-01 10:30", OpenState::kClosed},
      {"weekly, one of several days", Rule("WEEKLY", "mo, tu"), "2026-12-01 10:30", OpenState::kOpen},
      {"seconds in the times", Rule("WEEKLY", "TU", "09:00:00", "12:00:00"), "2026-12-01 11:59", OpenState::kOpen},
      {"an Amsterdam offset", Rule("WEEKLY", "TU", "09:00+01:00", "12:00+01:00"), "2026-12-01 10:00", OpenState::kOpen},
      {"another offset is unknown", Rule("WEEKLY", "TU", "09:00Z", "12:00Z"), "2026-12-01 10:00", OpenState::kUnknown},
      {"weekly without BYDAY takes DTSTART's day",
       With(Rule("WEEKLY", ""), [](Schedule& s) { s.dtstart = "2026-11-03"; }), "2026-12-01 10:00", OpenState::kOpen},
      {"weekly without BYDAY or DTSTART", Rule("WEEKLY", ""), "2026-12-01 10:00", OpenState::kUnknown},
      // INTERVAL with DTSTART: fortnightly from Monday 2026-11-30.
      {"fortnightly, an even week",
       With(Rule("WEEKLY", "MO"), [](Schedule& s) { s.interval = 2, s.dtstart = "2026-11-30"; }), "2026-12-14 10:00",
       OpenState::kOpen},
      {"fortnightly, an odd week",
       With(Rule("WEEKLY", "MO"), [](Schedule& s) { s.interval = 2, s.dtstart = "2026-11-30"; }), "2026-12-07 10:00",
       OpenState::kClosed},
      {"fortnightly counts weeks from Monday, DTSTART on a Wednesday",
       With(Rule("WEEKLY", "MO"), [](Schedule& s) { s.interval = 2, s.dtstart = "2026-12-02"; }), "2026-12-14 10:00",
       OpenState::kOpen},
      {"before DTSTART", With(Rule("WEEKLY", "MO"), [](Schedule& s) { s.dtstart = "2026-12-08"; }), "2026-12-07 10:00",
       OpenState::kClosed},
      {"an interval without DTSTART", With(Rule("WEEKLY", "MO"), [](Schedule& s) { s.interval = 2; }),
       "2026-12-07 10:00", OpenState::kUnknown},
      // DAILY
      {"daily", Rule("DAILY", ""), "2026-12-05 09:30", OpenState::kOpen},
      {"daily restricted to weekdays", Rule("DAILY", "MO,TU,WE,TH,FR"), "2026-12-05 09:30", OpenState::kClosed},
      {"every third day from DTSTART",
       With(Rule("DAILY", ""), [](Schedule& s) { s.interval = 3, s.dtstart = "2026-12-01"; }), "2026-12-07 09:30",
       OpenState::kOpen},
      {"not on the day between", With(Rule("DAILY", ""), [](Schedule& s) { s.interval = 3, s.dtstart = "2026-12-01"; }),
       "2026-12-08 09:30", OpenState::kClosed},
      // MONTHLY with BYDAY ordinals and BYMONTHDAY
      {"first Monday of December 2026 is the 7th", Rule("MONTHLY", "1MO"), "2026-12-07 10:00", OpenState::kOpen},
      {"the second Monday is not the first", Rule("MONTHLY", "1MO"), "2026-12-14 10:00", OpenState::kClosed},
      {"November 30th is not December's first Monday", Rule("MONTHLY", "1MO"), "2026-11-30 10:00", OpenState::kClosed},
      {"last Friday of December 2026 is the 25th", Rule("MONTHLY", "-1FR"), "2026-12-25 10:00", OpenState::kOpen},
      {"the 18th is the second last Friday", Rule("MONTHLY", "-1FR"), "2026-12-18 10:00", OpenState::kClosed},
      {"second last Friday", Rule("MONTHLY", "-2FR"), "2026-12-18 10:00", OpenState::kOpen},
      {"every Monday of the month", Rule("MONTHLY", "MO"), "2026-12-28 10:00", OpenState::kOpen},
      {"BYMONTHDAY", With(Rule("MONTHLY", ""), [](Schedule& s) { s.bymonthday = "1,15"; }), "2026-12-15 10:00",
       OpenState::kOpen},
      {"BYMONTHDAY, another day", With(Rule("MONTHLY", ""), [](Schedule& s) { s.bymonthday = "1,15"; }),
       "2026-12-14 10:00", OpenState::kClosed},
      {"BYMONTHDAY -1 is the last day", With(Rule("MONTHLY", ""), [](Schedule& s) { s.bymonthday = "-1"; }),
       "2027-02-28 10:00", OpenState::kOpen},
      {"every other month from DTSTART",
       With(Rule("MONTHLY", "1MO"), [](Schedule& s) { s.interval = 2, s.dtstart = "2026-10-05"; }), "2026-12-07 10:00",
       OpenState::kOpen},
      {"not in the month between",
       With(Rule("MONTHLY", "1MO"), [](Schedule& s) { s.interval = 2, s.dtstart = "2026-10-05"; }), "2026-11-02 10:00",
       OpenState::kClosed},
      // valid_from / valid_to
      {"before valid_from", With(Rule("WEEKLY", "TU"), [](Schedule& s) { s.valid_from = "2026-12-02"; }),
       "2026-12-01 10:00", OpenState::kClosed},
      {"on valid_to", With(Rule("WEEKLY", "TU"), [](Schedule& s) { s.valid_to = "2026-12-01"; }), "2026-12-01 10:00",
       OpenState::kOpen},
      {"after valid_to", With(Rule("WEEKLY", "TU"), [](Schedule& s) { s.valid_to = "2026-11-30"; }), "2026-12-01 10:00",
       OpenState::kClosed},
      // Outside the subset: never open
      {"YEARLY", Rule("YEARLY", ""), "2026-12-01 10:00", OpenState::kUnknown},
      {"no freq", Rule("", "TU"), "2026-12-01 10:00", OpenState::kUnknown},
      {"ordinals with WEEKLY", Rule("WEEKLY", "1TU"), "2026-12-01 10:00", OpenState::kUnknown},
      {"a day code we do not know", Rule("WEEKLY", "DI"), "2026-12-01 10:00", OpenState::kUnknown},
      {"no hours", Rule("WEEKLY", "TU", "", ""), "2026-12-01 10:00", OpenState::kUnknown},
      {"past midnight", Rule("WEEKLY", "TU", "22:00", "02:00"), "2026-12-01 23:00", OpenState::kUnknown},
      {"an unreadable valid_to", With(Rule("WEEKLY", "TU"), [](Schedule& s) { s.valid_to = "1 december"; }),
       "2026-12-01 10:00", OpenState::kUnknown},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(Name(OpenAt(c.schedule, At(c.at))), Name(c.expected)) << c.what;
  }
}

}  // namespace
}  // namespace wk::socialmap
