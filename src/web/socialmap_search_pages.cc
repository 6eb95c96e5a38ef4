// The social map's search page (issue 4): GET /sociale-kaart/zoeken. One form (a need in plain
// words and filters in fieldsets), the results as a numbered list with why each matched, a
// checkbox per hit for the wegwijzer (GET /sociale-kaart/wegwijzer?dienst=ID&dienst=ID), paging,
// and a Leaflet map of the results (socialmap_search.js; without JavaScript the list alone).
// Parameters and the view: socialmap_search.h.
#include <nlohmann/json.hpp>

#include "app.h"
#include "problem.h"
#include "socialmap_search.h"
#include "templates.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::web {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxAreaOptions = 400;  // gemeenten and their wijken in the datalist
constexpr std::string_view kFormId = "zoek";
// The radius choices (km) of "bij een punt".
constexpr std::string_view kRadii[] = {"0.5", "1", "2", "5", "10", "25"};

json Checkboxes(std::string_view taxonomy, std::string_view field, const std::vector<std::string>& checked) {
  json out = json::array();
  for (const auto& term : socialmap::Terms(taxonomy)) {
    const bool on = std::find(checked.begin(), checked.end(), term.code) != checked.end();
    out.push_back({{"name", field},
                   {"value", term.code},
                   {"label", term.name},
                   {"id", std::string(kFormId) + "-" + std::string(field) + "-" + term.code},
                   {"checked", on}});
  }
  return out;
}

// Gemeenten and their wijken for the datalist of "gebied" (a buurt can be typed by name or code).
Result<json> AreaOptions(store::Db& db) {
  json out = json::array();
  auto gemeenten = areas::Municipalities(db);
  if (!gemeenten) return Fail(gemeenten.error());
  for (const auto& g : *gemeenten) {
    if (out.size() >= kMaxAreaOptions) break;
    out.push_back({{"value", g.name}, {"label", "gemeente, " + g.code}});
    auto wijken = areas::Children(db, g.code);
    if (!wijken) return Fail(wijken.error());
    for (const auto& w : *wijken) {
      if (out.size() >= kMaxAreaOptions) break;
      out.push_back({{"value", w.name}, {"label", "wijk in " + g.name + ", " + w.code}});
    }
  }
  return out;
}

bool HasFilters(const SearchParams& p) {
  return !p.domains.empty() || !p.laws.empty() || !p.target_groups.empty() || !p.access_routes.empty() ||
         !p.formal.empty() || !p.area.empty() || !p.age.empty() || !p.open_at.empty() || !p.near.empty();
}

json FormData(const SearchParams& p, json area_options) {
  json radii = json::array();
  const std::string radius = p.radius.empty() ? "2" : p.radius;
  for (std::string_view r : kRadii) {
    std::string label = std::string(r) == "0.5" ? "500 m" : std::string(r) + " km";
    radii.push_back({{"value", r}, {"label", label}, {"selected", radius == r}});
  }
  return {{"need", p.need},
          {"domains", Checkboxes(socialmap::kDomainTaxonomy, "domein", p.domains)},
          {"laws", Checkboxes(socialmap::kLawTaxonomy, "wet", p.laws)},
          {"target_groups", Checkboxes(socialmap::kTargetGroupTaxonomy, "doelgroep", p.target_groups)},
          {"access_routes", Checkboxes(socialmap::kAccessTaxonomy, "toegang", p.access_routes)},
          {"formal_any", p.formal.empty()},
          {"formal_yes", p.formal == "ja"},
          {"formal_no", p.formal == "nee"},
          {"area", p.area},
          {"area_options", std::move(area_options)},
          {"age", p.age},
          {"open_at", p.open_at},
          {"near", p.near},
          {"radii", radii},
          {"filters_open", HasFilters(p)}};
}

// Suggestions when nothing is found: fewer words, without filters, a wider radius.
json Suggestions(const SearchParams& p) {
  json out = json::array();
  if (!text::Trim(p.need).empty()) {
    out.push_back({{"text",
                    "Gebruik minder of andere woorden, bijvoorbeeld ‘koffie’ in plaats van "
                    "‘koffieochtend voor ouderen’."}});
  }
  SearchParams bare;
  bare.need = p.need;
  if (HasFilters(p)) {
    out.push_back({{"text", "Zoek zonder de filters."}, {"href", "/sociale-kaart/zoeken?" + SearchQueryString(bare)}});
  }
  if (!p.near.empty()) {
    SearchParams wider = p;
    wider.radius = "10";
    if (p.radius != "10" && p.radius != "25") {
      out.push_back(
          {{"text", "Zoek in een straal van 10 km."}, {"href", "/sociale-kaart/zoeken?" + SearchQueryString(wider)}});
    }
  }
  out.push_back({{"text", "Zoek een gebied op naam in plaats van een buurt, bijvoorbeeld ‘Overvecht’."}});
  return out;
}

json Paging(const SearchParams& p, int total) {
  const int pages = (total + kSearchPageSize - 1) / kSearchPageSize;
  if (pages <= 1) return nullptr;
  json out = {{"label", "Pagina " + std::to_string(p.page) + " van " + std::to_string(pages)}};
  if (p.page > 1) out["previous"] = "/sociale-kaart/zoeken?" + SearchQueryString(p, p.page - 1);
  if (p.page < pages) out["next"] = "/sociale-kaart/zoeken?" + SearchQueryString(p, p.page + 1);
  return out;
}

json ErrorData(const Error& error) {
  const std::string field = error.field.empty() ? "behoefte" : error.field;
  return {{"id", kFormId},
          {"has_errors", true},
          {"summary", json::array({{{"href", "#" + std::string(kFormId) + "-" + field}, {"message", error.message}}})},
          {"field", field},
          {"message", error.message}};
}

json MapData(const App& app, const socialmap::SearchQuery& q, const std::vector<socialmap::SearchHit>& hits,
             json points) {
  json map = {{"points", points.dump()}, {"label", "Kaart van de gevonden diensten op deze pagina"}};
  if (q.near_lat && q.near_lon) {
    map["point"] = std::to_string(*q.near_lat) + "," + std::to_string(*q.near_lon);
    map["radius_m"] = q.radius_km > 0 ? std::to_string(static_cast<int>(q.radius_km * 1000)) : "";
  }
  const std::string outline = !q.area_served.empty() ? q.area_served : q.near_area;
  if (!outline.empty()) map["area_url"] = "/api/v1/areas/" + outline + "/geometry";
  // Without background tiles the markers need a place: the wijken of the first hit's gemeente,
  // as light named shapes. A buurt's CBS code holds its gemeente's number (BU0344xxxx -> GM0344).
  for (const auto& hit : hits) {
    for (const auto& l : hit.service.locations) {
      if (l.area_code.size() == 10 && l.area_code.starts_with("BU") && !map.contains("context_url")) {
        map["context_url"] = "/api/v1/areas/GM" + l.area_code.substr(2, 4) + "/children/geometry";
      }
    }
  }
  if (!app.options.tile_url.empty()) {
    std::string host = app.options.tile_url;
    if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    map["tile_url"] = app.options.tile_url;
    map["tile_attribution"] = "Kaarttegels: " + host.substr(0, host.find('/'));
  }
  return map;
}

Response SearchPage(App& app, Request& req) {
  const SearchParams params = ReadSearchParams(req);
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  store::Db& db = lease->db();
  auto snapshot = store::ReadTransaction::Begin(db);  // one consistent view for all queries
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  auto area_options = AreaOptions(db);
  if (!area_options) return ErrorResponse(req, area_options.error());
  json data = {{"form", FormData(params, std::move(*area_options))}, {"searched", params.searched}};
  if (!params.searched) return RenderPage(req, "Zoeken in de sociale kaart", "socialmap_search", data);

  std::vector<socialmap::MatchReason> understood;
  auto query = BuildSearchQuery(db, params, &understood);
  Result<socialmap::SearchResult> found = query ? socialmap::Search(db, *query) : Fail(query.error());
  if (!found) {
    if (found.error().code != ErrorCode::kInvalid) return ErrorResponse(req, found.error());
    data["errors"] = ErrorData(found.error());
    data["form"]["filters_open"] = true;
    data["form"]["error_" + data["errors"]["field"].get<std::string>()] = found.error().message;
    return RenderPage(req, "Zoeken in de sociale kaart: fout", "socialmap_search", data, 400);
  }
  json understood_items = json::array();
  for (const auto& u : understood) understood_items.push_back({{"kind", u.kind}, {"label", u.label}});
  auto view = HitsView(db, *found, (params.page - 1) * kSearchPageSize + 1);
  if (!view) return ErrorResponse(req, view.error());
  data["count_text"] = CountText(found->total);
  data["total"] = found->total;
  data["understood"] = understood_items;
  data["has_understood"] = !understood_items.empty();
  data["hits"] = (*view)["hits"];
  data["has_hits"] = !found->hits.empty();
  data["first"] = (params.page - 1) * kSearchPageSize + 1;
  data["paging"] = Paging(params, found->total);
  if (found->hits.empty()) data["suggestions"] = Suggestions(params);
  if (!(*view)["points"].empty()) {
    data["map"] = MapData(app, *query, found->hits, (*view)["points"]);
    data["needs_map"] = true;  // the layout loads Leaflet
  }
  const std::string title = params.need.empty() ? "Zoeken in de sociale kaart" : "Zoeken: " + params.need;
  return RenderPage(req, title, "socialmap_search", data);
}

}  // namespace

void RegisterSocialMapSearchPages(Router& router, App& app) {
  router.Get("/sociale-kaart/zoeken", Access::Needs(accounts::Action::kReadSocialMap),
             [&app](Request& req) { return SearchPage(app, req); });
}

}  // namespace wk::web
