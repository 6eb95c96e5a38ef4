// The social map in Dutch words for the pages: dates, opening times, history field names, and
// the one-row schedule of the service form (days, times, weekly or "elke eerste maandag").
// Pure functions, no database.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::web {

// "2026-12-03" -> "3 december 2026"; anything that is not YYYY-MM-DD is returned as it is.
std::string DutchDate(std::string_view iso_date);

// A schedule as people say it: "dinsdag 09:00–12:00", "maandag en donderdag 13:30–16:00",
// "elke eerste maandag van de maand 14:00–16:00", "elke dag", "om de week op woensdag 10:00–12:00",
// "de 1e en 15e van de maand", with "vanaf 1 januari 2026" / "tot ..." when limited. A schedule
// outside the subset the search understands (ADR 13) says "tijden onbekend". The description is
// not included (the page shows it beside the words).
std::string ScheduleInWords(const socialmap::Schedule& schedule);

// Dutch label of an HSDS field name in the history table ("fees_description" -> "Kosten");
// the field name itself when unknown.
std::string FieldLabel(std::string_view field);
// Dutch label of a history action ("verify" -> "Gecontroleerd").
std::string ActionLabel(std::string_view action);

// The days of the week as HSDS/RFC 5545 writes them, Monday first, with their Dutch names.
struct Weekday {
  std::string_view code;  // "MO"
  std::string_view name;  // "maandag"
  std::string_view abbr;  // "ma"
};
const std::array<Weekday, 7>& Weekdays();

// One row of the service form's opening times. It can say "these days weekly" or "the n-th
// (or last) of these days each month", with one time span.
struct ScheduleRow {
  std::string id;              // the schedule's id when editing, "" for a new row
  std::array<bool, 7> days{};  // Weekdays() order
  std::string opens_at;        // "09:00"
  std::string closes_at;       // "12:00"
  bool monthly = false;        // false = weekly
  int ordinal = 0;             // monthly: 1..4 or -1 (last)
  std::string description;

  bool Empty() const;  // no day, no time, no description: the row is skipped
};

// The form row of a schedule, or nullopt when the form cannot show it (DAILY is shown as seven
// days weekly; BYMONTHDAY, an interval above 1, mixed ordinals, dates): such a schedule is kept as
// it is and listed read-only.
std::optional<ScheduleRow> RowOfSchedule(const socialmap::Schedule& schedule);

// The schedule of a filled row. kInvalid with `field` "<prefix>_days", "<prefix>_opens_at",
// "<prefix>_closes_at" or "<prefix>_ordinal" (prefix "schedule_0") and a Dutch message: no day,
// a time that is not HH:MM, closing before opening, monthly without "which".
Result<socialmap::Schedule> ScheduleOfRow(const ScheduleRow& row, std::string_view prefix);

// "09:00" for "9:00", "09:00:00" or "09.00"; nullopt when not a time of day.
std::optional<std::string> NormaliseTime(std::string_view text);

}  // namespace wk::web
