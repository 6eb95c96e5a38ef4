// The CSV writer lives in the reports module (wk/reports/csv.h), which also writes the profile
// and indicator exports; the web layer keeps its old names for it.
#pragma once

#include "wk/reports/csv.h"

namespace wk::web {

using reports::CsvVariant;
using reports::CsvWriter;
using reports::ParseCsvVariant;

}  // namespace wk::web
