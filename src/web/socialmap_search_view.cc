// The search page's view of the results (socialmap_search.h): hits, opening times in Dutch words
// (the pages' one formatter, socialmap_words.h), the map's points.
#include <array>
#include <map>

#include "socialmap_search.h"
#include "socialmap_words.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/model.h"

namespace wk::web {
namespace {

using nlohmann::json;

// Mustache sections treat "" as true: an empty text is null, so {{#x}}...{{/x}} disappears.
json TextOrNull(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

std::string OpeningInWords(const socialmap::Schedule& s) {
  const std::string description(text::Trim(s.description));
  std::string words = ScheduleInWords(s);
  // A rule outside the subset the search reads: its description says more than "tijden onbekend".
  if (words == "tijden onbekend") return description.empty() ? words : description;
  return description.empty() ? words : words + " (" + description + ")";
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
    for (const auto& sc : s.schedules) opening.push_back(OpeningInWords(sc));
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
