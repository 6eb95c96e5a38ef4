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

bool MatchSegments(const Route& route, const std::vector<std::string>& parts,
                   std::map<std::string, std::string>* params) {
  if (route.segments.size() != parts.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = route.segments[i];
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      std::string name = seg.substr(1, seg.size() - 2);
      auto colon = name.find(':');
      if (colon != std::string::npos) {
        std::string type = name.substr(colon + 1);
        name = name.substr(0, colon);
        if (type == "int" && !AllDigits(parts[i])) return false;
      }
      found[name] = parts[i];
    } else if (seg != parts[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}

thread_local const Route* current_route = nullptr;

}  // namespace

const Route* CurrentRoute(const Request&) { return current_route; }

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
  Request probe;
  probe.method = request.method;
  probe.path = request.path;
  bool mismatch = false;
  const Route* route = Match(probe, &mismatch);
  return route != nullptr && route->slow;
}

const Route* Router::Match(Request& request, bool* method_mismatch) const {
  auto parts = SplitPath(request.path);
  *method_mismatch = false;
  Method wanted = request.method == Method::kHead ? Method::kGet : request.method;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchSegments(r, parts, &params)) continue;
    if (r.method != wanted) {
      *method_mismatch = true;
      continue;
    }
    request.params = std::move(params);
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
