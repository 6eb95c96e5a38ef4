#include "socialmap_words.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

socialmap::Schedule Sched(std::string freq, std::string byday, std::string opens = {}, std::string closes = {}) {
  socialmap::Schedule s;
  s.freq = std::move(freq);
  s.byday = std::move(byday);
  s.opens_at = std::move(opens);
  s.closes_at = std::move(closes);
  return s;
}

TEST(DutchDate, WritesTheDayTheMonthInWordsAndTheYear) {
  EXPECT_EQ(DutchDate("2026-12-03"), "3 december 2026");
  EXPECT_EQ(DutchDate("2025-01-31"), "31 januari 2025");
  EXPECT_EQ(DutchDate("2025-13-01"), "2025-13-01");
  EXPECT_EQ(DutchDate(""), "");
}

TEST(ScheduleInWords, SaysOpeningTimesAsPeopleSayThem) {
  struct Case {
    socialmap::Schedule schedule;
    const char* words;
  };
  socialmap::Schedule fortnightly = Sched("WEEKLY", "WE", "10:00", "12:00");
  fortnightly.interval = 2;
  socialmap::Schedule limited = Sched("WEEKLY", "TU", "09:00:00", "12:00:00");
  limited.valid_from = "2026-01-01";
  limited.valid_to = "2026-03-31";
  socialmap::Schedule month_days = Sched("MONTHLY", "");
  month_days.bymonthday = "1,15";
  socialmap::Schedule yearly = Sched("YEARLY", "");
  const Case cases[] = {
      {Sched("WEEKLY", "TU", "09:00", "12:00"), "dinsdag 09:00–12:00"},
      {Sched("WEEKLY", "MO,TH", "13:30", "16:00"), "maandag en donderdag 13:30–16:00"},
      {Sched("WEEKLY", "MO,WE,FR"), "maandag, woensdag en vrijdag"},
      {Sched("WEEKLY", "MO,TU,WE,TH,FR", "09:00", "17:00"), "maandag tot en met vrijdag 09:00–17:00"},
      {Sched("MONTHLY", "1MO", "14:00", "16:00"), "elke eerste maandag van de maand 14:00–16:00"},
      {Sched("MONTHLY", "-1FR"), "elke laatste vrijdag van de maand"},
      {Sched("MONTHLY", "1MO,3MO"), "elke eerste en derde maandag van de maand"},
      {Sched("MONTHLY", "2TU,2TH"), "elke tweede dinsdag en donderdag van de maand"},
      {Sched("DAILY", "", "08:00"), "elke dag vanaf 08:00"},
      {fortnightly, "om de week op woensdag 10:00–12:00"},
      {limited, "dinsdag 09:00–12:00 (van 1 januari 2026 tot en met 31 maart 2026)"},
      {month_days, "de 1e en 15e van de maand"},
      {yearly, "tijden onbekend"},
      {Sched("MONTHLY", "MO"), "tijden onbekend"},
      {Sched("WEEKLY", "XX"), "tijden onbekend"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ScheduleInWords(c.schedule), c.words) << c.schedule.freq << " " << c.schedule.byday;
  }
}

TEST(NormaliseTime, AcceptsTheUsualWaysOfWritingATime) {
  EXPECT_EQ(NormaliseTime("9:00"), "09:00");
  EXPECT_EQ(NormaliseTime("09.30"), "09:30");
  EXPECT_EQ(NormaliseTime("13:45:00"), "13:45");
  EXPECT_EQ(NormaliseTime("24:00"), "24:00");
  EXPECT_FALSE(NormaliseTime("25:00"));
  EXPECT_FALSE(NormaliseTime("9"));
  EXPECT_FALSE(NormaliseTime("negen uur"));
  EXPECT_FALSE(NormaliseTime("12:60"));
}

TEST(ScheduleRow, RoundTripsWhatTheFormCanSay) {
  const socialmap::Schedule shown[] = {
      Sched("WEEKLY", "TU", "09:00", "12:00"),    Sched("WEEKLY", "MO,WE,FR", "13:00", "17:00"),
      Sched("MONTHLY", "-1FR", "19:00", "21:00"), Sched("MONTHLY", "2MO,2WE", "10:00"),
      Sched("DAILY", "", "08:00", "20:00"),
  };
  for (const auto& s : shown) {
    auto row = RowOfSchedule(s);
    ASSERT_TRUE(row) << s.freq << " " << s.byday;
    auto back = ScheduleOfRow(*row, "schedule_0");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->freq, s.freq);
    EXPECT_EQ(back->byday, s.byday);
    EXPECT_EQ(back->opens_at, s.opens_at);
    EXPECT_EQ(back->closes_at, s.closes_at);
  }
}

TEST(ScheduleRow, LeavesWhatTheFormCannotSayToBeKeptAsItIs) {
  socialmap::Schedule fortnightly = Sched("WEEKLY", "WE");
  fortnightly.interval = 2;
  socialmap::Schedule month_days = Sched("MONTHLY", "");
  month_days.bymonthday = "1";
  socialmap::Schedule dated = Sched("WEEKLY", "MO");
  dated.valid_from = "2026-01-01";
  const socialmap::Schedule kept[] = {
      fortnightly, month_days, dated, Sched("MONTHLY", "1MO,3WE"), Sched("YEARLY", ""), Sched("MONTHLY", "5MO")};
  for (const auto& s : kept) EXPECT_FALSE(RowOfSchedule(s)) << s.freq << " " << s.byday;
}

TEST(ScheduleRow, RefusesAnIncompleteRowNamingTheField) {
  struct Case {
    ScheduleRow row;
    const char* field;
    const char* message;
  };
  ScheduleRow no_day;
  no_day.opens_at = "09:00";
  ScheduleRow bad_time;
  bad_time.days[1] = true;
  bad_time.opens_at = "9 uur";
  ScheduleRow backwards;
  backwards.days[1] = true;
  backwards.opens_at = "12:00";
  backwards.closes_at = "09:00";
  ScheduleRow only_close;
  only_close.days[1] = true;
  only_close.closes_at = "12:00";
  ScheduleRow monthly;
  monthly.days[0] = true;
  monthly.monthly = true;
  const Case cases[] = {
      {no_day, "schedule_2_days", "Kies minstens één dag voor deze openingstijd."},
      {bad_time, "schedule_2_opens_at", "Vul de begintijd in als uu:mm, bijvoorbeeld 09:00."},
      {backwards, "schedule_2_closes_at", "De eindtijd moet na de begintijd liggen."},
      {only_close, "schedule_2_opens_at", "Vul ook de begintijd in."},
      {monthly, "schedule_2_ordinal", "Kies welke week van de maand: 1e, 2e, 3e, 4e of laatste."},
  };
  for (const auto& c : cases) {
    auto r = ScheduleOfRow(c.row, "schedule_2");
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(FieldLabel, NamesHistoryFieldsInDutch) {
  EXPECT_EQ(FieldLabel("fees_description"), "Kosten");
  EXPECT_EQ(FieldLabel("assured_date"), "Gecontroleerd op");
  EXPECT_EQ(FieldLabel("x_custom"), "x_custom");
  EXPECT_EQ(ActionLabel("verify"), "Gecontroleerd");
}

}  // namespace
}  // namespace wk::web
