// The input rules of parties and services. Messages are the Dutch text a form shows beside the
// field; the order of the checks is the order of the form, so the first error is the highest one.
#include "model_validation.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "dates.h"
#include "languages.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap {
namespace {

constexpr std::size_t kMaxShortText = 500;   // code points: alternate names, titles, addresses
constexpr std::size_t kMaxLongText = 10000;  // descriptions, eligibility, application process
constexpr int kMaxAge = 120;

std::unexpected<Error> Invalid(std::string message, std::string field) {
  return Fail(ErrorCode::kInvalid, std::move(message), std::move(field));
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void TrimInPlace(std::string& s) {
  s = std::string(text::Trim(s));
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Indexed(std::string_view list, std::size_t i, std::string_view field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + std::string(field);
}

Result<void> CheckLength(const std::string& value, std::size_t max, std::string_view label, std::string field) {
  if (CodePoints(value) > max) {
    return Invalid(std::string(label) + " heeft hoogstens " + text::FormatNumber(static_cast<double>(max)) + " tekens.",
                   std::move(field));
  }
  return {};
}

Result<void> CheckName(std::string& name, std::string_view what) {
  TrimInPlace(name);
  if (name.empty()) return Invalid("Vul de naam van de " + std::string(what) + " in.", "name");
  return CheckLength(name, kMaxNameLength, "Een naam", "name");
}

Result<void> CheckEmail(std::string& email, std::string field) {
  TrimInPlace(email);
  if (!email.empty() && !IsEmailAddress(email)) {
    return Invalid("Vul een geldig e-mailadres in, zoals info@example.nl.", std::move(field));
  }
  return {};
}

Result<void> CheckWebsite(std::string& url, std::string field) {
  TrimInPlace(url);
  if (!url.empty() && !IsWebUrl(url)) {
    return Invalid("Vul een webadres in dat begint met http:// of https://, zoals https://www.example.nl.",
                   std::move(field));
  }
  return {};
}

// Codes of one project taxonomy: trimmed, each known, duplicates dropped (first one kept).
Result<void> CheckCodes(std::vector<std::string>& codes, std::string_view taxonomy, std::string_view label,
                        std::string field) {
  std::vector<std::string> out;
  for (std::string code : codes) {
    TrimInPlace(code);
    if (code.empty()) continue;
    if (FindTerm(taxonomy, code) == nullptr)
      return Invalid("Onbekende " + std::string(label) + ": " + code + ".", field);
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  }
  codes = std::move(out);
  return {};
}

Result<void> CheckAreas(store::Db& db, std::vector<std::string>& codes) {
  std::vector<std::string> out;
  for (const std::string& given : codes) {
    std::string code = Upper(text::Trim(given));
    if (code.empty()) continue;
    auto area = areas::GetArea(db, code);
    if (!area) {
      if (area.error().code == ErrorCode::kNotFound) return Invalid("Onbekend gebied: " + code + ".", "areas_served");
      return Fail(area.error());
    }
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  }
  codes = std::move(out);
  return {};
}

Result<void> CheckPhones(std::vector<Phone>& phones) {
  std::vector<Phone> out;
  for (std::size_t i = 0; i < phones.size(); ++i) {
    Phone p = phones[i];
    TrimInPlace(p.number);
    TrimInPlace(p.description);
    if (p.number.empty() && p.description.empty()) continue;  // an empty row of the form
    const std::string field = Indexed("phones", i, "number");
    if (p.number.empty()) return Invalid("Vul het telefoonnummer in.", field);
    bool digit = false;
    for (char c : p.number) {
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (std::string_view(" +-().").find(c) == std::string_view::npos) {
        return Invalid("Een telefoonnummer bestaat uit cijfers, spaties en + - ( ).", field);
      }
    }
    if (!digit) return Invalid("Een telefoonnummer bestaat uit cijfers, spaties en + - ( ).", field);
    if (auto r = CheckLength(p.number, 40, "Een telefoonnummer", field); !r) return r;
    if (auto r = CheckLength(p.description, kMaxShortText, "Een omschrijving", Indexed("phones", i, "description"));
        !r) {
      return r;
    }
    out.push_back(std::move(p));
  }
  phones = std::move(out);
  return {};
}

Result<void> CheckContacts(std::vector<Contact>& contacts) {
  std::vector<Contact> out;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    Contact c = contacts[i];
    TrimInPlace(c.name);
    TrimInPlace(c.title);
    if (c.name.empty() && c.title.empty() && text::Trim(c.email).empty()) continue;
    if (c.name.empty() && c.title.empty()) {
      return Invalid("Vul de naam of de functie van het contact in.", Indexed("contacts", i, "name"));
    }
    if (auto r = CheckLength(c.name, kMaxNameLength, "Een naam", Indexed("contacts", i, "name")); !r) return r;
    if (auto r = CheckLength(c.title, kMaxShortText, "Een functie", Indexed("contacts", i, "title")); !r) return r;
    if (auto r = CheckEmail(c.email, Indexed("contacts", i, "email")); !r) return r;
    out.push_back(std::move(c));
  }
  contacts = std::move(out);
  return {};
}

Result<void> CheckVerification(Verification& v) {
  TrimInPlace(v.source);
  TrimInPlace(v.assured_date);
  TrimInPlace(v.assurer);
  if (auto r = CheckLength(v.source, kMaxShortText, "De bron", "source"); !r) return r;
  if (!v.assured_date.empty() && !IsIsoDate(v.assured_date)) {
    return Invalid("Vul de datum van de controle in als JJJJ-MM-DD.", "assured_date");
  }
  return CheckLength(v.assurer, kMaxNameLength, "Wie controleerde", "assurer");
}

Result<void> CheckLocation(Location& l, std::size_t i) {
  for (std::string* s : {&l.name, &l.address_1, &l.postal_code, &l.city, &l.province, &l.transportation}) {
    TrimInPlace(*s);
  }
  const bool has_address = !l.address_1.empty() || !l.postal_code.empty() || !l.city.empty() || !l.province.empty();
  if (has_address) {
    if (l.address_1.empty()) return Invalid("Vul straat en huisnummer in.", Indexed("locations", i, "address_1"));
    if (l.city.empty()) return Invalid("Vul de plaats in.", Indexed("locations", i, "city"));
    if (l.province.empty()) {
      return Invalid("Vul de provincie in (de standaard HSDS vraagt die bij een adres).",
                     Indexed("locations", i, "province"));
    }
    if (!l.postal_code.empty()) {
      auto pc = NormalisePostcode(l.postal_code);
      if (!pc) return Invalid("Een postcode heeft de vorm 1234 AB.", Indexed("locations", i, "postal_code"));
      l.postal_code = *pc;
    }
  }
  for (auto [value, field] :
       {std::pair{&l.name, "name"}, std::pair{&l.address_1, "address_1"}, std::pair{&l.city, "city"},
        std::pair{&l.province, "province"}, std::pair{&l.transportation, "transportation"}}) {
    if (auto r = CheckLength(*value, kMaxShortText, "Dit veld", Indexed("locations", i, field)); !r) return r;
  }
  if (l.latitude.has_value() != l.longitude.has_value()) {
    return Invalid("Vul zowel de breedtegraad als de lengtegraad in, of geen van beide.",
                   Indexed("locations", i, l.latitude ? "longitude" : "latitude"));
  }
  if (l.latitude && (!std::isfinite(*l.latitude) || *l.latitude < -90 || *l.latitude > 90)) {
    return Invalid("De breedtegraad ligt tussen -90 en 90.", Indexed("locations", i, "latitude"));
  }
  if (l.longitude && (!std::isfinite(*l.longitude) || *l.longitude < -180 || *l.longitude > 180)) {
    return Invalid("De lengtegraad ligt tussen -180 en 180.", Indexed("locations", i, "longitude"));
  }
  l.area_code.clear();  // set by the use case from the point
  return {};
}

bool IsEmpty(const Location& l) {
  return l.name.empty() && l.address_1.empty() && l.postal_code.empty() && l.city.empty() && l.province.empty() &&
         !l.latitude && !l.longitude && l.transportation.empty();
}

Result<void> CheckDays(std::string& list, bool ordinals, const std::string& field) {
  std::string out;
  for (const std::string& part : text::Split(list, ',')) {
    std::string token = Upper(text::Trim(part));
    if (token.empty()) continue;
    if (!IsByDayToken(token, ordinals)) {
      return Invalid(ordinals ? "Geef de dagen op als MO, TU, WE, TH, FR, SA, SU, eventueel met een volgnummer "
                                "(1MO = eerste maandag, -1FR = laatste vrijdag)."
                              : "Geef de dagen op als MO, TU, WE, TH, FR, SA of SU, gescheiden door komma's.",
                     field);
    }
    if (!out.empty()) out += ',';
    out += token;
  }
  list = out;
  return {};
}

Result<void> CheckMonthDays(std::string& list, const std::string& field) {
  std::string out;
  for (const std::string& part : text::Split(list, ',')) {
    auto t = text::Trim(part);
    if (t.empty()) continue;
    auto n = text::ParseInt(t);
    if (!n || *n == 0 || *n < -31 || *n > 31) {
      return Invalid("Geef de dagen van de maand op als getallen van 1 tot 31, gescheiden door komma's.", field);
    }
    if (!out.empty()) out += ',';
    out += std::to_string(*n);
  }
  list = out;
  return {};
}

Result<void> CheckSchedule(Schedule& s, std::size_t i, const std::vector<Location>& locations) {
  auto field = [i](std::string_view f) { return Indexed("schedules", i, f); };
  for (std::string* t : {&s.freq, &s.byday, &s.bymonthday, &s.opens_at, &s.closes_at, &s.valid_from, &s.valid_to,
                         &s.dtstart, &s.description, &s.location_id}) {
    TrimInPlace(*t);
  }
  s.freq = Upper(s.freq);
  if (!s.freq.empty() && s.freq != "WEEKLY" && s.freq != "DAILY" && s.freq != "MONTHLY") {
    return Invalid("Kies hoe vaak: wekelijks (WEEKLY), dagelijks (DAILY) of maandelijks (MONTHLY).", field("freq"));
  }
  if (s.interval < 1 || s.interval > 52) return Invalid("Het interval is een getal van 1 tot 52.", field("interval"));
  if (auto r = CheckDays(s.byday, s.freq == "MONTHLY", field("byday")); !r) return r;
  if (auto r = CheckMonthDays(s.bymonthday, field("bymonthday")); !r) return r;
  for (auto [value, name] : {std::pair{&s.opens_at, "opens_at"}, std::pair{&s.closes_at, "closes_at"}}) {
    if (value->empty()) continue;
    auto t = NormaliseTime(*value);
    if (!t) return Invalid("Vul een tijd in als UU:MM, zoals 09:30.", field(name));
    *value = *t;
  }
  if (!s.opens_at.empty() && !s.closes_at.empty() && s.opens_at >= s.closes_at) {
    return Invalid("De sluitingstijd ligt na de openingstijd.", field("closes_at"));
  }
  for (auto [value, name] :
       {std::pair{&s.valid_from, "valid_from"}, std::pair{&s.valid_to, "valid_to"}, std::pair{&s.dtstart, "dtstart"}}) {
    if (!value->empty() && !IsIsoDate(*value)) return Invalid("Vul een datum in als JJJJ-MM-DD.", field(name));
  }
  if (!s.valid_from.empty() && !s.valid_to.empty() && s.valid_from > s.valid_to) {
    return Invalid("De einddatum ligt op of na de begindatum.", field("valid_to"));
  }
  if (auto r = CheckLength(s.description, kMaxShortText, "Een omschrijving", field("description")); !r) return r;
  if (!s.location_id.empty() &&
      std::none_of(locations.begin(), locations.end(), [&](const Location& l) { return l.id == s.location_id; })) {
    return Invalid("Deze openingstijd hoort bij een locatie die de dienst niet heeft.", field("location_id"));
  }
  return {};
}

bool IsEmpty(const Schedule& s) {
  return s.freq.empty() && s.byday.empty() && s.bymonthday.empty() && s.opens_at.empty() && s.closes_at.empty() &&
         s.valid_from.empty() && s.valid_to.empty() && s.dtstart.empty() && s.description.empty();
}

Result<void> CheckAge(const std::optional<int>& age, const char* field) {
  if (age && (*age < 0 || *age > kMaxAge)) return Invalid("Een leeftijd ligt tussen 0 en 120 jaar.", field);
  return {};
}

}  // namespace

bool IsEmailAddress(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  if (s.size() > 254) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>') return false;
  }
  auto domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size() && domain.front() != '.' &&
         domain.find("..") == std::string_view::npos;
}

bool IsWebUrl(std::string_view s) {
  std::string lower = text::ToLowerAscii(s);
  std::size_t start = 0;
  if (text::StartsWith(lower, "https://")) {
    start = 8;
  } else if (text::StartsWith(lower, "http://")) {
    start = 7;
  } else {
    return false;
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>') return false;
  }
  auto rest = s.substr(start);
  auto host = rest.substr(0, rest.find_first_of("/?#"));
  return !host.empty() && host.front() != '.' && host.front() != ':';
}

std::optional<std::string> NormaliseTime(std::string_view s) {
  auto parts = text::Split(s, ':');
  if (parts.size() != 2 && parts.size() != 3) return std::nullopt;
  std::optional<long long> hour = text::ParseInt(parts[0]), minute = text::ParseInt(parts[1]);
  if (parts[0].empty() || parts[0].size() > 2 || parts[1].size() != 2 || !hour || !minute) return std::nullopt;
  if (*hour < 0 || *hour > 23 || *minute < 0 || *minute > 59) return std::nullopt;
  if (parts.size() == 3) {
    auto second = text::ParseInt(parts[2]);
    if (parts[2].size() != 2 || !second || *second < 0 || *second > 59) return std::nullopt;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", *hour, *minute);
  return std::string(buf);
}

std::optional<std::string> NormalisePostcode(std::string_view s) {
  std::string compact;
  for (char c : s) {
    if (c != ' ') compact += c;
  }
  if (compact.size() != 6) return std::nullopt;
  for (int i = 0; i < 4; ++i) {
    if (compact[i] < '0' || compact[i] > '9') return std::nullopt;
  }
  if (compact[0] == '0') return std::nullopt;  // Dutch postcodes start at 1000
  std::string letters = Upper(compact.substr(4));
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return std::nullopt;
  }
  return compact.substr(0, 4) + " " + letters;
}

bool IsByDayToken(std::string_view s, bool ordinals) {
  static constexpr std::string_view kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  if (s.size() < 2) return false;
  auto day = s.substr(s.size() - 2);
  if (std::find(std::begin(kDays), std::end(kDays), day) == std::end(kDays)) return false;
  auto ordinal = s.substr(0, s.size() - 2);
  if (ordinal.empty()) return true;
  if (!ordinals) return false;
  if (ordinal.front() == '-' || ordinal.front() == '+') ordinal.remove_prefix(1);
  return ordinal.size() == 1 && ordinal[0] >= '1' && ordinal[0] <= '5';
}

Result<std::string> CleanSource(std::string_view source) {
  std::string s(text::Trim(source));
  if (auto r = CheckLength(s, kMaxShortText, "De bron", "source"); !r) return Fail(r.error());
  return s;
}

Result<Party> CleanParty(store::Db& db, const Party& input) {
  Party p = input;
  if (auto r = CheckName(p.name, "partij"); !r) return Fail(r.error());
  TrimInPlace(p.alternate_name);
  if (auto r = CheckLength(p.alternate_name, kMaxNameLength, "Een andere naam", "alternate_name"); !r) {
    return Fail(r.error());
  }
  TrimInPlace(p.description);
  if (auto r = CheckLength(p.description, kMaxLongText, "Een beschrijving", "description"); !r) return Fail(r.error());
  if (auto r = CheckWebsite(p.website, "website"); !r) return Fail(r.error());
  if (auto r = CheckEmail(p.email, "email"); !r) return Fail(r.error());
  if (auto r = CheckPhones(p.phones); !r) return Fail(r.error());
  if (auto r = CheckContacts(p.contacts); !r) return Fail(r.error());
  if (auto r = CheckCodes(p.domains, kDomainTaxonomy, "domeincode", "domains"); !r) return Fail(r.error());
  if (auto r = CheckAreas(db, p.areas_served); !r) return Fail(r.error());
  if (p.kind == PartyKind::kSleutelfiguur) {
    // A key figure is a person: on the map only with consent (ADR 13).
    Consent c = p.consent.value_or(Consent{});
    TrimInPlace(c.date);
    TrimInPlace(c.purpose);
    if (c.date.empty()) {
      return Invalid(
          "Een sleutelfiguur staat alleen met toestemming op de sociale kaart: vul de datum van de "
          "toestemming in.",
          "consent_date");
    }
    if (!IsIsoDate(c.date)) return Invalid("Vul de datum van de toestemming in als JJJJ-MM-DD.", "consent_date");
    if (c.purpose.empty()) return Invalid("Vul in waarvoor de sleutelfiguur toestemming gaf.", "consent_purpose");
    if (auto r = CheckLength(c.purpose, kMaxShortText, "Het doel", "consent_purpose"); !r) return Fail(r.error());
    p.consent = c;
  } else {
    p.consent.reset();  // consent is asked of people only
  }
  if (auto r = CheckVerification(p.verification); !r) return Fail(r.error());
  return p;
}

Result<Service> CleanService(store::Db& db, const Service& input) {
  Service s = input;
  TrimInPlace(s.party_id);
  if (s.party_id.empty()) return Invalid("Kies de partij die de dienst aanbiedt.", "party_id");
  if (auto r = CheckName(s.name, "dienst"); !r) return Fail(r.error());
  TrimInPlace(s.alternate_name);
  if (auto r = CheckLength(s.alternate_name, kMaxNameLength, "Een andere naam", "alternate_name"); !r) {
    return Fail(r.error());
  }
  for (auto [value, field] : {std::pair{&s.description, "description"}, std::pair{&s.eligibility, "eligibility"},
                              std::pair{&s.application_process, "application_process"}}) {
    TrimInPlace(*value);
    if (auto r = CheckLength(*value, kMaxLongText, "Dit veld", field); !r) return Fail(r.error());
  }
  for (auto [value, field] : {std::pair{&s.cost, "cost"}, std::pair{&s.wait_time, "wait_time"}}) {
    TrimInPlace(*value);
    if (auto r = CheckLength(*value, kMaxShortText, "Dit veld", field); !r) return Fail(r.error());
  }
  if (auto r = CheckCodes(s.target_groups, kTargetGroupTaxonomy, "doelgroep", "target_groups"); !r) {
    return Fail(r.error());
  }
  if (auto r = CheckCodes(s.domains, kDomainTaxonomy, "domeincode", "domains"); !r) return Fail(r.error());
  if (auto r = CheckCodes(s.laws, kLawTaxonomy, "wet", "laws"); !r) return Fail(r.error());
  if (auto r = CheckCodes(s.access_routes, kAccessTaxonomy, "toegangsroute", "access_routes"); !r) {
    return Fail(r.error());
  }
  if (auto r = CheckAge(s.minimum_age, "minimum_age"); !r) return Fail(r.error());
  if (auto r = CheckAge(s.maximum_age, "maximum_age"); !r) return Fail(r.error());
  if (s.minimum_age && s.maximum_age && *s.minimum_age > *s.maximum_age) {
    return Invalid("De minimumleeftijd is hoger dan de maximumleeftijd.", "minimum_age");
  }
  std::vector<std::string> languages;
  for (const std::string& given : s.languages) {
    std::string code = text::ToLowerAscii(text::Trim(given));
    if (code.empty()) continue;
    if (!IsLanguageCode(code)) return Invalid("Geef een taal op met haar ISO 639-code, zoals nl of ar.", "languages");
    if (std::find(languages.begin(), languages.end(), code) == languages.end()) languages.push_back(code);
  }
  s.languages = std::move(languages);
  if (auto r = CheckWebsite(s.url, "url"); !r) return Fail(r.error());
  if (auto r = CheckEmail(s.email, "email"); !r) return Fail(r.error());
  std::vector<Location> locations;
  for (std::size_t i = 0; i < s.locations.size(); ++i) {
    Location l = s.locations[i];
    if (auto r = CheckLocation(l, i); !r) return Fail(r.error());
    if (!IsEmpty(l)) locations.push_back(std::move(l));
  }
  s.locations = std::move(locations);
  std::vector<Schedule> schedules;
  for (std::size_t i = 0; i < s.schedules.size(); ++i) {
    Schedule sc = s.schedules[i];
    if (auto r = CheckSchedule(sc, i, s.locations); !r) return Fail(r.error());
    if (!IsEmpty(sc)) schedules.push_back(std::move(sc));
  }
  s.schedules = std::move(schedules);
  if (auto r = CheckAreas(db, s.areas_served); !r) return Fail(r.error());
  if (auto r = CheckPhones(s.phones); !r) return Fail(r.error());
  if (auto r = CheckContacts(s.contacts); !r) return Fail(r.error());
  if (auto r = CheckVerification(s.verification); !r) return Fail(r.error());
  return s;
}

}  // namespace wk::socialmap
