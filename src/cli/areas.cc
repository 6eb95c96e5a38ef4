// wijkkompas areas show|search|locate: read the areas and their key figures from the command line.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "context.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"

namespace wk::cli {
namespace {

std::string FormatFigure(const areas::Figure& f) {
  return f.value ? areas::FormatValue(*f.def, *f.value) : "onbekend";
}

void PrintArea(const areas::Area& a) {
  std::printf("%-12s %-9s %s\n", a.code.c_str(), std::string(areas::LevelName(a.level)).c_str(), a.name.c_str());
}

// Labels that several indicators share ("Nederland", "Appartement") need their group to be clear.
const std::set<std::string>& AmbiguousLabels() {
  static const std::set<std::string> labels = [] {
    std::set<std::string> seen, twice;
    for (const auto& d : areas::Catalogue()) {
      if (!seen.insert(d.label).second) twice.insert(d.label);
    }
    return twice;
  }();
  return labels;
}

// The area and its figures as JSON, for scripts (and the integration tests).
Result<void> ShowJson(store::Db& db, const areas::Area& area, const std::vector<int>& years,
                      const std::vector<areas::Figure>& figures) {
  nlohmann::json out = {{"code", area.code},
                        {"name", area.name},
                        {"level", std::string(areas::LevelName(area.level))},
                        {"parent_code", area.parent_code},
                        {"years", years}};
  if (area.bbox) out["bbox"] = {area.bbox->min_lon, area.bbox->min_lat, area.bbox->max_lon, area.bbox->max_lat};
  auto children = areas::Children(db, area.code);
  if (!children) return Fail(children.error());
  out["children"] = nlohmann::json::array();
  for (const auto& c : *children) out["children"].push_back(c.code);
  out["figures"] = nlohmann::json::array();
  for (const auto& f : figures) {
    out["figures"].push_back({{"code", f.def->code},
                              {"year", f.year},
                              {"value", f.value ? nlohmann::json(*f.value) : nlohmann::json(nullptr)},
                              {"source", f.source}});
  }
  std::printf("%s\n", out.dump(2).c_str());
  return {};
}

Result<void> Show(store::Db& db, const std::string& code, std::optional<int> year, bool all, bool json) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  if (json) {
    auto years = areas::Years(db, code);
    if (!years) return Fail(years.error());
    std::vector<areas::Figure> figures;
    if (!years->empty()) {
      auto f = all ? areas::Figures(db, code, year.value_or(years->front())) : areas::KeyFigures(db, code, year);
      if (!f) return Fail(f.error());
      figures = std::move(*f);
    }
    return ShowJson(db, *area, *years, figures);
  }
  std::printf("%s (%s, %s)\n", area->name.c_str(), area->code.c_str(),
              std::string(areas::LevelName(area->level)).c_str());
  if (!ancestors->empty()) {
    std::string path;
    for (const auto& a : *ancestors) path += a.name + " > ";
    std::printf("%s%s\n", path.c_str(), area->name.c_str());
  }
  auto years = areas::Years(db, code);
  if (!years) return Fail(years.error());
  if (years->empty()) {
    std::printf("Geen cijfers bekend.\n");
    return {};
  }
  int shown = year.value_or(years->front());
  auto figures = all ? areas::Figures(db, code, shown) : areas::KeyFigures(db, code, shown);
  if (!figures) return Fail(figures.error());
  std::string source;
  for (const auto& f : *figures) {
    if (!f.source_title.empty()) {
      source = f.source + ", " + f.source_title;
      break;
    }
  }
  std::printf("%s %d%s\n", all ? "Cijfers" : "Kerncijfers", shown,
              source.empty() ? "" : (" (Bron: " + source + ")").c_str());
  for (const auto& f : *figures) {
    std::string label = AmbiguousLabels().contains(f.def->label) ? f.def->group + ": " + f.def->label : f.def->label;
    std::printf("  %-58s %16s\n", label.c_str(), FormatFigure(f).c_str());
  }
  std::string other;
  for (int y : *years) {
    if (y != shown) other += (other.empty() ? "" : ", ") + std::to_string(y);
  }
  if (!other.empty()) std::printf("Ook beschikbaar: %s (--year)\n", other.c_str());
  return {};
}

}  // namespace

void RegisterAreas(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("areas", "Gebieden en hun kerncijfers bekijken");
  group->require_subcommand(1);

  auto* show = group->add_subcommand("show", "Toon een gebied met zijn kerncijfers");
  AddDbOption(*show, ctx);
  struct ShowOpts {
    std::string code;
    std::optional<int> year;
    bool all = false;
    bool json = false;
  };
  auto show_opts = std::make_shared<ShowOpts>();
  show->add_option("CODE", show_opts->code, "CBS-code, bv. GM0344, WK034403 of BU03440321")->required();
  show->add_option("--year", show_opts->year, "Jaar (standaard het nieuwste)");
  show->add_flag("--all", show_opts->all, "Alle cijfers, niet alleen de kerncijfers");
  show->add_flag("--json", show_opts->json, "Als JSON (voor scripts); ontbrekende waarden als null");
  show->callback([&ctx, show_opts] {
    WithDb(ctx,
           [&](store::Db& db) { return Show(db, show_opts->code, show_opts->year, show_opts->all, show_opts->json); });
  });

  auto* search = group->add_subcommand("search", "Zoek gebieden op naam of code");
  AddDbOption(*search, ctx);
  auto query = std::make_shared<std::string>();
  search->add_option("QUERY", *query, "Naam, deel van een naam, of (begin van een) code")->required();
  search->callback([&ctx, query] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto found = areas::SearchAreas(db, *query);
      if (!found) return Fail(found.error());
      if (found->empty()) std::printf("Geen gebieden gevonden.\n");
      for (const auto& a : *found) PrintArea(a);
      return {};
    });
  });

  auto* locate = group->add_subcommand("locate", "In welke buurt, wijk en gemeente ligt een punt (WGS84)?");
  AddDbOption(*locate, ctx);
  auto point = std::make_shared<std::pair<double, double>>();
  locate->add_option("LON", point->first, "Lengtegraad, bv. 5.113")->required();
  locate->add_option("LAT", point->second, "Breedtegraad, bv. 52.118")->required();
  locate->callback([&ctx, point] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto where = areas::Locate(db, point->first, point->second);
      if (!where) return Fail(where.error());
      if (!where->gemeente && !where->wijk && !where->buurt) {
        std::printf("Het punt ligt in geen enkel bekend gebied.\n");
        return {};
      }
      for (const auto* a : {&where->gemeente, &where->wijk, &where->buurt}) {
        if (*a) PrintArea(**a);
      }
      return {};
    });
  });
}

}  // namespace wk::cli
