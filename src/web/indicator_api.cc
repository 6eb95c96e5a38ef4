// The indicator API: the catalogue with custom indicators (GET /api/v1/indicators) and one
// indicator over the children of an area (GET /api/v1/indicators/{code}/values?parent=&year=),
// the data of a choropleth map or a bar chart. Described in web/openapi.json, checked against it
// by tests/integration/indicator_api.test.mjs.
#include <nlohmann/json.hpp>

#include "app.h"
#include "area_data.h"
#include "cached_read.h"
#include "problem.h"
#include "profile_view.h"
#include "wk/areas/areas.h"

namespace wk::web {
namespace {

using nlohmann::json;

json IndicatorJson(const areas::IndicatorDef& d) {
  json j = {{"code", d.code},         {"label", d.label},           {"group", d.group},
            {"unit", d.unit},         {"theme", d.theme},           {"direction", DirectionName(d.direction)},
            {"decimals", d.decimals}, {"key_figure", d.key_figure}, {"trend_threshold", d.trend_threshold},
            {"custom", d.custom}};
  if (d.IsDerived()) j["derived"] = {{"numerator", d.numerator}, {"denominator", d.denominator}, {"scale", d.scale}};
  return j;
}

Result<Response> ListIndicators(store::Db& db) {
  auto all = areas::Indicators(db);  // the catalogue and custom indicators
  if (!all) return Fail(all.error());
  json items = json::array();
  for (const auto* d : *all) items.push_back(IndicatorJson(*d));
  return Response::Json(json{{"themes", PageThemes()}, {"items", items}}.dump());
}

Result<Response> ValuesOverChildren(store::Db& db, const Request& req, const std::string& code) {
  auto def = areas::FindIndicator(db, code);
  if (!def) return Fail(def.error());
  std::string parent = NormalizeAreaCode(req.Query("parent").value_or(""));
  if (parent.empty()) {
    return Fail(ErrorCode::kInvalid, "Geef met parent= het gebied op waarvan u de onderliggende gebieden wilt.",
                "parent");
  }
  auto wanted = ParseYear(req.Query("year"), "year");
  if (!wanted) return Fail(wanted.error());
  auto area = areas::GetArea(db, parent);
  if (!area) return Fail(area.error());
  auto years = areas::Years(db, parent);
  if (!years) return Fail(years.error());
  auto year = ChooseYear(*years, *wanted, "year");
  if (!year) return Fail(year.error());
  auto children = areas::IndicatorOverChildren(db, parent, (*def)->code, *year);
  if (!children) return Fail(children.error());
  json items = json::array();
  int missing = 0;
  for (const auto& c : *children) {
    missing += c.value ? 0 : 1;
    items.push_back({{"code", c.area.code},
                     {"name", c.area.name},
                     {"level", areas::LevelName(c.area.level)},
                     {"value", c.value ? json(*c.value) : json(nullptr)}});
  }
  json j = {{"indicator", IndicatorJson(**def)},
            {"parent", AreaJson(*area)},
            {"year", *year},
            {"years", *years},
            {"missing", missing},
            {"items", items}};
  return Response::Json(j.dump());
}

}  // namespace

void RegisterIndicatorApiRoutes(Router& router, App& app) {
  const Access read = Access::Needs(accounts::Action::kReadStatistics);
  router.Get("/api/v1/indicators", read, [&app](Request& req) {
    return WithReadSnapshot(app, req, [&](store::Db& db) { return ListIndicators(db); });
  });
  router.Get("/api/v1/indicators/{code}/values", read, [&app](Request& req) {
    return WithReadSnapshot(app, req, [&](store::Db& db) { return ValuesOverChildren(db, req, req.Param("code")); });
  });
}

}  // namespace wk::web
