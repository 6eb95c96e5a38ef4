// Charts as SVG images and indicator downloads for the area pages (reports module):
//   /gebied/{code}/grafiek/leeftijd.svg?jaar=        age bands: the area, its parents
//   /gebied/{code}/grafiek/huishoudens.svg?jaar=     household composition: the area, its parents
//   /gebied/{code}/grafiek/trend.svg?indicator=      one indicator over all loaded years, with parents
//   /gebied/{code}/grafiek/onderdelen.svg?indicator=&jaar=   the indicator over the area's children
//   /gebied/{code}/grafiek/buren.svg?indicator=&jaar=        over the parent's children, this one marked
//   /gebied/{code}/grafiek/vergelijking.svg?met=C1,C2&indicator=a,b&jaar=   small multiples (2-4 areas)
//   /gebied/{code}/indicator.csv?indicator=&jaar=[&variant=excel|plain][&met=C1,C2]
//   /gebied/{code}/indicator.xlsx?indicator=&jaar=[&met=C1,C2]
// The indicator downloads hold the area's children (the area itself for a buurt), or the area and
// the areas of `met`. `jaar` defaults to the newest year of the area; a year without figures is 422.
#include <functional>

#include "area_data.h"
#include "downloads.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/reports/area_charts.h"
#include "wk/reports/charts.h"
#include "wk/reports/export.h"

namespace wk::web {
namespace {

Response Svg(std::string body) {
  Response r;
  r.content_type = kSvgType;
  r.body = std::move(body);
  return r;
}

// The year of `code` asked for in `jaar`, else its newest.
Result<int> YearOf(store::Db& db, const Request& req, const std::string& code) {
  auto wanted = ParseYear(req.Query("jaar"), "jaar");
  if (!wanted) return Fail(wanted.error());
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto years = areas::Years(db, code);
  if (!years) return Fail(years.error());
  return ChooseYear(*years, *wanted, "jaar");
}

Result<std::string> Indicator(const Request& req) {
  std::string code(text::Trim(req.Query("indicator").value_or("")));
  if (code.empty()) return Fail(ErrorCode::kInvalid, "Kies een indicator.", "indicator");
  return code;
}

// A comma-separated list of a query parameter, trimmed, empty items left out.
std::vector<std::string> ListOf(const Request& req, std::string_view name, bool area_codes) {
  std::vector<std::string> out;
  for (const auto& item : text::Split(req.Query(name).value_or(""), ',')) {
    std::string v(text::Trim(item));
    if (!v.empty()) out.push_back(area_codes ? NormalizeAreaCode(v) : v);
  }
  return out;
}

using ChartFn = std::function<Result<std::string>(store::Db&, const Request&, const std::string&)>;

Result<std::string> AgeGroups(store::Db& db, const Request& req, const std::string& code) {
  auto year = YearOf(db, req, code);
  if (!year) return Fail(year.error());
  auto chart = reports::AgeGroupsChart(db, code, *year);
  if (!chart) return Fail(chart.error());
  return reports::RenderBarChart(*chart);
}

Result<std::string> Households(store::Db& db, const Request& req, const std::string& code) {
  auto year = YearOf(db, req, code);
  if (!year) return Fail(year.error());
  auto chart = reports::HouseholdsChart(db, code, *year);
  if (!chart) return Fail(chart.error());
  return reports::RenderBarChart(*chart);
}

Result<std::string> Trend(store::Db& db, const Request& req, const std::string& code) {
  auto indicator = Indicator(req);
  if (!indicator) return Fail(indicator.error());
  auto chart = reports::TrendChart(db, code, *indicator);
  if (!chart) return Fail(chart.error());
  return reports::RenderLineChart(*chart);
}

Result<std::string> Children(store::Db& db, const Request& req, const std::string& code) {
  auto indicator = Indicator(req);
  if (!indicator) return Fail(indicator.error());
  auto year = YearOf(db, req, code);
  if (!year) return Fail(year.error());
  auto chart = reports::ChildrenChart(db, code, *indicator, *year);
  if (!chart) return Fail(chart.error());
  return reports::RenderBarChart(*chart);
}

Result<std::string> Siblings(store::Db& db, const Request& req, const std::string& code) {
  auto indicator = Indicator(req);
  if (!indicator) return Fail(indicator.error());
  auto year = YearOf(db, req, code);
  if (!year) return Fail(year.error());
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  if (area->parent_code.empty()) {
    return Fail(ErrorCode::kNotFound, area->name + " ligt niet in een groter gebied.");
  }
  auto chart = reports::ChildrenChart(db, area->parent_code, *indicator, *year, code);
  if (!chart) return Fail(chart.error());
  return reports::RenderBarChart(*chart);
}

Result<std::string> Compare(store::Db& db, const Request& req, const std::string& code) {
  std::vector<std::string> codes = {code};
  for (auto& c : ListOf(req, "met", true)) codes.push_back(std::move(c));
  auto indicators = ListOf(req, "indicator", false);
  auto year = YearOf(db, req, code);
  if (!year) return Fail(year.error());
  auto chart = reports::CompareChart(db, codes, indicators, *year);
  if (!chart) return Fail(chart.error());
  return reports::RenderSmallMultiples(*chart);
}

// The values of the indicator download: the area and `met`, or the children (the area itself
// when it has none).
Result<reports::IndicatorValues> DownloadValues(store::Db& db, const Request& req, const std::string& code) {
  auto indicator = Indicator(req);
  if (!indicator) return Fail(indicator.error());
  auto year = YearOf(db, req, code);
  if (!year) return Fail(year.error());
  auto met = ListOf(req, "met", true);
  if (!met.empty()) {
    met.insert(met.begin(), code);
    return reports::IndicatorOverAreasValues(db, met, *indicator, *year);
  }
  auto children = areas::Children(db, code);
  if (!children) return Fail(children.error());
  if (children->empty()) return reports::IndicatorOverAreasValues(db, {code}, *indicator, *year);
  return reports::IndicatorOverChildrenValues(db, code, *indicator, *year);
}

Response IndicatorDownload(App& app, Request& req, bool xlsx) {
  const std::string code = NormalizeAreaCode(req.Param("code"));
  auto variant = reports::ParseCsvVariant(req.Query("variant").value_or("excel"));
  if (!variant)
    return ErrorResponse(req, Error{ErrorCode::kInvalid, "Kies variant=excel of variant=plain.", "variant", {}}, 400);
  return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
    auto values = DownloadValues(db, req, code);
    if (!values) return Fail(values.error());
    if (!xlsx) {
      return Download(reports::IndicatorCsv(*values, *variant), kCsvType,
                      CsvFileName(reports::IndicatorFileName(*values, code, "csv"), *variant));
    }
    auto bytes = reports::IndicatorXlsx(*values, reports::ExportInfoNow());
    if (!bytes) return Fail(bytes.error());
    return Download(std::move(*bytes), kXlsxType, reports::IndicatorFileName(*values, code, "xlsx"));
  });
}

}  // namespace

void RegisterReportRoutes(Router& router, App& app) {
  const Access read = Access::Needs(accounts::Action::kReadStatistics);
  const std::pair<const char*, ChartFn> charts[] = {
      {"leeftijd", AgeGroups},  {"huishoudens", Households}, {"trend", Trend},
      {"onderdelen", Children}, {"buren", Siblings},         {"vergelijking", Compare},
  };
  for (const auto& [name, fn] : charts) {
    router.Get(std::string("/gebied/{code}/grafiek/") + name + ".svg", read, [&app, fn](Request& req) {
      const std::string code = NormalizeAreaCode(req.Param("code"));
      return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
        auto svg = fn(db, req, code);
        if (!svg) return Fail(svg.error());
        return Svg(std::move(*svg));
      });
    });
  }
  router.Get("/gebied/{code}/indicator.csv", read, [&app](Request& req) { return IndicatorDownload(app, req, false); });
  router.AddSlow(Method::kGet, "/gebied/{code}/indicator.xlsx", read,
                 [&app](Request& req) { return IndicatorDownload(app, req, true); });
}

}  // namespace wk::web
