// IndicatorOverChildren: one indicator over the children of an area, for the choropleth map and
// the bar chart over children. One query for all children; a derived share is computed exactly as
// reading.cc computes it for one area (numerator / denominator × scale, missing when an input is
// missing or the denominator is 0), so the map and the area's own page show the same number.
#include "child_values_store.h"
#include "wk/areas/areas.h"

namespace wk::areas {

Result<std::vector<ChildValue>> IndicatorOverChildren(store::Db& db, std::string_view parent,
                                                      std::string_view indicator, int year) {
  if (auto area = GetArea(db, parent); !area) return Fail(area.error());
  auto def = FindIndicator(db, indicator);  // catalogue or custom
  if (!def) return Fail(def.error());
  const IndicatorDef& d = **def;
  std::string_view first = d.IsDerived() ? std::string_view(d.numerator) : std::string_view(d.code);
  std::string_view second = d.IsDerived() ? std::string_view(d.denominator) : first;
  auto rows = sql::SelectChildValues(db, parent, year, first, second);
  if (!rows) return Fail(rows.error());
  std::vector<ChildValue> out;
  out.reserve(rows->size());
  for (auto& r : *rows) {
    ChildValue c{std::move(r.area), std::nullopt};
    if (!d.IsDerived()) {
      c.value = r.first;
    } else if (r.first && r.second && *r.second != 0) {
      c.value = *r.first / *r.second * d.scale;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace wk::areas
