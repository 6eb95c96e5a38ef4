// Exports of figures for spreadsheets: the profile of an area, and one indicator over a set of
// areas, as CSV (the Dutch-Excel and the plain variant of csv.h) and as XLSX.
//
// Every export names its source and licence: the CSV on every row (so that it stays one table), the
// XLSX on a sheet "Bron" with the date of export and the Wijkkompas version. A missing value is an
// empty cell with a note ("ontbreekt: ..."), never 0. The CSV writes values with the indicator's
// decimals, as the pages show them; the XLSX keeps every digit and shows the indicator's decimals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/core/error.h"
#include "wk/profile/profile.h"
#include "wk/reports/csv.h"

namespace wk::store {
class Db;
}

namespace wk::reports {

// When and by which program an export was made, for the sheet "Bron".
struct ExportInfo {
  std::string date;     // ISO 8601 date, "2026-11-29"
  std::string version;  // Wijkkompas version, "0.1.0"
};
// Today's date (local time) and the version of this build.
ExportInfo ExportInfoNow();
// The version of this build ("0.1.0", from the top CMakeLists.txt).
std::string_view Version();

// The licence under which a publisher's figures may be reused: "CC BY 4.0" for "CBS"; "" when
// Wijkkompas does not know it.
std::string LicenceOf(std::string_view publisher);

// What an empty value cell means, written in the note of every missing value.
inline constexpr const char* kMissingNote = "Ontbreekt: geheim of (nog) niet bekend bij de bron; geen 0.";

// --- The profile of an area --------------------------------------------------------------------

// One row per indicator: value, each parent, the country, rank and percentile (municipal and
// national), deviation from the direct parent, both trends, notability, the findings about it,
// source, licence, reliability and a note for a missing value. Excel variant: Dutch headers;
// plain variant: snake_case headers (indicator, label, value, gemeente, wijk, national, ...).
std::string ProfileCsv(const profile::Profile& profile, CsvVariant variant);
// Sheets "Profiel" (as the CSV, Dutch headers), "Bevindingen" (rank, sentence, indicator, rule)
// and "Bron". Errors: kInternal when the workbook cannot be written (temporary file).
Result<std::string> ProfileXlsx(const profile::Profile& profile, const ExportInfo& info);
// "profiel-BU03440301-2024.csv" for extension "csv".
std::string ProfileFileName(const profile::Profile& profile, std::string_view extension);

// --- One indicator over a set of areas ------------------------------------------------------

struct AreaValue {
  areas::Area area;
  std::optional<double> value;  // missing: an empty cell with a note
  std::string source;           // "CBS, Kerncijfers wijken en buurten 2024"; "" without a value
  std::string publisher;        // "CBS": decides the licence
};
struct IndicatorValues {
  const areas::IndicatorDef* def = nullptr;
  int year = 0;
  std::string title;  // what the set is: "Buurten van Wijk 03 Overvecht"
  std::vector<AreaValue> values;
};

// The indicator in `year` for each child of `parent` (by code). Errors: kNotFound for an unknown
// area or indicator (field "indicator").
Result<IndicatorValues> IndicatorOverChildrenValues(store::Db& db, std::string_view parent, std::string_view indicator,
                                                    int year);
// The indicator in `year` for each of `codes`, in that order. Errors: kNotFound for an unknown area
// or indicator; kInvalid ("gebieden") for an empty list or more than kMaxExportAreas.
inline constexpr std::size_t kMaxExportAreas = 500;
Result<IndicatorValues> IndicatorOverAreasValues(store::Db& db, const std::vector<std::string>& codes,
                                                 std::string_view indicator, int year);

// Columns: area code, name, level, indicator, unit, year, value, source, licence, note (Dutch
// headers in the Excel variant; area_code, name, level, indicator, unit, year, value, source,
// licence, note in the plain one).
std::string IndicatorCsv(const IndicatorValues& values, CsvVariant variant);
// Sheets "Waarden" (as the CSV) and "Bron".
Result<std::string> IndicatorXlsx(const IndicatorValues& values, const ExportInfo& info);
// "p_65_oo-WK034403-2024.xlsx": indicator, the code naming the set (parent or first area), year.
std::string IndicatorFileName(const IndicatorValues& values, std::string_view set_code, std::string_view extension);

}  // namespace wk::reports
