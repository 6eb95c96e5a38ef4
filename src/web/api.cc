// The JSON API under /api/v1/ (areas, their children, indicators and boundaries) and its OpenAPI
// document. Every answer is JSON; every error an RFC 9457 problem document (ErrorResponse).
// web/openapi.json describes these routes; tests/integration/api.test.mjs checks the answers
// against it, so a change here needs a change there.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "app.h"
#include "area_data.h"
#include "cached_read.h"
#include "embedded_api_docs.h"
#include "problem.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

using nlohmann::json;

constexpr int kDefaultSearchLimit = 20;
constexpr int kMaxSearchLimit = 100;
constexpr std::size_t kMaxQueryLength = 100;

Response GeoJson(std::string body) {
  Response r = Response::Json(std::move(body));
  r.content_type = "application/geo+json";
  return r;
}

Result<int> SearchLimit(const Request& req) {
  auto raw = req.Query("limit");
  if (!raw || text::Trim(*raw).empty()) return kDefaultSearchLimit;
  auto n = text::ParseInt(*raw);
  if (!n || *n < 1 || *n > kMaxSearchLimit) {
    return Fail(ErrorCode::kInvalid, "limit moet een geheel getal van 1 tot en met 100 zijn.", "limit");
  }
  return static_cast<int>(*n);
}

Result<Response> Search(store::Db& db, const Request& req) {
  std::string q(text::Trim(req.Query("q").value_or("")));
  if (q.empty()) return Fail(ErrorCode::kInvalid, "Geef een zoekterm op: een naam of code.", "q");
  if (q.size() > kMaxQueryLength)
    return Fail(ErrorCode::kInvalid, "De zoekterm is te lang (meer dan 100 tekens).", "q");
  auto limit = SearchLimit(req);
  if (!limit) return Fail(limit.error());
  auto found = areas::SearchAreas(db, q, *limit);
  if (!found) return Fail(found.error());
  std::map<std::string, std::string> parent_names;
  json items = json::array();
  for (const auto& a : *found) {
    json item = AreaJson(a);
    item["parent_name"] = nullptr;
    if (!a.parent_code.empty()) {
      auto it = parent_names.find(a.parent_code);
      if (it == parent_names.end()) {
        auto parent = areas::GetArea(db, a.parent_code);
        it = parent_names.emplace(a.parent_code, parent ? parent->name : std::string()).first;
      }
      if (!it->second.empty()) item["parent_name"] = it->second;
    }
    items.push_back(std::move(item));
  }
  return Response::Json(json{{"query", q}, {"items", items}}.dump());
}

Result<Response> GetArea(store::Db& db, const std::string& code) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  auto years = areas::Years(db, code);
  if (!years) return Fail(years.error());
  json j = AreaJson(*area);
  j["ancestors"] = json::array();
  for (const auto& a : *ancestors) j["ancestors"].push_back(AreaJson(a));
  j["years"] = *years;
  return Response::Json(j.dump());
}

Result<Response> Children(store::Db& db, const std::string& code) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto children = areas::Children(db, code);
  if (!children) return Fail(children.error());
  json items = json::array();
  for (const auto& c : *children) items.push_back(AreaJson(c));
  return Response::Json(json{{"area", AreaJson(*area)}, {"items", items}}.dump());
}

Result<Response> Indicators(store::Db& db, const Request& req, const std::string& code) {
  auto wanted = ParseYear(req.Query("year"), "year");
  if (!wanted) return Fail(wanted.error());
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto years = areas::Years(db, code);
  if (!years) return Fail(years.error());
  auto year = ChooseYear(*years, *wanted, "year");
  if (!year) return Fail(year.error());
  auto figures = areas::Figures(db, code, *year);
  if (!figures) return Fail(figures.error());
  json values = json::array();
  json source = nullptr;
  for (const auto& f : *figures) {
    if (source.is_null() && !f.source.empty()) source = {{"publisher", f.source}, {"title", f.source_title}};
    values.push_back(FigureJson(f));
  }
  json j = {{"area", AreaJson(*area)}, {"year", *year}, {"years", *years}, {"source", source}, {"values", values}};
  return Response::Json(j.dump());
}

Result<Response> Geometry(store::Db& db, const std::string& code) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto geo = areas::BoundaryGeoJson(db, code);
  if (!geo) {
    if (geo.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kNotFound, "Van " + area->name + " is geen grens bekend.");
    }
    return Fail(geo.error());
  }
  return GeoJson(std::move(*geo));
}

Result<Response> ChildrenGeometry(store::Db& db, const std::string& code) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto geo = areas::ChildrenGeoJson(db, code);
  if (!geo) return Fail(geo.error());
  return GeoJson(std::move(*geo));
}

}  // namespace

void RegisterApiRoutes(Router& router, App& app) {
  const Access read = Access::Needs(accounts::Action::kReadStatistics);
  // Lives as long as the router's handlers that share it.
  auto cache = std::make_shared<ReadCache>(app.database);
  router.Get("/api/v1/openapi.json", Access::Public(), [](Request& req) {
    auto doc = embedded::Find(embedded::api_docs(), "openapi.json");
    if (!doc) return ErrorResponse(req, Error{ErrorCode::kInternal, "openapi.json is not embedded", {}, {}});
    Response r;
    r.content_type = "application/json";
    r.static_body = *doc;
    r.Header("Cache-Control", "public, max-age=3600");
    return r;
  });
  router.Get("/api/v1/areas", read, [&app](Request& req) {
    return WithReadSnapshot(app, req, [&](store::Db& db) { return Search(db, req); });
  });
  router.Get("/api/v1/areas/{code}", read, [&app, cache](Request& req) {
    const std::string code = NormalizeAreaCode(req.Param("code"));
    return CachedRead(app, *cache, req, "area " + code, [&](store::Db& db) { return GetArea(db, code); });
  });
  router.Get("/api/v1/areas/{code}/children", read, [&app, cache](Request& req) {
    const std::string code = NormalizeAreaCode(req.Param("code"));
    return CachedRead(app, *cache, req, "children " + code, [&](store::Db& db) { return Children(db, code); });
  });
  router.Get("/api/v1/areas/{code}/indicators", read, [&app, cache](Request& req) {
    const std::string code = NormalizeAreaCode(req.Param("code"));
    // Indicators reads the query parameter `year` only.
    const std::string key = "indicators " + code + " year=" + req.Query("year").value_or("");
    return CachedRead(app, *cache, req, key, [&](store::Db& db) { return Indicators(db, req, code); });
  });
  router.Get("/api/v1/areas/{code}/geometry", read, [&app](Request& req) {
    return WithReadSnapshot(app, req,
                            [&](store::Db& db) { return Geometry(db, NormalizeAreaCode(req.Param("code"))); });
  });
  router.Get("/api/v1/areas/{code}/children/geometry", read, [&app](Request& req) {
    return WithReadSnapshot(app, req,
                            [&](store::Db& db) { return ChildrenGeometry(db, NormalizeAreaCode(req.Param("code"))); });
  });
}

}  // namespace wk::web
