// Static assets compiled into the binary: our CSS and scripts, htmx and Leaflet from npm.
#include <nlohmann/json.hpp>

#include "app.h"
#include "embedded_static_files.h"
#include "problem.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

std::string ContentType(std::string_view path) {
  auto ends = [&](std::string_view ext) { return path.ends_with(ext); };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

}  // namespace

void RegisterAssetRoutes(Router& router, App& app) {
  (void)app;
  // /static/<path>: web/static/ and the npm packages' files (static/vendor/...). Cached for a day;
  // file names do not carry hashes, so not immutable.
  auto serve = [](Request& req) -> Response {
    std::string rel = "static/" + req.Param("a");
    if (!req.Param("b").empty()) rel += "/" + req.Param("b");
    if (!req.Param("c").empty()) rel += "/" + req.Param("c");
    auto bytes = embedded::Find(embedded::static_files(), rel);
    if (!bytes) return ErrorResponse(req, Error{ErrorCode::kNotFound, "Dit bestand bestaat niet.", {}, {}});
    Response r;
    r.content_type = ContentType(rel);
    r.static_body = *bytes;
    r.Header("Cache-Control", "public, max-age=86400");
    return r;
  };
  router.Get("/static/{a}", Access::Public(), serve);
  router.Get("/static/{a}/{b}", Access::Public(), serve);
  router.Get("/static/{a}/{b}/{c}", Access::Public(), serve);
  router.Get("/favicon.ico", Access::Public(), [](Request&) {
    auto bytes = embedded::Find(embedded::static_files(), "static/favicon.svg");
    Response r;
    r.content_type = "image/svg+xml";
    if (bytes) r.static_body = *bytes;
    return r;
  });
  router.Get("/healthz", Access::Public(), [&app](Request&) {
    auto lease = app.database.Acquire();
    bool ok = lease && lease->db().Ping();
    nlohmann::json j = {{"status", ok ? "ok" : "unavailable"}, {"database", ok}};
    return Response::Json(j.dump(), ok ? 200 : 503);
  });
}

}  // namespace wk::web
