// One indicator over a set of areas (the children of an area, or areas chosen to compare) as a
// table, for CSV and XLSX.
#include "area_values.h"
#include "labels.h"
#include "table.h"
#include "wk/core/text.h"
#include "wk/reports/export.h"

namespace wk::reports {
namespace {

Sheet ValuesSheet(const IndicatorValues& v) {
  Sheet s;
  s.name = "Waarden";
  std::string value_header = v.def->label + (v.def->unit.empty() ? "" : " (" + v.def->unit + ")");
  s.columns = {{"Gebiedscode", "area_code", 13}, {"Naam", "name", 30},
               {"Niveau", "level", 9},           {"Code indicator", "indicator", 12},
               {"Eenheid", "unit", 10},          {"Jaar", "year", 7},
               {value_header, "value", 16},      {"Bron", "source", 36},
               {"Licentie", "licence", 11},      {"Opmerking", "note", 30}};
  for (const auto& a : v.values) {
    s.rows.push_back({Cell::Text(a.area.code), Cell::Text(a.area.name),
                      Cell::Text(std::string(areas::LevelLabel(a.area.level))), Cell::Text(v.def->code),
                      Cell::Text(v.def->unit), Cell::Integer(v.year), Cell::Number(a.value, v.def->decimals),
                      Cell::Text(a.source), Cell::Text(LicenceOf(a.publisher)),
                      Cell::Text(a.value ? "" : kMissingNote)});
  }
  return s;
}

}  // namespace

Result<IndicatorValues> IndicatorOverChildrenValues(store::Db& db, std::string_view parent, std::string_view indicator,
                                                    int year) {
  auto def = IndicatorByCode(db, indicator);
  if (!def) return Fail(def.error());
  auto area = areas::GetArea(db, parent);
  if (!area) return Fail(area.error());
  auto children = areas::Children(db, parent);
  if (!children) return Fail(children.error());
  IndicatorValues out;
  out.def = *def;
  out.year = year;
  out.title = std::string(areas::ChildLevelLabelPlural(area->level)) + " van " + AreaLabel(area->level, area->name);
  for (const auto& child : *children) {
    auto value = ValueOf(db, child, **def, year);
    if (!value) return Fail(value.error());
    out.values.push_back(std::move(*value));
  }
  return out;
}

Result<IndicatorValues> IndicatorOverAreasValues(store::Db& db, const std::vector<std::string>& codes,
                                                 std::string_view indicator, int year) {
  if (codes.empty() || codes.size() > kMaxExportAreas) {
    return Fail(ErrorCode::kInvalid, "Kies 1 tot en met " + std::to_string(kMaxExportAreas) + " gebieden.", "gebieden");
  }
  auto def = IndicatorByCode(db, indicator);
  if (!def) return Fail(def.error());
  IndicatorValues out;
  out.def = *def;
  out.year = year;
  out.title = "Gekozen gebieden";
  for (const auto& code : codes) {
    auto area = areas::GetArea(db, code);
    if (!area) return Fail(area.error());
    auto value = ValueOf(db, *area, **def, year);
    if (!value) return Fail(value.error());
    out.values.push_back(std::move(*value));
  }
  return out;
}

std::string IndicatorCsv(const IndicatorValues& values, CsvVariant variant) {
  return SheetCsv(ValuesSheet(values), variant);
}

Result<std::string> IndicatorXlsx(const IndicatorValues& values, const ExportInfo& info) {
  SourceList sources;
  for (const auto& a : values.values) sources.AddText(a.source, a.publisher);
  std::string content =
      values.def->label + " (" + values.def->code + "), " + values.title + ", " + std::to_string(values.year);
  return WorkbookXlsx({ValuesSheet(values)}, AboutLines(content, sources, info));
}

std::string IndicatorFileName(const IndicatorValues& values, std::string_view set_code, std::string_view extension) {
  return values.def->code + "-" + std::string(set_code) + "-" + std::to_string(values.year) + "." +
         std::string(extension);
}

}  // namespace wk::reports
