// Calendar dates of the social map: today in UTC, YYYY-MM-DD checks and the "possibly outdated"
// rule (ADR 13: not verified for more than kOutdatedAfterMonths months, or never). Private.
#pragma once

#include <string>
#include <string_view>

namespace wk::socialmap {

// Today's date in UTC, "2026-11-29" (HSDS last_action_date; the date part of store::NowUtc()).
std::string TodayUtc();

// Whether `s` is a real calendar date written YYYY-MM-DD ("2026-02-30" is not).
bool IsIsoDate(std::string_view s);

// The date `months` calendar months before `date` (YYYY-MM-DD); a day that month lacks becomes
// its last day ("2024-02-29" minus 12 months is "2023-02-28"). `date` must satisfy IsIsoDate.
std::string MonthsBefore(std::string_view date, int months);

// Possibly outdated on `today`: never verified (""), or verified before today minus
// kOutdatedAfterMonths months. Verified exactly twelve months ago is not outdated yet.
bool IsOutdated(std::string_view assured_date, std::string_view today);

}  // namespace wk::socialmap
