// "Open at": whether a schedule (RFC 5545 RRULE as HSDS splits it into columns) is open at a
// local time. Only the subset of ADR 13 is understood; everything else is kUnknown, so the search
// never calls a service open on a rule it cannot read:
//   FREQ=DAILY   every INTERVAL days from DTSTART; BYDAY (plain days) and BYMONTHDAY restrict it.
//   FREQ=WEEKLY  on the BYDAY days (plain, no ordinals; none = DTSTART's day), every INTERVAL weeks
//                counted in weeks starting on Monday from DTSTART's week.
//   FREQ=MONTHLY on BYDAY with ordinals ("1MO" first Monday, "-1FR" last Friday, "MO" every
//                Monday) and/or BYMONTHDAY ("1,15", "-1" last day); both given = both must hold;
//                none = DTSTART's day of the month; every INTERVAL months from DTSTART's month.
//   INTERVAL > 1 needs DTSTART; a date before DTSTART, before valid_from or after valid_to is closed.
//   opens_at <= t < closes_at, both "HH:MM" or "HH:MM:SS" (an offset "+01:00"/"+02:00" is the
//   Amsterdam wall clock and accepted; another offset or "Z" is unknown); closing at or before
//   opening (past midnight) is unknown.
// Calendar arithmetic with Howard Hinnant's date library (GCC 12 lacks C++20 calendars).
#include <date/date.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "open_at.h"
#include "wk/core/text.h"
#include "wk/socialmap/search.h"

namespace wk::socialmap {
namespace {

std::optional<int> ToInt(std::string_view s) {
  int value = 0;
  if (s.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// "YYYY-MM-DD", also with a time after it ("2026-01-05T09:00:00") or in the basic form "20260105".
std::optional<date::year_month_day> ParseDate(std::string_view s) {
  s = text::Trim(s);
  std::optional<int> y, m, d;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && (s.size() == 10 || s[10] == 'T' || s[10] == ' ')) {
    y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(5, 2)), d = ToInt(s.substr(8, 2));
  } else if (s.size() >= 8 && (s.size() == 8 || s[8] == 'T')) {
    y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(4, 2)), d = ToInt(s.substr(6, 2));
  }
  if (!y || !m || !d) return std::nullopt;
  date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                           date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// Minutes since midnight of "HH:MM" or "HH:MM:SS", optionally with an Amsterdam offset.
std::optional<int> ParseClock(std::string_view s) {
  s = text::Trim(s);
  for (std::string_view offset : {"+01:00", "+02:00", "+0100", "+0200"}) {
    if (s.ends_with(offset)) {
      s.remove_suffix(offset.size());
      break;
    }
  }
  if (s.size() != 5 && s.size() != 8) return std::nullopt;
  if (s[2] != ':' || (s.size() == 8 && s[5] != ':')) return std::nullopt;
  auto h = ToInt(s.substr(0, 2)), m = ToInt(s.substr(3, 2));
  if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return std::nullopt;
  if (s.size() == 8) {
    auto sec = ToInt(s.substr(6, 2));
    if (!sec || *sec > 59) return std::nullopt;
  }
  return *h * 60 + *m;
}

struct DayRule {
  int ordinal = 0;  // 0 = every such day
  date::weekday day;
};

std::optional<date::weekday> ParseWeekday(std::string_view code) {
  static constexpr std::array<std::string_view, 7> kCodes = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  const std::string upper = text::ToLowerAscii(code);
  for (unsigned i = 0; i < kCodes.size(); ++i) {
    if (text::ToLowerAscii(kCodes[i]) == upper) return date::weekday{i};
  }
  return std::nullopt;
}

// "MO,WE" or "1MO,-1FR"; nullopt when a part is not understood. Ordinals 1..5 and -1..-5.
std::optional<std::vector<DayRule>> ParseByDay(std::string_view s) {
  std::vector<DayRule> out;
  for (const auto& part : text::Split(s, ',')) {
    std::string_view p = text::Trim(part);
    if (p.empty()) continue;
    if (p.size() < 2) return std::nullopt;
    DayRule rule;
    auto day = ParseWeekday(p.substr(p.size() - 2));
    if (!day) return std::nullopt;
    rule.day = *day;
    std::string_view number = p.substr(0, p.size() - 2);
    if (!number.empty()) {
      if (number.front() == '+') number.remove_prefix(1);
      auto n = ToInt(number);
      if (!n || *n == 0 || *n > 5 || *n < -5) return std::nullopt;
      rule.ordinal = *n;
    }
    out.push_back(rule);
  }
  return out;
}

// "1,15,-1"; nullopt when a part is not a day of the month (1..31 or -1..-31).
std::optional<std::vector<int>> ParseMonthDays(std::string_view s) {
  std::vector<int> out;
  for (const auto& part : text::Split(s, ',')) {
    std::string_view p = text::Trim(part);
    if (p.empty()) continue;
    if (p.front() == '+') p.remove_prefix(1);
    auto n = ToInt(p);
    if (!n || *n == 0 || *n > 31 || *n < -31) return std::nullopt;
    out.push_back(*n);
  }
  return out;
}

bool MatchesMonthDay(const std::vector<int>& days, const date::year_month_day& d) {
  const int day = static_cast<int>(static_cast<unsigned>(d.day()));
  const int last = static_cast<int>(
      static_cast<unsigned>(date::year_month_day_last{d.year(), date::month_day_last{d.month()}}.day()));
  for (int n : days) {
    if (n == day || (n < 0 && last + n + 1 == day)) return true;
  }
  return false;
}

// Whether `d` is one of the days of `rules` within its month (an ordinal counts from the start
// or, negative, from the end of the month).
bool MatchesByDay(const std::vector<DayRule>& rules, const date::year_month_day& d) {
  const date::weekday wd{date::sys_days{d}};
  const int day = static_cast<int>(static_cast<unsigned>(d.day()));
  const int last = static_cast<int>(
      static_cast<unsigned>(date::year_month_day_last{d.year(), date::month_day_last{d.month()}}.day()));
  for (const auto& rule : rules) {
    if (rule.day != wd) continue;
    if (rule.ordinal == 0) return true;
    if (rule.ordinal > 0 && (day - 1) / 7 + 1 == rule.ordinal) return true;
    if (rule.ordinal < 0 && (last - day) / 7 + 1 == -rule.ordinal) return true;
  }
  return false;
}

bool HasOrdinal(const std::vector<DayRule>& rules) {
  for (const auto& r : rules) {
    if (r.ordinal != 0) return true;
  }
  return false;
}

// Whether the date is an occurrence of the rule; nullopt when the rule is outside the subset.
std::optional<bool> OccursOn(const Schedule& s, const date::year_month_day& d,
                             const std::optional<date::year_month_day>& start) {
  const std::string freq = text::ToLowerAscii(text::Trim(s.freq));
  auto byday = ParseByDay(s.byday);
  auto monthdays = ParseMonthDays(s.bymonthday);
  if (!byday || !monthdays) return std::nullopt;
  const date::sys_days day{d};
  if (freq == "daily") {
    if (HasOrdinal(*byday)) return std::nullopt;
    if (s.interval > 1 && (day - date::sys_days{*start}).count() % s.interval != 0) return false;
    if (!byday->empty() && !MatchesByDay(*byday, d)) return false;
    if (!monthdays->empty() && !MatchesMonthDay(*monthdays, d)) return false;
    return true;
  }
  if (freq == "weekly") {
    if (HasOrdinal(*byday) || !monthdays->empty()) return std::nullopt;
    if (byday->empty()) {
      if (!start) return std::nullopt;
      byday->push_back({0, date::weekday{date::sys_days{*start}}});
    }
    if (s.interval > 1) {
      auto week_start = [](date::sys_days x) { return x - (date::weekday{x} - date::Monday); };
      const auto weeks = (week_start(day) - week_start(date::sys_days{*start})).count() / 7;
      if (weeks % s.interval != 0) return false;
    }
    return MatchesByDay(*byday, d);
  }
  if (freq == "monthly") {
    if (byday->empty() && monthdays->empty()) {
      if (!start) return std::nullopt;
      monthdays->push_back(static_cast<int>(static_cast<unsigned>(start->day())));
    }
    if (s.interval > 1) {
      const int months = (static_cast<int>(d.year()) - static_cast<int>(start->year())) * 12 +
                         static_cast<int>(static_cast<unsigned>(d.month())) -
                         static_cast<int>(static_cast<unsigned>(start->month()));
      if (months % s.interval != 0) return false;
    }
    if (!byday->empty() && !MatchesByDay(*byday, d)) return false;
    if (!monthdays->empty() && !MatchesMonthDay(*monthdays, d)) return false;
    return true;
  }
  return std::nullopt;  // YEARLY, HOURLY, ... and an empty freq
}

}  // namespace

Result<LocalTime> ParseLocalTime(std::string_view input) {
  const std::string_view s = text::Trim(input);
  auto bad = [] { return Fail(ErrorCode::kInvalid, "Geef een tijdstip als 2026-12-01 10:30.", "open"); };
  if (s.size() != 16 && s.size() != 19) return bad();
  if (s[10] != 'T' && s[10] != ' ') return bad();
  auto day = ParseDate(s.substr(0, 10));
  auto clock = ParseClock(s.substr(11));
  if (!day || !clock || *clock >= 24 * 60) return bad();
  return LocalTime{static_cast<int>(day->year()), static_cast<int>(static_cast<unsigned>(day->month())),
                   static_cast<int>(static_cast<unsigned>(day->day())), *clock / 60, *clock % 60};
}

OpenState OpenAt(const Schedule& s, const LocalTime& t) {
  const date::year_month_day d{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                               date::day{static_cast<unsigned>(t.day)}};
  if (!d.ok() || t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59) return OpenState::kUnknown;
  auto opens = ParseClock(s.opens_at), closes = ParseClock(s.closes_at);
  if (!opens || !closes || *closes <= *opens) return OpenState::kUnknown;
  if (s.interval < 1) return OpenState::kUnknown;

  std::optional<date::year_month_day> start;
  if (!text::Trim(s.dtstart).empty()) {
    start = ParseDate(s.dtstart);
    if (!start) return OpenState::kUnknown;
  } else if (s.interval > 1) {
    return OpenState::kUnknown;  // an interval counts from DTSTART
  }
  std::optional<date::year_month_day> from, to;
  if (!text::Trim(s.valid_from).empty() && !(from = ParseDate(s.valid_from))) return OpenState::kUnknown;
  if (!text::Trim(s.valid_to).empty() && !(to = ParseDate(s.valid_to))) return OpenState::kUnknown;

  auto occurs = OccursOn(s, d, start);
  if (!occurs) return OpenState::kUnknown;
  if ((start && d < *start) || (from && d < *from) || (to && d > *to)) return OpenState::kClosed;
  if (!*occurs) return OpenState::kClosed;
  const int minute = t.hour * 60 + t.minute;
  return *opens <= minute && minute < *closes ? OpenState::kOpen : OpenState::kClosed;
}

std::string FormatLocalTimeShort(const LocalTime& t) {
  static constexpr std::array<std::string_view, 7> kDays = {"zo", "ma", "di", "wo", "do", "vr", "za"};
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                               "jul", "aug", "sep", "okt", "nov", "dec"};
  const date::year_month_day d{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                               date::day{static_cast<unsigned>(t.day)}};
  if (!d.ok()) return {};
  const unsigned wd = date::weekday{date::sys_days{d}}.c_encoding();
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", t.hour, t.minute);
  return std::string(kDays[wd]) + " " + std::to_string(t.day) + " " + std::string(kMonths[t.month - 1]) + " " + clock;
}

}  // namespace wk::socialmap
