// Reading a spreadsheet (CSV or XLSX) into memory through GDAL/OGR's CSV and XLSX drivers, the
// project's one reader of tables from outside (DESIGN.md). A social map in a spreadsheet has at
// most some thousands of rows, so the whole table is read at once. Private to socialmap; no GDAL
// header leaks out of it. (The areas module has a streaming reader of its own for CBS tables.)
//
// CSV: ',' or ';' separated (GDAL detects it from the header line), with or without a UTF-8
// BOM, quoted fields (also with line breaks inside). XLSX: the first sheet, the first row is the
// header. Every cell comes back as trimmed text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"

namespace wk::socialmap {

struct SheetRow {
  // The row number as a spreadsheet program shows it: the header is row 1, a blank row counts,
  // a quoted value with line breaks counts once.
  int line = 0;
  std::vector<std::string> cells;  // one per header column, trimmed; "" for an empty cell
};

struct Sheet {
  std::string name;                 // for messages: the file name the user knows
  std::vector<std::string> header;  // trimmed, BOM removed
  std::vector<SheetRow> rows;       // rows with at least one non-empty cell
};

// Reads `path`; .xlsx is a spreadsheet, anything else CSV. `display_name` names the file in
// messages (default: the file name of `path`). kBadInput when the file is missing or unreadable,
// or has no header.
Result<Sheet> ReadSheet(const std::string& path, std::string display_name = {});
// The same for bytes in memory; `name` decides the format by its extension and names the file.
Result<Sheet> ReadSheetBytes(std::string_view bytes, const std::string& name);

}  // namespace wk::socialmap
