// The service form: its values, the service they describe and its template data. One location,
// rows of opening times (socialmap_words.h: ScheduleRow), areas served, phones and one contact role.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "socialmap_form_support.h"
#include "socialmap_forms.h"
#include "socialmap_words.h"
#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::web {
namespace {

using nlohmann::json;

const std::string kId = "dienst";

std::string Coordinate(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  std::replace(s.begin(), s.end(), '.', ',');  // Dutch notation; both are read back
  return s;
}

std::string Prefix(std::size_t i) {
  return "schedule_" + std::to_string(i);
}

void AddRow(FormValues& v, std::size_t i, const ScheduleRow& row) {
  std::string p = Prefix(i);
  v.emplace(p + "_id", row.id);
  for (std::size_t d = 0; d < 7; ++d) {
    if (row.days[d]) v.emplace(p + "_days", std::string(Weekdays()[d].code));
  }
  v.emplace(p + "_opens_at", row.opens_at);
  v.emplace(p + "_closes_at", row.closes_at);
  v.emplace(p + "_freq", row.monthly ? "monthly" : "weekly");
  if (row.monthly) v.emplace(p + "_ordinal", std::to_string(row.ordinal));
  v.emplace(p + "_description", row.description);
}

// How many schedule rows the values hold: one past the highest "schedule_<i>_..." index.
std::size_t RowCount(const FormValues& values) {
  std::size_t count = 0;
  for (auto it = values.lower_bound("schedule_"); it != values.end() && text::StartsWith(it->first, "schedule_");
       ++it) {
    auto rest = std::string_view(it->first).substr(9);
    auto n = text::ParseInt(rest.substr(0, rest.find('_')));
    if (n && *n >= 0 && *n < 50) count = std::max(count, static_cast<std::size_t>(*n) + 1);
  }
  return count;
}

ScheduleRow RowOf(const FormValues& values, std::size_t i) {
  std::string p = Prefix(i);
  ScheduleRow row;
  row.id = FirstValue(values, p + "_id");
  for (const auto& code : AllValues(values, p + "_days")) {
    for (std::size_t d = 0; d < 7; ++d) {
      if (Weekdays()[d].code == code) row.days[d] = true;
    }
  }
  row.opens_at = FirstValue(values, p + "_opens_at");
  row.closes_at = FirstValue(values, p + "_closes_at");
  row.monthly = FirstValue(values, p + "_freq") == "monthly";
  auto ordinal = text::ParseInt(FirstValue(values, p + "_ordinal"));
  row.ordinal = ordinal ? static_cast<int>(*ordinal) : 0;
  row.description = FirstValue(values, p + "_description");
  return row;
}

std::optional<int> ReadAge(const FormValues& values, const char* field, const char* which, std::vector<Error>& errors) {
  std::string raw = TrimmedValue(values, field);
  if (raw.empty()) return std::nullopt;
  auto n = text::ParseInt(raw);
  if (!n) {
    errors.push_back(
        {ErrorCode::kInvalid, std::string("Vul de ") + which + " leeftijd in hele jaren in, bv. 65.", field, {}});
    return std::nullopt;
  }
  if (*n < 0 || *n > 120) {
    errors.push_back({ErrorCode::kInvalid, "Een leeftijd ligt tussen 0 en 120 jaar.", field, {}});
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

std::optional<double> ReadCoordinate(const FormValues& values, const char* field, const char* message,
                                     std::vector<Error>& errors) {
  std::string raw = TrimmedValue(values, field);
  if (raw.empty()) return std::nullopt;
  std::replace(raw.begin(), raw.end(), ',', '.');
  auto v = text::ParseDouble(raw);
  if (!v || !std::isfinite(*v)) errors.push_back({ErrorCode::kInvalid, message, field, {}});
  return v;
}

// The one location of the form; nullopt when all its fields are empty.
std::optional<socialmap::Location> LocationOf(const FormValues& values, std::vector<Error>& errors) {
  socialmap::Location l;
  l.id = FirstValue(values, "location_id");
  l.name = TrimmedValue(values, "location_name");
  l.address_1 = TrimmedValue(values, "address_1");
  l.postal_code = TrimmedValue(values, "postal_code");
  l.city = TrimmedValue(values, "city");
  l.province = TrimmedValue(values, "province");
  l.transportation = TrimmedValue(values, "transportation");
  std::size_t before = errors.size();
  l.latitude = ReadCoordinate(values, "latitude", "Vul de breedtegraad in als getal, bv. 52,0907.", errors);
  l.longitude = ReadCoordinate(values, "longitude", "Vul de lengtegraad in als getal, bv. 5,1214.", errors);
  if (errors.size() == before) {
    if (l.latitude && !l.longitude) {
      errors.push_back({ErrorCode::kInvalid, "Vul ook de lengtegraad in, of laat beide leeg.", "longitude", {}});
    } else if (!l.latitude && l.longitude) {
      errors.push_back({ErrorCode::kInvalid, "Vul ook de breedtegraad in, of laat beide leeg.", "latitude", {}});
    } else if (l.latitude && l.longitude) {
      if (*l.latitude >= 3 && *l.latitude <= 8 && *l.longitude >= 50 && *l.longitude <= 54) {
        errors.push_back(
            {ErrorCode::kInvalid,
             "Breedte- en lengtegraad lijken verwisseld: in Nederland is de breedtegraad ongeveer 51 tot 53 "
             "en de lengtegraad 3 tot 7.",
             "latitude",
             {}});
      } else if (*l.latitude < -90 || *l.latitude > 90) {
        errors.push_back({ErrorCode::kInvalid, "De breedtegraad ligt tussen -90 en 90.", "latitude", {}});
      } else if (*l.longitude < -180 || *l.longitude > 180) {
        errors.push_back({ErrorCode::kInvalid, "De lengtegraad ligt tussen -180 en 180.", "longitude", {}});
      }
    }
  }
  bool any = !l.name.empty() || !l.address_1.empty() || !l.postal_code.empty() || !l.city.empty() ||
             !l.province.empty() || !l.transportation.empty() || !TrimmedValue(values, "latitude").empty() ||
             !TrimmedValue(values, "longitude").empty();
  if (!any) return std::nullopt;
  return l;
}

std::vector<std::string> LanguagesOf(const FormValues& values, std::vector<Error>& errors) {
  std::string raw = text::ToLowerAscii(TrimmedValue(values, "languages"));
  std::replace(raw.begin(), raw.end(), ';', ',');
  std::replace(raw.begin(), raw.end(), ' ', ',');
  std::vector<std::string> out;
  for (const auto& part : text::Split(raw, ',')) {
    if (part.empty()) continue;
    bool letters = std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters || part.size() < 2 || part.size() > 3) {
      errors.push_back({ErrorCode::kInvalid,
                        "Vul talen in als taalcodes met komma's ertussen, bv. nl, en, ar, tr.",
                        "languages",
                        {}});
      return {};
    }
    if (std::find(out.begin(), out.end(), part) == out.end()) out.push_back(part);
  }
  return out;
}

json ScheduleRowsData(const FormValues& values, const std::vector<Error>& errors) {
  std::size_t count = RowCount(values);
  bool last_filled = count == 0 || !RowOf(values, count - 1).Empty();
  std::size_t total = count + (last_filled ? 1 : 0);
  if (total < 2) total = 2;
  std::vector<ChoiceOption> days;
  for (const auto& d : Weekdays()) days.push_back({std::string(d.code), std::string(d.abbr), ""});
  json rows = json::array();
  for (std::size_t i = 0; i < total; ++i) {
    std::string p = Prefix(i);
    std::string n = std::to_string(i + 1);
    ScheduleRow row = i < count ? RowOf(values, i) : ScheduleRow{};
    std::vector<std::string> checked;
    for (std::size_t d = 0; d < 7; ++d) {
      if (row.days[d]) checked.emplace_back(Weekdays()[d].code);
    }
    json days_group =
        ChoiceGroup({kId, p + "_days", "Dagen", "", ErrorOf(errors, p + "_days"), false, true}, days, checked);
    // Screen readers hear the full day name; the label shows "ma", "di", ...
    for (std::size_t d = 0; d < 7; ++d) days_group["options"][d]["full"] = std::string(Weekdays()[d].name);
    FieldSpec opens{kId, p + "_opens_at", "Van", "", ErrorOf(errors, p + "_opens_at"), "time"};
    FieldSpec closes{kId, p + "_closes_at", "Tot", "", ErrorOf(errors, p + "_closes_at"), "time"};
    FieldSpec description{kId, p + "_description", "Toelichting", "Bv. ‘Inloopspreekuur, zonder afspraak’."};
    json r = {{"legend", "Openingstijd " + n},
              {"days", days_group},
              {"opens_at", TextField(opens, row.opens_at)},
              {"closes_at", TextField(closes, row.closes_at)},
              {"freq", ChoiceGroup({kId, p + "_freq", "Hoe vaak", "", "", true, true},
                                   {{"weekly", "Elke week", ""}, {"monthly", "Eén keer per maand", ""}},
                                   {row.monthly ? "monthly" : "weekly"})},
              {"ordinal",
               ChoiceGroup({kId, p + "_ordinal", "Welke week van de maand (alleen bij één keer per maand)", "",
                            ErrorOf(errors, p + "_ordinal"), true, true},
                           {{"1", "1e", ""}, {"2", "2e", ""}, {"3", "3e", ""}, {"4", "4e", ""}, {"-1", "laatste", ""}},
                           {row.ordinal == 0 ? "" : std::to_string(row.ordinal)})},
              {"description", TextField(description, row.description)}};
    SetIfAny(r, "id_name", p + "_id");
    SetIfAny(r, "id_value", row.id);
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

FormValues ServiceValues(const socialmap::Service& s) {
  FormValues v = {{"name", s.name},
                  {"alternate_name", s.alternate_name},
                  {"description", s.description},
                  {"eligibility", s.eligibility},
                  {"minimum_age", s.minimum_age ? std::to_string(*s.minimum_age) : ""},
                  {"maximum_age", s.maximum_age ? std::to_string(*s.maximum_age) : ""},
                  {"cost", s.cost},
                  {"application_process", s.application_process},
                  {"wait_time", s.wait_time},
                  {"url", s.url},
                  {"email", s.email},
                  {"status", std::string(socialmap::ServiceStatusCode(s.status))},
                  {"source", s.verification.source},
                  {"party_id", s.party_id}};
  std::string languages;
  for (const auto& l : s.languages) languages += (languages.empty() ? "" : ", ") + l;
  v.emplace("languages", languages);
  for (const auto& t : s.target_groups) v.emplace("target_groups", t);
  for (const auto& d : s.domains) v.emplace("domains", d);
  for (const auto& l : s.laws) v.emplace("laws", l);
  for (const auto& a : s.access_routes) v.emplace("access_routes", a);
  for (const auto& a : s.areas_served) v.emplace("areas_served", a);
  if (!s.locations.empty()) {
    const auto& l = s.locations.front();
    v.emplace("location_id", l.id);
    v.emplace("location_name", l.name);
    v.emplace("address_1", l.address_1);
    v.emplace("postal_code", l.postal_code);
    v.emplace("city", l.city);
    v.emplace("province", l.province);
    v.emplace("latitude", l.latitude ? Coordinate(*l.latitude) : "");
    v.emplace("longitude", l.longitude ? Coordinate(*l.longitude) : "");
    v.emplace("transportation", l.transportation);
  }
  std::size_t i = 0;
  for (const auto& sched : s.schedules) {
    if (auto row = RowOfSchedule(sched)) {
      AddRow(v, i++, *row);
    } else {
      v.emplace("schedule_keep", sched.id);
    }
  }
  for (const auto& p : s.phones) {
    v.emplace("phone_id", p.id);
    v.emplace("phone_number", p.number);
    v.emplace("phone_description", p.description);
  }
  if (!s.contacts.empty()) {
    v.emplace("contact_id", s.contacts.front().id);
    v.emplace("contact_name", s.contacts.front().name);
    v.emplace("contact_title", s.contacts.front().title);
    v.emplace("contact_email", s.contacts.front().email);
  }
  return v;
}

socialmap::Service ServiceOf(const FormValues& values, const socialmap::Service* original, std::vector<Error>& errors) {
  socialmap::Service s;
  if (original != nullptr) s = *original;
  if (original == nullptr) s.party_id = TrimmedValue(values, "party_id");
  s.name = TrimmedValue(values, "name");
  s.alternate_name = TrimmedValue(values, "alternate_name");
  s.description = TrimmedValue(values, "description");
  s.eligibility = TrimmedValue(values, "eligibility");
  s.cost = TrimmedValue(values, "cost");
  s.application_process = TrimmedValue(values, "application_process");
  s.wait_time = TrimmedValue(values, "wait_time");
  s.url = TrimmedValue(values, "url");
  s.email = TrimmedValue(values, "email");
  s.verification.source = TrimmedValue(values, "source");
  if (original == nullptr) s.verification.assured_date = TrimmedValue(values, "assured_date");
  s.target_groups = AllValues(values, "target_groups");
  s.domains = AllValues(values, "domains");
  s.laws = AllValues(values, "laws");
  s.access_routes = AllValues(values, "access_routes");
  s.areas_served = AreaCodesOf(values);
  s.languages = LanguagesOf(values, errors);
  s.minimum_age = ReadAge(values, "minimum_age", "minimale", errors);
  s.maximum_age = ReadAge(values, "maximum_age", "maximale", errors);
  if (s.minimum_age && s.maximum_age && *s.minimum_age > *s.maximum_age) {
    errors.push_back({ErrorCode::kInvalid, "De minimumleeftijd is hoger dan de maximumleeftijd.", "minimum_age", {}});
  }
  auto status = socialmap::ParseServiceStatus(FirstValue(values, "status"));
  if (!status) {
    errors.push_back({ErrorCode::kInvalid, "Kies de status van de dienst.", "status", {}});
  } else {
    s.status = *status;
  }

  // One location from the form; further ones (from an HSDS import) stay as they are.
  std::vector<socialmap::Location> locations;
  if (auto l = LocationOf(values, errors)) locations.push_back(std::move(*l));
  if (original != nullptr) {
    for (std::size_t i = 1; i < original->locations.size(); ++i) locations.push_back(original->locations[i]);
  }
  s.locations = std::move(locations);

  s.schedules.clear();
  for (std::size_t i = 0, n = RowCount(values); i < n; ++i) {
    ScheduleRow row = RowOf(values, i);
    if (row.Empty()) continue;
    auto schedule = ScheduleOfRow(row, Prefix(i));
    if (!schedule) {
      errors.push_back(schedule.error());
      continue;
    }
    if (original != nullptr && !schedule->id.empty()) {
      // Keep what the form does not show (location, HSDS extras) of an edited schedule.
      for (const auto& o : original->schedules) {
        if (o.id == schedule->id) schedule->location_id = o.location_id;
      }
    }
    s.schedules.push_back(std::move(*schedule));
  }
  if (original != nullptr) {
    auto keep = AllValues(values, "schedule_keep");
    for (const auto& o : original->schedules) {
      if (std::find(keep.begin(), keep.end(), o.id) != keep.end()) s.schedules.push_back(o);
    }
  }

  s.phones = PhonesOf(values, errors);
  std::vector<socialmap::Contact> contacts;
  socialmap::Contact c{FirstValue(values, "contact_id"), TrimmedValue(values, "contact_name"),
                       TrimmedValue(values, "contact_title"), TrimmedValue(values, "contact_email")};
  if (!c.name.empty() || !c.title.empty() || !c.email.empty()) contacts.push_back(std::move(c));
  if (original != nullptr) {
    for (std::size_t i = 1; i < original->contacts.size(); ++i) contacts.push_back(original->contacts[i]);
  }
  s.contacts = std::move(contacts);
  return s;
}

json ServiceFormData(const FormValues& values, const std::vector<Error>& errors, const std::vector<AreaChoice>& areas,
                     const socialmap::Service* original) {
  auto field = [&](const std::string& name, const std::string& label, const std::string& hint = {}) {
    return FieldSpec{kId, name, label, hint, ErrorOf(errors, name)};
  };
  auto text = [&](const FieldSpec& spec) { return TextField(spec, FirstValue(values, spec.name)); };
  auto area = [&](const std::string& name, const std::string& label, const std::string& hint = {}) {
    FieldSpec spec = field(name, label, hint);
    spec.textarea = true;
    return TextField(spec, FirstValue(values, name));
  };
  json data = {{"errors", ErrorState(kId, errors)}, {"party_id", FirstValue(values, "party_id")}};
  data["name"] = text(field("name", "Naam van de dienst"));
  data["alternate_name"] = text(field("alternate_name", "Andere naam", "Bv. de naam die bewoners gebruiken."));
  data["description"] = area("description", "Omschrijving", "Wat biedt de dienst? In gewone woorden.");
  data["target_groups"] = ChoiceGroup(
      {kId, "target_groups", "Doelgroepen", "Voor wie is de dienst bedoeld?", ErrorOf(errors, "target_groups")},
      TermOptions(socialmap::kTargetGroupTaxonomy, false), AllValues(values, "target_groups"));
  data["domains"] = ChoiceGroup({kId, "domains", "Domeinen", "", ErrorOf(errors, "domains")},
                                TermOptions(socialmap::kDomainTaxonomy, false), AllValues(values, "domains"));
  data["laws"] =
      ChoiceGroup({kId, "laws", "Wetten",
                   "Onder welke wet wordt de dienst betaald? Geen vinkje: geen van deze wetten (bv. vrijwilligerswerk "
                   "of eigen middelen).",
                   ErrorOf(errors, "laws")},
                  TermOptions(socialmap::kLawTaxonomy, true), AllValues(values, "laws"));
  data["access_routes"] =
      ChoiceGroup({kId, "access_routes", "Toegang", "Hoe komt een bewoner bij de dienst? Kies alles wat geldt.",
                   ErrorOf(errors, "access_routes")},
                  TermOptions(socialmap::kAccessTaxonomy, true), AllValues(values, "access_routes"));
  data["eligibility"] = area("eligibility", "Voorwaarden", "Wie kan er gebruik van maken, en onder welke voorwaarden?");
  FieldSpec min_age = field("minimum_age", "Minimale leeftijd", "In jaren; leeg als er geen grens is.");
  min_age.inputmode = "numeric";
  FieldSpec max_age = field("maximum_age", "Maximale leeftijd", "In jaren; leeg als er geen grens is.");
  max_age.inputmode = "numeric";
  data["minimum_age"] = text(min_age);
  data["maximum_age"] = text(max_age);
  data["cost"] = text(field("cost", "Kosten", "Bv. ‘Gratis’ of ‘€ 2,50 per keer’."));
  data["application_process"] = area("application_process", "Aanmelden", "Hoe meldt iemand zich aan?");
  data["wait_time"] = text(field("wait_time", "Wachttijd", "Bv. ‘Geen’ of ‘Ongeveer 2 weken’."));
  data["languages"] = text(field("languages", "Talen", "Taalcodes met komma's, bv. nl, en, ar, tr."));
  FieldSpec url = field("url", "Website van de dienst", "Volledig adres, bv. https://www.example.nl/inloop");
  url.inputmode = "url";
  data["url"] = text(url);
  FieldSpec email = field("email", "E-mailadres van de dienst");
  email.type = "email";
  data["email"] = text(email);
  std::vector<ChoiceOption> statuses;
  for (auto st : {socialmap::ServiceStatus::kActive, socialmap::ServiceStatus::kTemporarilyClosed,
                  socialmap::ServiceStatus::kInactive, socialmap::ServiceStatus::kDefunct}) {
    statuses.push_back(
        {std::string(socialmap::ServiceStatusCode(st)), std::string(socialmap::ServiceStatusLabel(st)), ""});
  }
  std::string status = FirstValue(values, "status");
  data["status"] = ChoiceGroup({kId, "status", "Status", "", ErrorOf(errors, "status"), true, true}, statuses,
                               {status.empty() ? "active" : status});
  data["source"] = text(field("source", "Bron", "Waar komen deze gegevens vandaan?"));
  data["assured_date"] =
      TextField(AssuredDateSpec(kId, ErrorOf(errors, "assured_date")), FirstValue(values, "assured_date"));

  SetIfAny(data, "location_id", FirstValue(values, "location_id"));
  data["location_name"] = text(field("location_name", "Naam van de locatie", "Bv. ‘Buurthuis De Voorbeeldhoek’."));
  FieldSpec street = field("address_1", "Straat en huisnummer");
  street.autocomplete = "off";
  data["address_1"] = text(street);
  FieldSpec postcode = field("postal_code", "Postcode", "Bv. 3563 AB.");
  postcode.autocomplete = "off";
  data["postal_code"] = text(postcode);
  data["city"] = text(field("city", "Plaats"));
  data["province"] = text(field("province", "Provincie", "Bv. Utrecht. De standaard (HSDS) vraagt die bij een adres."));
  FieldSpec lat = field("latitude", "Breedtegraad (WGS84)", "Bv. 52,1093. Of klik op de kaart.");
  lat.inputmode = "decimal";
  FieldSpec lon = field("longitude", "Lengtegraad (WGS84)", "Bv. 5,1270.");
  lon.inputmode = "decimal";
  data["latitude"] = text(lat);
  data["longitude"] = text(lon);
  data["transportation"] =
      text(field("transportation", "Bereikbaarheid", "Bv. ‘Bus 3, halte Vechtplein; rolstoeltoegankelijk’."));

  data["schedules"] = ScheduleRowsData(values, errors);
  json kept = json::array();
  if (original != nullptr) {
    auto keep = AllValues(values, "schedule_keep");
    for (const auto& o : original->schedules) {
      if (RowOfSchedule(o)) continue;
      json k = {{"id", o.id},
                {"words", ScheduleInWords(o)},
                {"checked", std::find(keep.begin(), keep.end(), o.id) != keep.end()},
                {"input_id", kId + "-schedule_keep-" + std::to_string(kept.size() + 1)}};
      SetIfAny(k, "description", o.description);
      kept.push_back(k);
    }
  }
  data["kept_schedules"] = kept;
  data["has_kept_schedules"] = !kept.empty();

  data["areas"] = AreaPicker(kId, values, ErrorOf(errors, "areas_served"), 2);
  data["area_list_id"] = kId + "-gebieden";
  data["area_choices"] = AreaChoicesJson(areas);
  data["phones"] = PhoneRows(kId, values, ErrorOf(errors, "phone_number"));
  SetIfAny(data, "contact_id", FirstValue(values, "contact_id"));
  data["contact_name"] =
      text(field("contact_name", "Contactpersoon of functie", "Een functie, bv. ‘Coördinator vrijwilligers’."));
  data["contact_title"] = text(field("contact_title", "Afdeling of rol"));
  FieldSpec contact_email = field("contact_email", "E-mailadres contactpersoon", "Een werkadres, geen privéadres.");
  contact_email.type = "email";
  data["contact_email"] = text(contact_email);
  return data;
}

}  // namespace wk::web
