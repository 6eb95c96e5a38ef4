// Opening hours as people write them in a spreadsheet ("di 09:00-12:00; do 13:00-16:00") and as
// a wegwijzer prints them ("dinsdag 09.00–12.00 uur"), to and from the model's schedules (HSDS
// RRULE columns, model.h).
//
// Accepted forms, entries separated by ';' or a line break (docs/handleiding.md lists them too):
//   di 09:00-12:00                 a weekday: ma di wo do vr za zo, or the full name (dinsdag)
//   ma, wo en vr 9-12              several days: ',' '/' '+' or 'en' between them
//   ma-vr 09.00-17.00 uur          a range of days ('-', 't/m' or 'tot en met'); times as 9, 9:30 or 9.30
//   di 09:00-12:00, 13:00-16:00    several times on the same days: ',' or 'en' between them
//   dagelijks 10:00-16:00          every day ('elke dag' too)
//   1e di 10:00-12:00              a monthly day: 1e 2e 3e 4e, eerste ... vierde, laatste (+ 'van de maand')
// 'elke'/'iedere' before a day and 'uur' after the times are allowed; '–' counts as '-'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::socialmap {

// Schedules of the text: WEEKLY with BYDAY for weekdays (days with the same times share one
// schedule), DAILY, MONTHLY with an ordinal BYDAY ("1TU", "-1FR"). Times as "HH:MM". An empty text
// gives no schedules. kInvalid ("'…' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00;
// do 13:00-16:00", or a message about the times) for anything else.
Result<std::vector<Schedule>> ParseOpeningHours(std::string_view text);

// The short form that ParseOpeningHours reads back: "ma-vr 09:00-17:00; za 10:00-12:00". Schedules
// outside the forms above are written as their description (or left out without one).
std::string FormatOpeningHours(const std::vector<Schedule>& schedules);

// In plain words, one line per schedule, for residents: "dinsdag 09.00–12.00 uur", "maandag tot en
// met vrijdag 09.00–17.00 uur", "elke eerste dinsdag van de maand 10.00–12.00 uur", "elke dag ...".
// A schedule outside the forms above gives its description, or "zie beschrijving" without one.
std::vector<std::string> OpeningHoursInWords(const std::vector<Schedule>& schedules);

}  // namespace wk::socialmap
