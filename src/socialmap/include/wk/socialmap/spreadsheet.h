// A social map kept in a spreadsheet (CSV or XLSX, one row per service), imported with a column
// mapping (issue 4 section 2), and exported back to CSV/XLSX for people who work in spreadsheets.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap {

// The fields a spreadsheet column can be mapped to, with Dutch labels for the mapping page.
struct MappingField {
  std::string name;   // "party_name", "service_name", "description", "domains", "laws", ...
  std::string label;  // "Naam organisatie", ...
  std::string help;   // how values are read ("Meerdere waarden gescheiden door ; of ,")
  bool required = false;
};
const std::vector<MappingField>& MappingFields();

// A mapping file: a CSV `kolom,veld` (column header in the spreadsheet, field name) with optional
// fixed values `=waarde,veld` (e.g. the source for every row). Errors name the mapping file and line.
struct Mapping {
  struct Entry {
    std::string column;  // spreadsheet header, or "" when `fixed` is used
    std::string fixed;   // fixed value for every row
    std::string field;   // MappingField::name
  };
  std::vector<Entry> entries;
};
Result<Mapping> ReadMapping(const std::string& path);
Result<Mapping> ParseMapping(std::string_view csv_text, std::string_view file_name = "mapping.csv");
std::string WriteMapping(const Mapping& mapping);  // the CSV text of a mapping file

// A suggested mapping from a spreadsheet's header (matching known Dutch and English header names),
// for the page that helps make the mapping file.
Result<std::vector<std::string>> SpreadsheetHeader(const std::string& path);
Mapping SuggestMapping(const std::vector<std::string>& header);

struct SpreadsheetImportSummary {
  std::int64_t parties_created = 0;
  std::int64_t parties_reused = 0;  // rows naming a party already on the map (same name)
  std::int64_t services_created = 0;
  std::vector<std::string> warnings;
};
// Imports every row as a service of the party it names (created when new). All rows are checked
// first; when any is refused, fails with kBadInput listing every refused row with its line and
// reason ("regel 7: veld Wet: 'wmoo' is geen wet; kies uit wmo, zvw, ..."), and nothing is
// written. Otherwise one transaction and one audit entry. Needs Action::kEditSocialMap.
using SpreadsheetProgress = std::function<void(std::int64_t done, std::int64_t total)>;
Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                   const std::string& path, const Mapping& mapping,
                                                   const SpreadsheetProgress& progress = {});

// The active services as a table (one row per service, the mapping fields as columns), as CSV
// text (`;` and BOM for Excel when excel = true) or XLSX bytes. Key figures without consent to
// publish are left out.
Result<std::string> ExportServicesCsv(store::Db& db, const accounts::Principal& who, bool excel);
Result<std::string> ExportServicesXlsx(store::Db& db, const accounts::Principal& who);

}  // namespace wk::socialmap
