// The party form, and what both forms share: values, errors, the area picker. The service form is
// in socialmap_service_form.cc.
#include "socialmap_forms.h"

#include <algorithm>

#include "socialmap_form_fields.h"
#include "socialmap_form_support.h"
#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::web {
namespace {

using nlohmann::json;

// Model field names that differ from the form's (the model speaks HSDS, the form plain names).
struct Rename {
  std::string_view model, form;
};
constexpr Rename kRenames[] = {
    {"fees_description", "cost"}, {"eligibility_description", "eligibility"},
    {"consent", "consent_date"},  {"verification.source", "source"},
    {"source", "source"},         {"party_id", ""},
    {"organization_id", ""},
};

// Sub-records of a service or party: which form field their sub-fields go to.
std::string NestedField(std::string_view base, std::string_view index, std::string_view sub) {
  if (base == "phones") return sub == "description" ? "phone_description" : "phone_number";
  if (base == "contacts") return sub == "title" ? "contact_title" : sub == "email" ? "contact_email" : "contact_name";
  if (base == "locations" || base == "location") {
    if (sub == "name") return "location_name";
    if (sub.empty() || sub == "address") return "address_1";
    return std::string(sub);
  }
  if (base == "schedules") {
    std::string prefix = "schedule_" + std::string(index.empty() ? "0" : index) + "_";
    if (sub == "opens_at" || sub == "closes_at" || sub == "description") return prefix + std::string(sub);
    return prefix + "days";
  }
  if (base == "consent") return "consent_" + std::string(sub.empty() ? "date" : sub);
  return std::string(base);  // areas_served[2], domains[0], ...
}

// The fields the two forms show; an error of another field links to the form itself.
constexpr std::string_view kFormFields[] = {"name",
                                            "alternate_name",
                                            "kind",
                                            "formal",
                                            "description",
                                            "website",
                                            "email",
                                            "phone_number",
                                            "phone_description",
                                            "domains",
                                            "areas_served",
                                            "source",
                                            "assured_date",
                                            "consent_date",
                                            "consent_purpose",
                                            "consent_publish",
                                            "target_groups",
                                            "laws",
                                            "access_routes",
                                            "eligibility",
                                            "minimum_age",
                                            "maximum_age",
                                            "cost",
                                            "application_process",
                                            "wait_time",
                                            "languages",
                                            "url",
                                            "status",
                                            "location_name",
                                            "address_1",
                                            "postal_code",
                                            "city",
                                            "province",
                                            "latitude",
                                            "longitude",
                                            "transportation",
                                            "contact_name",
                                            "contact_title",
                                            "contact_email"};

bool OnForm(std::string_view field) {
  if (text::StartsWith(field, "schedule_")) return true;
  return std::find(std::begin(kFormFields), std::end(kFormFields), field) != std::end(kFormFields);
}

}  // namespace

std::string FirstValue(const FormValues& values, std::string_view name) {
  auto it = values.find(std::string(name));
  return it == values.end() ? std::string() : it->second;
}

std::vector<std::string> AllValues(const FormValues& values, std::string_view name) {
  std::vector<std::string> out;
  auto [from, to] = values.equal_range(std::string(name));
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

std::string TrimmedValue(const FormValues& values, std::string_view name) {
  return std::string(text::Trim(FirstValue(values, name)));
}

std::vector<std::string> NonEmptyValues(const FormValues& values, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& v : AllValues(values, name)) {
    std::string t(text::Trim(v));
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> AreaCodesOf(const FormValues& values) {
  std::vector<std::string> codes;
  for (const auto& v : NonEmptyValues(values, "areas_served")) {
    // "BU03440311 Taag- en Rubicondreef" (a datalist choice with its name typed on) -> the code.
    std::string code(v.substr(0, v.find(' ')));
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::vector<socialmap::Phone> PhonesOf(const FormValues& values, std::vector<Error>& errors) {
  auto ids = AllValues(values, "phone_id");
  auto numbers = AllValues(values, "phone_number");
  auto descriptions = AllValues(values, "phone_description");
  std::vector<socialmap::Phone> phones;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    socialmap::Phone p;
    p.id = i < ids.size() ? ids[i] : "";
    p.number = std::string(text::Trim(numbers[i]));
    p.description = i < descriptions.size() ? std::string(text::Trim(descriptions[i])) : "";
    if (p.number.empty()) {
      if (!p.description.empty()) {
        errors.push_back(
            {ErrorCode::kInvalid, "Vul het telefoonnummer in, of maak de omschrijving leeg.", "phone_number", {}});
      }
      continue;
    }
    phones.push_back(std::move(p));
  }
  return phones;
}

json AreaPicker(const std::string& form_id, const FormValues& values, const std::string& error, std::size_t spare) {
  json inputs = json::array();
  auto codes = NonEmptyValues(values, "areas_served");
  std::size_t count = codes.size() + spare;
  for (std::size_t i = 0; i < count; ++i) {
    FieldSpec spec{form_id, "areas_served", "Gebied " + std::to_string(i + 1)};
    spec.list = form_id + "-gebieden";
    spec.id_suffix = i == 0 ? "" : "-" + std::to_string(i + 1);
    spec.autocomplete = "off";
    if (i == 0) spec.error = error;
    inputs.push_back(TextField(spec, i < codes.size() ? codes[i] : ""));
  }
  return inputs;
}

FieldSpec AssuredDateSpec(const std::string& form_id, const std::string& error) {
  FieldSpec spec{form_id,
                 "assured_date",
                 "Gegevens gecontroleerd op",
                 "Leeg: vandaag, door u. Neemt u gegevens over uit een oudere bron (folder, website), vul dan de datum "
                 "van die bron in als jjjj-mm-dd.",
                 error,
                 "date"};
  return spec;
}

json PhoneRows(const std::string& form_id, const FormValues& values, const std::string& error) {
  auto ids = AllValues(values, "phone_id");
  auto numbers = AllValues(values, "phone_number");
  auto descriptions = AllValues(values, "phone_description");
  json rows = json::array();
  std::size_t shown = 0;
  for (std::size_t i = 0; i <= numbers.size(); ++i) {
    bool spare = i == numbers.size();
    if (!spare && text::Trim(numbers[i]).empty() && (i >= descriptions.size() || text::Trim(descriptions[i]).empty())) {
      continue;  // an empty row posted before: the one spare row below replaces it
    }
    std::string suffix = shown == 0 ? "" : "-" + std::to_string(shown + 1);
    std::string label_suffix = shown == 0 ? "" : " " + std::to_string(shown + 1);
    FieldSpec number{form_id, "phone_number", "Telefoonnummer" + label_suffix};
    number.id_suffix = suffix;
    number.type = "tel";
    number.autocomplete = "off";
    if (shown == 0) number.error = error;
    FieldSpec description{form_id, "phone_description", "Omschrijving telefoonnummer" + label_suffix,
                          "Bv. Algemeen, Spoed, WhatsApp."};
    description.id_suffix = suffix;
    json row = {{"number", TextField(number, spare ? "" : numbers[i])},
                {"description", TextField(description, spare || i >= descriptions.size() ? "" : descriptions[i])}};
    SetIfAny(row, "id_value", spare || i >= ids.size() ? "" : ids[i]);
    rows.push_back(row);
    ++shown;
  }
  return rows;
}

json AreaChoicesJson(const std::vector<AreaChoice>& areas) {
  json out = json::array();
  for (const auto& a : areas) out.push_back({{"code", a.code}, {"label", a.label}});
  return out;
}

std::vector<ChoiceOption> TermOptions(std::string_view taxonomy, bool with_description) {
  std::vector<ChoiceOption> out;
  for (const auto& t : socialmap::Terms(taxonomy)) {
    out.push_back({t.code, t.name, with_description ? t.description : ""});
  }
  return out;
}

std::string ErrorOf(const std::vector<Error>& errors, std::string_view field) {
  for (const auto& e : errors) {
    if (FormFieldOf(e.field) == field) return e.message;
  }
  return {};
}

// --- Party ------------------------------------------------------------------------------------

FormValues PartyValues(const socialmap::Party& p) {
  FormValues v = {{"name", p.name},
                  {"alternate_name", p.alternate_name},
                  {"kind", std::string(socialmap::PartyKindCode(p.kind))},
                  {"formal", p.formal ? "1" : "0"},
                  {"description", p.description},
                  {"website", p.website},
                  {"email", p.email},
                  {"source", p.verification.source}};
  for (const auto& phone : p.phones) {
    v.emplace("phone_id", phone.id);
    v.emplace("phone_number", phone.number);
    v.emplace("phone_description", phone.description);
  }
  for (const auto& d : p.domains) v.emplace("domains", d);
  for (const auto& a : p.areas_served) v.emplace("areas_served", a);
  if (p.consent) {
    v.emplace("consent_date", p.consent->date);
    v.emplace("consent_purpose", p.consent->purpose);
    if (p.consent->publish) v.emplace("consent_publish", "1");
  }
  return v;
}

socialmap::Party PartyOf(const FormValues& values, const socialmap::Party* original, std::vector<Error>& errors) {
  socialmap::Party p;
  if (original != nullptr) p = *original;
  p.name = TrimmedValue(values, "name");
  p.alternate_name = TrimmedValue(values, "alternate_name");
  p.description = TrimmedValue(values, "description");
  p.website = TrimmedValue(values, "website");
  p.email = TrimmedValue(values, "email");
  p.verification.source = TrimmedValue(values, "source");
  // Only a new party takes a verification date from the form (data copied from an older source);
  // afterwards only "Verifiëren" changes it.
  if (original == nullptr) p.verification.assured_date = TrimmedValue(values, "assured_date");
  auto kind = socialmap::ParsePartyKind(FirstValue(values, "kind"));
  if (!kind) {
    errors.push_back({ErrorCode::kInvalid, "Kies wat voor partij het is.", "kind", {}});
  } else {
    p.kind = *kind;
  }
  p.formal = FirstValue(values, "formal") != "0";
  p.phones = PhonesOf(values, errors);
  p.domains = AllValues(values, "domains");
  p.areas_served = AreaCodesOf(values);
  p.consent.reset();
  if (p.kind == socialmap::PartyKind::kSleutelfiguur) {
    socialmap::Consent c;
    c.date = TrimmedValue(values, "consent_date");
    c.purpose = TrimmedValue(values, "consent_purpose");
    c.publish = FirstValue(values, "consent_publish") == "1";
    if (!c.date.empty() && !IsIsoDate(c.date)) {
      errors.push_back({ErrorCode::kInvalid,
                        "Vul de datum van de toestemming in als jjjj-mm-dd, bv. 2026-03-01.",
                        "consent_date",
                        {}});
    }
    if (!c.date.empty() || !c.purpose.empty() || c.publish) p.consent = c;
  }
  return p;
}

json PartyFormData(const FormValues& values, const std::vector<Error>& errors, const std::vector<AreaChoice>& areas) {
  const std::string id = "partij";
  auto text_field = [&](const std::string& name, const std::string& label, const std::string& hint = {}) {
    FieldSpec spec{id, name, label, hint, ErrorOf(errors, name)};
    return spec;
  };
  json data = {{"errors", ErrorState(id, errors)}};
  data["name"] = TextField(text_field("name", "Naam"), FirstValue(values, "name"));
  data["alternate_name"] = TextField(
      text_field("alternate_name", "Andere naam", "Een afkorting of de naam die mensen in de wijk gebruiken."),
      FirstValue(values, "alternate_name"));
  // The party taxonomy's first four terms are the kinds; the rest are attributes of a party.
  std::vector<ChoiceOption> kinds;
  for (const auto& o : TermOptions(socialmap::kPartyTaxonomy, true)) {
    if (socialmap::ParsePartyKind(o.value)) kinds.push_back(o);
  }
  std::string kind = FirstValue(values, "kind");
  data["kind"] = ChoiceGroup({id, "kind", "Soort partij", "", ErrorOf(errors, "kind"), true}, kinds,
                             {kind.empty() ? "organisatie" : kind});
  data["formal"] = ChoiceGroup({id, "formal", "Formeel of informeel", "", ErrorOf(errors, "formal"), true},
                               {{"1", "Formeel", "Met rechtsvorm of als professionele organisatie."},
                                {"0", "Informeel", "Bewoners, vrijwilligers of een groep zonder rechtsvorm."}},
                               {FirstValue(values, "formal") == "0" ? "0" : "1"});
  auto description = text_field("description", "Omschrijving", "Wat doet de partij, voor wie, in welke buurten?");
  description.textarea = true;
  data["description"] = TextField(description, FirstValue(values, "description"));
  auto website = text_field("website", "Website", "Volledig adres, bv. https://www.example.nl");
  website.inputmode = "url";
  website.autocomplete = "off";
  data["website"] = TextField(website, FirstValue(values, "website"));
  auto email = text_field("email", "E-mailadres");
  email.type = "email";
  email.autocomplete = "off";
  data["email"] = TextField(email, FirstValue(values, "email"));
  data["phones"] = PhoneRows(id, values, ErrorOf(errors, "phone_number"));
  data["domains"] =
      ChoiceGroup({id, "domains", "Domeinen", "Op welke terreinen is de partij actief?", ErrorOf(errors, "domains")},
                  TermOptions(socialmap::kDomainTaxonomy, false), AllValues(values, "domains"));
  data["areas"] = AreaPicker(id, values, ErrorOf(errors, "areas_served"), 2);
  data["area_list_id"] = id + "-gebieden";
  data["area_choices"] = AreaChoicesJson(areas);
  data["source"] = TextField(text_field("source", "Bron",
                                        "Waar komen deze gegevens vandaan? Bv. ‘Website van de partij’ of "
                                        "‘Gesprek met de coördinator’."),
                             FirstValue(values, "source"));
  data["assured_date"] =
      TextField(AssuredDateSpec(id, ErrorOf(errors, "assured_date")), FirstValue(values, "assured_date"));
  auto consent_date = text_field("consent_date", "Toestemming gegeven op", "Datum als jjjj-mm-dd.");
  consent_date.type = "date";
  data["consent_date"] = TextField(consent_date, FirstValue(values, "consent_date"));
  data["consent_purpose"] = TextField(
      text_field("consent_purpose", "Doel van de toestemming", "Waarvoor mag Wijkkompas de gegevens bewaren?"),
      FirstValue(values, "consent_purpose"));
  data["consent_publish"] = ChoiceGroup(
      {id, "consent_publish", "Publiceren", "", ErrorOf(errors, "consent_publish")},
      {{"1", "Mag gepubliceerd worden",
        "In exports en de open HSDS-koppeling. Zonder dit vinkje blijft de sleutelfiguur binnen Wijkkompas."}},
      {FirstValue(values, "consent_publish")});
  data["is_key_figure"] = FirstValue(values, "kind") == "sleutelfiguur";
  return data;
}

// --- Errors -----------------------------------------------------------------------------------

std::string FormFieldOf(std::string_view field) {
  for (const auto& r : kRenames) {
    if (r.model == field) return std::string(r.form);
  }
  auto cut = field.find_first_of("[.");
  if (cut == std::string_view::npos) return std::string(field);
  std::string_view base = field.substr(0, cut);
  std::string_view index;
  std::string_view rest = field.substr(cut);
  if (rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string_view::npos) return std::string(base);
    index = rest.substr(1, close - 1);
    rest = rest.substr(close + 1);
  }
  std::string_view sub = rest.empty() || rest.front() != '.' ? std::string_view() : rest.substr(1);
  return NestedField(base, index, sub);
}

json ErrorState(std::string_view form_id, const std::vector<Error>& errors) {
  json state = {{"has_errors", !errors.empty()}, {"summary", json::array()}, {"id", form_id}};
  for (const auto& e : errors) {
    std::string field = FormFieldOf(e.field);
    std::string href = "#" + std::string(form_id) + (OnForm(field) ? "-" + field : "");
    state["summary"].push_back({{"href", href}, {"message", e.message}});
  }
  return state;
}

}  // namespace wk::web
