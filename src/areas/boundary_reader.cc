#include "boundary_reader.h"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

#include "area_code.h"
#include "gdal_util.h"
#include "wk/core/text.h"

namespace wk::areas {
namespace {

struct CloseDataset {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};

// Code fields of CBS's wijk- en buurtkaart (BU_CODE ...), of older CBS files (WKC ...), of
// municipal open data (KODE) and of PDOK (statcode), with the name field that goes with each.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kCodeNameFields = {{
    {"BU_CODE", "BU_NAAM"},
    {"WK_CODE", "WK_NAAM"},
    {"GM_CODE", "GM_NAAM"},
    {"BUC", "BUN"},
    {"WKC", "WKN"},
    {"GMC", "GMN"},
    {"statcode", "statnaam"},
    {"gwb_code", "regio"},
    {"CODE", "NAAM"},
    {"KODE", "NAAM"},
}};
constexpr std::array<std::string_view, 4> kNameFields = {"NAAM", "naam", "NAME", "name"};
constexpr std::array<std::string_view, 3> kMunicipalityNameFields = {"GM_NAAM", "GMN", "gm_naam"};

int FieldIndex(OGRFeatureDefn* defn, std::string_view name) {
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    if (text::ToLowerAscii(defn->GetFieldDefn(i)->GetNameRef()) == text::ToLowerAscii(name)) return i;
  }
  return -1;
}

std::string FieldList(OGRFeatureDefn* defn) {
  std::string out;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    if (i > 0) out += ", ";
    out += defn->GetFieldDefn(i)->GetNameRef();
  }
  return out.empty() ? "(geen)" : out;
}

std::string ToUpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

Result<BoundaryFile> ReadBoundaryFile(const std::string& path, const BoundaryOptions& options,
                                      const Progress& progress) {
  gdal::EnsureRegistered();
  std::string display = std::filesystem::path(path).filename().string();
  if (!std::filesystem::exists(path) && !text::StartsWith(path, "/vsi")) {
    return Fail(ErrorCode::kBadInput, "Het bestand bestaat niet.", {}, display);
  }
  gdal::QuietErrors quiet;
  std::unique_ptr<GDALDataset, CloseDataset> ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) {
    return Fail(ErrorCode::kBadInput,
                "Kan het bestand niet lezen als GeoJSON, GeoPackage of Shapefile: " +
                    gdal::LastErrorMessage("onbekend formaat"),
                {}, display);
  }
  OGRLayer* layer = ds->GetLayer(0);
  OGRFeatureDefn* defn = layer->GetLayerDefn();

  BoundaryFile out;
  int code_idx = -1;
  int name_idx = -1;
  if (!options.code_field.empty()) {
    code_idx = FieldIndex(defn, options.code_field);
    if (code_idx < 0) {
      return Fail(ErrorCode::kInvalid,
                  "Het veld '" + options.code_field + "' bestaat niet; velden in het bestand: " + FieldList(defn) + ".",
                  "--code-field", display);
    }
  } else {
    for (auto [code, name] : kCodeNameFields) {
      code_idx = FieldIndex(defn, code);
      if (code_idx >= 0) {
        name_idx = FieldIndex(defn, name);
        break;
      }
    }
    if (code_idx < 0) {
      return Fail(ErrorCode::kBadInput,
                  "Geen veld met de gebiedscode gevonden; geef het op met --code-field. Velden in het bestand: " +
                      FieldList(defn) + ".",
                  {}, display);
    }
  }
  if (!options.name_field.empty()) {
    name_idx = FieldIndex(defn, options.name_field);
    if (name_idx < 0) {
      return Fail(ErrorCode::kInvalid,
                  "Het veld '" + options.name_field + "' bestaat niet; velden in het bestand: " + FieldList(defn) + ".",
                  "--name-field", display);
    }
  } else if (name_idx < 0) {
    for (auto name : kNameFields) {
      if ((name_idx = FieldIndex(defn, name)) >= 0) break;
    }
  }
  int gm_name_idx = -1;
  for (auto name : kMunicipalityNameFields) {
    if ((gm_name_idx = FieldIndex(defn, name)) >= 0) break;
  }
  out.code_field = defn->GetFieldDefn(code_idx)->GetNameRef();
  if (name_idx >= 0) out.name_field = defn->GetFieldDefn(name_idx)->GetNameRef();

  // Target: WGS84 in longitude, latitude order (GeoJSON's order), not EPSG:4326's official
  // latitude-first axis order that GDAL 3 follows by default.
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> transform;
  if (const OGRSpatialReference* layer_srs = layer->GetSpatialRef(); layer_srs != nullptr) {
    OGRSpatialReference source(*layer_srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.IsSame(&wgs84)) {
      transform.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!transform) {
        return Fail(ErrorCode::kBadInput,
                    "Kan het coördinatenstelsel van het bestand niet omzetten naar WGS84: " +
                        gdal::LastErrorMessage("onbekend stelsel"),
                    {}, display);
      }
    }
  }  // Without a coordinate system the file is taken to be WGS84, as GeoJSON (RFC 7946) defines.

  std::int64_t total = layer->GetFeatureCount(TRUE);
  layer->ResetReading();
  const char* const json_options[] = {"COORDINATE_PRECISION=6", nullptr};
  std::map<std::string, std::size_t> position;           // code -> index in out.shapes
  std::vector<std::unique_ptr<OGRGeometry>> geometries;  // parallel to out.shapes
  int index = 0;
  while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) {
    ++index;
    if (progress) progress(index, total);
    auto skip = [&](const std::string& reason) {
      out.skipped.push_back("feature " + std::to_string(index) + ": " + reason);
    };
    std::string raw(text::Trim(feature->IsFieldSetAndNotNull(code_idx) ? feature->GetFieldAsString(code_idx) : ""));
    if (raw.empty()) {
      skip("geen code in veld " + out.code_field);
      continue;
    }
    BoundaryFeature shape;
    shape.index = index;
    shape.code = ToUpperAscii(options.code_prefix + raw);
    if (!LevelOfCode(shape.code)) {
      skip("'" + shape.code + "' is geen CBS-gebiedscode (GM0344, WK034401 of BU03440101)");
      continue;
    }
    if (name_idx >= 0 && feature->IsFieldSetAndNotNull(name_idx)) {
      shape.name = std::string(text::Trim(feature->GetFieldAsString(name_idx)));
    }
    if (gm_name_idx >= 0 && feature->IsFieldSetAndNotNull(gm_name_idx)) {
      shape.parent_name = std::string(text::Trim(feature->GetFieldAsString(gm_name_idx)));
    }
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry == nullptr || geometry->IsEmpty()) {
      skip(shape.code + ": geen geometrie");
      continue;
    }
    OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon) {
      skip(shape.code + ": geometrie is geen (multi)polygoon maar " + std::string(OGRGeometryTypeToName(type)));
      continue;
    }
    geometry->flattenTo2D();
    if (transform && geometry->transform(transform.get()) != OGRERR_NONE) {
      skip(shape.code + ": kan de geometrie niet naar WGS84 omzetten");
      continue;
    }
    OGREnvelope env;
    geometry->getEnvelope(&env);
    if (!std::isfinite(env.MinX) || env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90) {
      skip(shape.code + ": coördinaten buiten WGS84-bereik (ontbreekt het coördinatenstelsel?)");
      continue;
    }
    shape.bbox = BBox{env.MinX, env.MinY, env.MaxX, env.MaxY};
    // Some files split one area over several features: their parts form one multipolygon.
    if (auto it = position.find(shape.code); it != position.end()) {
      BoundaryFeature& first = out.shapes[it->second];
      auto& merged = geometries[it->second];
      auto multi = std::make_unique<OGRMultiPolygon>();
      for (OGRGeometry* g : {merged.get(), geometry}) {
        if (auto* mp = dynamic_cast<OGRMultiPolygon*>(g)) {
          for (const OGRPolygon* part : *mp) multi->addGeometry(part);
        } else {
          multi->addGeometry(g);
        }
      }
      merged = std::move(multi);
      first.bbox = BBox{std::min(first.bbox.min_lon, env.MinX), std::min(first.bbox.min_lat, env.MinY),
                        std::max(first.bbox.max_lon, env.MaxX), std::max(first.bbox.max_lat, env.MaxY)};
      if (first.name.empty()) first.name = shape.name;
      continue;
    }
    position.emplace(shape.code, out.shapes.size());
    geometries.emplace_back(feature->StealGeometry());
    out.shapes.push_back(std::move(shape));
  }
  for (std::size_t i = 0; i < out.shapes.size(); ++i) {
    char* json = OGR_G_ExportToJsonEx(OGRGeometry::ToHandle(geometries[i].get()), const_cast<char**>(json_options));
    if (json == nullptr) {
      return Fail(ErrorCode::kBadInput, "Kan de geometrie niet als GeoJSON schrijven.", {},
                  display + ": feature " + std::to_string(out.shapes[i].index));
    }
    out.shapes[i].geojson = json;
    CPLFree(json);
  }
  out.features = index;
  return out;
}

Result<bool> GeometryContains(std::string_view geojson, double lon, double lat) {
  gdal::EnsureRegistered();
  gdal::QuietErrors quiet;
  std::string text(geojson);
  std::unique_ptr<OGRGeometry> geometry(OGRGeometryFactory::createFromGeoJson(text.c_str()));
  if (!geometry) return Fail(ErrorCode::kInternal, "Opgeslagen geometrie is geen geldige GeoJSON.");
  OGRPoint point(lon, lat);
  return geometry->Intersects(&point) != FALSE;
}

}  // namespace wk::areas
