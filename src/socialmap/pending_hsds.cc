// Placeholders of the social map functions not built yet (issue 4). Whoever builds one deletes
// its placeholder here, and this file (and its line in CMakeLists.txt) when it is empty.
#include <nlohmann/json.hpp>

#include "wk/core/error.h"
#include "wk/socialmap/hsds.h"

namespace wk::socialmap {
namespace {
std::unexpected<Error> Pending() {
  return Fail(ErrorCode::kUnavailable, "Nog niet beschikbaar.");
}
}  // namespace

Result<HsdsImportSummary> ImportHsds(store::Db&, const accounts::Principal&, const std::string&, const HsdsProgress&) {
  return Pending();
}
Result<HsdsImportSummary> ValidateHsds(const std::string&) {
  return Pending();
}
Result<HsdsExportSummary> ExportHsds(store::Db&, const accounts::Principal&, const std::string&) {
  return Pending();
}

}  // namespace wk::socialmap
