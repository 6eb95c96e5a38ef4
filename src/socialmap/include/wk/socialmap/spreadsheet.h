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
// fixed values `=waarde,veld` (e.g. the source for every row); ',' or ';', BOM or not, or XLSX. The
// field may be given by name or Dutch label; a line with an empty field is a column not imported.
// Errors (kBadInput) name the mapping file and line: an unknown field, a field twice, a missing
// required field.
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

// A spreadsheet in memory (an upload): the bytes (owned by the caller) and the file name the user
// knows, which decides the format (.xlsx or CSV) and names the file in messages. Every function
// below that takes a path also takes one of these.
struct SpreadsheetFile {
  std::string_view bytes;
  std::string name;
};

// A suggested mapping from a spreadsheet's header (matching known Dutch and English header names,
// the field names and labels themselves, then a known name inside a longer header), each field at
// most once, for the page that helps make the mapping file.
Mapping SuggestMapping(const std::vector<std::string>& header);
// The header of a spreadsheet, the first row's values (as examples) and the number of rows.
// kBadInput when the file cannot be read.
struct SpreadsheetPreview {
  std::vector<std::string> header;
  std::vector<std::string> first_row;  // one per header column; empty strings without rows
  std::int64_t rows = 0;               // rows with at least one value
};
Result<SpreadsheetPreview> PreviewSpreadsheet(const std::string& path);
Result<SpreadsheetPreview> PreviewSpreadsheet(const SpreadsheetFile& file);
Result<std::vector<std::string>> SpreadsheetHeader(const std::string& path);  // PreviewSpreadsheet's header

struct SpreadsheetImportSummary {
  std::int64_t parties_created = 0;
  std::int64_t parties_reused = 0;  // rows naming a party already on the map (same name)
  std::int64_t services_created = 0;
  std::int64_t services_skipped = 0;  // already on the map: same party, same service name
  std::vector<std::string> warnings;  // "regel 4: 'Koffieochtend' van '...' staat al op de kaart; overgeslagen."
};
// Checks the spreadsheet as ImportSpreadsheet does, without writing: the summary of what an
// import would do now, or the same kBadInput with every refused row.
Result<SpreadsheetImportSummary> CheckSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                  const std::string& path, const Mapping& mapping);
Result<SpreadsheetImportSummary> CheckSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                  const SpreadsheetFile& file, const Mapping& mapping);

// Imports every row as a service of the party it names. Rows with the same party name (case and
// diacritics folded) belong to one party; a party already on the map under that name is reused
// (not changed), otherwise it is created from the first row's party fields. A service already on
// the map (same party, same service name) is skipped with a warning; the same service twice in the
// sheet is refused. A location is made from the address and coordinates; without coordinates it
// has no buurt. Mapped columns missing from the header: kBadInput at <file>:1.
// All rows are checked first, by the import's rules and the model's (as CreateParty and
// CreateService check); when any is refused, fails with kBadInput (location: the file name) whose
// message is "N regels geweigerd; er is niets geïmporteerd." followed by one line per refusal:
// "regel 7: veld Wet: 'wmoo' is geen wet; kies uit wmo, zvw, ...", and nothing is written.
// Otherwise one transaction (with the history rows of every party and service) and one audit
// entry "socialmap.import.spreadsheet". Needs Action::kEditSocialMap (kPermissionDenied).
// `progress` is called per written service.
using SpreadsheetProgress = std::function<void(std::int64_t done, std::int64_t total)>;
Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                   const std::string& path, const Mapping& mapping,
                                                   const SpreadsheetProgress& progress = {});
Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                   const SpreadsheetFile& file, const Mapping& mapping,
                                                   const SpreadsheetProgress& progress = {});

// The active services of active parties as a table (one row per service, ordered by party and
// service name, the MappingFields() names as header, so that it imports again with each field
// mapped to itself), as CSV text (`;`, BOM, decimal comma and a formula guard for Excel when excel =
// true; ',' otherwise; CRLF) or XLSX bytes (sheets "Sociale kaart" and "Bron"). Key figures without
// consent to publish are left out. Needs Action::kReadSocialMap; kInternal when the XLSX cannot be
// written.
Result<std::string> ExportServicesCsv(store::Db& db, const accounts::Principal& who, bool excel);
Result<std::string> ExportServicesXlsx(store::Db& db, const accounts::Principal& who);

}  // namespace wk::socialmap
