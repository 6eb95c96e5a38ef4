#include <spdlog/spdlog.h>

#include <chrono>

#include "app.h"

namespace wk::web {
namespace {

// Headers every answer carries. The CSP allows no inline script: all scripts are files under
// /static/. Map tiles are only loaded from a configured tile server.
Middleware SecurityHeaders(const App& app) {
  std::string img_src = "img-src 'self' data:";
  if (!app.options.tile_url.empty()) {
    auto scheme_end = app.options.tile_url.find("://");
    auto host_end = app.options.tile_url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    img_src += " " + app.options.tile_url.substr(0, host_end);
  }
  std::string csp = "default-src 'self'; script-src 'self'; style-src 'self'; " + img_src +
                    "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
                    "form-action 'self'; frame-ancestors 'none'";
  return [csp](Request& req, const Next& next) {
    Response r = next(req);
    r.Header("Content-Security-Policy", csp);
    r.Header("X-Content-Type-Options", "nosniff");
    r.Header("X-Frame-Options", "DENY");
    r.Header("Referrer-Policy", "same-origin");
    if (req.https) r.Header("Strict-Transport-Security", "max-age=31536000");
    return r;
  };
}

Middleware AccessLog() {
  return [](Request& req, const Next& next) {
    // With --quiet (level warn) nothing would be written: skip the clock and the formatting.
    if (!spdlog::should_log(spdlog::level::info)) return next(req);
    auto start = std::chrono::steady_clock::now();
    Response r = next(req);
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    std::size_t bytes = r.static_body.empty() ? r.body.size() : r.static_body.size();
    spdlog::info("{} \"{} {}\" {} {} {:.1f}ms id={} user={}", req.remote_address, MethodName(req.method), req.path,
                 r.status, bytes, static_cast<double>(us) / 1000.0, req.request_id,
                 req.principal ? req.principal->name : "-");
    return r;
  };
}

}  // namespace

Router BuildRouter(App& app) {
  Router router;
  router.Use(AccessLog());
  router.Use(SecurityHeaders(app));
  router.Use(AuthMiddleware(app));
  RegisterAssetRoutes(router, app);
  RegisterAuthRoutes(router, app);
  RegisterAreaRoutes(router, app);
  RegisterApiRoutes(router, app);
  RegisterIndicatorApiRoutes(router, app);
  RegisterComparePages(router, app);
  RegisterImportRoutes(router, app);
  RegisterProfileApiRoutes(router, app);
  RegisterReportRoutes(router, app);
  RegisterSocialMapPages(router, app);
  RegisterSocialMapSearchPages(router, app);
  RegisterWegwijzerPages(router, app);
  RegisterSocialMapImportPages(router, app);
  RegisterSocialMapApiRoutes(router, app);
  RegisterHsdsApiRoutes(router, app);
  return router;
}

}  // namespace wk::web
