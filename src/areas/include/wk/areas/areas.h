// Areas (gemeente -> wijk -> buurt) with CBS codes, their boundaries, and the statistics per area
// and year (CBS kerncijfers wijken en buurten). The public contract of the areas module.
//
// Threading: every function takes the caller's connection (store::Db) and may be called from any
// thread with its own connection. Writes (imports) run in one transaction and append an audit entry.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::areas {

enum class Level { kGemeente, kWijk, kBuurt };
std::string_view LevelName(Level level);              // "gemeente", "wijk", "buurt"
std::string_view LevelLabel(Level level);             // Dutch UI label: "Gemeente", "Wijk", "Buurt"
std::string_view ChildLevelLabelPlural(Level level);  // "Wijken" for a gemeente, "Buurten" for a wijk, "" for a buurt

struct BBox {
  double min_lon, min_lat, max_lon, max_lat;
};

struct Area {
  std::string code;  // CBS code: GM0344, WK034403, BU03440301
  std::string name;
  Level level = Level::kGemeente;
  std::string parent_code;   // "" for a gemeente
  std::optional<BBox> bbox;  // when a boundary is known
};

// Which way is better for an indicator, used to say whether a difference or a trend is favourable.
enum class Direction { kNeutral, kHigherIsBetter, kLowerIsBetter };

// One entry of the indicator catalogue (src/areas/indicators.csv, compiled in): the single source
// of indicator metadata. A derived share has numerator/denominator/scale set.
struct IndicatorDef {
  std::string code;   // CBS code ("a_inw") or derived code ("p_65_oo")
  std::string label;  // Dutch label from the CBS codebook
  std::string group;  // Dutch heading the label belongs under ("Geboren in Nederland"), may be ""
  std::string unit;   // from the CBS Toelichting ("aantal", "%", "euro", "km", ...)
  std::string theme;  // "bevolking", "huishoudens", ...
  Direction direction = Direction::kNeutral;
  std::string numerator;    // derived only
  std::string denominator;  // derived only
  double scale = 1;         // derived only: value = numerator / denominator * scale
  int decimals = 0;         // how many decimals to show
  bool key_figure = false;  // shown among the key figures on the area page
  // A relative change (percent) above which a trend is up or down, else stable (issue 3, ADR 8).
  double trend_threshold = 2.0;
  // Defined by an `import indicators` file (stored in the database) rather than the compiled-in
  // catalogue.
  bool custom = false;

  bool IsDerived() const { return !numerator.empty(); }
};

// The catalogue, in file order.
const std::vector<IndicatorDef>& Catalogue();
const IndicatorDef* FindIndicator(std::string_view code);
// `value` in Dutch notation with the indicator's decimals and unit, as tables show it: "12,5%",
// "367.947" (a count), "€ 312.000", "1,2 km". The one rule for pages, exports and the CLI.
std::string FormatValue(const IndicatorDef& def, double value);
// The themes in the order pages show them, Dutch lower case ("bevolking", "huishoudens", ...);
// every IndicatorDef::theme is one of them.
const std::vector<std::string>& Themes();

// Every indicator the database knows: the catalogue followed by the indicators defined by
// `import indicators` (custom = true). The pointers stay valid for the life of the process (a
// redefinition by a later import yields a new IndicatorDef; the old one is kept).
Result<std::vector<const IndicatorDef*>> Indicators(store::Db& db);
// A catalogue or custom indicator by code; kNotFound ("Indicator x bestaat niet.", field "indicator").
Result<const IndicatorDef*> FindIndicator(store::Db& db, std::string_view code);

// The reliability grades an import may give its source, best first (docs/adr/0009): "hoog",
// "redelijk", "laag", "onbekend". `meaning` says in Dutch what the grade means for a professional.
struct ReliabilityGrade {
  std::string grade;
  std::string meaning;
};
const std::vector<ReliabilityGrade>& ReliabilityGrades();

struct Source {
  std::int64_t id = 0;
  std::string title;      // "Kerncijfers wijken en buurten 2024"
  std::string publisher;  // "CBS"
  int year = 0;
  std::string licence;      // "CC BY 4.0"
  std::string reliability;  // grade given on import (see ImportIndicators), "" when not graded
};

// One figure of one area in one year. `value` is empty when CBS marks it as secret or unknown
// ('.'), or when an input of a derived share is missing: never 0.
struct Figure {
  const IndicatorDef* def = nullptr;
  int year = 0;
  std::optional<double> value;
  std::string source;  // "CBS"
  std::string source_title;
  std::string reliability;  // of the source, "" when not graded
};

// --- Reading ---------------------------------------------------------------------------------
Result<Area> GetArea(store::Db& db, std::string_view code);                // kNotFound if unknown
Result<std::vector<Area>> Municipalities(store::Db& db);                   // all gemeenten, by name
Result<std::vector<Area>> Children(store::Db& db, std::string_view code);  // by code
Result<std::vector<Area>> Ancestors(store::Db& db,
                                    std::string_view code);  // from the gemeente down, excluding the area
// Areas whose name or code matches `query` (case and diacritics folded; codes by prefix), best first.
Result<std::vector<Area>> SearchAreas(store::Db& db, std::string_view query, int limit = 20);
// Years with statistics for the area, newest first.
Result<std::vector<int>> Years(store::Db& db, std::string_view code);
// The key figures (catalogue entries marked key_figure, derived shares computed) for `year`, or
// the newest year when none is given.
Result<std::vector<Figure>> KeyFigures(store::Db& db, std::string_view code, std::optional<int> year = std::nullopt);
// Every catalogue indicator that has a stored value or is derived, for the area and year.
Result<std::vector<Figure>> Figures(store::Db& db, std::string_view code, int year);

// The national values ("Nederland", NL00) of `year`: the national row of a CBS table or of an
// `import indicators` file, derived shares computed. Empty when none is loaded.
Result<std::vector<Figure>> NationalFigures(store::Db& db, int year);

// Every stored and derived value of `year` of every area of `level` in the country, read in one
// pass (one seek per area): the input of peer comparisons at national scale (profile). `values` is area-major:
// values[a * indicators.size() + i] is indicator i of area a; missing stays empty.
struct LevelValues {
  std::vector<Area> areas;                      // by code; without bbox; only areas with a stored value in the year
  std::vector<const IndicatorDef*> indicators;  // Indicators(db): the catalogue, then custom ones
  std::vector<std::optional<double>> values;
};
Result<LevelValues> ValuesOfYear(store::Db& db, int year, Level level);

// One indicator in `year` for each child of `parent` (by code), for a choropleth map or a bar
// chart; a child without a value has an empty value. kNotFound for an unknown area or indicator.
struct ChildValue {
  Area area;  // without bbox
  std::optional<double> value;
};
Result<std::vector<ChildValue>> IndicatorOverChildren(store::Db& db, std::string_view parent,
                                                      std::string_view indicator, int year);

// GeoJSON (WGS84, RFC 7946) of the area's own boundary as a Feature, kNotFound without one.
Result<std::string> BoundaryGeoJson(store::Db& db, std::string_view code);
// A FeatureCollection of the children's boundaries, properties: code, name, level.
Result<std::string> ChildrenGeoJson(store::Db& db, std::string_view code);

// The buurt, wijk and gemeente that contain a WGS84 point (lon, lat); empty when none does. The
// deepest area whose boundary contains the point decides; its ancestors come from the area tree.
// kInvalid for a point outside -180..180 / -90..90.
struct Location {
  std::optional<Area> gemeente, wijk, buurt;
};
Result<Location> Locate(store::Db& db, double lon, double lat);

// --- Change detection ------------------------------------------------------------------------
// Area data changes only through the imports below. Each raises DataGeneration in its write
// transaction (seen by every process on the database), and raises ImportsCommittedHere right after
// its commit (this process only, without a query). Answers derived from area data stay current
// while both are unchanged.
Result<std::int64_t> DataGeneration(store::Db& db);
std::uint64_t ImportsCommittedHere();

// --- Importing -------------------------------------------------------------------------------
// Progress on long work: done and total units (rows or features); called from the importing thread.
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

struct ImportSummary {
  std::string file;
  int year = 0;
  int areas = 0;                     // areas created or updated
  int indicators = 0;                // indicators with at least one value that is not missing
  std::int64_t values = 0;           // values stored (missing included)
  std::int64_t missing = 0;          // of which missing ('.')
  std::vector<std::string> skipped;  // "line 7: reason"
};

// Reads a CBS kerncijfers table (CSV with ',' or ';', with or without BOM, quoted or not, padded
// values, or XLSX) and stores its values for `year` (or the year found in the file name
// "kwb-2024..."). For each area in the file the year is replaced: its values from earlier CBS
// kerncijfers imports of that year go (a column the new file lacks is then missing), values from
// other sources stay; areas and years not in the file are untouched (importing Amsterdam never touches Utrecht).
// Creates or updates the areas (CBS names win over boundary names); a parent missing from file and database is created
// with its code (or gm_naam) as name. Columns outside the catalogue and a national row are skipped
// with a reason in the summary.
// Errors: kPermissionDenied without Action::kImportData; kInvalid when no year is given or found;
// kBadInput naming file, line (header = line 1) and column ("kwb.csv:7: kolom a_inw: ...").
// All or nothing: the whole file is checked before the one write transaction (one audit entry).
Result<ImportSummary> ImportCbs(store::Db& db, const accounts::Principal& who, const std::string& path,
                                std::optional<int> year, const Progress& progress = {});

// `import indicators`: any table of figures per area and year (GGD monitor, police, the
// municipality's own monitor, own counts), in long form (area_code, indicator, year, value) or
// wide form (area_code, year, <indicator>, ...), CSV or XLSX. Indicators not in the catalogue are
// defined by a metadata file (code, label, unit, theme, direction, decimals, trend_threshold),
// given or found beside the file as <name>.meta.csv; the area code NL00 is the national value.
// Unknown area codes, unknown indicators without metadata and non-numeric values are refused with
// file, line and column; all or nothing, one transaction, one audit entry.
struct IndicatorImportOptions {
  std::string source;         // required: "GGD Gezondheidsmonitor Volwassenen en Ouderen 2022"
  std::string publisher;      // who publishes it ("GGD regio Utrecht"); "" = the source text
  std::string reliability;    // grade, see docs; "" = not graded
  std::string licence;        // "" = unknown
  std::string metadata_path;  // "" = <file>.meta.csv beside the file when present
};
Result<ImportSummary> ImportIndicators(store::Db& db, const accounts::Principal& who, const std::string& path,
                                       const IndicatorImportOptions& options, const Progress& progress = {});

// `import cbs-nabijheid`: the StatLine export "Nabijheid voorzieningen" (BOM, ';', quoted, padded
// values, long Dutch column titles, a national row NL00) into the nabijheid indicators of the
// catalogue; the year from the file name or `year`. Same guarantees as ImportCbs.
Result<ImportSummary> ImportCbsNabijheid(store::Db& db, const accounts::Principal& who, const std::string& path,
                                         std::optional<int> year, const Progress& progress = {});

struct BoundaryOptions {
  std::optional<int> year;
  std::string code_field;       // property with the code; guessed when empty (WKC, BUC, KODE, statcode, ...)
  std::string code_prefix;      // prepended to the code ("BU0344" + KODE)
  std::string name_field;       // property with the name; guessed when empty
  bool create_missing = false;  // create areas not known yet (parent derived from the code)
};
struct BoundarySummary {
  std::string file;
  int features = 0;
  int linked = 0;
  int created = 0;
  std::vector<std::string> skipped;  // "feature 12: reason"
};
// Reads GeoJSON, GeoPackage or Shapefile (first layer), reprojects to WGS84 (lon, lat) and stores
// each feature's shape (coordinates to 6 decimals) on the area with its code; features sharing a
// code are merged. Unknown codes, features without code or polygon geometry are skipped with a
// reason, unless create_missing creates the area (and missing parents) from code and name.
// Existing areas keep their names. Errors: kPermissionDenied, kInvalid (a named field does not
// exist), kBadInput (unreadable file, no code field). All or nothing, one audit entry.
Result<BoundarySummary> ImportBoundaries(store::Db& db, const accounts::Principal& who, const std::string& path,
                                         const BoundaryOptions& options, const Progress& progress = {});

// Loads the demo municipality (KWB 2023 and 2024, Nabijheid voorzieningen 2023 with its national
// row, and the 2013 wijk and buurt boundaries of Utrecht, compiled in from data/demo/) in one
// transaction. Only when the database has no areas
// yet; returns false if it had some. Needs Action::kImportData.
Result<bool> LoadDemo(store::Db& db, const accounts::Principal& who, const Progress& progress = {});

}  // namespace wk::areas
