// The search page's view of the results (socialmap_search.h): hits, opening times in Dutch words,
// the map's points. The words for schedules are a small formatter of this page's own; the service
// pages have theirs (a later change may share one).
#include <array>
#include <map>

#include "socialmap_search.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/model.h"

namespace wk::web {
namespace {

using nlohmann::json;

struct Day {
  std::string_view code, name;
};
constexpr std::array<Day, 7> kDays = {{{"MO", "maandag"},
                                       {"TU", "dinsdag"},
                                       {"WE", "woensdag"},
                                       {"TH", "donderdag"},
                                       {"FR", "vrijdag"},
                                       {"SA", "zaterdag"},
                                       {"SU", "zondag"}}};

std::string_view DayName(std::string_view code) {
  for (const auto& d : kDays) {
    if (d.code == code) return d.name;
  }
  return {};
}

std::string_view Ordinal(int n) {
  switch (n) {
    case 1: return "eerste";
    case 2: return "tweede";
    case 3: return "derde";
    case 4: return "vierde";
    case 5: return "vijfde";
    case -1: return "laatste";
    case -2: return "voorlaatste";
    default: return {};
  }
}

// "a", "a en b", "a, b en c".
std::string ListInWords(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " en " : ", ";
    out += items[i];
  }
  return out;
}

std::string DutchDate(std::string_view iso) {
  static constexpr std::array<std::string_view, 12> kMonths = {"januari",   "februari", "maart",    "april",
                                                               "mei",       "juni",     "juli",     "augustus",
                                                               "september", "oktober",  "november", "december"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  auto month = text::ParseInt(iso.substr(5, 2)), day = text::ParseInt(iso.substr(8, 2));
  if (!month || !day || *month < 1 || *month > 12) return std::string(iso);
  return std::to_string(*day) + " " + std::string(kMonths[*month - 1]) + " " + std::string(iso.substr(0, 4));
}

std::string TimesInWords(const socialmap::Schedule& s) {
  if (!s.opens_at.empty() && !s.closes_at.empty()) return s.opens_at + "–" + s.closes_at;
  if (!s.opens_at.empty()) return "vanaf " + s.opens_at;
  if (!s.closes_at.empty()) return "tot " + s.closes_at;
  return {};
}

// The days of BYDAY in words; nullopt when a token is not understood. Ordinals only for MONTHLY.
std::optional<std::string> DaysInWords(std::string_view byday, bool monthly) {
  std::vector<std::string> words;
  for (const auto& raw : text::Split(byday, ',')) {
    std::string_view token = text::Trim(raw);
    if (token.empty()) continue;
    if (token.size() < 2) return std::nullopt;
    const std::string_view day = DayName(token.substr(token.size() - 2));
    if (day.empty()) return std::nullopt;
    const std::string_view prefix = token.substr(0, token.size() - 2);
    if (prefix.empty()) {
      words.push_back(std::string(monthly ? "elke " : "") + std::string(day));
      continue;
    }
    auto n = text::ParseInt(prefix.starts_with('+') ? prefix.substr(1) : prefix);
    if (!monthly || !n || Ordinal(static_cast<int>(*n)).empty()) return std::nullopt;
    words.push_back("elke " + std::string(Ordinal(static_cast<int>(*n))) + " " + std::string(day));
  }
  return ListInWords(words);
}

std::optional<std::string> MonthDaysInWords(std::string_view bymonthday) {
  std::vector<std::string> words;
  for (const auto& raw : text::Split(bymonthday, ',')) {
    std::string_view token = text::Trim(raw);
    if (token.empty()) continue;
    auto n = text::ParseInt(token);
    if (!n || *n == 0 || *n < -31 || *n > 31) return std::nullopt;
    words.push_back(*n == -1 ? "laatste dag"
                    : *n < 0 ? std::to_string(-*n) + "e dag voor het einde"
                             : std::to_string(*n) + "e");
  }
  if (words.empty()) return std::string();
  return "op de " + ListInWords(words) + " van de maand";
}

// The rule part ("dinsdag", "elke eerste maandag van de maand", "om de 2 weken op maandag");
// nullopt when the rule is not one of those the social map writes.
std::optional<std::string> RuleInWords(const socialmap::Schedule& s) {
  const int every = std::max(1, s.interval);
  if (s.freq == "DAILY") {
    auto days = DaysInWords(s.byday, false);
    if (!days) return std::nullopt;
    std::string base = every == 1 ? "elke dag" : "om de " + std::to_string(every) + " dagen";
    return days->empty() ? base : base + " (op " + *days + ")";
  }
  if (s.freq == "WEEKLY") {
    auto days = DaysInWords(s.byday, false);
    if (!days) return std::nullopt;
    if (every == 1) return days->empty() ? "elke week" : *days;
    std::string base = every == 2 ? "om de week" : "om de " + std::to_string(every) + " weken";
    return days->empty() ? base : base + " op " + *days;
  }
  if (s.freq == "MONTHLY") {
    auto days = DaysInWords(s.byday, true);
    auto month_days = MonthDaysInWords(s.bymonthday);
    if (!days || !month_days) return std::nullopt;
    std::string out = *days;
    if (!month_days->empty()) out += (out.empty() ? "" : ", ") + *month_days;
    if (out.empty()) out = "elke maand";
    if (!days->empty() && month_days->empty()) out += " van de maand";
    if (every > 1) out += " (om de " + std::to_string(every) + " maanden)";
    return out;
  }
  return std::nullopt;
}

// Mustache sections treat "" as true: an empty text is null, so {{#x}}...{{/x}} disappears.
json TextOrNull(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

std::string ScheduleInWords(const socialmap::Schedule& s) {
  std::string out;
  if (auto rule = RuleInWords(s)) {
    out = *rule;
    const std::string times = TimesInWords(s);
    if (!times.empty()) out += " " + times;
    if (!s.valid_from.empty()) out += ", vanaf " + DutchDate(s.valid_from);
    if (!s.valid_to.empty()) out += ", tot en met " + DutchDate(s.valid_to);
  }
  const std::string description(text::Trim(s.description));
  if (out.empty()) return description.empty() ? "tijden: vraag het na" : description;
  return description.empty() ? out : out + " (" + description + ")";
}

std::string CountText(int total) {
  if (total == 0) return "Geen diensten gevonden";
  if (total == 1) return "1 dienst gevonden";
  return text::FormatNumber(total) + " diensten gevonden";
}

std::string ShortText(std::string_view text, std::size_t max_chars) {
  std::string_view t = text::Trim(text);
  if (t.size() <= max_chars) return std::string(t);
  std::size_t cut = t.rfind(' ', max_chars);
  if (cut == std::string_view::npos || cut < max_chars / 2) {
    cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  }
  std::string out(text::Trim(t.substr(0, cut)));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
  return out + "…";
}

Result<json> HitsView(store::Db& db, const socialmap::SearchResult& result, int first_number) {
  std::map<std::string, std::string> buurt_names;
  auto buurt_name = [&](const std::string& code) -> Result<std::string> {
    if (code.empty()) return std::string();
    if (auto it = buurt_names.find(code); it != buurt_names.end()) return it->second;
    auto area = areas::GetArea(db, code);
    if (!area && area.error().code != ErrorCode::kNotFound) return Fail(area.error());
    return buurt_names[code] = area ? area->name : code;
  };
  json hits = json::array(), points = json::array();
  int n = first_number;
  for (const auto& hit : result.hits) {
    const socialmap::Service& s = hit.service;
    const std::string href = "/sociale-kaart/dienst/" + s.id;
    json places = json::array();
    for (const auto& l : s.locations) {
      std::string address = l.address_1;
      const std::string town(text::Trim(l.postal_code + " " + l.city));
      if (!town.empty()) address += (address.empty() ? "" : ", ") + town;
      auto buurt = buurt_name(l.area_code);
      if (!buurt) return Fail(buurt.error());
      places.push_back({{"address", address.empty() ? l.name : address}, {"buurt", TextOrNull(*buurt)}});
      if (l.latitude && l.longitude) {
        points.push_back({{"n", n},
                          {"lat", *l.latitude},
                          {"lon", *l.longitude},
                          {"name", s.name},
                          {"href", href},
                          {"party", s.party_name},
                          {"address", address}});
      }
    }
    json opening = json::array();
    for (const auto& sc : s.schedules) opening.push_back(ScheduleInWords(sc));
    json reasons = json::array();
    for (const auto& r : hit.reasons) reasons.push_back({{"kind", r.kind}, {"label", r.label}});
    const bool active = s.status == socialmap::ServiceStatus::kActive;
    hits.push_back({{"n", n},
                    {"id", s.id},
                    {"name", s.name},
                    {"href", href},
                    {"party", s.party_name},
                    {"party_href", "/sociale-kaart/partij/" + s.party_id},
                    {"description", TextOrNull(ShortText(s.description))},
                    {"places", places},
                    {"has_places", !places.empty()},
                    {"distance", TextOrNull(hit.distance_km ? text::FormatNumber(*hit.distance_km, 1) + " km" : "")},
                    {"opening", opening},
                    {"has_opening", !opening.empty()},
                    {"reasons", reasons},
                    {"has_reasons", !reasons.empty()},
                    {"status", TextOrNull(active ? "" : std::string(socialmap::ServiceStatusLabel(s.status)))},
                    {"outdated", s.verification.outdated}});
    ++n;
  }
  return json{{"hits", hits}, {"points", points}};
}

}  // namespace wk::web
