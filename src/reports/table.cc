#include "table.h"

#include "wk/reports/export.h"

namespace wk::reports {

Cell Cell::Number(std::optional<double> value, int decimals) {
  return {Kind::kNumber, {}, value, decimals, value ? std::string() : std::string(kMissingNote)};
}

std::string SheetCsv(const Sheet& sheet, CsvVariant variant) {
  CsvWriter csv(variant);
  for (const auto& c : sheet.columns) csv.Text(variant == CsvVariant::kExcel ? c.excel : c.plain);
  csv.EndRow();
  for (const auto& row : sheet.rows) {
    for (const auto& cell : row) {
      switch (cell.kind) {
        case Cell::Kind::kText: csv.Text(cell.text); break;
        case Cell::Kind::kNumber: csv.Number(cell.number, cell.decimals); break;
        case Cell::Kind::kInteger: csv.Number(cell.number, 0); break;
      }
    }
    csv.EndRow();
  }
  return csv.Take();
}

}  // namespace wk::reports
