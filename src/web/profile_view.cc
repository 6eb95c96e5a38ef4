#include "profile_view.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "area_page_state.h"
#include "figures_view.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

using nlohmann::json;

// The sign of a formatted magnitude: none when it reads as zero ("0,0").
std::string Signed(double value, const std::string& magnitude) {
  bool zero = magnitude.find_first_of("123456789") == std::string::npos;
  if (zero) return magnitude;
  return (value < 0 ? "-" : "+") + magnitude;
}

json Cell(const areas::IndicatorDef& def, std::optional<double> value) {
  if (!value) return {{"value", kMissingValue}, {"missing", true}};
  return {{"value", areas::FormatValue(def, *value)}, {"missing", false}};
}

const profile::IndicatorProfile* FindInProfile(const profile::Profile& p, std::string_view code) {
  for (const auto& ip : p.indicators) {
    if (ip.def != nullptr && ip.def->code == code) return &ip;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> PageThemes() {
  return areas::Themes();
}

std::vector<std::string> ProfileThemes(const profile::Profile& profile) {
  std::vector<std::string> out;
  for (const auto& theme : PageThemes()) {
    bool used = std::any_of(profile.indicators.begin(), profile.indicators.end(),
                            [&](const auto& ip) { return ip.def != nullptr && ip.def->theme == theme; });
    if (used) out.push_back(theme);
  }
  return out;
}

std::string ThemeLabel(std::string_view theme) {
  std::string out(theme);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string IndicatorHref(std::string_view area_code, int year, std::string_view theme, std::string_view indicator) {
  return "/gebied/" + std::string(area_code) + "?jaar=" + std::to_string(year) + "&thema=" + QueryEscape(theme) +
         "#ind-" + std::string(indicator);
}

std::string FormatDifference(const areas::IndicatorDef& def, double difference) {
  std::string magnitude = text::FormatNumber(std::abs(difference), def.decimals);
  if (def.unit == "%") return Signed(difference, magnitude) + " %-punt";
  if (def.unit == "euro") return Signed(difference, "€ " + magnitude);
  if (def.unit.empty() || def.unit == "aantal") return Signed(difference, magnitude);
  return Signed(difference, magnitude) + " " + def.unit;
}

std::string FormatSignedPercent(double percent) {
  return Signed(percent, text::FormatNumber(std::abs(percent), 1)) + "%";
}

std::string IndicatorName(const areas::IndicatorDef& def) {
  return def.group.empty() ? def.label : def.group + ": " + def.label;
}

bool ThemeHasValues(const profile::Profile& profile, std::string_view theme) {
  return std::any_of(profile.indicators.begin(), profile.indicators.end(), [&](const auto& ip) {
    return ip.def != nullptr && ip.def->theme == theme && ip.value.has_value();
  });
}

json TrendData(const areas::IndicatorDef& def, const profile::Trend& trend) {
  json j;
  switch (trend.movement) {
    case profile::Movement::kUp: j = {{"symbol", "▲"}, {"movement", "gestegen"}}; break;
    case profile::Movement::kDown: j = {{"symbol", "▼"}, {"movement", "gedaald"}}; break;
    case profile::Movement::kStable: j = {{"symbol", "▬"}, {"movement", "stabiel"}}; break;
  }
  std::string change = FormatDifference(def, trend.change);
  if (trend.percent) change += " (" + FormatSignedPercent(*trend.percent) + ")";
  j["change"] = change;
  j["period"] = std::to_string(trend.from_year) + "–" + std::to_string(trend.to_year);
  switch (trend.judgement) {
    case profile::Judgement::kFavourable:
      j["judgement"] = "gunstig";
      j["judgement_class"] = "good";
      break;
    case profile::Judgement::kUnfavourable:
      j["judgement"] = "ongunstig";
      j["judgement_class"] = "bad";
      break;
    case profile::Judgement::kNeither:
      j["judgement"] = nullptr;
      j["judgement_class"] = nullptr;
      break;
  }
  return j;
}

json ProfileTable(const profile::Profile& p, std::string_view theme) {
  bool has_national = false;
  for (const auto& ip : p.indicators) {
    if (ip.def != nullptr && ip.def->theme == theme && ip.national) has_national = true;
  }
  json parents = json::array();
  if (!p.indicators.empty()) {
    for (const auto& parent : p.indicators.front().parents) {
      parents.push_back({{"name", parent.name}, {"level", areas::LevelLabel(parent.level)}});
    }
  }
  std::string direct_parent = parents.empty() ? "" : parents.back()["name"].get<std::string>();
  // Kenmerk, the area, its parents, Nederland, rank, percentile, deviation, trend, source.
  std::size_t columns = 2 + parents.size() + (has_national ? 1 : 0) + 2 + (parents.empty() ? 0 : 1) + 2;
  std::string group;
  json rows = json::array();
  json empty_rows = json::array();
  for (const auto& ip : p.indicators) {
    if (ip.def == nullptr || ip.def->theme != theme) continue;
    const areas::IndicatorDef& def = *ip.def;
    json row = {{"id", "ind-" + def.code},
                {"code", def.code},
                {"label", def.label},
                {"group", def.group},
                {"own", Cell(def, ip.value)},
                {"source", ip.source},
                {"source_title", ip.source_title},
                {"reliability", ip.reliability.empty() ? json(nullptr) : json(ip.reliability)}};
    json cells = json::array();
    for (const auto& parent : ip.parents) cells.push_back(Cell(def, parent.value));
    row["parents"] = cells;
    if (has_national) row["national"] = Cell(def, ip.national);
    if (ip.peers) {
      row["rank"] = std::to_string(ip.peers->rank) + " van " + std::to_string(ip.peers->peers);
      row["percentile"] = text::FormatNumber(ip.peers->percentile, 0);
    }
    // A count of a buurt against the count of its whole wijk says little: the shares compare (and
    // averages such as the household size or the supermarkets within 1 km, whose unit is "aantal").
    if (ip.from_parent && profile::ComparesAcrossSizes(def)) {
      std::string d = FormatDifference(def, ip.from_parent->absolute);
      if (ip.from_parent->percent) d += " (" + FormatSignedPercent(*ip.from_parent->percent) + ")";
      row["deviation"] = d;
    }
    const auto& trend = ip.since_previous ? ip.since_previous : ip.since_first;
    if (trend) row["trend"] = TrendData(def, *trend);
    // Without a value here, in any parent or in the country there is nothing to compare: such
    // rows (CBS columns still empty in an early release) are listed apart, below the table.
    bool any_value =
        ip.value.has_value() || ip.national.has_value() ||
        std::any_of(ip.parents.begin(), ip.parents.end(), [](const auto& v) { return v.value.has_value(); });
    if (!any_value) {
      empty_rows.push_back({{"id", "ind-" + def.code}, {"label", IndicatorName(def)}});
      continue;
    }
    if (def.group != group) {
      group = def.group;
      if (!group.empty()) row["group_start"] = group;
    }
    rows.push_back(std::move(row));
  }
  return {{"area_name", p.area.name},         {"parents", parents},
          {"direct_parent", direct_parent},   {"has_parent", !parents.empty()},
          {"has_national", has_national},     {"column_count", columns},
          {"peer_count", p.peer_count},       {"rows", rows},
          {"has_rows", !rows.empty()},        {"empty_rows", empty_rows},
          {"empty_count", empty_rows.size()}, {"has_empty_rows", !empty_rows.empty()}};
}

json FindingsOfTheme(const profile::Profile& p, std::string_view theme) {
  json out = json::array();
  for (const auto& f : p.findings) {
    const auto* own = FindInProfile(p, f.indicator);
    if (own == nullptr || own->def->theme != theme) continue;
    json parts = json::array();
    for (const auto& part : f.parts) {
      json j = {{"text", part.text}};
      if (part.ref) {
        const auto* ref = FindInProfile(p, part.ref->indicator);
        std::string_view ref_theme = ref != nullptr ? std::string_view(ref->def->theme) : theme;
        // The country has no page of its own: its number is in the row's national column here.
        std::string_view area = part.ref->area_code == "NL00" ? std::string_view(p.area.code) : part.ref->area_code;
        j["href"] = IndicatorHref(area, part.ref->year, ref_theme, part.ref->indicator);
      }
      parts.push_back(std::move(j));
    }
    out.push_back({{"sentence", f.Sentence()}, {"parts", parts}});
  }
  return out;
}

}  // namespace wk::web
