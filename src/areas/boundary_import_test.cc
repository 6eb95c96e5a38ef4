#include <gtest/gtest.h>

#include <algorithm>

#include "boundary_reader.h"
#include "test_support.h"
#include "wk/areas/areas.h"

namespace wk::areas {
namespace {

using testing::Beheerder;
using testing::MigratedDb;
using testing::QueryText;
using testing::SharedData;
using testing::WriteTemp;

TEST(ImportBoundaries, RdNewWijkenLandAtTheirWgs84Place) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData("cbs/kwb-2024_GM0344_utrecht.csv"), std::nullopt));
  BoundaryOptions options;
  options.year = 2016;
  auto r = ImportBoundaries(*db, Beheerder(), SharedData("boundaries/wijken_2016_nl_rd.geojson"), options);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->features, 2982);
  EXPECT_EQ(r->linked, 10);  // only Utrecht's wijken are known
  EXPECT_EQ(r->created, 0);
  EXPECT_EQ(r->skipped.size(), 2971u);
  auto skipped = [&](const std::string& reason) {
    return std::find(r->skipped.begin(), r->skipped.end(), reason) != r->skipped.end();
  };
  EXPECT_TRUE(skipped("feature 619: WK024316: geen geometrie"));
  EXPECT_TRUE(skipped(
      "feature 1: gebied WK000300 is onbekend (importeer eerst de CBS-kerncijfers, of gebruik --create-missing)"));

  for (const char* code : {"WK034401", "WK034403", "WK034406", "WK034410"}) {
    SCOPED_TRACE(code);
    auto area = GetArea(*db, code);
    ASSERT_TRUE(area.has_value());
    ASSERT_TRUE(area->bbox.has_value());
    EXPECT_GT(area->bbox->min_lon, 4.9);
    EXPECT_LT(area->bbox->max_lon, 5.25);
    EXPECT_GT(area->bbox->min_lat, 52.0);
    EXPECT_LT(area->bbox->max_lat, 52.15);
  }
  // The CBS name stays: "Names from CBS statistics win over names in boundary files".
  EXPECT_EQ(GetArea(*db, "WK034403")->name, "Wijk 03 Overvecht");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'import.boundaries'"), "1");
}

TEST(ImportBoundaries, CreateMissingBuildsAreasAndParentsFromTheFile) {
  auto db = MigratedDb();
  BoundaryOptions options;
  options.create_missing = true;
  auto r = ImportBoundaries(*db, Beheerder(), SharedData("boundaries/wijken_2016_nl_rd.geojson"), options);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  // All but the two features without geometry; WK191104 comes in two features, stored as one.
  EXPECT_EQ(r->linked, 2979);
  EXPECT_EQ(r->skipped.size(), 2u);
  EXPECT_EQ(QueryText(*db, "SELECT json_extract(geojson, '$.type') FROM areas_geometry WHERE area_code = 'WK191104'"),
            "MultiPolygon");
  auto wijk = GetArea(*db, "WK034403");
  ASSERT_TRUE(wijk.has_value());
  EXPECT_EQ(wijk->name, "Wijk 03 Overvecht");
  EXPECT_EQ(wijk->parent_code, "GM0344");
  EXPECT_EQ(GetArea(*db, "GM0344")->name, "Utrecht");  // from the file's GMN
  // A wijk in Friesland lies well north and east of Utrecht.
  auto loc = Locate(*db, 5.7999, 53.2012);  // Leeuwarden
  ASSERT_TRUE(loc.has_value());
  ASSERT_TRUE(loc->gemeente.has_value());
  EXPECT_EQ(loc->gemeente->name, "Leeuwarden");
}

TEST(ImportBoundaries, UtrechtBuurtenLinkWithACodePrefix) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData("cbs/kwb-2024_GM0344_utrecht.csv"), std::nullopt));
  BoundaryOptions options;
  options.code_field = "KODE";
  options.code_prefix = "BU0344";
  auto r = ImportBoundaries(*db, Beheerder(), SharedData("boundaries/utrecht_buurten_2013_wgs84.geojson"), options);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->features, 111);
  EXPECT_EQ(r->linked, 111);
  EXPECT_TRUE(r->skipped.empty());
  EXPECT_EQ(GetArea(*db, "BU03440111")->name, "Welgelegen, Den Hommel");  // not the file's "Welgelegen, Den Homm"
  // Coordinates are stored with at most 6 decimals.
  std::string geojson = QueryText(*db, "SELECT geojson FROM areas_geometry WHERE area_code = 'BU03440111'");
  EXPECT_NE(geojson.find("5.080289"), std::string::npos);
  EXPECT_EQ(geojson.find("5.0802892"), std::string::npos);
}

TEST(ImportBoundaries, AFeatureWithoutNameGetsItsCode) {
  auto db = MigratedDb();
  // A hand-made square (geometry only, no statistics) in a small GeoJSON file.
  auto path = WriteTemp("square.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"KODE":"03"},"geometry":{"type":"Polygon",
     "coordinates":[[[5.0,52.0],[5.01,52.0],[5.01,52.01],[5.0,52.01],[5.0,52.0]]]}},
    {"type":"Feature","properties":{"KODE":""},"geometry":null},
    {"type":"Feature","properties":{"KODE":"12"},"geometry":{"type":"Point","coordinates":[5.0,52.0]}}]})");
  BoundaryOptions options;
  options.code_prefix = "WK0344";
  options.create_missing = true;
  auto r = ImportBoundaries(*db, Beheerder(), path, options);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->linked, 1);
  EXPECT_EQ(r->created, 2);  // the wijk and its gemeente
  ASSERT_EQ(r->skipped.size(), 2u);
  EXPECT_EQ(r->skipped[0], "feature 2: geen code in veld KODE");
  EXPECT_EQ(r->skipped[1], "feature 3: WK034412: geometrie is geen (multi)polygoon maar Point");
  EXPECT_EQ(GetArea(*db, "WK034403")->name, "WK034403");
  EXPECT_EQ(GetArea(*db, "GM0344")->name, "GM0344");
}

TEST(ImportBoundaries, ANamedFieldThatDoesNotExistIsRefused) {
  auto db = MigratedDb();
  BoundaryOptions options;
  options.code_field = "BU_CODE";
  auto r = ImportBoundaries(*db, Beheerder(), SharedData("boundaries/utrecht_wijken_2013_wgs84.geojson"), options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().Describe(),
            "utrecht_wijken_2013_wgs84.geojson: --code-field: Het veld 'BU_CODE' bestaat niet; velden in het bestand: "
            "ID, KODE, NAAM.");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM audit_entry"), "0");
}

}  // namespace
}  // namespace wk::areas
