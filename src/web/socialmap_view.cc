#include "socialmap_view.h"

#include <algorithm>
#include <map>

#include "socialmap_words.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::web {
namespace {

using nlohmann::json;

// Languages often met in Dutch neighbourhoods (ISO 639-1, Dutch names); others show their code.
struct Language {
  std::string_view code, name;
};
constexpr Language kLanguages[] = {
    {"nl", "Nederlands"}, {"en", "Engels"},   {"ar", "Arabisch"},   {"tr", "Turks"},       {"pl", "Pools"},
    {"uk", "Oekraïens"},  {"ru", "Russisch"}, {"fa", "Perzisch"},   {"so", "Somalisch"},   {"ti", "Tigrinya"},
    {"es", "Spaans"},     {"fr", "Frans"},    {"de", "Duits"},      {"pt", "Portugees"},   {"zh", "Chinees"},
    {"bg", "Bulgaars"},   {"ro", "Roemeens"}, {"pa", "Punjabi"},    {"ur", "Urdu"},        {"hi", "Hindi"},
    {"fy", "Fries"},      {"ber", "Berbers"}, {"zgh", "Tamazight"}, {"pap", "Papiaments"}, {"srn", "Sranantongo"},
    {"prs", "Dari"},      {"ps", "Pasjtoe"},  {"ku", "Koerdisch"},  {"am", "Amhaars"},     {"sgn", "Gebarentaal"},
};

// An empty optional string is false: kainjow's mustache takes "" as true in a section, and would
// look a missing key up in the enclosing contexts.
// The parts of a party or service that have history rows of their own.
std::string ResourceLabel(std::string_view type) {
  if (type == "location") return "Locatie";
  if (type == "schedule") return "Openingstijd";
  if (type == "phone") return "Telefoon";
  if (type == "contact") return "Contact";
  return "";
}

// The taxonomy whose codes a history field holds (joined by ", "), or "".
std::string_view TaxonomyOfField(std::string_view field) {
  if (field == "domains") return socialmap::kDomainTaxonomy;
  if (field == "laws") return socialmap::kLawTaxonomy;
  if (field == "access_routes") return socialmap::kAccessTaxonomy;
  if (field == "target_groups") return socialmap::kTargetGroupTaxonomy;
  return {};
}

// A stored history value as the page says it: codes as their Dutch labels, booleans and dates in
// words; anything else as it is.
std::string HistoryValue(std::string_view field, const std::string& value) {
  if (value == "true" || value == "false") {
    if (field == "formal") return value == "true" ? "formeel" : "informeel";
    return value == "true" ? "ja" : "nee";
  }
  if (field == "kind") {
    if (auto kind = socialmap::ParsePartyKind(value)) return std::string(socialmap::PartyKindLabel(*kind));
  }
  if (field == "status") {
    if (auto status = socialmap::ParseServiceStatus(value)) return std::string(socialmap::ServiceStatusLabel(*status));
  }
  if (std::string_view taxonomy = TaxonomyOfField(field); !taxonomy.empty()) {
    std::string out;
    for (const auto& part : text::Split(value, ',')) {
      std::string code(text::Trim(part));
      const socialmap::Term* t = socialmap::FindTerm(taxonomy, code);
      out += (out.empty() ? "" : ", ") + (t != nullptr ? t->name : code);
    }
    return out;
  }
  return DutchDate(value);
}

void Set(json& data, const char* key, const std::string& value) {
  if (value.empty()) {
    data[key] = false;
  } else {
    data[key] = value;
  }
}

// Only web addresses become links: a stored "javascript:" must never be clickable.
std::string SafeUrl(const std::string& url) {
  std::string lower = text::ToLowerAscii(url);
  return text::StartsWith(lower, "https://") || text::StartsWith(lower, "http://") ? url : "";
}

std::string AddressLine(const socialmap::Location& l) {
  std::string place = l.postal_code;
  if (!l.city.empty()) place += (place.empty() ? "" : " ") + l.city;
  std::string line = l.address_1;
  if (!place.empty()) line += (line.empty() ? "" : ", ") + place;
  return line;
}

json PhonesJson(const std::vector<socialmap::Phone>& phones) {
  json out = json::array();
  for (const auto& p : phones) {
    std::string tel;
    for (char c : p.number) {
      if ((c >= '0' && c <= '9') || (c == '+' && tel.empty())) tel += c;
    }
    json row = {{"number", p.number}, {"tel", tel}};
    Set(row, "description", p.description);
    out.push_back(row);
  }
  return out;
}

std::string AreaGeometryUrl(const std::string& code) {
  return "/api/v1/areas/" + code + "/geometry";
}

}  // namespace

std::string PartyHref(const std::string& id) {
  return "/sociale-kaart/partij/" + id;
}

std::string ServiceHref(const std::string& id) {
  return "/sociale-kaart/dienst/" + id;
}

json VerificationJson(const socialmap::Verification& v) {
  json out = {{"outdated", v.outdated}, {"never", v.assured_date.empty()}};
  if (v.assured_date.empty()) {
    out["text"] = "Nog nooit gecontroleerd.";
  } else {
    out["text"] =
        "Laatst gecontroleerd op " + DutchDate(v.assured_date) + (v.assurer.empty() ? "" : " door " + v.assurer) + ".";
  }
  Set(out, "source", v.source);
  return out;
}

json HistoryJson(const std::vector<socialmap::Change>& changes) {
  json rows = json::array();
  for (const auto& c : changes) {
    std::string field = c.field.empty() ? ActionLabel(c.action) : FieldLabel(c.field);
    // A location, opening time, phone or contact of the party or service: say which.
    std::string part = ResourceLabel(c.resource_type);
    if (!part.empty()) field = part + ": " + text::ToLowerAscii(field.substr(0, 1)) + field.substr(1);
    json row = {{"date", DutchDate(c.date)},
                {"by", c.by.empty() ? "onbekend" : c.by},
                {"field", field},
                {"action", ActionLabel(c.action)}};
    Set(row, "old", HistoryValue(c.field, c.old_value));
    Set(row, "new", HistoryValue(c.field, c.new_value));
    rows.push_back(row);
  }
  return rows;
}

json TermsJson(std::string_view taxonomy, const std::vector<std::string>& codes) {
  json out = json::array();
  for (const auto& code : codes) {
    const socialmap::Term* t = socialmap::FindTerm(taxonomy, code);
    json row = {{"label", t != nullptr ? t->name : code}, {"code", code}};
    if (t != nullptr) Set(row, "description", t->description);
    out.push_back(row);
  }
  return out;
}

std::string LanguageName(std::string_view code) {
  for (const auto& l : kLanguages) {
    if (l.code == code) return std::string(l.name);
  }
  return std::string(code);
}

Result<json> AreaLinksJson(store::Db& db, const std::vector<std::string>& codes) {
  json out = json::array();
  for (const auto& code : codes) {
    auto area = areas::GetArea(db, code);
    if (!area && area.error().code != ErrorCode::kNotFound) return Fail(area.error());
    std::string name = area ? area->name + " (" + text::ToLowerAscii(areas::LevelLabel(area->level)) + ")" : code;
    out.push_back({{"code", code}, {"name", name}, {"href", "/gebied/" + code}});
  }
  return out;
}

json PartyRowJson(const socialmap::Party& p) {
  json row = {{"id", p.id},
              {"name", p.name},
              {"href", PartyHref(p.id)},
              {"kind", std::string(socialmap::PartyKindLabel(p.kind))},
              {"formal", p.formal ? "formeel" : "informeel"},
              {"archived", p.archived},
              {"outdated", p.verification.outdated && !p.archived}};
  Set(row, "alternate_name", p.alternate_name);
  return row;
}

json ServiceRowJson(const socialmap::Service& s) {
  json row = {{"id", s.id},
              {"name", s.name},
              {"href", ServiceHref(s.id)},
              {"party_name", s.party_name},
              {"party_href", PartyHref(s.party_id)},
              {"status", std::string(socialmap::ServiceStatusLabel(s.status))},
              {"active", s.status == socialmap::ServiceStatus::kActive},
              {"archived", s.archived},
              {"outdated", s.verification.outdated && !s.archived},
              {"laws", TermsJson(socialmap::kLawTaxonomy, s.laws)},
              {"has_laws", !s.laws.empty()}};
  if (!s.locations.empty()) Set(row, "address", AddressLine(s.locations.front()));
  return row;
}

Result<json> PartyJson(store::Db& db, const socialmap::Party& p) {
  json data = PartyRowJson(p);
  Set(data, "description", p.description);
  Set(data, "website", SafeUrl(p.website));
  Set(data, "website_text", p.website);
  Set(data, "email", p.email);
  data["phones"] = PhonesJson(p.phones);
  data["has_phones"] = !p.phones.empty();
  data["domains"] = TermsJson(socialmap::kDomainTaxonomy, p.domains);
  data["has_domains"] = !p.domains.empty();
  auto areas = AreaLinksJson(db, p.areas_served);
  if (!areas) return Fail(areas.error());
  data["areas"] = *areas;
  data["has_areas"] = !p.areas_served.empty();
  data["verification"] = VerificationJson(p.verification);
  data["key_figure"] = p.kind == socialmap::PartyKind::kSleutelfiguur;
  if (p.consent) {
    json consent = {{"publish", p.consent->publish}};
    Set(consent, "date", DutchDate(p.consent->date));
    Set(consent, "purpose", p.consent->purpose);
    data["consent"] = consent;
  }
  json contacts = json::array();
  for (const auto& c : p.contacts) {
    json row = {{"name", c.name}};
    Set(row, "title", c.title);
    Set(row, "email", c.email);
    contacts.push_back(row);
  }
  data["contacts"] = contacts;
  data["has_contacts"] = !contacts.empty();
  return data;
}

Result<json> ServiceJson(store::Db& db, const socialmap::Service& s) {
  json data = ServiceRowJson(s);
  Set(data, "alternate_name", s.alternate_name);
  Set(data, "description", s.description);
  Set(data, "eligibility", s.eligibility);
  Set(data, "cost", s.cost);
  Set(data, "application_process", s.application_process);
  Set(data, "wait_time", s.wait_time);
  Set(data, "url", SafeUrl(s.url));
  Set(data, "url_text", s.url);
  Set(data, "email", s.email);
  std::string ages;
  if (s.minimum_age && s.maximum_age) {
    ages = std::to_string(*s.minimum_age) + " tot en met " + std::to_string(*s.maximum_age) + " jaar";
  } else if (s.minimum_age) {
    ages = std::to_string(*s.minimum_age) + " jaar en ouder";
  } else if (s.maximum_age) {
    ages = "tot en met " + std::to_string(*s.maximum_age) + " jaar";
  }
  Set(data, "ages", ages);
  data["target_groups"] = TermsJson(socialmap::kTargetGroupTaxonomy, s.target_groups);
  data["has_target_groups"] = !s.target_groups.empty();
  data["domains"] = TermsJson(socialmap::kDomainTaxonomy, s.domains);
  data["has_domains"] = !s.domains.empty();
  data["access_routes"] = TermsJson(socialmap::kAccessTaxonomy, s.access_routes);
  data["has_access_routes"] = !s.access_routes.empty();
  std::string languages;
  for (const auto& l : s.languages) languages += (languages.empty() ? "" : ", ") + LanguageName(l);
  Set(data, "languages", languages);
  json locations = json::array();
  for (const auto& l : s.locations) {
    json row = {{"name", l.name.empty() ? std::string("Locatie") : l.name}, {"coordinates", false}, {"buurt", false}};
    Set(row, "address", AddressLine(l));
    Set(row, "transportation", l.transportation);
    if (l.latitude && l.longitude) {
      row["coordinates"] = text::FormatNumber(*l.latitude, 5) + ", " + text::FormatNumber(*l.longitude, 5);
    }
    if (!l.area_code.empty()) {
      auto buurt = AreaLinksJson(db, {l.area_code});
      if (!buurt) return Fail(buurt.error());
      row["buurt"] = (*buurt)[0];
    }
    locations.push_back(row);
  }
  data["locations"] = locations;
  data["has_locations"] = !locations.empty();
  json schedules = json::array();
  for (const auto& sched : s.schedules) {
    json row = {{"words", ScheduleInWords(sched)}};
    Set(row, "description", sched.description);
    schedules.push_back(row);
  }
  data["schedules"] = schedules;
  data["has_schedules"] = !schedules.empty();
  auto areas = AreaLinksJson(db, s.areas_served);
  if (!areas) return Fail(areas.error());
  data["areas"] = *areas;
  data["has_areas"] = !s.areas_served.empty();
  data["phones"] = PhonesJson(s.phones);
  data["has_phones"] = !s.phones.empty();
  json contacts = json::array();
  for (const auto& c : s.contacts) {
    json row = {{"name", c.name}};
    Set(row, "title", c.title);
    Set(row, "email", c.email);
    contacts.push_back(row);
  }
  data["contacts"] = contacts;
  data["has_contacts"] = !contacts.empty();
  data["verification"] = VerificationJson(s.verification);
  return data;
}

json MapJson(const std::vector<socialmap::Service>& services, const std::string& extra_area) {
  json points = json::array();
  std::vector<std::string> codes;
  if (!extra_area.empty()) codes.push_back(extra_area);
  for (const auto& s : services) {
    for (const auto& l : s.locations) {
      if (!l.latitude || !l.longitude) continue;
      json p = {{"lat", *l.latitude}, {"lon", *l.longitude}, {"name", s.name}, {"href", ServiceHref(s.id)}};
      Set(p, "address", AddressLine(l));
      Set(p, "party", s.party_name);
      points.push_back(p);
      if (!l.area_code.empty() && std::find(codes.begin(), codes.end(), l.area_code) == codes.end()) {
        codes.push_back(l.area_code);
      }
    }
  }
  json urls = json::array();
  for (const auto& c : codes) urls.push_back(AreaGeometryUrl(c));
  return {{"points", points.dump()}, {"areas", urls.dump()}, {"has_points", !points.empty()},
          {"count", points.size()},  {"tile_url", false},    {"label", "Kaart"}};
}

Result<json> SocialMapTabJson(store::Db& db, const std::string& area_code, const std::string& area_name) {
  auto map = socialmap::SocialMapOfArea(db, area_code);
  if (!map) return Fail(map.error());
  json parties = json::array();
  for (const auto& p : map->parties) parties.push_back(PartyRowJson(p));
  json services = json::array();
  for (const auto& s : map->services) services.push_back(ServiceRowJson(s));
  json data = {{"area_code", area_code},
               {"area_name", area_name},
               {"parties", parties},
               {"services", services},
               {"has_parties", !parties.empty()},
               {"has_services", !services.empty()},
               {"search_href", "/sociale-kaart/zoeken?gebied=" + area_code},
               {"map", MapJson(map->services, area_code)}};
  data["map"]["label"] = "Kaart van de diensten in " + area_name;
  return data;
}

}  // namespace wk::web
