#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

#include "test_support.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"

namespace wk::areas {
namespace {

using testing::Beheerder;
using testing::Lines;
using testing::MigratedDb;
using testing::ReadFile;
using testing::SharedData;
using testing::SplitCsvLine;

// One demo database for all reading tests (loading it takes a moment under the sanitizers).
class Reading : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = MigratedDb().release();
    auto loaded = LoadDemo(*db_, Beheerder());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().Describe();
    ASSERT_TRUE(*loaded);
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static store::Db* db_;
};
store::Db* Reading::db_ = nullptr;

std::vector<std::string> Codes(const std::vector<Area>& areas) {
  std::vector<std::string> out;
  for (const auto& a : areas) out.push_back(a.code);
  return out;
}

TEST_F(Reading, TheDemoLoadsOnlyIntoADatabaseWithoutAreas) {
  auto again = LoadDemo(*db_, Beheerder());
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(*again);
}

TEST_F(Reading, UtrechtHasTenWijkenWithBoundaries) {
  auto gemeenten = Municipalities(*db_);
  ASSERT_TRUE(gemeenten.has_value());
  ASSERT_EQ(gemeenten->size(), 1u);
  EXPECT_EQ((*gemeenten)[0].name, "Utrecht");
  auto wijken = Children(*db_, "GM0344");
  ASSERT_TRUE(wijken.has_value());
  ASSERT_EQ(wijken->size(), 10u);
  EXPECT_EQ((*wijken)[2].code, "WK034403");
  EXPECT_EQ((*wijken)[2].name, "Wijk 03 Overvecht");
  for (const auto& w : *wijken) EXPECT_TRUE(w.bbox.has_value()) << w.code;
  auto buurten = Children(*db_, "WK034403");
  ASSERT_TRUE(buurten.has_value());
  EXPECT_EQ(buurten->size(), 10u);
}

TEST_F(Reading, AncestorsRunFromTheGemeenteDown) {
  auto a = Ancestors(*db_, "BU03440321");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(Codes(*a), (std::vector<std::string>{"GM0344", "WK034403"}));
  auto none = Ancestors(*db_, "GM0344");
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
  auto unknown = Ancestors(*db_, "BU99999999");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message, "Gebied BU99999999 bestaat niet.");
}

TEST_F(Reading, SearchFindsByNameOrCodeBestFirst) {
  struct Case {
    const char* query;
    const char* first;
    std::size_t at_least;
  };
  const Case cases[] = {
      {"Utrecht", "GM0344", 1},        // exact name
      {"overvecht", "WK034403", 2},    // a word of the wijk's name; buurten mentioning it follow
      {"OVERVECHT", "WK034403", 2},    // case folded
      {"wk034403", "WK034403", 1},     // exact code, any case
      {"BU034403", "BU03440311", 10},  // code prefix: the buurten of Overvecht
      {"zamenhof", "BU03440321", 1},   // start of a buurt name
      {"WK0344", "WK034401", 10},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    auto found = SearchAreas(*db_, c.query);
    ASSERT_TRUE(found.has_value());
    ASSERT_GE(found->size(), c.at_least);
    EXPECT_EQ((*found)[0].code, c.first);
  }
  EXPECT_TRUE(SearchAreas(*db_, "  ")->empty());
  EXPECT_TRUE(SearchAreas(*db_, "%")->empty());
  EXPECT_EQ(SearchAreas(*db_, "a", 3)->size(), 3u);
}

TEST_F(Reading, YearsAreNewestFirst) {
  EXPECT_EQ(*Years(*db_, "BU03440321"), (std::vector<int>{2024, 2023}));
}

TEST_F(Reading, KeyFiguresComputeSharesFromTheCbsValues) {
  // Expected values straight from the CBS file.
  auto lines = Lines(ReadFile(SharedData("cbs/kwb-2024_GM0344_utrecht.csv")));
  auto header = SplitCsvLine(lines[0]);
  std::map<std::string, std::string> row;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = SplitCsvLine(lines[i]);
    if (cells[5] != "WK034403") continue;
    for (std::size_t c = 0; c < header.size(); ++c) row[header[c]] = cells[c];
  }
  auto num = [&](const char* column) { return *text::ParseDouble(row[column]); };

  auto figures = KeyFigures(*db_, "WK034403");
  ASSERT_TRUE(figures.has_value());
  std::map<std::string, Figure> by_code;
  for (const auto& f : *figures) by_code[f.def->code] = f;
  ASSERT_EQ(by_code.size(), 15u);
  EXPECT_EQ(by_code["a_inw"].year, 2024);
  EXPECT_EQ(by_code["a_inw"].source, "CBS");
  EXPECT_EQ(by_code["a_inw"].source_title, "Kerncijfers wijken en buurten 2024");
  EXPECT_EQ(*by_code["a_inw"].value, num("a_inw"));
  EXPECT_DOUBLE_EQ(*by_code["p_65_oo"].value, num("a_65_oo") / num("a_inw") * 100);
  EXPECT_DOUBLE_EQ(*by_code["p_00_14"].value, num("a_00_14") / num("a_inw") * 100);
  EXPECT_DOUBLE_EQ(*by_code["p_1p_hh"].value, num("a_1p_hh") / num("a_hh") * 100);
  EXPECT_EQ(*by_code["g_hhgro"].value, num("g_hhgro"));

  auto older = KeyFigures(*db_, "WK034403", 2023);
  ASSERT_TRUE(older.has_value());
  EXPECT_EQ(older->front().year, 2023);
  EXPECT_EQ(older->front().source_title, "Kerncijfers wijken en buurten 2023");
}

TEST_F(Reading, FiguresOfAYearListMissingValuesAsMissing) {
  auto figures = Figures(*db_, "BU03440321", 2024);
  ASSERT_TRUE(figures.has_value());
  bool saw_woz = false;
  for (const auto& f : *figures) {
    if (f.def->code == "g_wozbag") {
      saw_woz = true;
      EXPECT_FALSE(f.value.has_value());  // '.' in KWB 2024
    }
  }
  EXPECT_TRUE(saw_woz);
}

TEST_F(Reading, BoundariesAreGeoJsonFeatures) {
  auto feature = nlohmann::json::parse(*BoundaryGeoJson(*db_, "WK034403"));
  EXPECT_EQ(feature["type"], "Feature");
  EXPECT_EQ(feature["properties"]["code"], "WK034403");
  EXPECT_EQ(feature["properties"]["name"], "Wijk 03 Overvecht");
  EXPECT_EQ(feature["properties"]["level"], "wijk");
  EXPECT_TRUE(feature["geometry"]["type"] == "Polygon" || feature["geometry"]["type"] == "MultiPolygon");

  auto collection = nlohmann::json::parse(*ChildrenGeoJson(*db_, "GM0344"));
  EXPECT_EQ(collection["type"], "FeatureCollection");
  EXPECT_EQ(collection["features"].size(), 10u);

  auto none = BoundaryGeoJson(*db_, "GM0344");  // the demo has no boundary of the gemeente itself
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ChildrenGeoJson(*db_, "XX").error().code, ErrorCode::kNotFound);
}

TEST_F(Reading, LocateFindsBuurtWijkAndGemeente) {
  auto in_overvecht = Locate(*db_, 5.1130, 52.1180);
  ASSERT_TRUE(in_overvecht.has_value());
  ASSERT_TRUE(in_overvecht->buurt && in_overvecht->wijk && in_overvecht->gemeente);
  EXPECT_EQ(in_overvecht->buurt->code, "BU03440321");
  EXPECT_EQ(in_overvecht->wijk->code, "WK034403");
  EXPECT_EQ(in_overvecht->gemeente->code, "GM0344");

  auto dom = Locate(*db_, 5.1210, 52.0908);  // Domplein
  ASSERT_TRUE(dom.has_value());
  ASSERT_TRUE(dom->wijk.has_value());
  EXPECT_EQ(dom->wijk->code, "WK034406");

  auto amsterdam = Locate(*db_, 4.9, 52.37);
  ASSERT_TRUE(amsterdam.has_value());
  EXPECT_FALSE(amsterdam->buurt || amsterdam->wijk || amsterdam->gemeente);

  auto bad = Locate(*db_, 200, 52);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace wk::areas
