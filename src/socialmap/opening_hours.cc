// Opening hours in a simple Dutch notation, to and from RFC 5545 schedules as HSDS splits them.
// The accepted forms are listed in opening_hours.h and in docs/handleiding.md.
#include "wk/socialmap/opening_hours.h"

#include <algorithm>
#include <array>
#include <optional>

#include "wk/core/text.h"

namespace wk::socialmap {
namespace {

struct Day {
  std::string_view code;  // RFC 5545 BYDAY
  std::string_view abbr;  // Dutch abbreviation
  std::string_view name;  // Dutch name
};
constexpr std::array<Day, 7> kDays = {{{"MO", "ma", "maandag"},
                                       {"TU", "di", "dinsdag"},
                                       {"WE", "wo", "woensdag"},
                                       {"TH", "do", "donderdag"},
                                       {"FR", "vr", "vrijdag"},
                                       {"SA", "za", "zaterdag"},
                                       {"SU", "zo", "zondag"}}};

struct Ordinal {
  int n;                        // BYDAY ordinal: 1..4, -1 = last
  std::string_view word;        // "eerste"
  std::string_view short_form;  // "1e"
};
constexpr std::array<Ordinal, 5> kOrdinals = {
    {{1, "eerste", "1e"}, {2, "tweede", "2e"}, {3, "derde", "3e"}, {4, "vierde", "4e"}, {-1, "laatste", "laatste"}}};

constexpr std::string_view kExample = "schrijf bv. di 09:00-12:00; do 13:00-16:00";

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

bool StripPrefix(std::string& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s = std::string(text::Trim(std::string_view(s).substr(prefix.size())));
  return true;
}

bool StripSuffix(std::string& s, std::string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s = std::string(text::Trim(std::string_view(s).substr(0, s.size() - suffix.size())));
  return true;
}

std::optional<int> DayIndex(std::string_view word) {
  word = text::Trim(word);
  if (word.ends_with('.')) word.remove_suffix(1);
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (word == kDays[i].abbr || word == kDays[i].name) return static_cast<int>(i);
  }
  return std::nullopt;
}

// "9", "09", "9:30", "09.30" -> minutes after midnight; 24:00 is the end of the day.
std::optional<int> Minutes(std::string_view t) {
  t = text::Trim(t);
  auto sep = t.find_first_of(":.");
  auto hours = text::ParseInt(t.substr(0, sep));
  std::optional<long long> minutes = 0LL;
  if (sep != std::string_view::npos) {
    std::string_view mm = t.substr(sep + 1);
    minutes = mm.size() == 2 ? text::ParseInt(mm) : std::nullopt;
  }
  if (!hours || !minutes || t.substr(0, sep).empty() || t.substr(0, sep).size() > 2) return std::nullopt;
  if (*hours < 0 || *minutes < 0 || *minutes > 59 || *hours > 24 || (*hours == 24 && *minutes != 0)) {
    return std::nullopt;
  }
  return static_cast<int>(*hours * 60 + *minutes);
}

std::string Clock(int minutes, char sep = ':') {
  std::string out(5, '0');
  out[0] = static_cast<char>('0' + minutes / 600);
  out[1] = static_cast<char>('0' + (minutes / 60) % 10);
  out[2] = sep;
  out[3] = static_cast<char>('0' + (minutes % 60) / 10);
  out[4] = static_cast<char>('0' + minutes % 10);
  return out;
}

std::unexpected<Error> Unreadable(std::string_view entry) {
  return Fail(ErrorCode::kInvalid,
              "'" + std::string(entry) + "' is niet te lezen als openingstijd; " + std::string(kExample) + ".");
}

// The days of "ma, wo en vr" / "ma-vr" / "maandag t/m vrijdag" as indexes in week order.
std::optional<std::vector<int>> ParseDays(std::string days) {
  days = ReplaceAll(std::move(days), "tot en met", "-");
  days = ReplaceAll(std::move(days), "t/m", "-");
  days = ReplaceAll(std::move(days), " en ", ",");
  for (char& c : days) {
    if (c == '/' || c == '+') c = ',';
  }
  std::vector<bool> on(kDays.size(), false);
  bool any = false;
  for (const std::string& piece : text::Split(days, ',')) {
    auto dash = piece.find('-');
    auto first = DayIndex(std::string_view(piece).substr(0, dash));
    auto last = dash == std::string::npos ? first : DayIndex(std::string_view(piece).substr(dash + 1));
    if (!first || !last || *last < *first) return std::nullopt;
    for (int d = *first; d <= *last; ++d) on[static_cast<std::size_t>(d)] = true;
    any = true;
  }
  if (!any) return std::nullopt;
  std::vector<int> out;
  for (std::size_t d = 0; d < on.size(); ++d) {
    if (on[d]) out.push_back(static_cast<int>(d));
  }
  return out;
}

struct TimeRange {
  int opens, closes;
};

Result<std::vector<TimeRange>> ParseTimes(std::string times, std::string_view entry) {
  times = ReplaceAll(std::move(times), " en ", ",");
  std::vector<TimeRange> out;
  for (const std::string& piece : text::Split(times, ',')) {
    auto dash = piece.find('-');
    if (dash == std::string::npos) return Unreadable(entry);
    auto opens = Minutes(std::string_view(piece).substr(0, dash));
    auto closes = Minutes(std::string_view(piece).substr(dash + 1));
    if (!opens || !closes) return Unreadable(entry);
    if (*closes <= *opens) {
      return Fail(ErrorCode::kInvalid, "'" + std::string(entry) + "': de sluitingstijd " + Clock(*closes) +
                                           " ligt niet na de openingstijd " + Clock(*opens) + ".");
    }
    out.push_back({*opens, *closes});
  }
  return out;
}

Result<std::vector<Schedule>> ParseEntry(std::string_view original) {
  // Lower case, dashes unified, optional words dropped.
  std::string entry = text::ToLowerAscii(text::Trim(original));
  entry = ReplaceAll(ReplaceAll(std::move(entry), "\xE2\x80\x93", "-"), "\xE2\x80\x94", "-");
  StripSuffix(entry, "uur");
  StripPrefix(entry, "elke ") || StripPrefix(entry, "iedere ");
  std::optional<int> ordinal;
  for (const Ordinal& o : kOrdinals) {
    if (StripPrefix(entry, std::string(o.word) + " ") || StripPrefix(entry, std::string(o.short_form) + " ")) {
      ordinal = o.n;
      break;
    }
  }
  entry = ReplaceAll(std::move(entry), " van de maand", "");
  auto digit = entry.find_first_of("0123456789");
  if (digit == std::string::npos || digit == 0) return Unreadable(original);
  std::string days(text::Trim(std::string_view(entry).substr(0, digit)));
  auto times = ParseTimes(entry.substr(digit), original);
  if (!times) return Fail(times.error());

  Schedule base;
  if (days == "dagelijks" || days == "dag" || days == "elke dag" || days == "iedere dag") {
    if (ordinal) return Unreadable(original);
    base.freq = "DAILY";
  } else {
    auto parsed = ParseDays(days);
    if (!parsed) return Unreadable(original);
    base.freq = ordinal ? "MONTHLY" : "WEEKLY";
    for (int d : *parsed) {
      if (!base.byday.empty()) base.byday += ',';
      if (ordinal) base.byday += std::to_string(*ordinal);
      base.byday += kDays[static_cast<std::size_t>(d)].code;
    }
  }
  std::vector<Schedule> out;
  for (const TimeRange& t : *times) {
    Schedule s = base;
    s.opens_at = Clock(t.opens);
    s.closes_at = Clock(t.closes);
    out.push_back(std::move(s));
  }
  return out;
}

// BYDAY of a schedule split into (ordinal, day index); nullopt when a part is not understood.
struct ByDay {
  int ordinal = 0;  // 0 = every week
  int day = 0;
};
std::optional<std::vector<ByDay>> SplitByDay(std::string_view byday) {
  std::vector<ByDay> out;
  for (const std::string& part : text::Split(byday, ',')) {
    std::string_view p = text::Trim(part);
    if (p.size() < 2) return std::nullopt;
    ByDay b;
    if (p.size() > 2) {
      auto n = text::ParseInt(p.substr(0, p.size() - 2));
      if (!n || *n == 0 || *n < -1 || *n > 4) return std::nullopt;
      b.ordinal = static_cast<int>(*n);
    }
    auto it = std::find_if(kDays.begin(), kDays.end(), [&](const Day& d) { return d.code == p.substr(p.size() - 2); });
    if (it == kDays.end()) return std::nullopt;
    b.day = static_cast<int>(it - kDays.begin());
    out.push_back(b);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// Whether a schedule is one of the forms this file reads and writes.
bool Simple(const Schedule& s) {
  if (s.interval != 1 || !s.bymonthday.empty()) return false;
  if (s.freq == "DAILY") return s.byday.empty();
  auto days = SplitByDay(s.byday);
  if (!days) return false;
  if (s.freq == "WEEKLY") {
    return std::all_of(days->begin(), days->end(), [](const ByDay& b) { return b.ordinal == 0; });
  }
  if (s.freq == "MONTHLY") {
    return std::all_of(days->begin(), days->end(),
                       [&](const ByDay& b) { return b.ordinal != 0 && b.ordinal == days->front().ordinal; });
  }
  return false;
}

// Day indexes as text: runs of three or more days become a range ("ma-vr", "maandag tot en met
// vrijdag"), the rest a list.
std::string DaysText(const std::vector<ByDay>& days, bool words) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < days.size();) {
    std::size_t j = i;
    while (j + 1 < days.size() && days[j + 1].day == days[j].day + 1) ++j;
    auto name = [&](std::size_t k) { return std::string(words ? kDays[days[k].day].name : kDays[days[k].day].abbr); };
    if (j - i >= 2) {
      parts.push_back(name(i) + (words ? " tot en met " : "-") + name(j));
    } else {
      for (std::size_t k = i; k <= j; ++k) parts.push_back(name(k));
    }
    i = j + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += words && i + 1 == parts.size() ? " en " : ", ";
    out += parts[i];
  }
  return out;
}

std::string OrdinalWord(int n, bool words) {
  for (const Ordinal& o : kOrdinals) {
    if (o.n == n) return std::string(words ? o.word : o.short_form);
  }
  return {};
}

// "ma-vr", "dagelijks", "1e di" (short) or "maandag tot en met vrijdag", "elke dag", "elke eerste
// dinsdag van de maand" (words), for a Simple schedule.
std::string WhenText(const Schedule& s, bool words) {
  if (s.freq == "DAILY") return words ? "elke dag" : "dagelijks";
  auto days = *SplitByDay(s.byday);
  if (s.freq == "WEEKLY") return DaysText(days, words);
  std::string ordinal = OrdinalWord(days.front().ordinal, words);
  return words ? "elke " + ordinal + " " + DaysText(days, true) + " van de maand"
               : ordinal + " " + DaysText(days, false);
}

std::string WordsClock(std::string_view hhmm) {
  std::string out(hhmm);
  std::replace(out.begin(), out.end(), ':', '.');
  return out;
}

}  // namespace

Result<std::vector<Schedule>> ParseOpeningHours(std::string_view input) {
  std::string all(input);
  std::replace(all.begin(), all.end(), '\n', ';');
  std::vector<Schedule> out;
  for (const std::string& entry : text::Split(all, ';')) {
    if (text::Trim(entry).empty()) continue;
    auto parsed = ParseEntry(text::Trim(entry));
    if (!parsed) return Fail(parsed.error());
    out.insert(out.end(), parsed->begin(), parsed->end());
  }
  return out;
}

std::string FormatOpeningHours(const std::vector<Schedule>& schedules) {
  std::vector<std::string> entries;
  for (const Schedule& s : schedules) {
    if (Simple(s) && !s.opens_at.empty() && !s.closes_at.empty()) {
      entries.push_back(WhenText(s, false) + " " + s.opens_at + "-" + s.closes_at);
    } else if (!s.description.empty()) {
      entries.push_back(s.description);
    }
  }
  std::string out;
  for (const std::string& e : entries) out += (out.empty() ? "" : "; ") + e;
  return out;
}

std::vector<std::string> OpeningHoursInWords(const std::vector<Schedule>& schedules) {
  std::vector<std::string> lines;
  std::string last_when;
  for (const Schedule& s : schedules) {
    if (!Simple(s)) {
      lines.push_back(s.description.empty() ? "zie beschrijving" : s.description);
      last_when.clear();
      continue;
    }
    std::string when = WhenText(s, true);
    std::string times = s.opens_at.empty() || s.closes_at.empty()
                            ? std::string()
                            : WordsClock(s.opens_at) + "\xE2\x80\x93" + WordsClock(s.closes_at) + " uur";
    // Two sessions on the same days read as one line: "dinsdag 09.00–12.00 en 13.00–16.00 uur".
    if (!times.empty() && when == last_when && lines.back().ends_with(" uur")) {
      lines.back().resize(lines.back().size() - 4);
      lines.back() += " en " + times;
      continue;
    }
    lines.push_back(times.empty() ? when : when + " " + times);
    last_when = times.empty() ? std::string() : when;
  }
  return lines;
}

}  // namespace wk::socialmap
