#include "router.h"

#include "problem.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  for (auto& s : text::Split(path, '/')) {
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The request path's segments, as views into `path` (no allocation per segment: Match runs on
// every request, against every route).
std::vector<std::string_view> PathParts(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    auto slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (!part.empty()) out.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool IsParam(std::string_view seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

// "{name:type}" -> name and type ("" without a type).
std::pair<std::string_view, std::string_view> ParamNameType(std::string_view seg) {
  std::string_view inner = seg.substr(1, seg.size() - 2);
  auto colon = inner.find(':');
  if (colon == std::string_view::npos) return {inner, {}};
  return {inner.substr(0, colon), inner.substr(colon + 1)};
}

// Whether the route's pattern matches the parts; allocates nothing (most routes do not match).
bool MatchSegments(const Route& route, const std::vector<std::string_view>& parts) {
  if (route.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view seg = route.segments[i];
    if (IsParam(seg)) {
      if (ParamNameType(seg).second == "int" && !AllDigits(parts[i])) return false;
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return true;
}

std::map<std::string, std::string> ParamsOf(const Route& route, const std::vector<std::string_view>& parts) {
  std::map<std::string, std::string> params;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (IsParam(route.segments[i])) params.emplace(ParamNameType(route.segments[i]).first, parts[i]);
  }
  return params;
}

thread_local const Route* current_route = nullptr;

}  // namespace

const Route* CurrentRoute(const Request&) {
  return current_route;
}

void Router::Add(Method method, std::string pattern, Access access, Handler handler) {
  auto segments = SplitPath(pattern);
  Route r{method, std::move(pattern), access, std::move(handler), std::move(segments)};
  routes_.push_back(std::move(r));
}

void Router::AddSlow(Method method, std::string pattern, Access access, Handler handler) {
  Add(method, std::move(pattern), access, std::move(handler));
  routes_.back().slow = true;
}

bool Router::IsSlow(const Request& request) const {
  // Match's choice without filling a request (asked for every request, before dispatch).
  auto parts = PathParts(request.path);
  Method wanted = request.method == Method::kHead ? Method::kGet : request.method;
  for (const Route& r : routes_) {
    if (r.method == wanted && MatchSegments(r, parts)) return r.slow;
  }
  return false;
}

const Route* Router::Match(Request& request, bool* method_mismatch) const {
  auto parts = PathParts(request.path);
  *method_mismatch = false;
  Method wanted = request.method == Method::kHead ? Method::kGet : request.method;
  for (const Route& r : routes_) {
    if (!MatchSegments(r, parts)) continue;
    if (r.method != wanted) {
      *method_mismatch = true;
      continue;
    }
    request.params = ParamsOf(r, parts);
    return &r;
  }
  return nullptr;
}

Response Router::Dispatch(Request& request) const {
  bool mismatch = false;
  const Route* route = Match(request, &mismatch);
  current_route = route;
  Next last = [route, mismatch](Request& req) -> Response {
    if (route != nullptr) return route->handler(req);
    if (mismatch) {
      return ErrorResponse(req, Error{ErrorCode::kInvalid, "Deze methode is hier niet toegestaan.", {}, {}}, 405);
    }
    return ErrorResponse(req, Error{ErrorCode::kNotFound, "Deze pagina bestaat niet.", {}, {}});
  };
  // Build the chain from the innermost outwards.
  std::vector<Next> chain(middleware_.size() + 1);
  chain[middleware_.size()] = last;
  for (std::size_t i = middleware_.size(); i-- > 0;) {
    const Middleware& m = middleware_[i];
    const Next& next = chain[i + 1];
    chain[i] = [&m, &next](Request& req) { return m(req, next); };
  }
  Response resp = chain[0](request);
  current_route = nullptr;
  return resp;
}

}  // namespace wk::web
