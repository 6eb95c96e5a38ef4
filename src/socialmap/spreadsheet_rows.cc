#include "spreadsheet_rows.h"

#include <algorithm>
#include <cctype>

#include "spreadsheet_values.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/opening_hours.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap::sheet {
namespace {

std::string FieldLabel(std::string_view field) {
  for (const MappingField& f : MappingFields()) {
    if (f.name == field) return f.label;
  }
  return std::string(field);
}

// A CBS area code: GM + 4 digits, WK + 6, BU + 8 (any case).
bool LooksLikeAreaCode(std::string_view s) {
  std::string upper(s);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::size_t digits = upper.starts_with("GM") ? 4 : upper.starts_with("WK") ? 6 : upper.starts_with("BU") ? 8 : 0;
  return digits > 0 && upper.size() == 2 + digits &&
         std::all_of(upper.begin() + 2, upper.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "wijk 03 overvecht" -> "overvecht": CBS names its wijken "Wijk 03 Overvecht".
std::string WithoutWijkNumber(const std::string& normal) {
  if (!normal.starts_with("wijk ")) return normal;
  auto space = normal.find(' ', 5);
  if (space == std::string::npos) return normal;
  std::string_view number = std::string_view(normal).substr(5, space - 5);
  bool digits =
      !number.empty() && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? normal.substr(space + 1) : normal;
}

}  // namespace

std::string Refusal(int line, const std::string& label, const std::string& reason) {
  return "regel " + std::to_string(line) + ": veld " + label + ": " + reason;
}

Result<Binding> Binding::Bind(const Mapping& mapping, const Sheet& sheet) {
  Binding b;
  std::vector<std::string> missing;
  for (const Mapping::Entry& e : mapping.entries) {
    Source source;
    if (e.column.empty()) {
      source.fixed = e.fixed;
      source.label = FieldLabel(e.field) + " (vaste waarde)";
    } else {
      const std::string want = Normalise(e.column);
      auto it = std::find_if(sheet.header.begin(), sheet.header.end(),
                             [&](const std::string& h) { return Normalise(h) == want; });
      if (it == sheet.header.end()) {
        missing.push_back("'" + e.column + "'");
        continue;
      }
      source.column = static_cast<std::size_t>(it - sheet.header.begin());
      source.label = *it;
    }
    b.sources_[e.field] = std::move(source);
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    return Fail(ErrorCode::kBadInput,
                (missing.size() == 1 ? "De kolom " + list + " uit de mapping staat"
                                     : "De kolommen " + list + " uit de mapping staan") +
                    " niet in de kopregel.",
                {}, sheet.name + ":1");
  }
  return b;
}

std::string Binding::Value(const SheetRow& row, std::string_view field) const {
  auto it = sources_.find(field);
  if (it == sources_.end()) return {};
  if (!it->second.column) return it->second.fixed;
  const std::size_t c = *it->second.column;
  return c < row.cells.size() ? Unescape(row.cells[c]) : std::string();
}

std::string Binding::Label(std::string_view field) const {
  auto it = sources_.find(field);
  return it == sources_.end() ? FieldLabel(field) : it->second.label;
}

Result<std::string> AreaLookup::Code(const std::string& value) {
  auto cached = cache_.find(value);
  if (cached != cache_.end()) return cached->second;
  Result<std::string> result = [&]() -> Result<std::string> {
    if (LooksLikeAreaCode(value)) {
      std::string upper = value;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto area = areas::GetArea(db_, upper);
      if (area) return area->code;
      if (area.error().code != ErrorCode::kNotFound) return Fail(area.error());
      return Fail(ErrorCode::kInvalid, "'" + value + "' is geen bekend gebied.");
    }
    auto found = areas::SearchAreas(db_, value, 50);
    if (!found) return Fail(found.error());
    const std::string want = Normalise(value);
    std::vector<areas::Area> same;
    for (const areas::Area& a : *found) {
      std::string name = Normalise(a.name);
      if (name == want || WithoutWijkNumber(name) == want) same.push_back(a);
    }
    if (same.size() == 1) return same.front().code;
    if (same.empty()) {
      return Fail(ErrorCode::kInvalid,
                  "'" + value + "' is geen bekend gebied; gebruik de naam of de CBS-code (zoals " + "WK034403).");
    }
    std::string codes;
    for (const areas::Area& a : same) codes += (codes.empty() ? "" : ", ") + a.code;
    return Fail(ErrorCode::kInvalid, "meerdere gebieden heten '" + value + "' (" + codes + "); gebruik de code.");
  }();
  cache_.emplace(value, result);
  return result;
}

std::optional<Entry> ReadRow(const Binding& binding, AreaLookup& areas, const SheetRow& row,
                             std::vector<std::string>& refusals) {
  const std::size_t refused_before = refusals.size();
  auto value = [&](std::string_view field) { return binding.Value(row, field); };
  auto refuse = [&](std::string_view field, const std::string& reason) {
    refusals.push_back(Refusal(row.line, binding.Label(field), reason));
  };
  // Sets `target` from the field's parsed value when it is not empty; records the refusal otherwise.
  auto parse = [&](std::string_view field, auto parser, auto& target) {
    std::string v = value(field);
    if (text::Trim(v).empty()) return;
    auto r = parser(v);
    if (r) {
      target = std::move(*r);
    } else {
      refuse(field, r.error().message);
    }
  };
  Entry e;
  e.line = row.line;
  Party& party = e.party;
  Service& service = e.service;

  party.name = value("party_name");
  if (party.name.empty()) refuse("party_name", "leeg; elke rij heeft de naam van de organisatie nodig.");
  service.name = value("service_name");
  if (service.name.empty()) refuse("service_name", "leeg; elke rij heeft de naam van het aanbod nodig.");
  parse("party_kind", ParseKind, party.kind);
  party.formal = party.kind != PartyKind::kInformeleGroep;
  parse("party_formal", ParseFormal, party.formal);
  parse("party_website", ParseWebsite, party.website);
  parse("party_email", ParseEmail, party.email);
  std::string party_phone;
  parse("party_phone", ParsePhone, party_phone);
  if (!party_phone.empty()) party.phones.push_back({{}, party_phone, {}});
  party.verification.source = value("source");
  service.verification.source = party.verification.source;

  service.description = value("description");
  service.eligibility = value("eligibility");
  service.cost = value("cost");
  service.application_process = value("application_process");
  service.wait_time = value("wait_time");
  auto terms = [](std::string_view taxonomy) {
    return [taxonomy](const std::string& v) { return ParseTerms(taxonomy, v); };
  };
  parse("target_groups", terms(kTargetGroupTaxonomy), service.target_groups);
  parse("domains", terms(kDomainTaxonomy), service.domains);
  parse("laws", terms(kLawTaxonomy), service.laws);
  parse("access_routes", terms(kAccessTaxonomy), service.access_routes);
  parse("minimum_age", ParseAge, service.minimum_age);
  parse("maximum_age", ParseAge, service.maximum_age);
  if (service.minimum_age && service.maximum_age && *service.maximum_age < *service.minimum_age) {
    refuse("maximum_age", "de maximumleeftijd " + std::to_string(*service.maximum_age) +
                              " is lager dan de minimumleeftijd " + std::to_string(*service.minimum_age) + ".");
  }
  parse("languages", ParseLanguages, service.languages);
  parse("opening_hours", ParseOpeningHours, service.schedules);
  parse("website", ParseWebsite, service.url);
  parse("email", ParseEmail, service.email);
  std::string phone;
  parse("phone", ParsePhone, phone);
  if (!phone.empty()) service.phones.push_back({{}, phone, {}});
  for (const std::string& area : SplitValues(value("areas_served"))) {
    auto code = areas.Code(area);
    if (code) {
      if (std::find(service.areas_served.begin(), service.areas_served.end(), *code) == service.areas_served.end()) {
        service.areas_served.push_back(*code);
      }
    } else {
      refuse("areas_served", code.error().message);
    }
  }

  Location location;
  location.name = value("location_name");
  location.address_1 = value("address");
  location.city = value("city");
  location.province = value("province");
  location.transportation = value("transportation");
  parse("postal_code", ParsePostalCode, location.postal_code);
  parse(
      "latitude", [](const std::string& v) { return ParseCoordinate(v, true); }, location.latitude);
  parse(
      "longitude", [](const std::string& v) { return ParseCoordinate(v, false); }, location.longitude);
  if (location.latitude.has_value() != location.longitude.has_value()) {
    refuse(location.latitude ? "longitude" : "latitude", std::string("leeg; vul ook de ") +
                                                             (location.latitude ? "lengtegraad" : "breedtegraad") +
                                                             " in, of laat beide leeg.");
  } else if (location.latitude && *location.latitude > 2 && *location.latitude < 8 && *location.longitude > 50 &&
             *location.longitude < 54) {
    refuse("latitude",
           "breedtegraad en lengtegraad lijken verwisseld (in Nederland is de breedtegraad ongeveer 51 tot 53,5).");
  }
  const bool has_address = !location.address_1.empty() || !value("postal_code").empty() || !location.city.empty();
  if (has_address) {
    if (location.address_1.empty()) refuse("address", "leeg; een adres heeft straat en huisnummer nodig.");
    if (location.city.empty()) refuse("city", "leeg; een adres heeft een plaats nodig.");
    if (location.province.empty()) {
      refuse("province", "leeg; een adres heeft een provincie nodig (HSDS). Zet bv. =Utrecht,province in de mapping.");
    }
  }
  if (has_address || location.latitude || !location.name.empty() || !location.transportation.empty()) {
    service.locations.push_back(std::move(location));
  }

  if (refusals.size() > refused_before) return std::nullopt;
  return e;
}

}  // namespace wk::socialmap::sheet
