// Sessions, API tokens, CSRF and route access. (Placeholder until the accounts work lands:
// every route that needs a login answers 401/redirect.)
#include "app.h"
#include "problem.h"

namespace wk::web {

Middleware AuthMiddleware(App& app) {
  (void)app;
  return [](Request& req, const Next& next) -> Response {
    const Route* route = CurrentRoute(req);
    if (route != nullptr && route->access.login_required && !req.principal) {
      if (req.WantsJson()) return ErrorResponse(req, Error{ErrorCode::kUnauthenticated, "Log eerst in.", {}, {}});
      return Response::Redirect("/inloggen?next=" + req.path);
    }
    return next(req);
  };
}

}  // namespace wk::web
