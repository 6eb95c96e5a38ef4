// Login, logout, API tokens, user and team administration pages.
#include "app.h"

namespace wk::web {

void RegisterAuthRoutes(Router& router, App& app) {
  (void)router;
  (void)app;
}

}  // namespace wk::web
