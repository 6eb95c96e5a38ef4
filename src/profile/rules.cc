#include "rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <unordered_set>

#include "embedded_profile_data.h"
#include "wk/core/csv.h"
#include "wk/core/text.h"

namespace wk::profile {
namespace {

constexpr std::string_view kFile = "notable_rules.csv";

struct KindName {
  std::string_view name;
  RuleKind kind;
};
constexpr std::array<KindName, 7> kKinds = {{{"ratio_above", RuleKind::kRatioAbove},
                                             {"ratio_below", RuleKind::kRatioBelow},
                                             {"peers_top", RuleKind::kPeersTop},
                                             {"peers_bottom", RuleKind::kPeersBottom},
                                             {"trend_unfavourable", RuleKind::kTrendUnfavourable},
                                             {"trend_favourable", RuleKind::kTrendFavourable},
                                             {"trend_change", RuleKind::kTrendChange}}};

// Units of the catalogue (areas/catalogue.cc) whose values do not grow with the size of an area.
// Not "aantal" (a count, unless an average: RulesApplyTo), "ha" (a surface), "code" (a category).
// A custom indicator's unit is free text: only these exact units qualify it.
constexpr std::array<std::string_view, 9> kSizeIndependentUnits = {
    "%",      "per 1 000 inwoners", "aantal inwoners per km2", "x 1 000 euro", "kWh", "m3", "km", "per huishouden",
    "per km2"};

bool IsRatio(RuleKind k) {
  return k == RuleKind::kRatioAbove || k == RuleKind::kRatioBelow;
}
bool IsPeers(RuleKind k) {
  return k == RuleKind::kPeersTop || k == RuleKind::kPeersBottom;
}

std::optional<Against> ParseAgainst(RuleKind kind, std::string_view s) {
  if (IsRatio(kind)) {
    if (s == "parent") return Against::kParent;
    if (s == "gemeente") return Against::kGemeente;
    if (s == "national") return Against::kNational;
    return std::nullopt;
  }
  if (IsPeers(kind)) {
    if (s == "gemeente") return Against::kGemeente;
    if (s == "national") return Against::kNational;
    return std::nullopt;
  }
  if (s.empty()) return Against::kNone;
  return std::nullopt;
}

std::string_view AgainstExpected(RuleKind kind) {
  if (IsRatio(kind)) return "Verwacht parent, gemeente of national.";
  if (IsPeers(kind)) return "Verwacht gemeente of national.";
  return "Bij een trend hoort geen vergelijking: laat leeg.";
}

bool IsIdentifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

double Clamp(double strength) {
  return std::clamp(strength, 1.0, kMaxStrength);
}

// The value a ratio rule compares with.
std::optional<double> Reference(const Rule& rule, const IndicatorProfile& ip, const RuleContext& context) {
  switch (rule.against) {
    case Against::kParent: return ip.parents.empty() ? std::nullopt : ip.parents.back().value;
    case Against::kGemeente:
      if (context.level == areas::Level::kGemeente || ip.parents.empty()) return std::nullopt;
      return ip.parents.front().value;
    case Against::kNational: return ip.national;
    case Against::kNone: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<double> Strength(const Rule& rule, const IndicatorProfile& ip, const RuleContext& context) {
  const double v = *ip.value;
  const double t = rule.threshold;
  switch (rule.kind) {
    case RuleKind::kRatioAbove:
    case RuleKind::kRatioBelow: {
      // Ratios only between a non-negative value and a positive reference.
      auto ref = Reference(rule, ip, context);
      if (!ref || *ref <= 0 || v < 0) return std::nullopt;
      if (rule.kind == RuleKind::kRatioAbove) {
        if (v < t * *ref) return std::nullopt;
        return Clamp(v / *ref / t);
      }
      if (v * t > *ref) return std::nullopt;
      return v == 0 ? kMaxStrength : Clamp(*ref / v / t);
    }
    case RuleKind::kPeersTop:
    case RuleKind::kPeersBottom: {
      const auto& stats = rule.against == Against::kNational ? ip.national_peers : ip.peers;
      if (!stats || stats->peers < rule.min_peers) return std::nullopt;
      const double p = stats->percentile;
      if (rule.kind == RuleKind::kPeersTop) {
        if (p < 100 - t) return std::nullopt;
        return Clamp(1 + (p - (100 - t)) / t);
      }
      if (p > t) return std::nullopt;
      return Clamp(1 + (t - p) / t);
    }
    case RuleKind::kTrendChange: {
      const auto& trend = ip.since_previous;
      if (!trend || trend->movement == Movement::kStable || !trend->percent) return std::nullopt;
      const double change = std::fabs(*trend->percent);
      if (change < t) return std::nullopt;
      return Clamp(change / t);
    }
    case RuleKind::kTrendUnfavourable:
    case RuleKind::kTrendFavourable: {
      const auto& trend = ip.since_previous;
      auto wanted = rule.kind == RuleKind::kTrendUnfavourable ? Judgement::kUnfavourable : Judgement::kFavourable;
      if (!trend || trend->movement == Movement::kStable || trend->judgement != wanted) return std::nullopt;
      if (!trend->percent) return t > 0 ? std::nullopt : std::optional<double>(1.0);
      const double change = std::fabs(*trend->percent);
      if (change < t) return std::nullopt;
      const double base = std::max(ip.def->trend_threshold, t);
      return base > 0 ? Clamp(change / base) : 1.0;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<Rule>> ParseRules(std::string_view csv_bytes) {
  auto file = csv::ParseCsv(csv_bytes, std::string(kFile));
  if (!file) return Fail(file.error());
  const char* kColumns[] = {"id", "kind", "against", "threshold", "min_peers", "min_population", "weight"};
  std::array<std::size_t, 7> at{};
  for (std::size_t i = 0; i < at.size(); ++i) {
    auto c = file->Column(kColumns[i]);
    if (!c) return Fail(c.error());
    at[i] = *c;
  }
  std::vector<Rule> rules;
  std::unordered_set<std::string> ids;
  for (const auto& row : file->rows) {
    auto cell = [&](int c) -> const std::string& { return row.cells[at[static_cast<std::size_t>(c)]]; };
    auto bad = [&](int c, std::string message) {
      return Fail(ErrorCode::kBadInput, std::move(message), std::string("kolom ") + kColumns[c],
                  std::string(kFile) + ":" + std::to_string(row.line));
    };
    Rule rule;
    rule.id = cell(0);
    if (!IsIdentifier(rule.id)) return bad(0, "Verwacht een id van kleine letters, cijfers en _.");
    if (!ids.insert(rule.id).second) return bad(0, "Id '" + rule.id + "' staat er twee keer in.");
    auto kind = std::find_if(kKinds.begin(), kKinds.end(), [&](const KindName& k) { return k.name == cell(1); });
    if (kind == kKinds.end()) return bad(1, "Onbekende soort '" + cell(1) + "'.");
    rule.kind = kind->kind;
    auto against = ParseAgainst(rule.kind, cell(2));
    if (!against) return bad(2, std::string(AgainstExpected(rule.kind)));
    rule.against = *against;

    auto threshold = text::ParseDouble(cell(3));
    if (IsRatio(rule.kind)) {
      if (!threshold || *threshold <= 1) return bad(3, "Verwacht een factor groter dan 1.");
    } else if (IsPeers(rule.kind)) {
      if (!threshold || *threshold <= 0 || *threshold > 50)
        return bad(3, "Verwacht een percentage van de peers, groter dan 0 en hoogstens 50.");
    } else if (rule.kind == RuleKind::kTrendChange) {
      if (!threshold || *threshold <= 0) return bad(3, "Verwacht een procentuele verandering groter dan 0.");
    } else if (!cell(3).empty() && (!threshold || *threshold < 0)) {
      return bad(3, "Verwacht een procentuele verandering van 0 of meer, of laat leeg.");
    }
    rule.threshold = threshold.value_or(0);

    auto min_peers = text::ParseInt(cell(4));
    if (IsPeers(rule.kind)) {
      if (!min_peers || *min_peers < 1) return bad(4, "Verwacht een aantal peers van 1 of meer.");
      rule.min_peers = static_cast<int>(*min_peers);
    } else if (!cell(4).empty()) {
      return bad(4, "Een minimum aantal peers hoort alleen bij peers_top en peers_bottom.");
    }

    auto population = text::ParseDouble(cell(5));
    if (!population || *population < 0) return bad(5, "Verwacht een aantal inwoners van 0 of meer.");
    rule.min_population = *population;
    auto weight = text::ParseDouble(cell(6));
    if (!weight || *weight <= 0) return bad(6, "Verwacht een gewicht groter dan 0.");
    rule.weight = *weight;
    rules.push_back(std::move(rule));
  }
  return rules;
}

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = [] {
    auto bytes = embedded::Find(embedded::profile_data(), "notable_rules.csv");
    if (!bytes) throw std::logic_error("notable_rules.csv is not embedded");
    auto parsed = ParseRules(*bytes);
    // The file is ours and tested: a failure here is a bug, not an input error.
    if (!parsed) throw std::logic_error("notable_rules.csv: " + parsed.error().Describe());
    return std::move(*parsed);
  }();
  return rules;
}

bool RulesApplyTo(const areas::IndicatorDef& def) {
  return ComparesAcrossSizes(def);
}

bool ComparesAcrossSizes(const areas::IndicatorDef& def) {
  if (std::find(kSizeIndependentUnits.begin(), kSizeIndependentUnits.end(), def.unit) != kSizeIndependentUnits.end()) {
    return true;
  }
  if (def.unit != "aantal" || def.custom) return false;
  return def.code.starts_with("g_") || (def.code.starts_with("nv_") && def.code.ends_with("km"));
}

std::vector<Match> MatchRules(const std::vector<Rule>& rules, const IndicatorProfile& ip, const RuleContext& context) {
  std::vector<Match> out;
  if (!ip.value || ip.def == nullptr || !RulesApplyTo(*ip.def)) return out;
  for (const auto& rule : rules) {
    if (rule.min_population > 0 && (!context.population || *context.population < rule.min_population)) continue;
    if (auto strength = Strength(rule, ip, context)) out.push_back({&rule, *strength});
  }
  return out;
}

}  // namespace wk::profile
