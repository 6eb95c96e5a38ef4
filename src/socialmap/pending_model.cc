// Placeholders of the social map functions not built yet (issue 4). Whoever builds one deletes
// its placeholder here, and this file (and its line in CMakeLists.txt) when it is empty.
#include "wk/core/error.h"
#include "wk/socialmap/socialmap.h"

namespace wk::socialmap {
namespace {
std::unexpected<Error> Pending() {
  return Fail(ErrorCode::kUnavailable, "Nog niet beschikbaar.");
}
}  // namespace

Result<Party> CreateParty(store::Db&, const accounts::Principal&, const Party&) {
  return Pending();
}
Result<Party> UpdateParty(store::Db&, const accounts::Principal&, const Party&) {
  return Pending();
}
Result<Party> VerifyParty(store::Db&, const accounts::Principal&, const std::string&, const std::string&) {
  return Pending();
}
Result<Party> ArchiveParty(store::Db&, const accounts::Principal&, const std::string&, bool) {
  return Pending();
}
Result<void> EraseKeyFigure(store::Db&, const accounts::Principal&, const std::string&) {
  return Pending();
}
Result<Party> GetParty(store::Db&, const std::string&) {
  return Pending();
}
Result<std::vector<Party>> ListParties(store::Db&, const PartyFilter&) {
  return Pending();
}
Result<Service> CreateService(store::Db&, const accounts::Principal&, const Service&) {
  return Pending();
}
Result<Service> UpdateService(store::Db&, const accounts::Principal&, const Service&) {
  return Pending();
}
Result<Service> VerifyService(store::Db&, const accounts::Principal&, const std::string&, const std::string&) {
  return Pending();
}
Result<Service> ArchiveService(store::Db&, const accounts::Principal&, const std::string&, bool) {
  return Pending();
}
Result<Service> GetService(store::Db&, const std::string&) {
  return Pending();
}
Result<std::vector<Service>> ServicesOfParty(store::Db&, const std::string&, bool) {
  return Pending();
}
Result<std::vector<Change>> History(store::Db&, const std::string&) {
  return Pending();
}
Result<std::vector<RecheckItem>> RecheckList(store::Db&, const std::string&) {
  return Pending();
}
Result<std::vector<DuplicateCandidate>> LikelyDuplicates(store::Db&, const Party&, const std::vector<Location>&) {
  return Pending();
}
double NameSimilarity(std::string_view, std::string_view) {
  return 0;
}
std::string NormalisePhone(std::string_view) {
  return {};
}
Result<AreaSocialMap> SocialMapOfArea(store::Db&, const std::string&) {
  return Pending();
}
Result<bool> IsPublished(store::Db&) {
  return Pending();
}
Result<void> SetPublished(store::Db&, const accounts::Principal&, bool) {
  return Pending();
}

}  // namespace wk::socialmap
