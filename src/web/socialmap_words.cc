#include "socialmap_words.h"

#include <algorithm>
#include <vector>

#include "wk/core/text.h"

namespace wk::web {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"januari",   "februari", "maart",    "april",
                                                      "mei",       "juni",     "juli",     "augustus",
                                                      "september", "oktober",  "november", "december"};

constexpr std::array<Weekday, 7> kWeekdays = {{{"MO", "maandag", "ma"},
                                               {"TU", "dinsdag", "di"},
                                               {"WE", "woensdag", "wo"},
                                               {"TH", "donderdag", "do"},
                                               {"FR", "vrijdag", "vr"},
                                               {"SA", "zaterdag", "za"},
                                               {"SU", "zondag", "zo"}}};

// Dutch labels of the HSDS fields a page or import changes (history table).
struct FieldName {
  std::string_view field, label;
};
constexpr FieldName kFieldLabels[] = {
    {"name", "Naam"},
    {"alternate_name", "Andere naam"},
    {"description", "Omschrijving"},
    {"kind", "Soort"},
    {"formal", "Formeel of informeel"},
    {"website", "Website"},
    {"url", "Website"},
    {"email", "E-mail"},
    {"phones", "Telefoon"},
    {"number", "Telefoonnummer"},
    {"contacts", "Contactpersoon"},
    {"domains", "Domeinen"},
    {"areas_served", "Werkgebied"},
    {"source", "Bron"},
    {"consent_date", "Toestemming op"},
    {"consent_purpose", "Doel van de toestemming"},
    {"consent_publish", "Toestemming om te publiceren"},
    {"assured_date", "Gecontroleerd op"},
    {"assurer_email", "Gecontroleerd door"},
    {"archived_at", "Gearchiveerd op"},
    {"archived", "Gearchiveerd"},
    {"status", "Status"},
    {"target_groups", "Doelgroepen"},
    {"laws", "Wetten"},
    {"access_routes", "Toegang"},
    {"eligibility_description", "Voor wie"},
    {"minimum_age", "Minimale leeftijd"},
    {"maximum_age", "Maximale leeftijd"},
    {"fees_description", "Kosten"},
    {"application_process", "Aanmelden"},
    {"wait_time", "Wachttijd"},
    {"languages", "Talen"},
    {"locations", "Locatie"},
    {"address_1", "Straat en huisnummer"},
    {"postal_code", "Postcode"},
    {"city", "Plaats"},
    {"latitude", "Breedtegraad"},
    {"longitude", "Lengtegraad"},
    {"area_code", "Buurt"},
    {"transportation", "Bereikbaarheid"},
    {"schedules", "Openingstijden"},
    {"opens_at", "Open vanaf"},
    {"closes_at", "Open tot"},
    {"byday", "Dagen"},
    {"freq", "Herhaling"},
    {"organization_id", "Partij"},
    {"state_province", "Provincie"},
    {"service_areas", "Werkgebied"},
    {"interval", "Interval"},
    {"bymonthday", "Dagen van de maand"},
    {"valid_from", "Geldig vanaf"},
    {"valid_to", "Geldig tot en met"},
    {"dtstart", "Eerste keer"},
    {"title", "Functie"},
    {"type", "Soort nummer"},
    {"extension", "Toestelnummer"},
    {"location_id", "Locatie"},
};

struct ActionName {
  std::string_view action, label;
};
constexpr ActionName kActionLabels[] = {
    {"create", "Aangemaakt"}, {"update", "Gewijzigd"},    {"verify", "Gecontroleerd"}, {"archive", "Gearchiveerd"},
    {"restore", "Hersteld"},  {"import", "Geïmporteerd"}, {"delete", "Verwijderd"},
};

std::string JoinDutch(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " en " : ", ";
    out += items[i];
  }
  return out;
}

std::string OrdinalWord(int n) {
  switch (n) {
    case 1: return "eerste";
    case 2: return "tweede";
    case 3: return "derde";
    case 4: return "vierde";
    case 5: return "vijfde";
    case -1: return "laatste";
    case -2: return "voorlaatste";
    default: return std::to_string(n) + "e";
  }
}

int DayIndex(std::string_view code) {
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (kWeekdays[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

// A BYDAY token "MO", "1MO" or "-1FR": its ordinal (0 without) and day index, or nullopt.
struct DayToken {
  int ordinal = 0;
  int day = -1;
};
std::optional<DayToken> ParseDayToken(std::string_view token) {
  token = text::Trim(token);
  if (token.size() < 2) return std::nullopt;
  DayToken t;
  t.day = DayIndex(token.substr(token.size() - 2));
  if (t.day < 0) return std::nullopt;
  std::string_view number = token.substr(0, token.size() - 2);
  if (!number.empty()) {
    auto n = text::ParseInt(number.front() == '+' ? number.substr(1) : number);
    if (!n || *n == 0 || *n < -5 || *n > 5) return std::nullopt;
    t.ordinal = static_cast<int>(*n);
  }
  return t;
}

std::optional<std::vector<DayToken>> ParseByDay(std::string_view byday) {
  std::vector<DayToken> out;
  for (const auto& part : text::Split(byday, ',')) {
    if (text::Trim(part).empty()) continue;
    auto t = ParseDayToken(part);
    if (!t) return std::nullopt;
    out.push_back(*t);
  }
  return out;
}

// Days in week order as words; three or more consecutive days as "maandag tot en met vrijdag".
std::string DaysInWords(std::vector<int> days) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  bool consecutive = days.size() >= 3 && days.back() - days.front() + 1 == static_cast<int>(days.size());
  if (consecutive) {
    return std::string(kWeekdays[days.front()].name) + " tot en met " + std::string(kWeekdays[days.back()].name);
  }
  std::vector<std::string> names;
  for (int d : days) names.emplace_back(kWeekdays[d].name);
  return JoinDutch(names);
}

std::string TimesInWords(const socialmap::Schedule& s) {
  auto opens = NormaliseTime(s.opens_at);
  auto closes = NormaliseTime(s.closes_at);
  if (opens && closes) return " " + *opens + "–" + *closes;
  if (opens) return " vanaf " + *opens;
  if (closes) return " tot " + *closes;
  return "";
}

std::string ValidityInWords(const socialmap::Schedule& s) {
  if (!s.valid_from.empty() && !s.valid_to.empty()) {
    return " (van " + DutchDate(s.valid_from) + " tot en met " + DutchDate(s.valid_to) + ")";
  }
  if (!s.valid_from.empty()) return " (vanaf " + DutchDate(s.valid_from) + ")";
  if (!s.valid_to.empty()) return " (tot en met " + DutchDate(s.valid_to) + ")";
  return "";
}

std::optional<std::string> MonthlyByDay(const std::vector<DayToken>& tokens) {
  if (tokens.empty()) return std::nullopt;
  for (const auto& t : tokens) {
    if (t.ordinal == 0) return std::nullopt;  // "every Monday of the month" is weekly: not in the subset
  }
  bool same_day = std::all_of(tokens.begin(), tokens.end(), [&](const DayToken& t) { return t.day == tokens[0].day; });
  bool same_ordinal =
      std::all_of(tokens.begin(), tokens.end(), [&](const DayToken& t) { return t.ordinal == tokens[0].ordinal; });
  std::string phrase;
  if (same_day) {
    std::vector<std::string> ordinals;
    for (const auto& t : tokens) ordinals.push_back(OrdinalWord(t.ordinal));
    phrase = JoinDutch(ordinals) + " " + std::string(kWeekdays[tokens[0].day].name);
  } else if (same_ordinal) {
    std::vector<std::string> names;
    for (const auto& t : tokens) names.emplace_back(kWeekdays[t.day].name);
    phrase = OrdinalWord(tokens[0].ordinal) + " " + JoinDutch(names);
  } else {
    std::vector<std::string> parts;
    for (const auto& t : tokens) parts.push_back(OrdinalWord(t.ordinal) + " " + std::string(kWeekdays[t.day].name));
    phrase = JoinDutch(parts);
  }
  return "elke " + phrase + " van de maand";
}

std::optional<std::string> MonthDays(std::string_view bymonthday) {
  std::vector<std::string> parts;
  for (const auto& part : text::Split(bymonthday, ',')) {
    auto n = text::ParseInt(part);
    if (!n || *n == 0 || *n < -31 || *n > 31) return std::nullopt;
    parts.push_back(*n == -1 ? "laatste dag" : *n < 0 ? OrdinalWord(static_cast<int>(*n)) : std::to_string(*n) + "e");
  }
  if (parts.empty()) return std::nullopt;
  return "de " + JoinDutch(parts) + " van de maand";
}

}  // namespace

const std::array<Weekday, 7>& Weekdays() {
  return kWeekdays;
}

std::string DutchDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  auto year = text::ParseInt(iso.substr(0, 4));
  auto month = text::ParseInt(iso.substr(5, 2));
  auto day = text::ParseInt(iso.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::string(iso);
  return std::to_string(*day) + " " + std::string(kMonths[*month - 1]) + " " + std::to_string(*year);
}

std::optional<std::string> NormaliseTime(std::string_view t) {
  t = text::Trim(t);
  auto sep = t.find_first_of(":.");
  if (sep == std::string_view::npos || sep == 0 || sep > 2) return std::nullopt;
  std::string_view rest = t.substr(sep + 1);
  if (rest.size() == 5 && rest[2] == ':') rest = rest.substr(0, 2);  // seconds
  if (rest.size() != 2) return std::nullopt;
  auto h = text::ParseInt(t.substr(0, sep));
  auto m = text::ParseInt(rest);
  if (!h || !m || *h < 0 || *m < 0 || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
  std::string out = (*h < 10 ? "0" : "") + std::to_string(*h) + ":" + (*m < 10 ? "0" : "") + std::to_string(*m);
  return out;
}

std::string ScheduleInWords(const socialmap::Schedule& s) {
  const int interval = s.interval < 1 ? 1 : s.interval;
  auto tokens = ParseByDay(s.byday);
  std::optional<std::string> when;
  if (s.freq == "DAILY" && s.byday.empty() && s.bymonthday.empty()) {
    when = interval == 1 ? "elke dag" : "om de " + std::to_string(interval) + " dagen";
  } else if (s.freq == "WEEKLY" && tokens && s.bymonthday.empty()) {
    std::vector<int> days;
    bool plain = true;
    for (const auto& t : *tokens) {
      days.push_back(t.day);
      plain = plain && t.ordinal == 0;
    }
    if (plain) {
      std::string day_words = days.empty() ? "" : DaysInWords(days);
      if (interval == 1) {
        when = day_words.empty() ? "elke week" : day_words;
      } else {
        std::string every = interval == 2 ? "om de week" : "om de " + std::to_string(interval) + " weken";
        when = day_words.empty() ? every : every + " op " + day_words;
      }
    }
  } else if (s.freq == "MONTHLY" && interval == 1) {
    if (tokens && !tokens->empty() && s.bymonthday.empty()) {
      when = MonthlyByDay(*tokens);
    } else if (s.byday.empty() && !s.bymonthday.empty()) {
      when = MonthDays(s.bymonthday);
    }
  }
  if (!when) return "tijden onbekend";
  return *when + TimesInWords(s) + ValidityInWords(s);
}

std::string FieldLabel(std::string_view field) {
  for (const auto& f : kFieldLabels) {
    if (f.field == field) return std::string(f.label);
  }
  return std::string(field);
}

std::string ActionLabel(std::string_view action) {
  for (const auto& a : kActionLabels) {
    if (a.action == action) return std::string(a.label);
  }
  return std::string(action);
}

bool ScheduleRow::Empty() const {
  bool any_day = std::any_of(days.begin(), days.end(), [](bool d) { return d; });
  return !any_day && text::Trim(opens_at).empty() && text::Trim(closes_at).empty() && text::Trim(description).empty();
}

std::optional<ScheduleRow> RowOfSchedule(const socialmap::Schedule& s) {
  if (!s.valid_from.empty() || !s.valid_to.empty() || !s.dtstart.empty() || s.interval > 1 || !s.bymonthday.empty()) {
    return std::nullopt;
  }
  ScheduleRow row;
  row.id = s.id;
  row.description = s.description;
  if (!s.opens_at.empty()) {
    auto t = NormaliseTime(s.opens_at);
    if (!t) return std::nullopt;
    row.opens_at = *t;
  }
  if (!s.closes_at.empty()) {
    auto t = NormaliseTime(s.closes_at);
    if (!t) return std::nullopt;
    row.closes_at = *t;
  }
  auto tokens = ParseByDay(s.byday);
  if (!tokens) return std::nullopt;
  if (s.freq == "DAILY" && tokens->empty()) {
    row.days.fill(true);
    return row;
  }
  if (s.freq != "WEEKLY" && s.freq != "MONTHLY") return std::nullopt;
  if (tokens->empty()) return std::nullopt;
  row.monthly = s.freq == "MONTHLY";
  for (const auto& t : *tokens) {
    if (row.monthly) {
      bool known = (t.ordinal >= 1 && t.ordinal <= 4) || t.ordinal == -1;
      if (!known || (row.ordinal != 0 && row.ordinal != t.ordinal)) return std::nullopt;
      row.ordinal = t.ordinal;
    } else if (t.ordinal != 0) {
      return std::nullopt;
    }
    row.days[t.day] = true;
  }
  return row;
}

Result<socialmap::Schedule> ScheduleOfRow(const ScheduleRow& row, std::string_view prefix) {
  std::string p(prefix);
  socialmap::Schedule s;
  s.id = row.id;
  s.description = std::string(text::Trim(row.description));
  std::vector<int> days;
  for (int d = 0; d < 7; ++d) {
    if (row.days[d]) days.push_back(d);
  }
  if (days.empty()) return Fail(ErrorCode::kInvalid, "Kies minstens één dag voor deze openingstijd.", p + "_days");
  std::string opens(text::Trim(row.opens_at));
  std::string closes(text::Trim(row.closes_at));
  if (!opens.empty()) {
    auto t = NormaliseTime(opens);
    if (!t) return Fail(ErrorCode::kInvalid, "Vul de begintijd in als uu:mm, bijvoorbeeld 09:00.", p + "_opens_at");
    s.opens_at = *t;
  }
  if (!closes.empty()) {
    auto t = NormaliseTime(closes);
    if (!t) return Fail(ErrorCode::kInvalid, "Vul de eindtijd in als uu:mm, bijvoorbeeld 12:00.", p + "_closes_at");
    if (s.opens_at.empty()) return Fail(ErrorCode::kInvalid, "Vul ook de begintijd in.", p + "_opens_at");
    if (*t <= s.opens_at)
      return Fail(ErrorCode::kInvalid, "De eindtijd moet na de begintijd liggen.", p + "_closes_at");
    s.closes_at = *t;
  }
  if (row.monthly) {
    bool known = (row.ordinal >= 1 && row.ordinal <= 4) || row.ordinal == -1;
    if (!known) {
      return Fail(ErrorCode::kInvalid, "Kies welke week van de maand: 1e, 2e, 3e, 4e of laatste.", p + "_ordinal");
    }
    s.freq = "MONTHLY";
    std::string byday;
    for (int d : days)
      byday += (byday.empty() ? "" : ",") + std::to_string(row.ordinal) + std::string(kWeekdays[d].code);
    s.byday = byday;
  } else if (days.size() == 7) {
    s.freq = "DAILY";
  } else {
    s.freq = "WEEKLY";
    std::string byday;
    for (int d : days) byday += (byday.empty() ? "" : ",") + std::string(kWeekdays[d].code);
    s.byday = byday;
  }
  return s;
}

}  // namespace wk::web
