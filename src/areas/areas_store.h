// All SQL of the areas module (STYLE.md rule 7): named statements with bound parameters over the
// tables of migration 0003_areas.sql. Functions here do no permission checks and open no
// transactions; the use cases around them do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas::sql {

// --- areas ---
Result<std::optional<Area>> SelectArea(store::Db& db, std::string_view code);
// The area followed by its parent, grandparent, ...; empty when the area does not exist.
Result<std::vector<Area>> SelectLineage(store::Db& db, std::string_view code);
Result<std::vector<Area>> SelectMunicipalities(store::Db& db);
Result<std::vector<Area>> SelectChildren(store::Db& db, std::string_view code);
// `folded` is the query folded for search, `code` the query in upper case; best match first.
Result<std::vector<Area>> SelectSearch(store::Db& db, std::string_view folded, std::string_view code, int limit);
Result<std::int64_t> CountAreas(store::Db& db);
// Inserts the area, or updates level and parent; the name only when `set_name`.
Result<void> UpsertArea(store::Db& db, const Area& area, bool set_name);

// --- values ---
struct StoredValue {
  std::string indicator;
  std::optional<double> value;
  std::string publisher;
  std::string source_title;
  std::string reliability;
};
Result<std::vector<int>> SelectYears(store::Db& db, std::string_view code);
Result<std::vector<StoredValue>> SelectValues(store::Db& db, std::string_view code, int year);
// A source of kind 'cbs-kwb' (the column's default; other kinds: indicators_store.h).
Result<std::int64_t> InsertSource(store::Db& db, const Source& source, std::string_view file,
                                  std::string_view imported_at);
// Sets the value of one indicator of an area in a year, replacing an earlier one.
// Removes the area's values of `year` that came from CBS kerncijfers imports.
Result<void> DeleteCbsYear(store::Db& db, std::string_view code, int year);
Result<void> UpsertValue(store::Db& db, std::string_view code, std::string_view indicator, int year,
                         std::optional<double> value, std::int64_t source_id);

// --- geometry ---
struct Shape {
  Area area;
  std::string geojson;  // the geometry object
};
Result<std::optional<Shape>> SelectShape(store::Db& db, std::string_view code);
Result<std::vector<Shape>> SelectChildShapes(store::Db& db, std::string_view code);
// Areas whose bounding box contains the point.
Result<std::vector<Shape>> SelectShapesAround(store::Db& db, double lon, double lat);
Result<void> UpsertGeometry(store::Db& db, std::string_view code, std::string_view geojson, const BBox& box,
                            std::optional<int> year, std::string_view file, std::string_view imported_at);

// --- change detection (areas_generation) ---
Result<void> BumpGeneration(store::Db& db);  // inside each import's write transaction
Result<std::int64_t> SelectGeneration(store::Db& db);

}  // namespace wk::areas::sql
