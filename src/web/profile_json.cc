#include "profile_json.h"

#include <nlohmann/json.hpp>

#include "area_data.h"

namespace wk::web {
namespace {

using nlohmann::json;

json Optional(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

json PeersJson(const std::optional<profile::PeerStats>& p) {
  if (!p) return nullptr;
  return {{"peers", p->peers}, {"rank", p->rank}, {"percentile", p->percentile}, {"z_score", Optional(p->z_score)}};
}

std::string_view MovementName(profile::Movement m) {
  switch (m) {
    case profile::Movement::kUp: return "up";
    case profile::Movement::kDown: return "down";
    case profile::Movement::kStable: return "stable";
  }
  return "stable";
}

std::string_view JudgementName(profile::Judgement j) {
  switch (j) {
    case profile::Judgement::kFavourable: return "favourable";
    case profile::Judgement::kUnfavourable: return "unfavourable";
    case profile::Judgement::kNeither: return "neither";
  }
  return "neither";
}

json TrendJson(const std::optional<profile::Trend>& t) {
  if (!t) return nullptr;
  return {{"from_year", t->from_year},
          {"to_year", t->to_year},
          {"from", t->from},
          {"to", t->to},
          {"change", t->change},
          {"percent", Optional(t->percent)},
          {"movement", MovementName(t->movement)},
          {"judgement", JudgementName(t->judgement)}};
}

json IndicatorJson(const profile::Profile& p, const profile::IndicatorProfile& ip) {
  // The description and value as /indicators gives them, then the comparisons.
  json j = FigureJson(areas::Figure{ip.def, p.year, ip.value, ip.source, ip.source_title, ip.reliability});
  j["reliability"] = ip.reliability;
  j["parents"] = json::array();
  for (const auto& parent : ip.parents) {
    j["parents"].push_back({{"code", parent.code},
                            {"name", parent.name},
                            {"level", areas::LevelName(parent.level)},
                            {"value", Optional(parent.value)}});
  }
  j["national"] = Optional(ip.national);
  j["national_source"] = ip.national ? json(ip.national_source) : json(nullptr);
  j["peers"] = PeersJson(ip.peers);
  j["national_peers"] = PeersJson(ip.national_peers);
  j["notable"] = ip.notable;
  j["from_parent"] = ip.from_parent
                         ? json{{"absolute", ip.from_parent->absolute}, {"percent", Optional(ip.from_parent->percent)}}
                         : json(nullptr);
  j["since_first"] = TrendJson(ip.since_first);
  j["since_previous"] = TrendJson(ip.since_previous);
  return j;
}

json FindingJson(const profile::Finding& f) {
  json parts = json::array();
  for (const auto& part : f.parts) {
    json ref = nullptr;
    if (part.ref)
      ref = {{"area_code", part.ref->area_code}, {"indicator", part.ref->indicator}, {"year", part.ref->year}};
    parts.push_back({{"text", part.text}, {"ref", ref}});
  }
  return {
      {"indicator", f.indicator}, {"rule", f.rule}, {"score", f.score}, {"sentence", f.Sentence()}, {"parts", parts}};
}

}  // namespace

json ProfileJson(const profile::Profile& p) {
  json indicators = json::array();
  for (const auto& ip : p.indicators) indicators.push_back(IndicatorJson(p, ip));
  json findings = json::array();
  for (const auto& f : p.findings) findings.push_back(FindingJson(f));
  return {{"area", AreaJson(p.area)},   {"year", p.year},           {"years", p.years},
          {"peer_count", p.peer_count}, {"indicators", indicators}, {"findings", findings}};
}

}  // namespace wk::web
