// The search page's parameters and the query they ask for (socialmap_search.h).
#include <algorithm>

#include "area_data.h"
#include "auth_support.h"
#include "socialmap_search.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

constexpr std::size_t kMaxNeedLength = 200;
constexpr std::size_t kMaxValues = 20;  // per repeated parameter
constexpr double kDefaultRadiusKm = 2;
constexpr double kMaxRadiusKm = 50;

std::string Single(const Request& req, std::string_view name, std::size_t max_length = 100) {
  std::string value(text::Trim(req.Query(name).value_or("")));
  if (value.size() > max_length) value.resize(max_length);
  return value;
}

std::vector<std::string> Repeated(const Request& req, const std::string& name) {
  std::vector<std::string> out;
  auto [from, to] = req.query.equal_range(name);
  for (auto it = from; it != to && out.size() < kMaxValues; ++it) {
    std::string v(text::Trim(it->second));
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

Error Invalid(std::string message, std::string field) {
  return Error{ErrorCode::kInvalid, std::move(message), std::move(field), {}};
}

// An area by CBS code or by its exact name (case and accents ignored, "Wijk 03 " optional).
Result<std::string> AreaCode(store::Db& db, const std::string& typed) {
  auto by_code = areas::GetArea(db, NormalizeAreaCode(typed));
  if (by_code) return by_code->code;
  if (by_code.error().code != ErrorCode::kNotFound) return Fail(by_code.error());
  auto found = areas::SearchAreas(db, typed, 50);
  if (!found) return Fail(found.error());
  const std::string want = text::FoldForSearch(typed);
  for (const auto& a : *found) {
    std::string name = text::FoldForSearch(a.name);
    if (name == want) return a.code;
    // "wijk 03 overvecht" is also "overvecht"
    auto space = name.find(' ', name.find(' ') + 1);
    if (name.starts_with("wijk ") && space != std::string::npos && name.substr(space + 1) == want) return a.code;
  }
  return Fail(Invalid("Onbekend gebied: " + typed + ". Kies een gebied uit de lijst of geef een CBS-code.", "gebied"));
}

void AddUnique(std::vector<std::string>& list, const std::vector<std::string>& more) {
  for (const auto& v : more) {
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
  }
}

}  // namespace

SearchParams ReadSearchParams(const Request& req) {
  SearchParams p;
  for (std::string_view name : {"behoefte", "domein", "wet", "doelgroep", "toegang", "formeel", "gebied", "leeftijd",
                                "open", "bij", "straal"}) {
    if (req.query.contains(std::string(name))) p.searched = true;
  }
  p.need = Single(req, "behoefte", kMaxNeedLength);
  p.domains = Repeated(req, "domein");
  p.laws = Repeated(req, "wet");
  p.target_groups = Repeated(req, "doelgroep");
  p.access_routes = Repeated(req, "toegang");
  p.formal = Single(req, "formeel");
  p.area = Single(req, "gebied");
  p.age = Single(req, "leeftijd");
  p.open_at = Single(req, "open");
  p.near = Single(req, "bij");
  p.radius = Single(req, "straal");
  auto page = text::ParseInt(Single(req, "pagina"));
  p.page = page && *page >= 1 && *page <= 10000 ? static_cast<int>(*page) : 1;
  return p;
}

std::string SearchQueryString(const SearchParams& p, int page) {
  static const std::string kNone;  // the radius without a point means nothing: left out
  std::string out;
  auto add = [&](std::string_view name, const std::string& value) {
    out += (out.empty() ? "" : "&") + std::string(name) + "=" + UrlEncode(value);
  };
  add("behoefte", p.need);
  for (const auto& v : p.domains) add("domein", v);
  for (const auto& v : p.laws) add("wet", v);
  for (const auto& v : p.target_groups) add("doelgroep", v);
  for (const auto& v : p.access_routes) add("toegang", v);
  for (auto [name, value] : {std::pair{"formeel", &p.formal}, std::pair{"gebied", &p.area},
                             std::pair{"leeftijd", &p.age}, std::pair{"open", &p.open_at}, std::pair{"bij", &p.near},
                             std::pair{"straal", p.near.empty() ? &kNone : &p.radius}}) {
    if (!value->empty()) add(name, *value);
  }
  if (page > 1) add("pagina", std::to_string(page));
  return out;
}

Result<socialmap::SearchQuery> BuildSearchQuery(store::Db& db, const SearchParams& p,
                                                std::vector<socialmap::MatchReason>* understood) {
  auto parsed = socialmap::ParseNeed(db, p.need);
  if (!parsed) return Fail(parsed.error());
  if (understood != nullptr) *understood = parsed->understood;
  socialmap::SearchQuery q = std::move(parsed->query);
  // Codes are checked by Search itself ("Onbekende wet: abc.", field "wet").
  AddUnique(q.domains, p.domains);
  AddUnique(q.laws, p.laws);
  AddUnique(q.target_groups, p.target_groups);
  AddUnique(q.access_routes, p.access_routes);
  if (p.formal == "ja" || p.formal == "nee") {
    q.formal = p.formal == "ja";
  } else if (!p.formal.empty()) {
    return Fail(Invalid("Kies formeel=ja of formeel=nee.", "formeel"));
  }
  if (!p.area.empty()) {
    auto code = AreaCode(db, p.area);
    if (!code) return Fail(code.error());
    q.area_served = *code;
    q.near_area = *code;  // nearer services first, no limit (as for an area in the need)
    q.radius_km = 0;
  }
  if (!p.age.empty()) {
    auto age = text::ParseInt(p.age);
    if (!age || *age < 0 || *age > 130) return Fail(Invalid("Geef een leeftijd tussen 0 en 130.", "leeftijd"));
    q.age = static_cast<int>(*age);
  }
  if (!p.open_at.empty()) {
    auto t = socialmap::ParseLocalTime(p.open_at);
    if (!t) return Fail(t.error());
    q.open_at = *t;
  }
  if (!p.near.empty()) {
    const auto parts = text::Split(p.near, ',');
    std::optional<double> lat, lon;
    if (parts.size() == 2) lat = text::ParseDouble(text::Trim(parts[0])), lon = text::ParseDouble(text::Trim(parts[1]));
    if (!lat || !lon) return Fail(Invalid("Geef een punt als breedte,lengte, bijvoorbeeld 52.09,5.12.", "bij"));
    q.near_lat = lat;
    q.near_lon = lon;
    q.radius_km = kDefaultRadiusKm;
  }
  if (!p.radius.empty()) {
    auto km = text::ParseDouble(p.radius);
    if (!km || *km <= 0 || *km > kMaxRadiusKm) {
      return Fail(Invalid("Geef een straal van meer dan 0 en hoogstens 50 km.", "straal"));
    }
    if (q.near_lat) q.radius_km = *km;  // without a point the radius means nothing
  }
  q.limit = kSearchPageSize;
  q.offset = (p.page - 1) * kSearchPageSize;
  return q;
}

}  // namespace wk::web
