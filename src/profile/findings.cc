// Sentence shapes (docs/adr/0010):
//   comparison  "In <area> <clause with x>, tegen <y> in <place> (<source>, <year>)."
//   peers       "In <area> <clause with x>; daarmee hoort <area> bij de 10% buurten van de gemeente
//                <name> met de hoogste waarde (<source>, <year>)."
//   trend       "In <area> is <subject> gestegen van <a> in <year0> naar <b> in <year1> (<source>)."
// <clause with x> is the indicator's clause from phrases.csv, or "is <subject> <x>".
#include "findings.h"

#include <algorithm>
#include <cmath>

#include "phrases.h"
#include "wk/core/text.h"

namespace wk::profile {
namespace {

constexpr std::string_view kNational = "NL00";

class Sentence {
 public:
  Sentence& Text(std::string_view text) {
    if (text.empty()) return *this;
    if (!parts_.empty() && !parts_.back().ref) {
      parts_.back().text += text;
    } else {
      parts_.push_back({std::string(text), std::nullopt});
    }
    return *this;
  }
  Sentence& Number(const areas::IndicatorDef& def, double value, NumberRef ref) {
    parts_.push_back({FormatInSentence(def, value), std::move(ref)});
    return *this;
  }
  std::vector<FindingPart> Take() { return std::move(parts_); }

 private:
  std::vector<FindingPart> parts_;
};

// "<clause with x>" for the area's own value.
void Clause(Sentence& s, const IndicatorProfile& ip, const FindingContext& c) {
  Phrase phrase = PhraseOf(*ip.def);
  NumberRef ref{c.area->code, ip.def->code, c.year};
  if (phrase.clause.empty()) {
    s.Text("is ").Text(phrase.subject).Text(" ").Number(*ip.def, *ip.value, ref);
    return;
  }
  auto at = phrase.clause.find("{x}");
  s.Text(std::string_view(phrase.clause).substr(0, at)).Number(*ip.def, *ip.value, ref);
  s.Text(std::string_view(phrase.clause).substr(at + 3));
}

// "CBS", or "CBS en GGD regio Utrecht"; empty when any source is unknown.
std::string Sources(std::initializer_list<std::string_view> sources) {
  std::vector<std::string_view> distinct;
  for (auto s : sources) {
    if (s.empty()) return "";
    if (std::find(distinct.begin(), distinct.end(), s) == distinct.end()) distinct.push_back(s);
  }
  std::string out;
  for (std::size_t i = 0; i < distinct.size(); ++i) {
    if (i > 0) out += i + 1 == distinct.size() ? " en " : ", ";
    out += distinct[i];
  }
  return out;
}

std::string PlaceOf(const ParentValue& parent) {
  // CBS names wijken "Wijk 03 Overvecht": they read well without an article.
  return parent.level == areas::Level::kGemeente ? "de gemeente " + parent.name : parent.name;
}

std::string_view Plural(areas::Level level) {
  switch (level) {
    case areas::Level::kGemeente: return "gemeenten";
    case areas::Level::kWijk: return "wijken";
    case areas::Level::kBuurt: return "buurten";
  }
  return "";
}

std::string ThresholdPercent(double t) {
  return text::FormatNumber(t, t == std::floor(t) ? 0 : 1) + "%";
}

std::optional<Finding> Comparison(const Match& m, const IndicatorProfile& ip, const FindingContext& c) {
  const Rule& rule = *m.rule;
  std::optional<double> ref;
  NumberRef where{"", ip.def->code, c.year};
  std::string place, source;
  if (rule.against == Against::kNational) {
    ref = ip.national;
    where.area_code = kNational;
    place = "Nederland";
    source = ip.national_source;
  } else {
    if (ip.parents.empty()) return std::nullopt;
    const ParentValue& parent = rule.against == Against::kParent ? ip.parents.back() : ip.parents.front();
    ref = parent.value;
    where.area_code = parent.code;
    place = PlaceOf(parent);
    source = parent.source;
  }
  std::string sources = Sources({ip.source, source});
  if (!ref || sources.empty()) return std::nullopt;
  Sentence s;
  s.Text("In ").Text(c.area->name).Text(" ");
  Clause(s, ip, c);
  s.Text(", tegen ").Number(*ip.def, *ref, where).Text(" in " + place);
  s.Text(" (" + sources + ", " + std::to_string(c.year) + ").");
  return Finding{ip.def->code, rule.id, m.Score(), s.Take()};
}

std::optional<Finding> Peers(const Match& m, const IndicatorProfile& ip, const FindingContext& c) {
  const Rule& rule = *m.rule;
  if (ip.source.empty()) return std::nullopt;
  const bool top = rule.kind == RuleKind::kPeersTop;
  const bool in_gemeente = rule.against == Against::kGemeente && c.area->level != areas::Level::kGemeente;
  std::string group = "bij de " + ThresholdPercent(rule.threshold) + " " + std::string(Plural(c.area->level));
  std::string highest = top ? "met de hoogste waarde" : "met de laagste waarde";
  if (in_gemeente) {
    if (ip.parents.empty()) return std::nullopt;
    group += " van de gemeente " + ip.parents.front().name + " " + highest;
  } else {
    group += " " + highest + " in alle geladen gemeenten";
  }
  Sentence s;
  s.Text("In ").Text(c.area->name).Text(" ");
  Clause(s, ip, c);
  s.Text("; daarmee hoort " + c.area->name + " " + group);
  s.Text(" (" + ip.source + ", " + std::to_string(c.year) + ").");
  return Finding{ip.def->code, rule.id, m.Score(), s.Take()};
}

std::optional<Finding> TrendFinding(const Match& m, const IndicatorProfile& ip, const FindingContext& c) {
  const auto& t = ip.since_previous;
  if (!t || t->movement == Movement::kStable) return std::nullopt;
  std::string sources = Sources({c.previous_source, ip.source});
  if (sources.empty()) return std::nullopt;
  Sentence s;
  s.Text("In ").Text(c.area->name).Text(" is ").Text(PhraseOf(*ip.def).subject);
  s.Text(t->movement == Movement::kUp ? " gestegen van " : " gedaald van ");
  s.Number(*ip.def, t->from, {c.area->code, ip.def->code, t->from_year}).Text(" in " + std::to_string(t->from_year));
  s.Text(" naar ").Number(*ip.def, t->to, {c.area->code, ip.def->code, t->to_year});
  s.Text(" in " + std::to_string(t->to_year) + " (" + sources + ").");
  return Finding{ip.def->code, m.rule->id, m.Score(), s.Take()};
}

bool IsTrend(RuleKind kind) {
  return kind == RuleKind::kTrendUnfavourable || kind == RuleKind::kTrendFavourable || kind == RuleKind::kTrendChange;
}

}  // namespace

std::optional<Finding> Describe(const Match& match, const IndicatorProfile& ip, const FindingContext& context) {
  if (!ip.value || ip.def == nullptr) return std::nullopt;
  switch (match.rule->kind) {
    case RuleKind::kRatioAbove:
    case RuleKind::kRatioBelow: return Comparison(match, ip, context);
    case RuleKind::kPeersTop:
    case RuleKind::kPeersBottom: return Peers(match, ip, context);
    case RuleKind::kTrendUnfavourable:
    case RuleKind::kTrendFavourable:
    case RuleKind::kTrendChange: return TrendFinding(match, ip, context);
  }
  return std::nullopt;
}

std::vector<Finding> FindingsOf(const std::vector<Match>& matches, const IndicatorProfile& ip,
                                const FindingContext& context) {
  std::optional<Finding> comparison, trend;
  for (const auto& m : matches) {
    auto& best = IsTrend(m.rule->kind) ? trend : comparison;
    if (best && best->score >= m.Score()) continue;
    if (auto f = Describe(m, ip, context)) best = std::move(f);
  }
  std::vector<Finding> out;
  if (comparison) out.push_back(std::move(*comparison));
  if (trend) out.push_back(std::move(*trend));
  return out;
}

void RankFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.score > b.score; });
}

}  // namespace wk::profile
