// Home page, area pages, search.
#include "app.h"

namespace wk::web {

void RegisterAreaRoutes(Router& router, App& app) {
  (void)router;
  (void)app;
}

}  // namespace wk::web
