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

Result<nlohmann::json> HsdsServiceJson(store::Db&, const std::string&) {
  return Pending();
}
Result<nlohmann::json> HsdsOrganizationJson(store::Db&, const std::string&, bool) {
  return Pending();
}
Result<nlohmann::json> HsdsServiceAtLocationJson(store::Db&, const std::string&) {
  return Pending();
}
Result<nlohmann::json> HsdsTaxonomyJson(store::Db&, const std::string&) {
  return Pending();
}
Result<nlohmann::json> HsdsTaxonomyTermJson(store::Db&, const std::string&) {
  return Pending();
}
Result<nlohmann::json> HsdsOrganizationList(store::Db&, const HsdsPage&) {
  return Pending();
}
Result<nlohmann::json> HsdsServiceAtLocationList(store::Db&, const HsdsPage&) {
  return Pending();
}
Result<nlohmann::json> HsdsTaxonomyList(store::Db&, const HsdsPage&) {
  return Pending();
}
Result<nlohmann::json> HsdsTaxonomyTermList(store::Db&, const HsdsPage&) {
  return Pending();
}
Result<nlohmann::json> HsdsServiceList(store::Db&, const nlohmann::json&, const HsdsPage&) {
  return Pending();
}

}  // namespace wk::socialmap
