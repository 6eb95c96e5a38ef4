// A thin router with typed path parameters: "/gebied/{code}", "/api/v1/users/{id:int}".
// A parameter matches one path segment; ":int" accepts only digits (else the route does not match).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http.h"

namespace wk::web {

// Who may reach a route. The auth middleware enforces it before the handler runs.
struct Access {
  bool login_required = true;              // false: public (login page, /healthz, assets)
  std::optional<accounts::Action> action;  // if set, the principal's role must allow it

  static Access Public() { return {false, std::nullopt}; }
  static Access LoggedIn() { return {true, std::nullopt}; }
  static Access Needs(accounts::Action a) { return {true, a}; }
};

struct Route {
  Method method;
  std::string pattern;
  Access access;
  Handler handler;
  std::vector<std::string> segments;  // split pattern
  // Slow work (imports, reports): the HTTP layer suspends the connection and runs the whole
  // dispatch on its worker pool, so the request threads stay free.
  bool slow = false;
};

class Router {
 public:
  void Add(Method method, std::string pattern, Access access, Handler handler);
  void Get(std::string pattern, Access access, Handler handler) {
    Add(Method::kGet, std::move(pattern), access, std::move(handler));
  }
  void Post(std::string pattern, Access access, Handler handler) {
    Add(Method::kPost, std::move(pattern), access, std::move(handler));
  }
  void Delete(std::string pattern, Access access, Handler handler) {
    Add(Method::kDelete, std::move(pattern), access, std::move(handler));
  }
  // A route whose handler may take long (see Route::slow).
  void AddSlow(Method method, std::string pattern, Access access, Handler handler);

  // Whether the request goes to a slow route (matches without dispatching).
  bool IsSlow(const Request& request) const;
  // Middleware runs in the order added, outermost first, around every matched route and the
  // not-found answer alike.
  void Use(Middleware m) { middleware_.push_back(std::move(m)); }

  // Finds the route (filling request.params and request.route), runs middleware and handler.
  // HEAD is answered by the GET route. Unknown paths give 404, known paths with another method 405.
  Response Dispatch(Request& request) const;

  // The route that matches, or nullptr; `method_mismatch` tells whether the path matched another method.
  const Route* Match(Request& request, bool* method_mismatch) const;

 private:
  std::vector<Route> routes_;
  std::vector<Middleware> middleware_;
};

// The route being served, for middleware (set by Dispatch before middleware runs).
const Route* CurrentRoute(const Request& request);

}  // namespace wk::web
