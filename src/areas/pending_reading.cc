// Placeholders for the issue 3 section 2 reading work (ValuesOfYear).
// Replaced by their implementations; delete this file then.
#include "wk/areas/areas.h"

namespace wk::areas {

Result<LevelValues> ValuesOfYear(store::Db&, int, Level) {
  return Fail(ErrorCode::kInternal, "Nog niet beschikbaar.");
}

}  // namespace wk::areas
