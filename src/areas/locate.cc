// Point-in-area: the R*Tree on bounding boxes gives candidates, exact containment decides (GDAL/OGR
// geometry). The deepest area found fixes the answer; its ancestors come from the area tree, so
// the answer is consistent even where boundary files of different years disagree a little.
#include <cmath>

#include "areas_store.h"
#include "boundary_reader.h"

namespace wk::areas {

Result<Location> Locate(store::Db& db, double lon, double lat) {
  if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return Fail(ErrorCode::kInvalid, "Geen geldig WGS84-punt (lengtegraad -180..180, breedtegraad -90..90).");
  }
  auto candidates = sql::SelectShapesAround(db, lon, lat);
  if (!candidates) return Fail(candidates.error());
  std::optional<Area> deepest;
  for (const auto& shape : *candidates) {
    if (deepest && deepest->level >= shape.area.level) continue;
    auto inside = GeometryContains(shape.geojson, lon, lat);
    if (!inside) return Fail(inside.error());
    if (*inside) deepest = shape.area;
  }
  Location out;
  for (std::optional<Area> a = deepest; a;) {
    std::string parent = a->parent_code;
    switch (a->level) {
      case Level::kBuurt: out.buurt = std::move(a); break;
      case Level::kWijk: out.wijk = std::move(a); break;
      case Level::kGemeente: out.gemeente = std::move(a); break;
    }
    a.reset();
    if (parent.empty()) break;
    auto p = sql::SelectArea(db, parent);
    if (!p) return Fail(p.error());
    a = std::move(*p);
  }
  return out;
}

}  // namespace wk::areas
