// wijkkompas profile show: the profile of an area in the terminal (findings first, then each
// indicator with its comparisons), and with --timing how long building the peer index took (the
// "recomputing all percentiles" of bench/profile).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "context.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/profile/peer_index.h"
#include "wk/profile/profile.h"

namespace wk::cli {
namespace {

std::string FormatValue(const areas::IndicatorDef& def, std::optional<double> value) {
  return value ? areas::FormatValue(def, *value) : "ontbreekt";
}

std::string FormatPercentile(const std::optional<profile::PeerStats>& peers) {
  if (!peers) return "";
  return "P" + text::FormatNumber(peers->percentile, 0) + " (" + std::to_string(peers->rank) + "/" +
         std::to_string(peers->peers) + ")";
}

std::string FormatTrend(const std::optional<profile::Trend>& trend) {
  if (!trend) return "";
  std::string word = trend->movement == profile::Movement::kUp     ? "stijgt"
                     : trend->movement == profile::Movement::kDown ? "daalt"
                                                                   : "stabiel";
  if (trend->judgement == profile::Judgement::kFavourable) word += " (gunstig)";
  if (trend->judgement == profile::Judgement::kUnfavourable) word += " (ongunstig)";
  return word;
}

Result<void> Show(store::Db& db, const std::string& code, std::optional<int> year, bool timing, bool all) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  if (!year) {
    auto years = areas::Years(db, code);
    if (!years) return Fail(years.error());
    if (years->empty()) return Fail(ErrorCode::kNotFound, "Voor " + area->name + " zijn geen cijfers geladen.", "code");
    year = years->front();
  }
  if (timing) {
    auto t0 = std::chrono::steady_clock::now();
    auto built = profile::BuildPeerIndex(db, *year);
    if (!built) return Fail(built.error());
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "peer index: %d areas, %lld values in %.3f s\n", built->areas,
                 static_cast<long long>(built->values), seconds);
  }
  auto t0 = std::chrono::steady_clock::now();
  auto p = profile::AreaProfile(db, code, *year);
  if (!p) return Fail(p.error());
  if (timing) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "profile: %zu indicators, %zu findings in %.2f ms\n", p->indicators.size(), p->findings.size(),
                 ms);
  }
  std::printf("Profiel van %s %s (%s), %d\n", std::string(areas::LevelLabel(p->area.level)).c_str(),
              p->area.name.c_str(), p->area.code.c_str(), p->year);
  if (!p->findings.empty()) {
    std::printf("\nOpvallend:\n");
    // The strongest ten; the rest are under their themes on the area page (or with --all).
    const std::size_t shown = all ? p->findings.size() : std::min<std::size_t>(p->findings.size(), 10);
    for (std::size_t i = 0; i < shown; ++i) std::printf("%3zu. %s\n", i + 1, p->findings[i].Sentence().c_str());
    if (shown < p->findings.size()) {
      std::printf("     … en %zu andere (--all toont ze allemaal).\n", p->findings.size() - shown);
    }
  }
  // Labels that several indicators share ("Nederland" as origin and as country of birth) get their
  // group in front.
  std::map<std::string, int> label_count;
  for (const auto& ip : p->indicators) ++label_count[ip.def->label];
  std::string theme;
  std::string parent_header =
      p->indicators.empty() || p->indicators.front().parents.empty() ? "" : p->indicators.front().parents.back().name;
  for (const auto& ip : p->indicators) {
    if (ip.def->theme != theme) {
      theme = ip.def->theme;
      std::printf("\n%s\n", theme.c_str());
      std::printf("  %-44s %14s %14s %14s  %-16s %s\n", "indicator", "waarde", parent_header.substr(0, 14).c_str(),
                  "Nederland", "percentiel", "trend");
    }
    std::string parent = ip.parents.empty() ? "" : FormatValue(*ip.def, ip.parents.back().value);
    std::string national = ip.national ? FormatValue(*ip.def, ip.national) : "";
    std::string label = ip.def->label;
    if (label_count[label] > 1 && !ip.def->group.empty()) label = ip.def->group + ": " + label;
    if (label.size() > 44) {
      std::size_t cut = 43;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
      label = label.substr(0, cut) + "…";
    }
    std::printf("  %-44s %14s %14s %14s  %-16s %s\n", label.c_str(), FormatValue(*ip.def, ip.value).c_str(),
                parent.c_str(), national.c_str(), FormatPercentile(ip.peers).c_str(),
                FormatTrend(ip.since_previous).c_str());
  }
  std::printf("\nPercentiel: het deel van de %s in de gemeente met een lagere waarde (gelijke waarden tellen half).\n",
              p->area.level == areas::Level::kBuurt ? "buurten" : "wijken");
  return {};
}

}  // namespace

void RegisterProfile(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("profile", "Het profiel van een gebied: vergelijkingen, trends en wat opvalt");
  group->require_subcommand(1);

  auto* show = group->add_subcommand("show", "Toon het profiel van een gebied");
  auto code = std::make_shared<std::string>();
  auto year = std::make_shared<std::optional<int>>();
  auto timing = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  show->add_option("code", *code, "CBS-code van het gebied (GM0344, WK034403, BU03440301)")->required();
  show->add_option("--year", *year, "Jaar (standaard het nieuwste)");
  show->add_flag("--timing", *timing, "Bouw eerst de percentielen opnieuw op en meld hoe lang dat duurde (stderr)");
  show->add_flag("--all", *all, "Toon alle bevindingen, niet alleen de tien sterkste");
  AddDbOption(*show, ctx);
  show->callback([&ctx, code, year, timing, all] {
    WithDb(ctx, [&](store::Db& db) { return Show(db, *code, *year, *timing, *all); });
  });
}

}  // namespace wk::cli
