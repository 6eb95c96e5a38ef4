// The social map's search page (issue 4). Placeholder: filled by the part that builds it.
#include "app.h"

namespace wk::web {

void RegisterSocialMapSearchPages(Router&, App&) {}

}  // namespace wk::web
