#include "wk/socialmap/opening_hours.h"

#include <gtest/gtest.h>

namespace wk::socialmap {
namespace {

// A schedule as "FREQ BYDAY opens-closes" for compact comparisons.
std::string Brief(const Schedule& s) {
  return s.freq + " " + s.byday + " " + s.opens_at + "-" + s.closes_at;
}

std::vector<std::string> Parsed(std::string_view text) {
  auto schedules = ParseOpeningHours(text);
  if (!schedules) return {"error: " + schedules.error().message};
  std::vector<std::string> out;
  for (const Schedule& s : *schedules) out.push_back(Brief(s));
  return out;
}

struct ParseCase {
  std::string_view text;
  std::vector<std::string> schedules;
};

TEST(OpeningHours, ReadsEveryDocumentedForm) {
  const ParseCase cases[] = {
      {"di 09:00-12:00", {"WEEKLY TU 09:00-12:00"}},
      {"di 09:00-12:00; do 13:00-16:00", {"WEEKLY TU 09:00-12:00", "WEEKLY TH 13:00-16:00"}},
      {"Dinsdag 9-12 uur", {"WEEKLY TU 09:00-12:00"}},
      {"ma, wo en vr 9.30-12", {"WEEKLY MO,WE,FR 09:30-12:00"}},
      {"ma/di+do 10-11", {"WEEKLY MO,TU,TH 10:00-11:00"}},
      {"ma-vr 09.00-17.00 uur", {"WEEKLY MO,TU,WE,TH,FR 09:00-17:00"}},
      {"maandag t/m vrijdag 8:30-17:00", {"WEEKLY MO,TU,WE,TH,FR 08:30-17:00"}},
      {"ma tot en met wo 9 - 12", {"WEEKLY MO,TU,WE 09:00-12:00"}},
      {"di 09:00-12:00, 13:00-16:00", {"WEEKLY TU 09:00-12:00", "WEEKLY TU 13:00-16:00"}},
      {"di 09:00-12:00 en 13:00-16:00", {"WEEKLY TU 09:00-12:00", "WEEKLY TU 13:00-16:00"}},
      {"dagelijks 10:00-16:00", {"DAILY  10:00-16:00"}},
      {"elke dag 10-22", {"DAILY  10:00-22:00"}},
      {"elke dinsdag 14:00\xE2\x80\x93"
       "16:00",
       {"WEEKLY TU 14:00-16:00"}},
      {"1e di 10:00-12:00", {"MONTHLY 1TU 10:00-12:00"}},
      {"elke eerste dinsdag van de maand 10-12", {"MONTHLY 1TU 10:00-12:00"}},
      {"laatste vr 14-16", {"MONTHLY -1FR 14:00-16:00"}},
      {"za 20:00-24:00", {"WEEKLY SA 20:00-24:00"}},
      {"di 9-12\nwo 13-14", {"WEEKLY TU 09:00-12:00", "WEEKLY WE 13:00-14:00"}},
      {"", {}},
      {" ; ", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Parsed(c.text), c.schedules) << c.text;
}

TEST(OpeningHours, RefusesWhatItCannotReadWithAnExample) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"op afspraak", "'op afspraak' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"di", "'di' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"dins 9-12", "'dins 9-12' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"vr-ma 9-12", "'vr-ma 9-12' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"di 9", "'di 9' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"di 25-26", "'di 25-26' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"di 9:75-12", "'di 9:75-12' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
      {"di 13-12", "'di 13-12': de sluitingstijd 12:00 ligt niet na de openingstijd 13:00."},
      {"eerste dagelijks 9-12",
       "'eerste dagelijks 9-12' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do 13:00-16:00."},
  };
  for (const auto& [text, message] : cases) {
    auto r = ParseOpeningHours(text);
    ASSERT_FALSE(r.has_value()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().message, message);
  }
}

TEST(OpeningHours, TheShortFormReadsBackToTheSameSchedules) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"ma-vr 9-17; za 10-12", "ma-vr 09:00-17:00; za 10:00-12:00"},
      {"ma, wo en vr 9-12", "ma, wo, vr 09:00-12:00"},
      {"ma en di 9-12", "ma, di 09:00-12:00"},
      {"ma, di, wo, vr 9-12", "ma-wo, vr 09:00-12:00"},
      {"dagelijks 10-16", "dagelijks 10:00-16:00"},
      {"eerste di 10-12; laatste vr 14-16", "1e di 10:00-12:00; laatste vr 14:00-16:00"},
  };
  for (const auto& [text, short_form] : cases) {
    auto schedules = ParseOpeningHours(text);
    ASSERT_TRUE(schedules.has_value()) << text;
    EXPECT_EQ(FormatOpeningHours(*schedules), short_form) << text;
    EXPECT_EQ(Parsed(FormatOpeningHours(*schedules)), Parsed(text)) << text;
  }
}

TEST(OpeningHours, SchedulesOutsideTheFormsAreWrittenAsTheirDescription) {
  Schedule fortnightly;
  fortnightly.freq = "WEEKLY";
  fortnightly.interval = 2;
  fortnightly.byday = "TU";
  fortnightly.opens_at = "10:00";
  fortnightly.closes_at = "12:00";
  fortnightly.description = "Om de week op dinsdag";
  Schedule without = fortnightly;
  without.description.clear();
  EXPECT_EQ(FormatOpeningHours({fortnightly, without}), "Om de week op dinsdag");
  EXPECT_EQ(OpeningHoursInWords({fortnightly, without}),
            (std::vector<std::string>{"Om de week op dinsdag", "zie beschrijving"}));
}

TEST(OpeningHours, InWordsForResidents) {
  const std::pair<std::string_view, std::vector<std::string>> cases[] = {
      {"di 09:00-12:00",
       {"dinsdag 09.00\xE2\x80\x93"
        "12.00 uur"}},
      {"ma-vr 9-17",
       {"maandag tot en met vrijdag 09.00\xE2\x80\x93"
        "17.00 uur"}},
      {"ma, wo en vr 9-12",
       {"maandag, woensdag en vrijdag 09.00\xE2\x80\x93"
        "12.00 uur"}},
      {"di 9-12, 13-16; do 13-16",
       {"dinsdag 09.00\xE2\x80\x93"
        "12.00 en 13.00\xE2\x80\x93"
        "16.00 uur",
        "donderdag 13.00\xE2\x80\x93"
        "16.00 uur"}},
      {"1e di 10-12",
       {"elke eerste dinsdag van de maand 10.00\xE2\x80\x93"
        "12.00 uur"}},
      {"laatste vr 14-16",
       {"elke laatste vrijdag van de maand 14.00\xE2\x80\x93"
        "16.00 uur"}},
      {"dagelijks 10-16",
       {"elke dag 10.00\xE2\x80\x93"
        "16.00 uur"}},
  };
  for (const auto& [text, words] : cases) {
    auto schedules = ParseOpeningHours(text);
    ASSERT_TRUE(schedules.has_value()) << text;
    EXPECT_EQ(OpeningHoursInWords(*schedules), words) << text;
  }
}

}  // namespace
}  // namespace wk::socialmap
