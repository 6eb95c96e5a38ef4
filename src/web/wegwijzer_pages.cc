// The printable wegwijzer (issue 4). Placeholder: filled by the part that builds it.
#include "app.h"

namespace wk::web {

void RegisterWegwijzerPages(Router&, App&) {}

}  // namespace wk::web
