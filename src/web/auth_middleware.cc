// Sessions, API tokens, CSRF and route access: who is asking, and may they.
//
// Order: an `Authorization: Bearer` token wins over a session cookie. Without a principal the
// request gets a pre-session CSRF token (cookie + form field, "double submit") so that the login
// form is protected too. Then: login required? CSRF on state-changing requests (not for bearer
// tokens: a browser never adds those by itself)? role allowed?
#include <spdlog/spdlog.h>

#include "auth_support.h"
#include "problem.h"
#include "templates.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

bool IsStateChanging(Method m) {
  return m == Method::kPost || m == Method::kPut || m == Method::kPatch || m == Method::kDelete;
}

bool IsApi(const Request& req) {
  return text::StartsWith(req.path, "/api/") || req.WantsJson();
}

Response Unauthenticated(const Request& req) {
  if (IsApi(req)) {
    Response r = ErrorResponse(req, Error{ErrorCode::kUnauthenticated,
                                          "Log eerst in, of stuur een API-token mee als 'Authorization: Bearer …'.",
                                          {},
                                          {}});
    r.Header("WWW-Authenticate", "Bearer realm=\"wijkkompas\"");
    return r;
  }
  std::string target = req.path;
  std::string query;
  for (const auto& [k, v] : req.query) query += (query.empty() ? "?" : "&") + UrlEncode(k) + "=" + UrlEncode(v);
  return Response::Redirect("/inloggen?next=" + UrlEncode(target + query));
}

Response CsrfRefused(const Request& req) {
  const std::string message =
      "De beveiligingscode van dit formulier ontbreekt of klopt niet (CSRF-controle). Laad de pagina opnieuw en "
      "probeer het nog eens.";
  if (IsApi(req)) {
    return ErrorResponse(req, Error{ErrorCode::kPermissionDenied,
                                    message + " Stuur de code mee in de header X-CSRF-Token, of gebruik een API-token.",
                                    {},
                                    {}});
  }
  // Not the generic 403 page: that one blames the role, which is not the problem here.
  nlohmann::json data = {{"status", 403}, {"title", "Formulier niet geaccepteerd"}, {"message", message}};
  return RenderPage(req, "Formulier niet geaccepteerd", "error", data, 403);
}

}  // namespace

Middleware AuthMiddleware(App& app) {
  return [&app](Request& req, const Next& next) -> Response {
    // Static files are public and the same for everyone: no session look-up for them.
    const Route* route = CurrentRoute(req);
    if (route != nullptr && !route->access.login_required && text::StartsWith(req.path, "/static/") &&
        !IsStateChanging(req.method)) {
      return next(req);
    }
    std::vector<std::string> cookies;
    bool fresh_csrf = false;
    auto finish = [&](Response r) {
      for (auto& c : cookies) r.Header("Set-Cookie", std::move(c));
      if (fresh_csrf && text::StartsWith(r.content_type, "text/html")) {
        r.Header("Set-Cookie", CookieHeader(req, app, kPreSessionCsrfCookie, req.csrf_token, -1));
      }
      return r;
    };

    std::string authorization = req.Header("authorization");
    auto session_cookie = req.cookies.find(std::string(kSessionCookie));
    if (text::StartsWith(authorization, "Bearer ") || text::StartsWith(authorization, "bearer ")) {
      auto lease = app.database.Acquire();
      if (!lease) return finish(ErrorResponse(req, lease.error()));
      auto who = accounts::ResolveApiToken(lease->db(), text::Trim(std::string_view(authorization).substr(7)));
      if (!who) return finish(ErrorResponse(req, who.error()));
      if (!*who) {
        Response r =
            ErrorResponse(req, Error{ErrorCode::kUnauthenticated, "Dit API-token is onbekend of ingetrokken.", {}, {}});
        r.Header("WWW-Authenticate", "Bearer realm=\"wijkkompas\", error=\"invalid_token\"");
        return finish(std::move(r));
      }
      req.principal = std::move(**who);
      req.via_api_token = true;
    } else if (session_cookie != req.cookies.end() && !session_cookie->second.empty()) {
      auto lease = app.database.Acquire();
      if (!lease) return finish(ErrorResponse(req, lease.error()));
      auto session = accounts::ResolveSession(lease->db(), session_cookie->second, SessionPolicyOf(app.options));
      if (!session) return finish(ErrorResponse(req, session.error()));
      if (*session) {
        req.principal = std::move((*session)->principal);
        req.csrf_token = std::move((*session)->csrf_token);
      } else {
        cookies.push_back(CookieHeader(req, app, kSessionCookie, "", 0));  // expired or unknown: forget it
      }
    }
    if (!req.principal) {
      auto pre = req.cookies.find(std::string(kPreSessionCsrfCookie));
      if (pre != req.cookies.end() && pre->second.size() == 43) {
        req.csrf_token = pre->second;
      } else {
        req.csrf_token = accounts::NewRandomToken();
        fresh_csrf = true;
      }
    }

    if (route != nullptr && route->access.login_required && !req.principal) return finish(Unauthenticated(req));
    if (IsStateChanging(req.method) && !req.via_api_token) {
      std::string sent = req.Form("csrf").value_or(req.Header("x-csrf-token"));
      if (fresh_csrf || sent.empty() || !accounts::SecretsEqual(sent, req.csrf_token)) {
        spdlog::warn("csrf check failed: {} {} from {}", MethodName(req.method), req.path, req.remote_address);
        return finish(CsrfRefused(req));
      }
    }
    if (route != nullptr && route->access.action && !accounts::Can(*req.principal, *route->access.action)) {
      return finish(ErrorResponse(
          req, Error{ErrorCode::kPermissionDenied, "U hebt geen toegang tot deze pagina of functie.", {}, {}}));
    }
    return finish(next(req));
  };
}

accounts::SessionPolicy SessionPolicyOf(const ServeOptions& options) {
  return accounts::SessionPolicy{.idle_seconds = options.session_idle_minutes * 60,
                                 .absolute_seconds = options.session_absolute_hours * 3600};
}

std::string CookieHeader(const Request& req, const App& app, std::string_view name, std::string_view value,
                         long long max_age_seconds) {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
  if (max_age_seconds >= 0) c += "; Max-Age=" + std::to_string(max_age_seconds);
  if (req.https || app.options.secure_cookies) c += "; Secure";
  return c;
}

std::string SafeNext(std::string_view next) {
  // A local path: one leading '/', not "//host" or "/\host" (browsers treat both as another site),
  // and no control characters or backslashes anywhere.
  if (next.size() < 1 || next.size() > 2000 || next[0] != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return "/";
  }
  return std::string(next);
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace wk::web
