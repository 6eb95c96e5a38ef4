// One reader for tables of figures, CSV or XLSX, through GDAL/OGR's CSV and XLSX drivers (no
// second CSV library). Every cell comes back as trimmed text; the caller decides what a value
// means. Used for the CBS kerncijfers, the indicator catalogue, and later other tables.
//
// CSV: ',' or ';' separated (detected from the header line), with or without a UTF-8 BOM, quoted
// or not, values padded with spaces. XLSX: the first sheet, the first row is the header.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"

namespace wk::areas {

struct TableRow {
  // 1-based as a spreadsheet user sees it: the header is line 1, a value spanning lines inside
  // quotes counts once. GDAL's CSV driver drops blank lines, so they are not counted (CBS files
  // have none).
  int line = 0;
  std::vector<std::string> cells;  // one per column, trimmed; "" for an empty cell
};

class TableReader {
 public:
  // Opens `path` (a file, or a GDAL virtual path such as /vsimem/...). The format follows the
  // extension: .xlsx is a spreadsheet, anything else is read as CSV. `display_name` is the name
  // used in error locations (default: the file name of `path`). kBadInput if it cannot be read.
  static Result<TableReader> Open(const std::string& path, std::string display_name = {});
  TableReader(TableReader&&) noexcept;
  TableReader& operator=(TableReader&&) noexcept;
  ~TableReader();

  const std::string& display_name() const { return display_name_; }
  // Column names from the header, trimmed, in file order.
  const std::vector<std::string>& columns() const { return columns_; }
  // Index of the column named `name` (ASCII case-insensitive), or nullopt.
  std::optional<std::size_t> Find(std::string_view name) const;
  // Number of data rows. Call before the first Next(): counting rewinds the table.
  std::int64_t RowCount();

  // The next data row, or nullopt at the end.
  std::optional<TableRow> Next();

 private:
  struct Impl;
  explicit TableReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::string display_name_;
  std::vector<std::string> columns_;
};

}  // namespace wk::areas
