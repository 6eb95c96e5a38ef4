// The read-only HSDS API under /hsds/ (issue 4). Placeholder: filled by the part that builds it.
#include "app.h"

namespace wk::web {

void RegisterHsdsApiRoutes(Router&, App&) {}

}  // namespace wk::web
