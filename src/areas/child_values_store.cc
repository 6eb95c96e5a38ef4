#include "child_values_store.h"

#include "area_code.h"

namespace wk::areas::sql {
namespace {

// Two LEFT JOINs on the primary key (area_code, year, indicator_code): a child without a row keeps
// NULLs, so it is listed with a missing value.
constexpr std::string_view kSelectChildValues =
    "SELECT a.code, a.name, a.level, COALESCE(a.parent_code, ''), "
    "f.value, f.area_code IS NOT NULL, s.value, s.area_code IS NOT NULL "
    "FROM areas_area a "
    "LEFT JOIN areas_value f ON f.area_code = a.code AND f.year = ?2 AND f.indicator_code = ?3 "
    "LEFT JOIN areas_value s ON s.area_code = a.code AND s.year = ?2 AND s.indicator_code = ?4 "
    "WHERE a.parent_code = ?1 ORDER BY a.code";

}  // namespace

Result<std::vector<ChildInputs>> SelectChildValues(store::Db& db, std::string_view parent, int year,
                                                   std::string_view first, std::string_view second) {
  auto st = db.Prepare(kSelectChildValues);
  if (!st) return Fail(st.error());
  st->BindAll(parent, year, first, second);
  std::vector<ChildInputs> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    ChildInputs c;
    c.area.code = st->Text(0);
    c.area.name = st->Text(1);
    c.area.level = ParseLevel(st->Text(2)).value_or(Level::kBuurt);
    c.area.parent_code = st->Text(3);
    c.first = st->OptDouble(4);
    c.first_stored = st->Int(5) != 0;
    c.second = st->OptDouble(6);
    c.second_stored = st->Int(7) != 0;
    out.push_back(std::move(c));
  }
}

}  // namespace wk::areas::sql
