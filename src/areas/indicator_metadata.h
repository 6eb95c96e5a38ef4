// The metadata file of `import indicators`: one row per indicator that is not in the catalogue,
// with columns code, label, unit, theme, direction (higher|lower|neutral, or hoger|lager|neutraal)
// and optionally group, decimals (0..6, default 1) and trend_threshold (percent, default 2). Private.
#pragma once

#include <map>
#include <string>

#include "wk/areas/areas.h"

namespace wk::areas {

struct MetadataRow {
  int line = 0;
  IndicatorDef def;  // custom = true
};

// The metadata file to use for `data_path`: `given` when not empty (kBadInput when it does not
// exist), else <stem>.meta.csv beside the data file when it exists, else "".
Result<std::string> MetadataPathFor(const std::string& data_path, const std::string& given);

// Reads and checks a metadata file (CSV or XLSX), by code. kBadInput naming file, line and column:
// a missing column, code, label or unit; a code that is not lower case letters, digits and '_', or
// that is a catalogue indicator (those need no metadata), or that appears twice; an unknown theme
// or direction; decimals or a trend threshold out of range.
Result<std::map<std::string, MetadataRow>> ReadMetadata(const std::string& path, const std::string& display_name);

}  // namespace wk::areas
