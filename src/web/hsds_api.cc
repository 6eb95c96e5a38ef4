// The read-only HSDS 3.0 API under /hsds/ (issue 4 section 3, ADR 13): the eleven paths of the
// HSDS OpenAPI document (../shared/data/hsds/3.0/schema/openapi.json) with its paging (page,
// per_page) and the filters of /services and /service_at_locations. The objects come from
// socialmap's hsds.h; tests/integration/hsds_api.test.mjs validates every answer against the HSDS
// document with ajv.
//
// Access: open to anyone once the beheerder has published the social map
// (socialmap::IsPublished); before that only to logged-in users (session or API token) whose role
// may read the social map. The routes are public to the auth middleware (which still resolves a
// session or token when one is sent) and this file decides, because the rule depends on data.
// Errors are RFC 9457 problem documents (every /hsds/ request counts as an API request).
#include <nlohmann/json.hpp>
#include <regex>

#include "app.h"
#include "cached_read.h"
#include "problem.h"
#include "wk/core/text.h"
#include "wk/socialmap/hsds.h"
#include "wk/socialmap/socialmap.h"

namespace wk::web {
namespace {

using nlohmann::json;

// The HSDS document this API implements, as the HSDS 3.0 example base.json names it.
constexpr std::string_view kHsdsOpenApiUrl =
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

Response NotPublished(const Request& req) {
  Response r = ErrorResponse(req, Error{ErrorCode::kUnauthenticated,
                                        "De sociale kaart is niet openbaar gepubliceerd: log in, of stuur een "
                                        "API-token mee als 'Authorization: Bearer …'.",
                                        {},
                                        {}});
  r.Header("WWW-Authenticate", "Bearer realm=\"wijkkompas\"");
  return r;
}

Result<int> IntParam(const Request& req, std::string_view name, int fallback, int max, std::string message) {
  auto raw = req.Query(name);
  if (!raw || text::Trim(*raw).empty()) return fallback;
  auto n = text::ParseInt(*raw);
  if (!n || *n < 1 || *n > max) return Fail(ErrorCode::kInvalid, std::move(message), std::string(name));
  return static_cast<int>(*n);
}

Result<socialmap::HsdsPage> PageOf(const Request& req) {
  auto page = IntParam(req, "page", 1, 1'000'000, "page moet een geheel getal vanaf 1 zijn.");
  if (!page) return Fail(page.error());
  auto per_page = IntParam(req, "per_page", 50, socialmap::kHsdsMaxPerPage,
                           "per_page moet een geheel getal van 1 tot en met 1000 zijn.");
  if (!per_page) return Fail(per_page.error());
  return socialmap::HsdsPage{.page = *page, .per_page = *per_page};
}

// The filters a list route takes, into the JSON object hsds.h expects. Booleans are "true" or
// "false"; modified_after a date or a UTC date-time, compared to the second.
struct FilterNames {
  std::vector<std::string> strings;  // passed on trimmed
  std::vector<std::string> flags;    // "true" or "false"
  bool modified_after = false;
};

Result<json> FiltersOf(const Request& req, const FilterNames& names) {
  json f = json::object();
  for (const auto& name : names.strings) {
    if (auto v = req.Query(name); v && !text::Trim(*v).empty()) f[name] = std::string(text::Trim(*v));
  }
  for (const auto& name : names.flags) {
    auto v = req.Query(name);
    if (!v || v->empty()) continue;
    if (*v != "true" && *v != "false") return Fail(ErrorCode::kInvalid, name + " moet true of false zijn.", name);
    f[name] = *v == "true";
  }
  if (auto v = req.Query("modified_after"); names.modified_after && v && !v->empty()) {
    static const std::regex kDateTime(R"((\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z?)?)");
    std::smatch m;
    if (!std::regex_match(*v, m, kDateTime)) {
      return Fail(ErrorCode::kInvalid,
                  "modified_after moet een datum (2026-11-01) of een UTC-tijdstip (2026-11-01T09:30:00Z) zijn.",
                  "modified_after");
    }
    std::string when = m[1].str();
    if (m[2].matched) when += m[2].str().substr(0, m[3].matched ? 9 : 6);
    f["modified_after"] = when;
  }
  if (auto v = req.Query("format"); v && !v->empty() && *v != "json") {
    return Fail(ErrorCode::kInvalid, "Alleen format=json wordt ondersteund.", "format");
  }
  return f;
}

Response JsonAnswer(const json& body) {
  Response r = Response::Json(body.dump());
  // Published data for other sites' scripts; cookies are never sent along with "*".
  r.Header("Access-Control-Allow-Origin", "*");
  return r;
}

// Runs `fn(db)` in one read snapshot if the caller may read /hsds/ (see the top of this file).
template <class Fn>
Response HsdsRead(App& app, Request& req, Fn&& fn) {
  return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
    if (req.principal) {
      if (!accounts::Can(*req.principal, accounts::Action::kReadSocialMap)) {
        return Fail(ErrorCode::kPermissionDenied, "U hebt geen toegang tot deze pagina of functie.");
      }
    } else {
      auto published = socialmap::IsPublished(db);
      if (!published) return Fail(published.error());
      if (!*published) return NotPublished(req);
    }
    Result<json> body = fn(db);
    if (!body) return Fail(body.error());
    return JsonAnswer(*body);
  });
}

// A list route: page, filters, then `list(db, filters, page)`.
template <class List>
Handler ListRoute(App& app, FilterNames names, List list) {
  return [&app, names = std::move(names), list](Request& req) {
    auto page = PageOf(req);
    if (!page) return ErrorResponse(req, page.error());
    auto filters = FiltersOf(req, names);
    if (!filters) return ErrorResponse(req, filters.error());
    return HsdsRead(app, req, [&](store::Db& db) { return list(db, *filters, *page); });
  };
}

}  // namespace

void RegisterHsdsApiRoutes(Router& router, App& app) {
  const Access open = Access::Public();  // HsdsRead decides
  router.Get("/hsds/", open, [&app](Request& req) {
    return HsdsRead(app, req, [](store::Db&) -> Result<json> {
      return json{{"version", "3.0"}, {"openapi_url", kHsdsOpenApiUrl}};
    });
  });

  router.Get(
      "/hsds/services", open,
      ListRoute(app, {{"search", "taxonomy_term_id", "taxonomy_id", "organization_id"}, {"minimal", "full"}, true},
                socialmap::HsdsServiceList));
  router.Get("/hsds/services/{id}", open, [&app](Request& req) {
    return HsdsRead(app, req, [&](store::Db& db) { return socialmap::HsdsServiceJson(db, req.Param("id")); });
  });

  router.Get("/hsds/organizations", open,
             ListRoute(app, {{"search"}, {"full", "full_service"}}, socialmap::HsdsOrganizationList));
  router.Get("/hsds/organizations/{id}", open, [&app](Request& req) {
    auto flags = FiltersOf(req, {.flags = {"full_service"}});
    if (!flags) return ErrorResponse(req, flags.error());
    const bool full_service = flags->value("full_service", false);
    return HsdsRead(app, req,
                    [&](store::Db& db) { return socialmap::HsdsOrganizationJson(db, req.Param("id"), full_service); });
  });

  // HSDS's `proximity` is metres from the centroid of a postcode; without a postcode register
  // there is no such centroid here, so it is refused rather than ignored.
  auto sal_list =
      ListRoute(app, {{"search", "taxonomy_term_id", "taxonomy_id", "organization_id", "postcode"}, {"full"}, true},
                socialmap::HsdsServiceAtLocationList);
  router.Get("/hsds/service_at_locations", open, [sal_list](Request& req) {
    if (auto p = req.Query("proximity"); p && !p->empty()) {
      return ErrorResponse(req,
                           Error{ErrorCode::kInvalid,
                                 "proximity wordt niet ondersteund: Wijkkompas kent geen middelpunten van postcodes. "
                                 "Gebruik postcode, of /api/v1/socialmap/services met near en radius_km.",
                                 "proximity",
                                 {}});
    }
    return sal_list(req);
  });
  router.Get("/hsds/service_at_locations/{id}", open, [&app](Request& req) {
    return HsdsRead(app, req, [&](store::Db& db) { return socialmap::HsdsServiceAtLocationJson(db, req.Param("id")); });
  });

  router.Get("/hsds/taxonomies", open, ListRoute(app, {{"search"}}, socialmap::HsdsTaxonomyList));
  router.Get("/hsds/taxonomies/{id}", open, [&app](Request& req) {
    return HsdsRead(app, req, [&](store::Db& db) { return socialmap::HsdsTaxonomyJson(db, req.Param("id")); });
  });

  router.Get("/hsds/taxonomy_terms", open,
             ListRoute(app, {{"search", "taxonomy_id", "parent_id"}, {"top_only"}}, socialmap::HsdsTaxonomyTermList));
  router.Get("/hsds/taxonomy_terms/{id}", open, [&app](Request& req) {
    return HsdsRead(app, req, [&](store::Db& db) { return socialmap::HsdsTaxonomyTermJson(db, req.Param("id")); });
  });
}

}  // namespace wk::web
