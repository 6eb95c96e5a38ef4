// Reading our own small compiled-in CSV files (profile rules and phrases, the social map vocabularies).
// Used by several modules.
//
// These files are ours, UTF-8, one record per line, no line breaks inside fields: a line splitter
// with RFC 4180 quoting is all they need. Tables from outside (CBS, spreadsheets) go through the
// areas module's GDAL reader instead; linking GDAL for small files of our own is not worth it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"

namespace wk::csv {

struct CsvRow {
  int line = 0;  // as a spreadsheet shows it: the header is line 1
  std::vector<std::string> cells;
};

struct CsvFile {
  std::string name;  // for error locations: "notable_rules.csv"
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // blank lines left out

  // The position of `column` in the header, or kBadInput "Kolom ontbreekt." at <name>:1.
  Result<std::size_t> Column(std::string_view column) const;
};

// Splits `bytes` (a leading BOM and CR line ends are dropped). kBadInput at <name>:<line> for an
// unclosed quote or a row with another number of cells than the header.
Result<CsvFile> ParseCsv(std::string_view bytes, std::string name);

}  // namespace wk::csv
