#include "areas_store.h"

#include "area_code.h"
#include "wk/core/text.h"

namespace wk::areas::sql {
namespace {

// Every query that returns areas selects these columns first, in this order.
#define WK_AREA_COLUMNS \
  "a.code, a.name, a.level, COALESCE(a.parent_code, ''), g.min_lon, g.min_lat, g.max_lon, g.max_lat "
#define WK_AREA_FROM "FROM areas_area a LEFT JOIN areas_geometry g ON g.area_code = a.code "

constexpr std::string_view kSelectArea = "SELECT " WK_AREA_COLUMNS WK_AREA_FROM "WHERE a.code = ?1";
// The area and its ancestors in one query, the area first (depth 0), then its parent, and so on.
constexpr std::string_view kSelectLineage =
    "WITH RECURSIVE chain(code, depth) AS (SELECT ?1, 0 UNION ALL "
    "SELECT p.parent_code, chain.depth + 1 FROM areas_area p JOIN chain ON p.code = chain.code "
    "WHERE p.parent_code IS NOT NULL AND chain.depth < 8) "
    "SELECT " WK_AREA_COLUMNS
    "FROM chain JOIN areas_area a ON a.code = chain.code "
    "LEFT JOIN areas_geometry g ON g.area_code = a.code ORDER BY chain.depth";
constexpr std::string_view kSelectMunicipalities =
    "SELECT " WK_AREA_COLUMNS WK_AREA_FROM "WHERE a.level = 'gemeente' ORDER BY a.name, a.code";
constexpr std::string_view kSelectChildren =
    "SELECT " WK_AREA_COLUMNS WK_AREA_FROM "WHERE a.parent_code = ?1 ORDER BY a.code";
// Rank: 0 exact name or code, 1 name or a word of it starts with the query or code prefix,
// 2 name contains the query. Within a rank, larger areas first, then by code for code matches,
// else by name.
constexpr std::string_view kSelectSearch =
    "SELECT " WK_AREA_COLUMNS
    ", CASE WHEN a.search_key = ?1 OR a.code = ?2 THEN 0"
    "       WHEN a.search_key LIKE ?3 ESCAPE '\\' OR a.search_key LIKE ?4 ESCAPE '\\'"
    "         OR a.code LIKE ?5 ESCAPE '\\' THEN 1"
    "       ELSE 2 END AS rank " WK_AREA_FROM
    "WHERE a.search_key LIKE ?6 ESCAPE '\\' OR a.code LIKE ?5 ESCAPE '\\' "
    "ORDER BY rank, CASE a.level WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 ELSE 2 END, "
    "CASE WHEN a.code LIKE ?5 ESCAPE '\\' THEN a.code ELSE a.name END, a.code "
    "LIMIT ?7";
constexpr std::string_view kCountAreas = "SELECT COUNT(*) FROM areas_area";
constexpr std::string_view kUpsertAreaWithName =
    "INSERT INTO areas_area(code, name, level, parent_code, search_key) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5) "
    "ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, "
    "parent_code = excluded.parent_code, search_key = excluded.search_key";
constexpr std::string_view kUpsertAreaKeepName =
    "INSERT INTO areas_area(code, name, level, parent_code, search_key) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5) "
    "ON CONFLICT(code) DO UPDATE SET level = excluded.level, parent_code = excluded.parent_code";

// The distinct years of an area by index seeks on the primary key (area_code, year, ...): the
// newest year, then the newest before it, and so on; one seek per year instead of a scan over all
// of the area's values (about 240 rows per year).
constexpr std::string_view kSelectYears =
    "WITH RECURSIVE y(year) AS ("
    " SELECT (SELECT max(year) FROM areas_value WHERE area_code = ?1)"
    " UNION ALL"
    " SELECT (SELECT max(v.year) FROM areas_value v WHERE v.area_code = ?1 AND v.year < y.year)"
    " FROM y WHERE y.year IS NOT NULL) "
    "SELECT year FROM y WHERE year IS NOT NULL ORDER BY year DESC";
constexpr std::string_view kSelectValues =
    "SELECT v.indicator_code, v.value, s.publisher, s.title, s.reliability FROM areas_value v "
    "JOIN areas_source s ON s.id = v.source_id WHERE v.area_code = ?1 AND v.year = ?2";
constexpr std::string_view kInsertSource =
    "INSERT INTO areas_source(title, publisher, year, licence, imported_at, file) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kUpsertValue =
    "INSERT INTO areas_value(area_code, indicator_code, year, value, source_id) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT(area_code, year, indicator_code) DO UPDATE SET value = excluded.value, "
    "source_id = excluded.source_id";

// Re-importing a CBS year replaces that year for an area: its values from earlier CBS kerncijfers
// imports (source kind 'cbs-kwb', migration 0004) go, values of other sources (own figures,
// monitors, Nabijheid voorzieningen) stay.
constexpr std::string_view kDeleteCbsYear =
    "DELETE FROM areas_value WHERE area_code = ?1 AND year = ?2 AND source_id IN "
    "(SELECT id FROM areas_source WHERE kind = 'cbs-kwb')";

constexpr std::string_view kSelectShape =
    "SELECT " WK_AREA_COLUMNS ", g.geojson " WK_AREA_FROM "WHERE a.code = ?1 AND g.id IS NOT NULL";
constexpr std::string_view kSelectChildShapes = "SELECT " WK_AREA_COLUMNS ", g.geojson " WK_AREA_FROM
                                                "WHERE a.parent_code = ?1 AND g.id IS NOT NULL ORDER BY a.code";
constexpr std::string_view kSelectShapesAround =
    "SELECT " WK_AREA_COLUMNS ", g.geojson " WK_AREA_FROM
    "WHERE g.id IN (SELECT id FROM areas_bbox "
    "WHERE min_lon <= ?1 AND max_lon >= ?1 AND min_lat <= ?2 AND max_lat >= ?2) ORDER BY a.code";
constexpr std::string_view kUpsertGeometry =
    "INSERT INTO areas_geometry(area_code, geojson, min_lon, min_lat, max_lon, max_lat, year, file, imported_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(area_code) DO UPDATE SET geojson = excluded.geojson, "
    "min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, "
    "max_lat = excluded.max_lat, year = excluded.year, file = excluded.file, imported_at = excluded.imported_at "
    "RETURNING id";
constexpr std::string_view kUpsertBbox =
    "INSERT OR REPLACE INTO areas_bbox(id, min_lon, max_lon, min_lat, max_lat) VALUES (?1, ?2, ?3, ?4, ?5)";

constexpr std::string_view kBumpGeneration = "UPDATE areas_generation SET generation = generation + 1 WHERE id = 1";
constexpr std::string_view kSelectGeneration = "SELECT generation FROM areas_generation WHERE id = 1";

#undef WK_AREA_COLUMNS
#undef WK_AREA_FROM

Area ReadArea(const store::Statement& st) {
  Area a;
  a.code = st.Text(0);
  a.name = st.Text(1);
  a.level = ParseLevel(st.Text(2)).value_or(Level::kBuurt);
  a.parent_code = st.Text(3);
  if (!st.IsNull(4)) a.bbox = BBox{st.Double(4), st.Double(5), st.Double(6), st.Double(7)};
  return a;
}

Result<std::vector<Area>> CollectAreas(store::Statement& st) {
  std::vector<Area> out;
  while (true) {
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back(ReadArea(st));
  }
}

Result<std::vector<Shape>> CollectShapes(store::Statement& st) {
  std::vector<Shape> out;
  while (true) {
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back(Shape{ReadArea(st), st.Text(8)});
  }
}

// Escapes LIKE's wildcards, for ESCAPE '\'.
std::string LikeEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Result<std::optional<Area>> SelectArea(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectArea);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<Area>();
  return std::optional<Area>(ReadArea(*st));
}

Result<std::vector<Area>> SelectLineage(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectLineage);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  return CollectAreas(*st);
}

Result<std::vector<Area>> SelectMunicipalities(store::Db& db) {
  auto st = db.Prepare(kSelectMunicipalities);
  if (!st) return Fail(st.error());
  return CollectAreas(*st);
}

Result<std::vector<Area>> SelectChildren(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectChildren);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  return CollectAreas(*st);
}

Result<std::vector<Area>> SelectSearch(store::Db& db, std::string_view folded, std::string_view code, int limit) {
  auto st = db.Prepare(kSelectSearch);
  if (!st) return Fail(st.error());
  std::string f = LikeEscape(folded);
  st->BindAll(folded, code, f + "%", "% " + f + "%", LikeEscape(code) + "%", "%" + f + "%", limit);
  return CollectAreas(*st);
}

Result<std::int64_t> CountAreas(store::Db& db) {
  auto st = db.Prepare(kCountAreas);
  if (!st) return Fail(st.error());
  auto row = st->Step();
  if (!row) return Fail(row.error());
  return st->Int(0);
}

Result<void> UpsertArea(store::Db& db, const Area& area, bool set_name) {
  auto st = db.Prepare(set_name ? kUpsertAreaWithName : kUpsertAreaKeepName);
  if (!st) return Fail(st.error());
  st->BindAll(area.code, area.name, LevelName(area.level), area.parent_code, text::FoldForSearch(area.name));
  return st->Run();
}

Result<std::vector<int>> SelectYears(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectYears);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  std::vector<int> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back(static_cast<int>(st->Int(0)));
  }
}

Result<std::vector<StoredValue>> SelectValues(store::Db& db, std::string_view code, int year) {
  auto st = db.Prepare(kSelectValues);
  if (!st) return Fail(st.error());
  st->BindAll(code, year);
  std::vector<StoredValue> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back(StoredValue{st->Text(0), st->OptDouble(1), st->Text(2), st->Text(3), st->Text(4)});
  }
}

Result<std::int64_t> InsertSource(store::Db& db, const Source& source, std::string_view file,
                                  std::string_view imported_at) {
  auto st = db.Prepare(kInsertSource);
  if (!st) return Fail(st.error());
  st->BindAll(source.title, source.publisher, source.year, source.licence, imported_at, file);
  if (auto r = st->Run(); !r) return Fail(r.error());
  return db.LastInsertId();
}

Result<void> UpsertValue(store::Db& db, std::string_view code, std::string_view indicator, int year,
                         std::optional<double> value, std::int64_t source_id) {
  auto st = db.Prepare(kUpsertValue);
  if (!st) return Fail(st.error());
  st->BindAll(code, indicator, year, value, source_id);
  return st->Run();
}

Result<void> DeleteCbsYear(store::Db& db, std::string_view code, int year) {
  auto st = db.Prepare(kDeleteCbsYear);
  if (!st) return Fail(st.error());
  st->BindAll(code, year);
  return st->Run();
}

Result<std::optional<Shape>> SelectShape(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectShape);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<Shape>();
  return std::optional<Shape>(Shape{ReadArea(*st), st->Text(8)});
}

Result<std::vector<Shape>> SelectChildShapes(store::Db& db, std::string_view code) {
  auto st = db.Prepare(kSelectChildShapes);
  if (!st) return Fail(st.error());
  st->BindAll(code);
  return CollectShapes(*st);
}

Result<std::vector<Shape>> SelectShapesAround(store::Db& db, double lon, double lat) {
  auto st = db.Prepare(kSelectShapesAround);
  if (!st) return Fail(st.error());
  st->BindAll(lon, lat);
  return CollectShapes(*st);
}

Result<void> UpsertGeometry(store::Db& db, std::string_view code, std::string_view geojson, const BBox& box,
                            std::optional<int> year, std::string_view file, std::string_view imported_at) {
  std::int64_t id = 0;
  {
    auto st = db.Prepare(kUpsertGeometry);
    if (!st) return Fail(st.error());
    st->BindAll(code, geojson, box.min_lon, box.min_lat, box.max_lon, box.max_lat, year, file, imported_at);
    auto row = st->Step();
    if (!row) return Fail(row.error());
    id = st->Int(0);
    if (auto rest = st->Run(); !rest) return Fail(rest.error());
  }
  auto st = db.Prepare(kUpsertBbox);
  if (!st) return Fail(st.error());
  st->BindAll(id, box.min_lon, box.max_lon, box.min_lat, box.max_lat);
  return st->Run();
}

Result<void> BumpGeneration(store::Db& db) {
  auto st = db.Prepare(kBumpGeneration);
  if (!st) return Fail(st.error());
  return st->Run();
}

Result<std::int64_t> SelectGeneration(store::Db& db) {
  auto st = db.Prepare(kSelectGeneration);
  if (!st) return Fail(st.error());
  auto row = st->Step();
  if (!row) return Fail(row.error());
  return *row ? st->Int(0) : 0;
}

}  // namespace wk::areas::sql
