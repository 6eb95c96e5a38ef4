// Helpers for the reports tests: the demo database (real CBS data of Utrecht, 2023 and 2024), and
// an XLSX read back with GDAL's XLSX driver, independently of libxlsxwriter.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wk/store/db.h"

namespace wk::reports::testing {

// A migrated in-memory database with the demo loaded, shared by all tests of the process.
store::Db& DemoDb();

// One cell as GDAL reads it: empty (unset or null), a number, or a text.
struct XlsxCell {
  bool empty = true;
  std::optional<double> number;
  std::string text;
};
using XlsxRow = std::map<std::string, XlsxCell>;  // header -> cell
// Sheet name -> rows under its header row (the first row is forced to be the header).
std::map<std::string, std::vector<XlsxRow>> ReadXlsx(const std::string& bytes);

}  // namespace wk::reports::testing
