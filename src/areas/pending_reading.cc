// Placeholders for the issue 3 section 2 reading work (IndicatorOverChildren).
// Replaced by their implementations; delete this file then.
#include "wk/areas/areas.h"

namespace wk::areas {

Result<std::vector<ChildValue>> IndicatorOverChildren(store::Db&, std::string_view, std::string_view, int) {
  return Fail(ErrorCode::kInternal, "Nog niet beschikbaar.");
}

}  // namespace wk::areas
