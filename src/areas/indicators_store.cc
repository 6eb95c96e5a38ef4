#include "indicators_store.h"

#include "catalogue.h"

namespace wk::areas::sql {
namespace {

constexpr std::string_view kInsertSourceOfKind =
    "INSERT INTO areas_source(title, publisher, year, licence, imported_at, file, kind, reliability) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

// ?4 NULL = every source of the kind; else only the source(s) with that title.
constexpr std::string_view kDeleteAreaValuesOfKind =
    "DELETE FROM areas_value WHERE area_code = ?1 AND year = ?2 AND source_id IN "
    "(SELECT id FROM areas_source WHERE kind = ?3 AND (?4 IS NULL OR title = ?4))";
constexpr std::string_view kDeleteNationalValuesOfKind =
    "DELETE FROM areas_national_value WHERE year = ?1 AND source_id IN "
    "(SELECT id FROM areas_source WHERE kind = ?2 AND (?3 IS NULL OR title = ?3))";
constexpr std::string_view kUpsertNationalValue =
    "INSERT INTO areas_national_value(indicator_code, year, value, source_id) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(year, indicator_code) DO UPDATE SET value = excluded.value, source_id = excluded.source_id";
constexpr std::string_view kSelectNationalValues =
    "SELECT v.indicator_code, v.value, s.publisher, s.title, s.reliability FROM areas_national_value v "
    "JOIN areas_source s ON s.id = v.source_id WHERE v.year = ?1";

#define WK_INDICATOR_COLUMNS \
  "SELECT code, label, group_name, unit, theme, direction, decimals, trend_threshold FROM areas_indicator "
constexpr std::string_view kSelectCustomIndicators = WK_INDICATOR_COLUMNS "ORDER BY code";
constexpr std::string_view kSelectCustomIndicator = WK_INDICATOR_COLUMNS "WHERE code = ?1";
#undef WK_INDICATOR_COLUMNS
constexpr std::string_view kUpsertCustomIndicator =
    "INSERT INTO areas_indicator(code, label, group_name, unit, theme, direction, decimals, trend_threshold, "
    "source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(code) DO UPDATE SET label = excluded.label, "
    "group_name = excluded.group_name, unit = excluded.unit, theme = excluded.theme, direction = excluded.direction, "
    "decimals = excluded.decimals, trend_threshold = excluded.trend_threshold, source_id = excluded.source_id";

IndicatorDef ReadIndicator(const store::Statement& st) {
  IndicatorDef d;
  d.code = st.Text(0);
  d.label = st.Text(1);
  d.group = st.Text(2);
  d.unit = st.Text(3);
  d.theme = st.Text(4);
  d.direction = ParseDirection(st.Text(5)).value_or(Direction::kNeutral);
  d.decimals = static_cast<int>(st.Int(6));
  d.trend_threshold = st.Double(7);
  d.custom = true;
  return d;
}

}  // namespace

Result<std::int64_t> InsertSourceOfKind(store::Db& db, const Source& source, std::string_view kind,
                                        std::string_view file, std::string_view imported_at) {
  auto st = db.Prepare(kInsertSourceOfKind);
  if (!st) return Fail(st.error());
  st->BindAll(source.title, source.publisher, source.year, source.licence, imported_at, file, kind, source.reliability);
  if (auto r = st->Run(); !r) return Fail(r.error());
  return db.LastInsertId();
}

Result<void> DeleteAreaValuesOfKind(store::Db& db, std::string_view code, int year, std::string_view kind,
                                    std::optional<std::string_view> title) {
  auto st = db.Prepare(kDeleteAreaValuesOfKind);
  if (!st) return Fail(st.error());
  st->BindAll(code, year, kind, title);
  return st->Run();
}

Result<void> DeleteNationalValuesOfKind(store::Db& db, int year, std::string_view kind,
                                        std::optional<std::string_view> title) {
  auto st = db.Prepare(kDeleteNationalValuesOfKind);
  if (!st) return Fail(st.error());
  st->BindAll(year, kind, title);
  return st->Run();
}

Result<void> UpsertNationalValue(store::Db& db, std::string_view indicator, int year, std::optional<double> value,
                                 std::int64_t source_id) {
  auto st = db.Prepare(kUpsertNationalValue);
  if (!st) return Fail(st.error());
  st->BindAll(indicator, year, value, source_id);
  return st->Run();
}

Result<std::vector<StoredValue>> SelectNationalValues(store::Db& db, int year) {
  auto st = db.Prepare(kSelectNationalValues);
  if (!st) return Fail(st.error());
  st->BindAll(year);
  std::vector<StoredValue> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back(StoredValue{st->Text(0), st->OptDouble(1), st->Text(2), st->Text(3), st->Text(4)});
  }
}

Result<std::vector<IndicatorDef>> SelectCustomIndicators(store::Db& db) {
  auto st = db.Prepare(kSelectCustomIndicators);
  if (!st) return Fail(st.error());
  std::vector<IndicatorDef> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back(ReadIndicator(*st));
  }
}

Result<std::optional<IndicatorDef>> SelectCustomIndicator(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectCustomIndicator);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<IndicatorDef>();
  auto def = ReadIndicator(*st);
  if (auto rest = st->Run(); !rest) return Fail(rest.error());
  return std::optional<IndicatorDef>(std::move(def));
}

Result<void> UpsertCustomIndicator(store::Db& db, const IndicatorDef& def, std::int64_t source_id) {
  auto st = db.Prepare(kUpsertCustomIndicator);
  if (!st) return Fail(st.error());
  st->BindAll(def.code, def.label, def.group, def.unit, def.theme, DirectionName(def.direction), def.decimals,
              def.trend_threshold, source_id);
  return st->Run();
}

}  // namespace wk::areas::sql
