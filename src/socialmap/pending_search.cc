// Placeholders of the social map functions not built yet (issue 4). Whoever builds one deletes
// its placeholder here, and this file (and its line in CMakeLists.txt) when it is empty.
#include "wk/core/error.h"
#include "wk/socialmap/search.h"

namespace wk::socialmap {
namespace {
std::unexpected<Error> Pending() {
  return Fail(ErrorCode::kUnavailable, "Nog niet beschikbaar.");
}
}  // namespace

Result<SearchResult> Search(store::Db&, const SearchQuery&) {
  return Pending();
}
Result<ParsedNeed> ParseNeed(store::Db&, std::string_view) {
  return Pending();
}
Result<void> RefreshSearchIndex(store::Db&, const std::string&) {
  return {};
}
Result<void> RebuildSearchIndex(store::Db&) {
  return {};
}

}  // namespace wk::socialmap
