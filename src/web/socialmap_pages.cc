// The social map's pages (issue 4). Placeholder: filled by the part that builds it.
#include "app.h"

namespace wk::web {

void RegisterSocialMapPages(Router&, App&) {}

}  // namespace wk::web
