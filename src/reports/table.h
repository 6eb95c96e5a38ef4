// The one shape every export is built as: named sheets of typed cells. CSV and XLSX are written
// from it, so both carry the same columns and the same values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "wk/core/error.h"
#include "wk/reports/csv.h"

namespace wk::reports {

struct Cell {
  enum class Kind { kText, kNumber, kInteger };
  Kind kind = Kind::kText;
  std::string text;
  std::optional<double> number;  // kNumber, kInteger: empty = missing, an empty cell
  int decimals = 0;              // kNumber: shown in the XLSX with thousands separators
  std::string note;              // XLSX: a comment on the cell ("ontbreekt: ...")

  static Cell Text(std::string text) { return {Kind::kText, std::move(text), {}, 0, {}}; }
  // A measured value: missing gets kMissingNote as its comment.
  static Cell Number(std::optional<double> value, int decimals);
  // A count, rank or year: written without thousands separators; missing stays empty.
  static Cell Integer(std::optional<double> value) { return {Kind::kInteger, {}, value, 0, {}}; }
};

struct Column {
  std::string excel;  // Dutch header (Excel CSV, XLSX)
  std::string plain;  // snake_case header (plain CSV)
  double width = 12;  // XLSX column width in characters
};

struct Sheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (an XLSX rule)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

// The sheet as CSV: a header row, then one row per row.
std::string SheetCsv(const Sheet& sheet, CsvVariant variant);

// The sheets and a last sheet "Bron" with `about` (one "Gegeven" / "Waarde" row each) as XLSX
// bytes. Errors: kInternal when libxlsxwriter or the temporary file fails.
struct AboutLine {
  std::string key, value;
};
Result<std::string> WorkbookXlsx(const std::vector<Sheet>& sheets, const std::vector<AboutLine>& about);

}  // namespace wk::reports
