#include "level_values_store.h"

namespace wk::areas::sql {
namespace {

// One pass over the areas of the level in code order, each joined to its values of the year by a
// seek on areas_value's primary key (area_code, year, indicator_code): the rows of an area come
// together, so the area's name is read once per area, not once per value.
constexpr std::string_view kSelectLevelValues =
    "SELECT a.code, a.name, COALESCE(a.parent_code, ''), v.indicator_code, v.value "
    "FROM areas_area a JOIN areas_value v ON v.area_code = a.code AND v.year = ?2 "
    "WHERE a.level = ?1 ORDER BY a.code";

}  // namespace

Result<void> SelectLevelValues(store::Db& db, Level level, int year, const IndicatorPositions& positions,
                               LevelValues& out) {
  auto st = db.Prepare(kSelectLevelValues);
  if (!st) return Fail(st.error());
  st->BindAll(LevelName(level), year);
  const std::size_t width = out.indicators.size();
  std::string current;
  std::size_t base = 0;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return {};
    std::string code = st->Text(0);
    if (out.areas.empty() || code != current) {
      Area area;
      area.code = code;
      area.name = st->Text(1);
      area.level = level;
      area.parent_code = st->Text(2);
      out.areas.push_back(std::move(area));
      current = std::move(code);
      base = out.values.size();
      out.values.resize(base + width);
    }
    auto at = positions.find(st->Text(3));
    if (at != positions.end()) out.values[base + at->second] = st->OptDouble(4);
  }
}

}  // namespace wk::areas::sql
