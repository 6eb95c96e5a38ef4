// Placeholder implementations so that the other modules link; replaced by the areas work.
#include "wk/areas/areas.h"

namespace wk::areas {
namespace {
std::unexpected<Error> NotYet() { return Fail(ErrorCode::kNotFound, "Nog niet beschikbaar."); }
}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kGemeente: return "gemeente";
    case Level::kWijk: return "wijk";
    case Level::kBuurt: return "buurt";
  }
  return "";
}
std::string_view LevelLabel(Level level) {
  switch (level) {
    case Level::kGemeente: return "Gemeente";
    case Level::kWijk: return "Wijk";
    case Level::kBuurt: return "Buurt";
  }
  return "";
}
std::string_view ChildLevelLabelPlural(Level level) {
  switch (level) {
    case Level::kGemeente: return "Wijken";
    case Level::kWijk: return "Buurten";
    case Level::kBuurt: return "";
  }
  return "";
}
const std::vector<IndicatorDef>& Catalogue() {
  static const std::vector<IndicatorDef> empty;
  return empty;
}
const IndicatorDef* FindIndicator(std::string_view) { return nullptr; }
Result<Area> GetArea(store::Db&, std::string_view) { return NotYet(); }
Result<std::vector<Area>> Municipalities(store::Db&) { return std::vector<Area>{}; }
Result<std::vector<Area>> Children(store::Db&, std::string_view) { return std::vector<Area>{}; }
Result<std::vector<Area>> Ancestors(store::Db&, std::string_view) { return std::vector<Area>{}; }
Result<std::vector<Area>> SearchAreas(store::Db&, std::string_view, int) { return std::vector<Area>{}; }
Result<std::vector<int>> Years(store::Db&, std::string_view) { return std::vector<int>{}; }
Result<std::vector<Figure>> KeyFigures(store::Db&, std::string_view, std::optional<int>) { return std::vector<Figure>{}; }
Result<std::vector<Figure>> Figures(store::Db&, std::string_view, int) { return std::vector<Figure>{}; }
Result<std::string> BoundaryGeoJson(store::Db&, std::string_view) { return NotYet(); }
Result<std::string> ChildrenGeoJson(store::Db&, std::string_view) {
  return std::string(R"({"type":"FeatureCollection","features":[]})");
}
Result<Location> Locate(store::Db&, double, double) { return Location{}; }
Result<ImportSummary> ImportCbs(store::Db&, const accounts::Principal&, const std::string&, std::optional<int>,
                                const Progress&) {
  return NotYet();
}
Result<BoundarySummary> ImportBoundaries(store::Db&, const accounts::Principal&, const std::string&,
                                         const BoundaryOptions&, const Progress&) {
  return NotYet();
}
Result<bool> LoadDemo(store::Db&, const accounts::Principal&, const Progress&) { return false; }

}  // namespace wk::areas
