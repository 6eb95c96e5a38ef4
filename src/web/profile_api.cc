// GET /api/v1/areas/{code}/profile?year=&format=json|csv|xlsx[&variant=excel|plain]: the profile
// of an area (profile::AreaProfile) as JSON (schema Profile in web/openapi.json), or its export
// (reports::ProfileCsv, ProfileXlsx) as a download. tests/integration/profile_api.test.mjs checks
// the answers against web/openapi.json.
//
// Not through the read cache (read_cache.h): a profile's JSON (about 80 KB for a buurt) is larger
// than ReadCache::kMaxBody, and the exports carry a Content-Disposition header.
#include <nlohmann/json.hpp>

#include "area_data.h"
#include "downloads.h"
#include "profile_json.h"
#include "wk/areas/areas.h"
#include "wk/profile/profile.h"
#include "wk/reports/export.h"

namespace wk::web {
namespace {

enum class Format { kJson, kCsv, kXlsx };

// The representation asked for. A value outside the list is a bad request (400, field "format"):
// it names no representation of the resource, unlike a bad year, which is invalid input (422).
Result<Format> ParseFormat(const Request& req) {
  std::string f = req.Query("format").value_or("json");
  if (f == "json" || f.empty()) return Format::kJson;
  if (f == "csv") return Format::kCsv;
  if (f == "xlsx") return Format::kXlsx;
  return Fail(ErrorCode::kInvalid, "Kies format=json, format=csv of format=xlsx.", "format");
}

Result<reports::CsvVariant> ParseVariant(const Request& req) {
  auto v = reports::ParseCsvVariant(req.Query("variant").value_or("excel"));
  if (!v) return Fail(ErrorCode::kInvalid, "Kies variant=excel of variant=plain.", "variant");
  return *v;
}

// The profile of `code` in the year asked for (query parameter `field`), by default the newest.
// A year without figures is kNotFound naming `field` (from AreaProfile).
Result<profile::Profile> LoadProfile(store::Db& db, const Request& req, const std::string& code,
                                     std::string_view field) {
  auto wanted = ParseYear(req.Query(field), field);
  if (!wanted) return Fail(wanted.error());
  std::optional<int> year = *wanted;
  if (!year) {
    auto area = areas::GetArea(db, code);
    if (!area) return Fail(area.error());
    auto years = areas::Years(db, code);
    if (!years) return Fail(years.error());
    auto newest = ChooseYear(*years, std::nullopt, field);
    if (!newest) return Fail(newest.error());
    year = *newest;
  }
  auto p = profile::AreaProfile(db, code, *year);
  if (!p) {
    Error e = p.error();
    if (e.field == "year") e.field = std::string(field);  // the page routes call it "jaar"
    return Fail(std::move(e));
  }
  return p;
}

Response ProfileApi(App& app, Request& req) {
  const std::string code = NormalizeAreaCode(req.Param("code"));
  auto format = ParseFormat(req);
  if (!format) return ErrorResponse(req, format.error(), 400);
  auto variant = ParseVariant(req);
  if (!variant) return ErrorResponse(req, variant.error(), 400);
  return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
    auto p = LoadProfile(db, req, code, "year");
    if (!p) return Fail(p.error());
    switch (*format) {
      case Format::kJson: return Response::Json(ProfileJson(*p).dump());
      case Format::kCsv:
        return Download(reports::ProfileCsv(*p, *variant), kCsvType,
                        CsvFileName(reports::ProfileFileName(*p, "csv"), *variant));
      case Format::kXlsx: {
        auto xlsx = reports::ProfileXlsx(*p, reports::ExportInfoNow());
        if (!xlsx) return Fail(xlsx.error());
        return Download(std::move(*xlsx), kXlsxType, reports::ProfileFileName(*p, "xlsx"));
      }
    }
    return Fail(ErrorCode::kInternal, "unknown format");
  });
}

// The downloads the area page links to: /gebied/{code}/profiel.csv?jaar=&variant= and
// /gebied/{code}/profiel.xlsx?jaar=. Errors are Dutch pages (problem documents for Accept: json).
Response ProfileDownload(App& app, Request& req, Format format) {
  const std::string code = NormalizeAreaCode(req.Param("code"));
  auto variant = ParseVariant(req);
  if (!variant) return ErrorResponse(req, variant.error(), 400);
  return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
    auto p = LoadProfile(db, req, code, "jaar");
    if (!p) return Fail(p.error());
    if (format == Format::kCsv) {
      return Download(reports::ProfileCsv(*p, *variant), kCsvType,
                      CsvFileName(reports::ProfileFileName(*p, "csv"), *variant));
    }
    auto xlsx = reports::ProfileXlsx(*p, reports::ExportInfoNow());
    if (!xlsx) return Fail(xlsx.error());
    return Download(std::move(*xlsx), kXlsxType, reports::ProfileFileName(*p, "xlsx"));
  });
}

}  // namespace

void RegisterProfileApiRoutes(Router& router, App& app) {
  const Access read = Access::Needs(accounts::Action::kReadStatistics);
  router.Get("/api/v1/areas/{code}/profile", read, [&app](Request& req) { return ProfileApi(app, req); });
  router.Get("/gebied/{code}/profiel.csv", read,
             [&app](Request& req) { return ProfileDownload(app, req, Format::kCsv); });
  // Writing a workbook takes a temporary file and some milliseconds: off the request threads.
  router.AddSlow(Method::kGet, "/gebied/{code}/profiel.xlsx", read,
                 [&app](Request& req) { return ProfileDownload(app, req, Format::kXlsx); });
}

}  // namespace wk::web
