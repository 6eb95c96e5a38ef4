// The spreadsheet import and mapping page (issue 4). Placeholder: filled by the part that builds it.
#include "app.h"

namespace wk::web {

void RegisterSocialMapImportPages(Router&, App&) {}

}  // namespace wk::web
