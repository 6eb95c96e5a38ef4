// The comparison page: /vergelijk?gebieden=BU03440301,BU03440302&jaar=2024&thema=bevolking shows
// two to four areas side by side, one theme at a time (the same tabs as the area page): each
// area's value with its rank and percentile among its peers. Reached from the area page's
// "Vergelijk met…" form; works without JavaScript (GET forms and links only).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app.h"
#include "area_data.h"
#include "area_page_state.h"
#include "area_profile_page.h"
#include "figures_view.h"
#include "problem.h"
#include "profile_view.h"
#include "templates.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/profile/profile.h"
#include "wk/reports/area_charts.h"
#include "wk/reports/charts.h"

namespace wk::web {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCompared = 4;

// The codes of every `gebieden` parameter, comma-separated or repeated, upper case, each once.
Result<std::vector<std::string>> ComparedCodes(const Request& req) {
  std::vector<std::string> codes;
  auto [from, to] = req.query.equal_range("gebieden");
  for (auto it = from; it != to; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string code = NormalizeAreaCode(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
  }
  if (codes.empty()) return Fail(ErrorCode::kInvalid, "Kies de gebieden die u wilt vergelijken.", "gebieden");
  if (codes.size() > kMaxCompared) {
    return Fail(ErrorCode::kInvalid, "Vergelijk twee tot vier gebieden tegelijk.", "gebieden");
  }
  return codes;
}

std::string CompareHref(const std::vector<std::string>& codes, int year, const std::string& theme) {
  std::string list;
  for (const auto& c : codes) list += (list.empty() ? "" : ",") + c;
  return "/vergelijk?gebieden=" + list + "&jaar=" + std::to_string(year) +
         (theme.empty() ? "" : "&thema=" + QueryEscape(theme));
}

// The years every area has figures for, newest first.
Result<std::vector<int>> CommonYears(store::Db& db, const std::vector<areas::Area>& list) {
  std::vector<int> common;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto years = areas::Years(db, list[i].code);
    if (!years) return Fail(years.error());
    if (i == 0) {
      common = *years;
    } else {
      std::erase_if(common, [&](int y) { return std::find(years->begin(), years->end(), y) == years->end(); });
    }
  }
  return common;
}

const profile::IndicatorProfile* Find(const profile::Profile& p, const std::string& code) {
  for (const auto& ip : p.indicators) {
    if (ip.def->code == code) return &ip;
  }
  return nullptr;
}

// Rows of `theme`: one per indicator any of the areas has, in catalogue order.
// `sources` collects "CBS, Kerncijfers wijken en buurten 2024" of the values shown.
json CompareRows(const std::vector<const areas::IndicatorDef*>& all, const std::vector<profile::Profile>& profiles,
                 const std::string& theme, bool with_gemeente, std::vector<std::string>& sources) {
  json rows = json::array();
  std::string group;
  for (const auto* d : all) {
    const areas::IndicatorDef& def = *d;
    if (def.theme != theme) continue;
    json cells = json::array();
    bool any = false;
    std::optional<double> gemeente;
    for (const auto& p : profiles) {
      const auto* ip = Find(p, def.code);
      any = any || ip != nullptr;
      json cell = {{"missing", ip == nullptr || !ip->value}, {"value", kMissingValue}};
      if (ip != nullptr && ip->value) {
        cell["value"] = areas::FormatValue(def, *ip->value);
        std::string source = ip->source_title.empty() ? ip->source : ip->source + ", " + ip->source_title;
        if (std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
      }
      if (ip != nullptr && ip->peers) {
        cell["standing"] = "rang " + std::to_string(ip->peers->rank) + " van " + std::to_string(ip->peers->peers) +
                           ", percentiel " + text::FormatNumber(ip->peers->percentile, 0);
      }
      if (ip != nullptr && !ip->parents.empty() && ip->parents.front().value) gemeente = ip->parents.front().value;
      cells.push_back(std::move(cell));
    }
    if (!any) continue;
    json row = {{"id", "ind-" + def.code}, {"label", def.label}, {"cells", cells}};
    if (def.group != group) {
      group = def.group;
      if (!group.empty()) row["group_start"] = group;
    }
    if (with_gemeente) {
      row["gemeente"] = gemeente ? json{{"missing", false}, {"value", areas::FormatValue(def, *gemeente)}}
                                 : json{{"missing", true}, {"value", kMissingValue}};
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The indicators of `theme` with a value in any of the profiles, shares ("%") first: the panels of
// the small multiples (at most reports::kMaxComparePanels) and the choice of the download form.
std::vector<const areas::IndicatorDef*> ThemeIndicators(const std::vector<const areas::IndicatorDef*>& all,
                                                        const std::vector<profile::Profile>& profiles,
                                                        const std::string& theme) {
  std::vector<const areas::IndicatorDef*> shares, others;
  for (const auto* def : all) {
    if (def->theme != theme) continue;
    bool has_value = std::any_of(profiles.begin(), profiles.end(), [&](const profile::Profile& p) {
      const auto* ip = Find(p, def->code);
      return ip != nullptr && ip->value.has_value();
    });
    if (has_value) (def->unit == "%" ? shares : others).push_back(def);
  }
  shares.insert(shares.end(), others.begin(), others.end());
  return shares;
}

// Small multiples of the theme and the downloads: one indicator over these areas (CSV or XLSX,
// reports' /gebied/{first}/indicator.* with met=the others), and each area's whole profile.
Result<json> CompareExtras(store::Db& db, const std::vector<areas::Area>& list,
                           const std::vector<const areas::IndicatorDef*>& chosen, int year) {
  json out = {{"chart", nullptr}, {"download", nullptr}};
  std::vector<std::string> codes;
  for (const auto& a : list) codes.push_back(a.code);
  if (list.size() >= 2 && !chosen.empty()) {
    std::vector<std::string> panels;
    for (const auto* def : chosen) {
      if (panels.size() < reports::kMaxComparePanels) panels.push_back(def->code);
    }
    auto chart = reports::CompareChart(db, codes, panels, year);
    if (!chart) return Fail(chart.error());
    out["chart"] = reports::RenderSmallMultiples(*chart);
    json options = json::array();
    for (const auto* def : chosen) options.push_back({{"code", def->code}, {"label", IndicatorName(*def)}});
    std::string met;
    for (std::size_t i = 1; i < codes.size(); ++i) met += (met.empty() ? "" : ",") + codes[i];
    out["download"] = {{"base", "/gebied/" + codes.front() + "/indicator"}, {"met", met}, {"options", options}};
  }
  json profiles = json::array();
  for (const auto& a : list) {
    std::string base = "/gebied/" + a.code + "/profiel.";
    profiles.push_back({{"name", a.name},
                        {"xlsx", base + "xlsx?jaar=" + std::to_string(year)},
                        {"csv", base + "csv?jaar=" + std::to_string(year)}});
  }
  out["profiles"] = profiles;
  return out;
}

Response ComparePage(App& app, Request& req) {
  auto codes = ComparedCodes(req);
  if (!codes) return ErrorResponse(req, codes.error());
  auto wanted = ParseYear(req.Query("jaar"), "jaar");
  if (!wanted) return ErrorResponse(req, wanted.error());
  std::string wanted_theme = req.Query("thema").value_or("");
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  store::Db& db = lease->db();
  auto snapshot = store::ReadTransaction::Begin(db);
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  std::vector<areas::Area> list;
  for (const auto& code : *codes) {
    auto area = areas::GetArea(db, code);
    if (!area) return ErrorResponse(req, area.error());
    list.push_back(std::move(*area));
  }
  auto years = CommonYears(db, list);
  if (!years) return ErrorResponse(req, years.error());
  if (years->empty()) {
    return ErrorResponse(req,
                         Error{ErrorCode::kNotFound, "Deze gebieden hebben geen jaar met cijfers gemeen.", "jaar", {}});
  }
  auto year = ChooseYear(*years, *wanted, "jaar");
  if (!year) return ErrorResponse(req, year.error());
  std::vector<profile::Profile> profiles;
  std::vector<std::string> themes;
  for (const auto& a : list) {
    auto p = profile::AreaProfile(db, a.code, *year);
    if (!p) return ErrorResponse(req, p.error());
    profiles.push_back(std::move(*p));
  }
  for (const auto& t : PageThemes()) {
    for (const auto& p : profiles) {
      auto own = ProfileThemes(p);
      if (std::find(own.begin(), own.end(), t) != own.end()) {
        themes.push_back(t);
        break;
      }
    }
  }
  auto theme = ChooseTheme(themes, wanted_theme);
  if (!theme) return ErrorResponse(req, theme.error());
  auto indicators = areas::Indicators(db);  // the catalogue and custom indicators, in page order
  if (!indicators) return ErrorResponse(req, indicators.error());

  // The gemeente column when all areas lie in the same gemeente.
  std::string gemeente_code, gemeente_name;
  bool with_gemeente = true;
  for (const auto& p : profiles) {
    const auto* parents = p.indicators.empty() ? nullptr : &p.indicators.front().parents;
    if (parents == nullptr || parents->empty() || (&p != &profiles.front() && parents->front().code != gemeente_code)) {
      with_gemeente = false;
      break;
    }
    gemeente_code = parents->front().code;
    gemeente_name = parents->front().name;
  }

  json areas_json = json::array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::vector<std::string> others = *codes;
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
    AreaPageState to;
    to.year = *year;
    to.theme = *theme;
    areas_json.push_back({{"code", list[i].code},
                          {"name", list[i].name},
                          {"level", areas::LevelLabel(list[i].level)},
                          {"href", AreaPageHref(list[i].code, to)},
                          {"remove_href", others.empty() ? json(nullptr) : json(CompareHref(others, *year, *theme))}});
  }
  json tabs = json::array();
  for (const auto& t : themes) {
    std::string slug = t;
    std::replace(slug.begin(), slug.end(), ' ', '-');
    tabs.push_back(
        {{"label", ThemeLabel(t)}, {"slug", slug}, {"href", CompareHref(*codes, *year, t)}, {"current", t == *theme}});
  }
  json year_options = json::array();
  for (int y : *years) year_options.push_back({{"year", y}, {"selected", y == *year}});
  std::vector<std::string> sources;
  json data = {{"areas", areas_json},
               {"year", *year},
               {"years", year_options},
               {"has_year_choice", years->size() > 1},
               {"codes",
                [&] {
                  std::string s;
                  for (const auto& c : *codes) s += (s.empty() ? "" : ",") + c;
                  return s;
                }()},
               {"theme", *theme},
               {"theme_label", ThemeLabel(*theme)},
               {"tabs", tabs},
               {"with_gemeente", with_gemeente},
               {"column_count", list.size() + (with_gemeente ? 2 : 1)},
               {"gemeente_name", gemeente_name},
               {"rows", CompareRows(*indicators, profiles, *theme, with_gemeente, sources)},
               {"missing_text", kMissingValue},
               {"too_few", list.size() < 2}};
  if (list.size() < kMaxCompared) {
    auto choices = CompareChoices(db, list.front());
    if (!choices) return ErrorResponse(req, choices.error());
    json groups = json::array();  // without the areas already compared
    for (auto& group : *choices) {
      json kept = json::array();
      for (auto& o : group["options"]) {
        if (std::find(codes->begin(), codes->end(), o["code"].get<std::string>()) == codes->end()) kept.push_back(o);
      }
      if (!kept.empty()) groups.push_back({{"label", group["label"]}, {"options", kept}});
    }
    if (!groups.empty()) data["add"] = {{"groups", groups}};
  }
  auto extras = CompareExtras(db, list, ThemeIndicators(*indicators, profiles, *theme), *year);
  if (!extras) return ErrorResponse(req, extras.error());
  data["extras"] = *extras;
  std::string names;  // "A, B en C"
  for (std::size_t i = 0; i < list.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == list.size() ? " en " : ", ") + list[i].name;
  }
  data["heading"] = "Vergelijking van " + names;
  std::string source_line;
  for (const auto& s : sources) source_line += (source_line.empty() ? "Bron: " : "; ") + s;
  data["source"] = source_line.empty() ? "Bron: CBS" : source_line;
  return RenderPage(req, "Vergelijking: " + names, "compare", data);
}

}  // namespace

void RegisterComparePages(Router& router, App& app) {
  router.Get("/vergelijk", Access::Needs(accounts::Action::kReadStatistics),
             [&app](Request& req) { return ComparePage(app, req); });
}

}  // namespace wk::web
