// Reads area boundaries from a GeoJSON, GeoPackage or Shapefile through GDAL/OGR and reprojects
// them to WGS84 (lon, lat) with PROJ. Private to the areas module.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "wk/areas/areas.h"

namespace wk::areas {

struct BoundaryFeature {
  int index = 0;            // 1-based position in the file, for messages ("feature 12")
  std::string code;         // prefix + code field, upper case
  std::string name;         // "" when the file has none
  std::string parent_name;  // the gemeente name when the file carries one (GMN, GM_NAAM), else ""
  std::string geojson;      // geometry object, WGS84, ~6 decimals (about 0.1 m)
  BBox bbox{};
};

struct BoundaryFile {
  std::string code_field, name_field;   // as used (given or guessed)
  int features = 0;                     // all features in the layer
  std::vector<BoundaryFeature> shapes;  // the readable ones
  std::vector<std::string> skipped;     // "feature 12: reason"
};

// Reads the first layer of `path`. kBadInput when the file cannot be read or has no usable code
// field; kInvalid when a field named in `options` does not exist. Features without code or
// polygon geometry are skipped with a reason.
Result<BoundaryFile> ReadBoundaryFile(const std::string& path, const BoundaryOptions& options,
                                      const Progress& progress);

// Whether the GeoJSON geometry contains (or touches) the WGS84 point.
Result<bool> GeometryContains(std::string_view geojson, double lon, double lat);

}  // namespace wk::areas
