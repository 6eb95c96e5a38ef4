// The input rules of the social map's use cases (ADR 13): what a party or service must satisfy
// before anything is written. Each function returns the cleaned input (text trimmed, codes
// de-duplicated, times as HH:MM, postcodes as "1234 AB", empty rows of a form dropped) or
// kInvalid with a Dutch message and `field` naming the form field:
//   the model's field names ("name", "email", "domains", "minimum_age", "consent_date"), and for
//   rows of a list the list, index and field: "phones[0].number", "locations[1].latitude",
//   "schedules[0].opens_at".
// Private to the socialmap module.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap {

inline constexpr std::size_t kMaxNameLength = 200;  // code points

// Checks everything but the id and the references to other rows (vocabulary and area codes are
// checked: they need `db` for the areas).
Result<Party> CleanParty(store::Db& db, const Party& party);
Result<Service> CleanService(store::Db& db, const Service& service);

// The source given when verifying: trimmed, at most 500 characters (field "source").
Result<std::string> CleanSource(std::string_view source);

// The single rules, exposed for their tests.
bool IsEmailAddress(std::string_view s);  // "info@example.nl": one @, a dot in the domain, no spaces
bool IsWebUrl(std::string_view s);        // http:// or https:// and a host, no spaces
// "9:00", "09:00", "09:00:00" -> "09:00"; nullopt when not a time of day.
std::optional<std::string> NormaliseTime(std::string_view s);
// "3581kp", "3581 KP" -> "3581 KP"; nullopt when not a Dutch postcode.
std::optional<std::string> NormalisePostcode(std::string_view s);
// One BYDAY token: "MO", and with an ordinal "1MO", "-1FR" when `ordinals` (MONTHLY).
bool IsByDayToken(std::string_view s, bool ordinals);

}  // namespace wk::socialmap
