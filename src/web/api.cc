// The JSON API under /api/v1/ and its OpenAPI document.
#include "app.h"

namespace wk::web {

void RegisterApiRoutes(Router& router, App& app) {
  (void)router;
  (void)app;
}

}  // namespace wk::web
