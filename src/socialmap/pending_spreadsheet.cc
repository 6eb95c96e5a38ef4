// Placeholders of the social map functions not built yet (issue 4). Whoever builds one deletes
// its placeholder here, and this file (and its line in CMakeLists.txt) when it is empty.
#include "wk/core/error.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::socialmap {
namespace {
std::unexpected<Error> Pending() {
  return Fail(ErrorCode::kUnavailable, "Nog niet beschikbaar.");
}
}  // namespace

Result<SpreadsheetPreview> PreviewSpreadsheet(const std::string&) {
  return Pending();
}
Result<SpreadsheetPreview> PreviewSpreadsheet(const SpreadsheetFile&) {
  return Pending();
}
Result<std::vector<std::string>> SpreadsheetHeader(const std::string&) {
  return Pending();
}
Result<SpreadsheetImportSummary> CheckSpreadsheet(store::Db&, const accounts::Principal&, const std::string&,
                                                  const Mapping&) {
  return Pending();
}
Result<SpreadsheetImportSummary> CheckSpreadsheet(store::Db&, const accounts::Principal&, const SpreadsheetFile&,
                                                  const Mapping&) {
  return Pending();
}
Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db&, const accounts::Principal&, const std::string&,
                                                   const Mapping&, const SpreadsheetProgress&) {
  return Pending();
}
Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db&, const accounts::Principal&, const SpreadsheetFile&,
                                                   const Mapping&, const SpreadsheetProgress&) {
  return Pending();
}
Result<std::string> ExportServicesCsv(store::Db&, const accounts::Principal&, bool) {
  return Pending();
}
Result<std::string> ExportServicesXlsx(store::Db&, const accounts::Principal&) {
  return Pending();
}

}  // namespace wk::socialmap
