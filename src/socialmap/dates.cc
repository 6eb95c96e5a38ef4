#include "dates.h"

#include <chrono>

#include "wk/core/text.h"
#include "wk/socialmap/socialmap.h"

namespace wk::socialmap {
namespace {

std::chrono::year_month_day Parse(std::string_view s) {
  auto y = text::ParseInt(s.substr(0, 4)), m = text::ParseInt(s.substr(5, 2)), d = text::ParseInt(s.substr(8, 2));
  return std::chrono::year_month_day{std::chrono::year(static_cast<int>(*y)),
                                     std::chrono::month(static_cast<unsigned>(*m)),
                                     std::chrono::day(static_cast<unsigned>(*d))};
}

std::string Format(const std::chrono::year_month_day& ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::string TodayUtc() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Format(std::chrono::year_month_day{days});
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return Parse(s).ok();
}

std::string MonthsBefore(std::string_view date, int months) {
  auto ymd = Parse(date);
  auto earlier = ymd.year() / ymd.month() / std::chrono::last - std::chrono::months(months);  // a valid month end
  auto day = std::min(ymd.day(), earlier.day());
  return Format(std::chrono::year_month_day{earlier.year(), earlier.month(), day});
}

bool IsOutdated(std::string_view assured_date, std::string_view today) {
  if (assured_date.empty()) return true;
  return assured_date < MonthsBefore(today, kOutdatedAfterMonths);
}

}  // namespace wk::socialmap
