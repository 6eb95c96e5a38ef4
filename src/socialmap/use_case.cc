#include "use_case.h"

namespace wk::socialmap {

Result<void> CheckPermission(const accounts::Principal& who, accounts::Action action) {
  if (!accounts::Can(who, action)) return Fail(ErrorCode::kPermissionDenied, "U hebt geen toestemming om dit te doen.");
  return {};
}

}  // namespace wk::socialmap
