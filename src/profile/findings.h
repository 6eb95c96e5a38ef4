// Findings in words: a matched notability rule (rules.h) written as a plain Dutch sentence whose
// numbers carry their origin (NumberRef). Private. Sentence shapes and ranking: docs/adr/0010.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules.h"
#include "wk/profile/profile.h"

namespace wk::profile {

struct FindingContext {
  const areas::Area* area = nullptr;
  int year = 0;
  // The publisher of the value the trend since the previous year starts from ("" = unknown).
  std::string previous_source;
};

// The sentence for `match` on `ip`; empty when a number it needs is missing or a number has no
// source (no finding without a source).
std::optional<Finding> Describe(const Match& match, const IndicatorProfile& ip, const FindingContext& context);

// The findings of one indicator: the best comparison (with a parent, the country or the peers)
// and the best trend among `matches`, each only when it can be described.
std::vector<Finding> FindingsOf(const std::vector<Match>& matches, const IndicatorProfile& ip,
                                const FindingContext& context);

// Best first: by score, ties in the order given.
void RankFindings(std::vector<Finding>& findings);

}  // namespace wk::profile
