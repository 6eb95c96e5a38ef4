#include "level_values_store.h"

namespace wk::areas::sql {
namespace {

constexpr std::string_view kSelectLevelAreas =
    "SELECT code, name, COALESCE(parent_code, '') FROM areas_area WHERE level = ?1 ORDER BY code";
// The values of one area and year: a range of areas_value's primary key (area_code, year,
// indicator_code), so in indicator code order. One seek per area, then a sequential read; the
// rows carry only what changes per row (a join with areas_area would decode the area's code,
// name and parent again for each of its ~120 values: a third of the time at national scale).
constexpr std::string_view kSelectAreaYear =
    "SELECT indicator_code, value FROM areas_value WHERE area_code = ?1 AND year = ?2";

}  // namespace

Result<void> SelectLevelValues(store::Db& db, Level level, int year, const IndicatorPositions& positions,
                               LevelValues& out) {
  std::vector<Area> areas;
  {
    auto st = db.Prepare(kSelectLevelAreas);
    if (!st) return Fail(st.error());
    st->BindAll(LevelName(level));
    while (true) {
      auto row = st->Step();
      if (!row) return Fail(row.error());
      if (!*row) break;
      Area area;
      area.code = st->Text(0);
      area.name = st->Text(1);
      area.level = level;
      area.parent_code = st->Text(2);
      areas.push_back(std::move(area));
    }
  }
  const std::size_t width = out.indicators.size();
  // At most every area has values: one allocation instead of doubling (17,000 buurten × 240
  // indicators is 65 MB at national scale).
  out.values.reserve(out.values.size() + areas.size() * width);
  constexpr std::size_t kIgnored = static_cast<std::size_t>(-1);
  // Every area stores mostly the same indicators, and its rows come in code order: remember the
  // previous area's sequence of (code, position) and follow it, so that a row costs a string
  // compare instead of a hash lookup.
  std::vector<std::pair<std::string, std::size_t>> sequence;
  for (auto& area : areas) {
    // From the connection's statement cache; reset for the next area when it goes out of scope.
    auto st = db.Prepare(kSelectAreaYear);
    if (!st) return Fail(st.error());
    st->BindAll(area.code, year);
    std::size_t base = out.values.size();
    std::size_t k = 0;
    while (true) {
      auto row = st->Step();
      if (!row) return Fail(row.error());
      if (!*row) break;
      if (k == 0) out.values.resize(base + width);
      std::string code = st->Text(0);
      std::size_t at;
      if (k < sequence.size() && sequence[k].first == code) {
        at = sequence[k].second;
      } else {
        auto found = positions.find(code);
        at = found == positions.end() ? kIgnored : found->second;
        sequence.resize(k);
        sequence.emplace_back(std::move(code), at);
      }
      ++k;
      if (at != kIgnored) out.values[base + at] = st->OptDouble(1);
    }
    // Areas without a stored value in the year are not among the areas of the year.
    if (k > 0) out.areas.push_back(std::move(area));
  }
  return {};
}

}  // namespace wk::areas::sql
