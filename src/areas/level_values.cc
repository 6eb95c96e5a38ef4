// ValuesOfYear: every stored and derived value of one year for all areas of a level, the input of
// peer comparisons at national scale (profile). Derived shares are computed exactly as Figures
// computes them (numerator / denominator * scale, missing when an input is missing or the
// denominator is 0), so a value read here equals the one Figures gives, as a double.
#include "level_values_store.h"

namespace wk::areas {

Result<LevelValues> ValuesOfYear(store::Db& db, int year, Level level) {
  LevelValues out;
  auto indicators = Indicators(db);  // the catalogue, then the custom indicators
  if (!indicators) return Fail(indicators.error());
  out.indicators = std::move(*indicators);
  sql::IndicatorPositions stored;
  for (std::size_t i = 0; i < out.indicators.size(); ++i) {
    if (!out.indicators[i]->IsDerived()) stored.emplace(out.indicators[i]->code, i);
  }
  struct Derived {
    std::size_t at, numerator, denominator;
    double scale;
  };
  std::vector<Derived> derived;
  for (std::size_t i = 0; i < out.indicators.size(); ++i) {
    const IndicatorDef& def = *out.indicators[i];
    if (!def.IsDerived()) continue;
    auto num = stored.find(def.numerator), den = stored.find(def.denominator);
    // The catalogue guarantees stored inputs; a custom indicator is never derived.
    if (num == stored.end() || den == stored.end()) continue;
    derived.push_back({i, num->second, den->second, def.scale});
  }

  if (auto r = sql::SelectLevelValues(db, level, year, stored, out); !r) return Fail(r.error());

  const std::size_t width = out.indicators.size();
  for (std::size_t base = 0; base < out.values.size(); base += width) {
    for (const auto& d : derived) {
      const auto& num = out.values[base + d.numerator];
      const auto& den = out.values[base + d.denominator];
      if (num && den && *den != 0) out.values[base + d.at] = *num / *den * d.scale;
    }
  }
  return out;
}

}  // namespace wk::areas
