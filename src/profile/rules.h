// Notability rules (notable_rules.csv, compiled in): when a value of an area is worth a sentence.
// The rules are data (STYLE.md rule 8); their meaning is fixed in docs/adr/0010. Private.
//
// Columns: id, kind, against, threshold, min_peers, min_population, weight.
//   kind ratio_above    value >= threshold × the value `against` (parent | gemeente | national)
//   kind ratio_below    value <= the value `against` / threshold
//   kind peers_top      among the peers `against` (gemeente | national): percentile >= 100 − threshold
//   kind peers_bottom   percentile <= threshold; both only with at least min_peers peers with a value
//   kind trend_unfavourable / trend_favourable
//                       the change since the previous loaded year is up or down by the indicator's
//                       trend threshold and judged so; |relative change| >= threshold when given
//   kind trend_change   the change since the previous loaded year is up or down by at least
//                       threshold percent (relative), whatever the indicator's direction
// min_population: the area's a_inw in the year must be known and at least this (0: no minimum).
// weight > 0: the finding's score is weight × strength (see Match).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/core/error.h"
#include "wk/profile/profile.h"

namespace wk::profile {

enum class RuleKind {
  kRatioAbove,
  kRatioBelow,
  kPeersTop,
  kPeersBottom,
  kTrendUnfavourable,
  kTrendFavourable,
  kTrendChange
};
// What a value is compared with.
enum class Against { kNone, kParent, kGemeente, kNational };

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::kRatioAbove;
  Against against = Against::kNone;
  double threshold = 0;
  int min_peers = 0;
  double min_population = 0;
  double weight = 1;
};

// Parses and checks a rules file. kBadInput naming the line and column ("notable_rules.csv:3",
// field "kolom kind") for an unknown kind, a comparison that does not fit the kind, a threshold
// out of range, a missing or superfluous min_peers, a negative minimum population, a weight not
// above 0, or an id used twice.
Result<std::vector<Rule>> ParseRules(std::string_view csv_bytes);
// The compiled-in rules, in file order.
const std::vector<Rule>& Rules();

// Whether rules may apply to the indicator: only values that do not grow with the size of the
// area (shares, averages, rates, densities, distances). Counts ("aantal"), surfaces ("ha") and
// category codes ("code") never: a buurt always has fewer inhabitants than its wijk. Averages
// whose unit is "aantal" do apply: CBS kerncijfers codes starting with g_ (gemiddeld: g_hhgro,
// g_3km_sc) and the Nabijheid counts of facilities within a radius (nv_..._1km: the average
// number over the inhabitants). A custom indicator (free-text unit) qualifies only with one of the
// catalogue's size-independent units ("%", "per 1 000 inwoners", "km", ...), never as "aantal".
bool RulesApplyTo(const areas::IndicatorDef& def);

// A rule an indicator's value meets, and how strongly: 1 at the rule's threshold, growing with the
// distance past it, at most kMaxStrength (docs/adr/0010).
inline constexpr double kMaxStrength = 2.0;
struct Match {
  const Rule* rule = nullptr;
  double strength = 1;
  double Score() const { return rule->weight * strength; }
};

// What the rules need beyond the indicator's profile.
struct RuleContext {
  areas::Level level = areas::Level::kBuurt;
  std::optional<double> population;  // a_inw of the area in the year
};

// The rules of `rules` that `ip` meets, in rule order. None for a missing value or an indicator
// the rules do not apply to.
std::vector<Match> MatchRules(const std::vector<Rule>& rules, const IndicatorProfile& ip, const RuleContext& context);

}  // namespace wk::profile
