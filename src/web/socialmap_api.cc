// /api/v1/socialmap/... (issue 4). Placeholder: filled by the part that builds it.
#include "app.h"

namespace wk::web {

void RegisterSocialMapApiRoutes(Router&, App&) {}

}  // namespace wk::web
