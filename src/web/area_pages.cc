// Home page, area pages (gemeente, wijk, buurt: key figures, choropleth map, profile by theme),
// the key-figures CSV download and the search page.
// Handlers only read: they lease a connection, call the areas module and render a template.
#include <map>
#include <nlohmann/json.hpp>

#include "app.h"
#include "area_data.h"
#include "area_page_state.h"
#include "area_profile_page.h"
#include "choropleth_view.h"
#include "csv.h"
#include "figures_view.h"
#include "problem.h"
#include "socialmap_area_tab.h"
#include "templates.h"
#include "wk/accounts/users.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/profile/profile.h"

namespace wk::web {
namespace {

using nlohmann::json;

constexpr int kSearchLimit = 25;
constexpr std::size_t kMaxQueryLength = 100;

std::string AreaHref(std::string_view code) {
  return "/gebied/" + std::string(code);
}

json AreaLink(const areas::Area& a) {
  return {{"code", a.code}, {"name", a.name}, {"href", AreaHref(a.code)}, {"level", areas::LevelLabel(a.level)}};
}

json AreaLinks(const std::vector<areas::Area>& list) {
  json out = json::array();
  for (const auto& a : list) out.push_back(AreaLink(a));
  return out;
}

// The areas of the user's teams (those that exist), then every gemeente.
Response Home(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  store::Db& db = lease->db();
  auto codes = accounts::TeamAreaCodes(db, *req.principal);
  if (!codes) return ErrorResponse(req, codes.error());
  auto snapshot = store::ReadTransaction::Begin(db);
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  std::vector<areas::Area> mine;
  for (const auto& code : *codes) {
    auto area = areas::GetArea(db, code);
    if (area) {
      mine.push_back(std::move(*area));
    } else if (area.error().code != ErrorCode::kNotFound) {
      return ErrorResponse(req, area.error());
    }  // a team may name an area that is not imported yet
  }
  auto municipalities = areas::Municipalities(db);
  if (!municipalities) return ErrorResponse(req, municipalities.error());
  json data = {
      {"my_areas", AreaLinks(mine)},
      {"municipalities", AreaLinks(*municipalities)},
      {"has_my_areas", !mine.empty()},
      {"has_municipalities", !municipalities->empty()},
  };
  return RenderPage(req, "Mijn gebieden", "home", data);
}

// Start › Utrecht › Overvecht: the ancestors as links, the area itself as the current page.
json Breadcrumb(const std::vector<areas::Area>& ancestors, const areas::Area& area) {
  json items = json::array({{{"name", "Start"}, {"href", "/"}}});
  for (const auto& a : ancestors) items.push_back({{"name", a.name}, {"href", AreaHref(a.code)}});
  items.push_back({{"name", area.name}, {"current", true}});
  return items;
}

// The map element's data: where map.js fetches the shapes. `parent_code` is the area whose children
// are drawn (the area itself, or a buurt's wijk). Absent when nothing can be drawn.
json MapData(const App& app, const areas::Area& area, const areas::Area* parent,
             const std::vector<areas::Area>& coloured) {
  bool children_have_shapes = false;
  for (const auto& c : coloured) children_have_shapes = children_have_shapes || c.bbox.has_value();
  if (!area.bbox && !children_have_shapes) return nullptr;
  std::string child_plural = parent == nullptr ? "" : text::ToLowerAscii(areas::ChildLevelLabelPlural(parent->level));
  std::string label = "Kaart van " + area.name;
  if (parent != nullptr && parent->code == area.code && !child_plural.empty()) {
    label += " met de " + child_plural;
  } else if (parent != nullptr) {
    label = "Kaart van de " + child_plural + " van " + parent->name + "; " + area.name + " is omlijnd";
  }
  json map = {
      {"boundary_url", area.bbox ? "/api/v1/areas/" + area.code + "/geometry" : ""},
      {"children_url", children_have_shapes ? "/api/v1/areas/" + parent->code + "/children/geometry" : ""},
      {"label", label},
  };
  if (!app.options.tile_url.empty()) {
    // TODO: a configurable attribution; until then the tile server's host is named.
    std::string host = app.options.tile_url;
    auto scheme = host.find("://");
    if (scheme != std::string::npos) host = host.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    map["tile_url"] = app.options.tile_url;
    map["tile_attribution"] = "Kaarttegels: " + host;
  }
  return map;
}

// Key figures of `year` with their source, and the year selector when there is a choice.
Result<json> FiguresData(store::Db& db, const areas::Area& area, const std::vector<int>& years, int year) {
  auto figures = areas::KeyFigures(db, area.code, year);
  if (!figures) return Fail(figures.error());
  json rows = json::array();
  for (const auto& r : KeyFigureRows(*figures)) {
    rows.push_back({{"label", r.label},
                    {"value", r.value},
                    {"value_missing", r.value_missing},
                    {"share", r.share ? json(*r.share) : json("")},
                    {"share_missing", r.share_missing}});
  }
  json year_options = json::array();
  for (int y : years) year_options.push_back({{"year", y}, {"selected", y == year}});
  return json{{"year", year},
              {"rows", rows},
              {"has_rows", !rows.empty()},
              {"source", SourceLine(*figures)},
              {"years", year_options},
              {"has_year_choice", years.size() > 1}};
}

// The children with their inhabitants in `year` (missing when there are no figures).
Result<json> ChildrenData(store::Db& db, const areas::Area& area, const std::vector<areas::Area>& children,
                          std::optional<int> year) {
  // The columns of the children's table: the key figures a professional compares first.
  struct Column {
    const char* code;
    const char* key;
  };
  static constexpr Column kColumns[] = {{"a_inw", "inhabitants"},
                                        {"p_00_14", "young"},
                                        {"p_65_oo", "elderly"},
                                        {"a_hh", "households"},
                                        {"p_1p_hh", "one_person"}};
  json rows = json::array();
  for (const auto& c : children) {
    std::vector<areas::Figure> figures;
    if (year) {
      auto found = areas::KeyFigures(db, c.code, year);
      if (!found) return Fail(found.error());
      figures = std::move(*found);
    }
    json row = AreaLink(c);
    for (const auto& col : kColumns) {
      std::optional<double> value = FigureValue(figures, col.code);
      const areas::IndicatorDef* def = areas::FindIndicator(col.code);
      row[col.key] = value && def != nullptr ? areas::FormatValue(*def, *value) : std::string(kMissingValue);
      row[std::string(col.key) + "_missing"] = !value;
    }
    rows.push_back(row);
  }
  std::string plural(areas::ChildLevelLabelPlural(area.level));
  return json{{"heading", plural + " in " + area.name},
              {"plural_lower", text::ToLowerAscii(plural)},
              {"rows", rows},
              {"has_rows", !rows.empty()}};
}

// What the area handlers start with: a connection, one read snapshot (a consistent view for all
// their queries), and the area itself. Members end in reverse order: the snapshot before the lease.
struct AreaRead {
  store::Database::Lease lease;
  store::ReadTransaction snapshot;
  areas::Area area;
  store::Db& db() { return lease.db(); }
};

Result<AreaRead> BeginAreaRead(App& app, const std::string& code) {
  auto lease = app.database.Acquire();
  if (!lease) return Fail(lease.error());
  auto snapshot = store::ReadTransaction::Begin(lease->db());
  if (!snapshot) return Fail(snapshot.error());
  auto area = areas::GetArea(lease->db(), code);
  if (!area) return Fail(area.error());
  return AreaRead{std::move(*lease), std::move(*snapshot), std::move(*area)};
}

// Hidden fields that keep the page's state in a form that sets the other parameters itself.
json KeepFields(const AreaPageState& state, bool for_map_form) {
  json fields = json::array();
  auto keep = [&](const char* name, const std::string& value) {
    if (!value.empty()) fields.push_back({{"name", name}, {"value", value}});
  };
  if (for_map_form) {
    keep("jaar", state.year ? std::to_string(*state.year) : "");
    keep("thema", state.theme);
    keep("trend", state.trend);
  } else {
    keep("thema", state.theme);
    keep("kaart", state.map_indicator);
    keep("kaartjaar", state.map_year ? std::to_string(*state.map_year) : "");
    keep("indeling", state.method == ClassMethod::kQuantile ? "" : std::string(ClassMethodName(state.method)));
    keep("trend", state.trend);
  }
  return fields;
}

// The area page: key figures, the choropleth map of the children, the profile by theme and the
// children. htmx asks for a part only (HX-Target "profiel" or "kaart-paneel") when a theme tab or
// the map form changes; the same URL without htmx gives the whole page.
Response AreaPage(App& app, Request& req) {
  std::string code = NormalizeAreaCode(req.Param("code"));
  auto state = ReadAreaPageState(req);
  if (!state) return ErrorResponse(req, state.error());
  auto read = BeginAreaRead(app, code);
  if (!read) return ErrorResponse(req, read.error());
  store::Db& db = read->db();
  const areas::Area* area = &read->area;
  auto ancestors = areas::Ancestors(db, code);
  auto children = areas::Children(db, code);
  auto years = areas::Years(db, code);
  if (!ancestors || !children || !years) {
    return ErrorResponse(req, !ancestors ? ancestors.error() : !children ? children.error() : years.error());
  }
  const bool partial = req.Header("hx-request") == "true" && req.Header("hx-history-restore-request") != "true";
  const std::string target = partial ? req.Header("hx-target") : "";
  std::optional<int> year;
  if (!years->empty()) {
    auto chosen = ChooseYear(*years, state->year, "jaar");
    if (!chosen) return ErrorResponse(req, chosen.error());
    year = *chosen;
  }
  json data = {{"area", {{"code", area->code}, {"name", area->name}, {"level", areas::LevelLabel(area->level)}}},
               {"breadcrumb", Breadcrumb(*ancestors, *area)},
               {"missing_text", kMissingValue}};

  // The map: the children, or the buurt among the buurten of its wijk.
  std::string parent_code = MapParentCode(*area, !children->empty());
  if (target.empty() || target == "kaart-paneel") {
    std::vector<areas::Area> coloured = *children;
    std::optional<areas::Area> parent;
    if (!parent_code.empty() && parent_code != area->code) {
      auto siblings = areas::Children(db, parent_code);
      auto wijk = areas::GetArea(db, parent_code);
      if (!siblings || !wijk) return ErrorResponse(req, !siblings ? siblings.error() : wijk.error());
      coloured = std::move(*siblings);
      parent = std::move(*wijk);
    } else if (!parent_code.empty()) {
      parent = *area;
    }
    data["map"] = MapData(app, *area, parent ? &*parent : nullptr, coloured);
    data["needs_map"] = !data["map"].is_null();
    AreaPageState map_state = *state;
    map_state.year = year;
    auto choropleth = ChoroplethData(db, *area, parent_code, map_state);
    if (!choropleth) return ErrorResponse(req, choropleth.error());
    data["choropleth"] = *choropleth;
    if (!choropleth->is_null()) data["choropleth"]["keep"] = KeepFields(*state, true);
    data["has_map_section"] = !data["map"].is_null() || !choropleth->is_null();
    if (target == "kaart-paneel") {
      Response r = Response::Html(RenderTemplate("area_map_panel", data));
      r.Header("Vary", "HX-Request, HX-Target");
      return r;
    }
  }
  if (year) {
    auto profile = profile::AreaProfile(db, code, *year);
    if (!profile) return ErrorResponse(req, profile.error());
    // The Sociale kaart tab is not a theme of the profile (socialmap_area_tab.h).
    const bool social_tab = state->theme == kSocialMapTab;
    AreaPageState profile_state = *state;
    if (social_tab) profile_state.theme.clear();
    auto section = ProfileSection(*profile, profile_state);
    if (!section) return ErrorResponse(req, section.error());
    if (accounts::Can(*req.principal, accounts::Action::kReadSocialMap)) {
      if (auto tab = AddSocialMapTab(*section, db, *area, *state, *year); !tab) return ErrorResponse(req, tab.error());
    }
    if (!social_tab) {
      auto charts = ProfileCharts(db, *profile, (*section)["theme"].get<std::string>(), *state);
      if (!charts) return ErrorResponse(req, charts.error());
      (*section)["charts"] = *charts;
    }
    data["profile"] = *section;
    if (target == "profiel") {
      Response r = Response::Html(RenderTemplate("area_profile", data));
      r.Header("Vary", "HX-Request, HX-Target");
      return r;
    }
    auto figures = FiguresData(db, *area, *years, *year);
    if (!figures) return ErrorResponse(req, figures.error());
    data["figures"] = *figures;
    data["figures"]["keep"] = KeepFields(*state, false);
    auto choices = CompareChoices(db, *area);
    if (!choices) return ErrorResponse(req, choices.error());
    if (!choices->empty()) {
      data["compare"] = {{"year", *year}, {"groups", *choices}, {"theme", (*section)["theme"]}};
    }
  }
  if (!children->empty()) {
    auto kids = ChildrenData(db, *area, *children, year);
    if (!kids) return ErrorResponse(req, kids.error());
    data["children"] = *kids;
  }
  if (year) {
    std::string csv = AreaHref(area->code) + "/kerncijfers.csv?jaar=" + std::to_string(*year);
    std::string profile = AreaHref(area->code) + "/profiel.";
    data["downloads"] = {{"excel", csv + "&variant=excel"},
                         {"plain", csv + "&variant=plain"},
                         {"profile_xlsx", profile + "xlsx?jaar=" + std::to_string(*year)},
                         {"profile_csv", profile + "csv?jaar=" + std::to_string(*year)},
                         {"year", *year},
                         {"of_children", !children->empty()},
                         {"children_label", text::ToLowerAscii(areas::ChildLevelLabelPlural(area->level))}};
  }
  Response r = RenderPage(req, area->name + " (" + std::string(areas::LevelLabel(area->level)) + ")", "area", data);
  r.Header("Vary", "HX-Request, HX-Target");
  return r;
}

// The key figures of the area's children (of the area itself for a buurt) as CSV.
Response KeyFiguresCsv(App& app, Request& req) {
  std::string code = NormalizeAreaCode(req.Param("code"));
  auto variant = ParseCsvVariant(req.Query("variant").value_or("excel"));
  if (!variant) {
    return ErrorResponse(req, Error{ErrorCode::kInvalid, "Kies variant=excel of variant=plain.", "variant", {}});
  }
  auto wanted = ParseYear(req.Query("jaar"), "jaar");
  if (!wanted) return ErrorResponse(req, wanted.error());
  auto read = BeginAreaRead(app, code);
  if (!read) return ErrorResponse(req, read.error());
  store::Db& db = read->db();
  const areas::Area* area = &read->area;
  auto years = areas::Years(db, code);
  if (!years) return ErrorResponse(req, years.error());
  auto year = ChooseYear(*years, *wanted, "jaar");
  if (!year) return ErrorResponse(req, year.error());
  auto children = areas::Children(db, code);
  if (!children) return ErrorResponse(req, children.error());
  std::vector<areas::Area> rows = children->empty() ? std::vector<areas::Area>{*area} : *children;

  std::vector<const areas::IndicatorDef*> columns;
  for (const auto& def : areas::Catalogue()) {
    if (def.key_figure) columns.push_back(&def);
  }
  CsvWriter csv(*variant);
  bool excel = *variant == CsvVariant::kExcel;
  csv.Text(excel ? "Gebiedscode" : "code").Text(excel ? "Naam" : "name").Text(excel ? "Niveau" : "level");
  csv.Text(excel ? "Jaar" : "year");
  for (const auto* def : columns) {
    bool plain_count = def->unit.empty() || def->unit == "aantal";
    csv.Text(!excel ? def->code : plain_count ? def->label : def->label + " (" + def->unit + ")");
  }
  csv.Text(excel ? "Bron" : "source").EndRow();
  for (const auto& a : rows) {
    auto figures = areas::KeyFigures(db, a.code, *year);
    if (!figures) return ErrorResponse(req, figures.error());
    csv.Text(a.code).Text(a.name).Text(excel ? areas::LevelLabel(a.level) : areas::LevelName(a.level));
    csv.Number(*year, 0);
    for (const auto* def : columns) csv.Number(FigureValue(*figures, def->code), def->decimals);
    csv.Text(SourceLine(*figures).substr(6)).EndRow();  // without "Bron: "
  }
  Response r = Response::Text(csv.Take());
  r.content_type = "text/csv; charset=utf-8; header=present";
  std::string file = "kerncijfers-" + area->code + "-" + std::to_string(*year) + (excel ? "-excel" : "") + ".csv";
  r.Header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return r;
}

// Search results with level and parent; the parent names are looked up once each.
Result<json> SearchData(store::Db& db, const std::string& q) {
  json data = {{"q", q}, {"searched", !q.empty()}, {"results", json::array()}};
  if (q.empty()) return data;
  auto found = areas::SearchAreas(db, q, kSearchLimit);
  if (!found) return Fail(found.error());
  std::map<std::string, std::string> parent_names;
  for (const auto& a : *found) {
    json item = AreaLink(a);
    if (!a.parent_code.empty()) {
      auto it = parent_names.find(a.parent_code);
      if (it == parent_names.end()) {
        auto parent = areas::GetArea(db, a.parent_code);
        it = parent_names.emplace(a.parent_code, parent ? parent->name : a.parent_code).first;
      }
      item["parent"] = it->second;
    }
    data["results"].push_back(item);
  }
  std::size_t n = found->size();
  data["count_text"] = n == 0   ? "Geen gebieden gevonden voor ‘" + q + "’."
                       : n == 1 ? "1 gebied gevonden voor ‘" + q + "’."
                                : std::to_string(n) + " gebieden gevonden voor ‘" + q + "’.";
  data["has_results"] = n > 0;
  return data;
}

Response SearchPage(App& app, Request& req) {
  std::string q(text::Trim(req.Query("q").value_or("")));
  if (q.size() > kMaxQueryLength) q.resize(kMaxQueryLength);
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto snapshot = store::ReadTransaction::Begin(lease->db());  // one consistent view for all queries
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  auto data = SearchData(lease->db(), q);
  if (!data) return ErrorResponse(req, data.error());
  // htmx asks for the results only while the user types; a history restore needs the whole page.
  if (req.Header("hx-request") == "true" && req.Header("hx-history-restore-request") != "true") {
    Response r = Response::Html(RenderTemplate("search_results", *data));
    r.Header("Vary", "HX-Request");
    return r;
  }
  Response r = RenderPage(req, q.empty() ? "Zoeken" : "Zoeken: " + q, "search", *data);
  r.Header("Vary", "HX-Request");
  return r;
}

}  // namespace

void RegisterAreaRoutes(Router& router, App& app) {
  const Access read = Access::Needs(accounts::Action::kReadStatistics);
  router.Get("/", read, [&app](Request& req) { return Home(app, req); });
  router.Get("/gebied/{code}", read, [&app](Request& req) { return AreaPage(app, req); });
  router.Get("/gebied/{code}/kerncijfers.csv", read, [&app](Request& req) { return KeyFiguresCsv(app, req); });
  router.Get("/zoeken", read, [&app](Request& req) { return SearchPage(app, req); });
}

}  // namespace wk::web
