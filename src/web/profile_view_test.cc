#include "profile_view.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace wk::web {
namespace {

areas::IndicatorDef Def(std::string code, std::string unit, std::string theme, int decimals,
                        areas::Direction direction = areas::Direction::kNeutral) {
  areas::IndicatorDef d;
  d.code = std::move(code);
  d.label = "Label van " + d.code;
  d.unit = std::move(unit);
  d.theme = std::move(theme);
  d.decimals = decimals;
  d.direction = direction;
  return d;
}

TEST(ProfileView, DifferencesCarryTheirSignAndUnit) {
  struct Case {
    const char* unit;
    int decimals;
    double difference;
    const char* expected;
  };
  const Case cases[] = {
      {"%", 1, 2.34, "+2,3 %-punt"}, {"%", 1, -0.04, "0,0 %-punt"}, {"aantal", 0, -1250, "-1.250"},
      {"euro", 0, 3000, "+€ 3.000"}, {"km", 1, 0.26, "+0,3 km"},    {"", 0, 7, "+7"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatDifference(Def("x", c.unit, "wonen", c.decimals), c.difference), c.expected) << c.expected;
  }
  EXPECT_EQ(FormatSignedPercent(12.44), "+12,4%");
  EXPECT_EQ(FormatSignedPercent(-3.6), "-3,6%");
  EXPECT_EQ(FormatSignedPercent(0.04), "0,0%");
}

TEST(ProfileView, TrendsReadInWordsAndSymbols) {
  auto def = Def("p_1p_hh", "%", "huishoudens", 1, areas::Direction::kLowerIsBetter);
  auto up = profile::TrendBetween(2023, 40.0, 2024, 42.0, def.direction);
  ASSERT_TRUE(up.has_value());
  auto j = TrendData(def, *up);
  EXPECT_EQ(j["symbol"], "▲");
  EXPECT_EQ(j["movement"], "gestegen");
  EXPECT_EQ(j["change"], "+2,0 %-punt (+5,0%)");
  EXPECT_EQ(j["period"], "2023–2024");
  EXPECT_EQ(j["judgement"], "ongunstig");
  auto stable = TrendData(def, *profile::TrendBetween(2023, 40.0, 2024, 40.4, def.direction));
  EXPECT_EQ(stable["symbol"], "▬");
  EXPECT_EQ(stable["movement"], "stabiel");
  EXPECT_TRUE(stable["judgement"].is_null());  // neither: templates show no word
  auto down = TrendData(def, *profile::TrendBetween(2023, 40.0, 2024, 30.0, def.direction));
  EXPECT_EQ(down["movement"], "gedaald");
  EXPECT_EQ(down["judgement"], "gunstig");
}

TEST(ProfileView, IndicatorLinksPointAtTheRowOnTheAreaPage) {
  EXPECT_EQ(IndicatorHref("BU03440301", 2024, "bevolking", "p_65_oo"),
            "/gebied/BU03440301?jaar=2024&thema=bevolking#ind-p_65_oo");
  EXPECT_EQ(IndicatorHref("WK034403", 2023, "zorg en welzijn", "a_wmo"),
            "/gebied/WK034403?jaar=2023&thema=zorg+en+welzijn#ind-a_wmo");
  EXPECT_EQ(ThemeLabel("zorg en welzijn"), "Zorg en welzijn");
}

class ProfileTables : public ::testing::Test {
 protected:
  void SetUp() override {
    p_.area = {"BU03440301", "Buurt A", areas::Level::kBuurt, "WK034403", std::nullopt};
    p_.year = 2024;
    p_.peer_count = 3;
    profile::IndicatorProfile share;
    share.def = &share_def_;
    share.value = 12.5;
    share.source = "CBS";
    share.source_title = "Kerncijfers wijken en buurten 2024";
    share.parents = {{"GM0344", "Utrecht", areas::Level::kGemeente, 10.0},
                     {"WK034403", "Overvecht", areas::Level::kWijk, std::nullopt}};
    share.peers = profile::ComparePeers(12.5, {12.5, 10.0, 20.0});
    share.from_parent = profile::DeviationFrom(12.5, 10.0);
    p_.indicators.push_back(share);
    profile::IndicatorProfile woz;
    woz.def = &woz_def_;
    woz.parents = share.parents;
    p_.indicators.push_back(woz);
    profile::IndicatorProfile count;
    count.def = &count_def_;
    count.value = 1200;
    count.national = 17900000;
    count.parents = share.parents;
    p_.indicators.push_back(count);
  }
  areas::IndicatorDef share_def_ = Def("p_65_oo", "%", "bevolking", 1);
  areas::IndicatorDef woz_def_ = Def("g_wozbag", "euro", "wonen", 0, areas::Direction::kNeutral);
  areas::IndicatorDef count_def_ = Def("a_inw", "aantal", "bevolking", 0);
  profile::Profile p_;
};

TEST_F(ProfileTables, ThemesAreThoseWithIndicatorsInPageOrder) {
  EXPECT_EQ(ProfileThemes(p_), (std::vector<std::string>{"bevolking", "wonen"}));
}

TEST_F(ProfileTables, ARowComparesWithParentsPeersAndTheCountry) {
  auto table = ProfileTable(p_, "bevolking");
  EXPECT_EQ(table["has_national"], true);
  EXPECT_EQ(table["direct_parent"], "Overvecht");
  ASSERT_EQ(table["rows"].size(), 2u);
  const auto& row = table["rows"][0];
  EXPECT_EQ(row["id"], "ind-p_65_oo");
  EXPECT_EQ(row["own"]["value"], "12,5%");
  EXPECT_EQ(row["parents"][0]["value"], "10,0%");
  EXPECT_EQ(row["parents"][1]["value"], "ontbreekt");
  EXPECT_EQ(row["parents"][1]["missing"], true);
  EXPECT_EQ(row["national"]["missing"], true);
  EXPECT_EQ(row["rank"], "2 van 3");
  EXPECT_EQ(row["percentile"], "50");
  EXPECT_EQ(row["deviation"], "+2,5 %-punt (+25,0%)");
  EXPECT_FALSE(row.contains("trend"));
  EXPECT_EQ(table["rows"][1]["national"]["value"], "17.900.000");
  EXPECT_EQ(table["column_count"], 10);  // Kenmerk, area, 2 parents, Nederland, rank, pct, deviation, trend, source
}

TEST_F(ProfileTables, CountsGetNoDeviationFromTheParentAndGroupsGetAHeading) {
  p_.indicators[2].from_parent = profile::DeviationFrom(1200, 35000);
  count_def_.group = "Bevolking totaal";
  auto rows = ProfileTable(p_, "bevolking")["rows"];
  EXPECT_FALSE(rows[1].contains("deviation"));
  EXPECT_FALSE(rows[0].contains("group_start"));
  EXPECT_EQ(rows[1]["group_start"], "Bevolking totaal");
  EXPECT_EQ(IndicatorName(count_def_), "Bevolking totaal: Label van a_inw");
  EXPECT_TRUE(ThemeHasValues(p_, "bevolking"));
  EXPECT_FALSE(ThemeHasValues(p_, "wonen"));
}

TEST_F(ProfileTables, AMissingValueIsNeverANumberAndNotCompared) {
  auto table = ProfileTable(p_, "wonen");
  EXPECT_EQ(table["has_national"], false);
  ASSERT_EQ(table["rows"].size(), 1u);
  const auto& row = table["rows"][0];
  EXPECT_EQ(row["own"]["value"], "ontbreekt");
  EXPECT_EQ(row["own"]["missing"], true);
  EXPECT_FALSE(row.contains("rank"));
  EXPECT_FALSE(row.contains("deviation"));
  EXPECT_FALSE(row.contains("national"));
}

TEST_F(ProfileTables, AveragesCountedInAantalGetADeviationFromTheParent) {
  // CBS gives the mean household size the unit "aantal"; it compares across sizes like a share.
  areas::IndicatorDef size_def = Def("g_hhgro", "aantal", "bevolking", 1);
  profile::IndicatorProfile size;
  size.def = &size_def;
  size.value = 1.9;
  size.parents = {{"GM0344", "Utrecht", areas::Level::kGemeente, 1.9},
                  {"WK034403", "Overvecht", areas::Level::kWijk, 2.2}};
  size.from_parent = profile::DeviationFrom(1.9, 2.2);
  p_.indicators.push_back(size);
  auto rows = ProfileTable(p_, "bevolking")["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2]["code"], "g_hhgro");
  EXPECT_TRUE(rows[2].contains("deviation")) << rows[2].dump();
}

TEST_F(ProfileTables, AnIndicatorWithoutAnyValueIsListedApartFromTheRows) {
  // Neither the area, nor a parent, nor the country has a value (an early CBS release).
  p_.indicators[1].parents = {{"GM0344", "Utrecht", areas::Level::kGemeente, std::nullopt},
                              {"WK034403", "Overvecht", areas::Level::kWijk, std::nullopt}};
  auto table = ProfileTable(p_, "wonen");
  EXPECT_EQ(table["has_rows"], false);
  ASSERT_EQ(table["empty_rows"].size(), 1u);
  EXPECT_EQ(table["empty_rows"][0]["id"], "ind-g_wozbag");
  EXPECT_EQ(table["empty_count"], 1);
  EXPECT_EQ(table["has_empty_rows"], true);
}

TEST_F(ProfileTables, FindingsOfAThemeLinkEachNumberToItsRow) {
  profile::Finding f;
  f.indicator = "p_65_oo";
  f.parts = {{"In Buurt A is ", std::nullopt},
             {"12,5%", profile::NumberRef{"BU03440301", "p_65_oo", 2024}},
             {" van de inwoners 65 jaar of ouder, tegen ", std::nullopt},
             {"10,0%", profile::NumberRef{"GM0344", "p_65_oo", 2024}},
             {" in Utrecht en ", std::nullopt},
             {"19,9%", profile::NumberRef{"NL00", "p_65_oo", 2024}},
             {" in Nederland (CBS, 2024).", std::nullopt}};
  p_.findings.push_back(f);
  EXPECT_TRUE(FindingsOfTheme(p_, "wonen").empty());
  auto list = FindingsOfTheme(p_, "bevolking");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["sentence"],
            "In Buurt A is 12,5% van de inwoners 65 jaar of ouder, tegen 10,0% in Utrecht en 19,9% in Nederland "
            "(CBS, 2024).");
  const auto& parts = list[0]["parts"];
  EXPECT_FALSE(parts[0].contains("href"));
  EXPECT_EQ(parts[1]["href"], "/gebied/BU03440301?jaar=2024&thema=bevolking#ind-p_65_oo");
  EXPECT_EQ(parts[3]["href"], "/gebied/GM0344?jaar=2024&thema=bevolking#ind-p_65_oo");
  EXPECT_EQ(parts[5]["href"], "/gebied/BU03440301?jaar=2024&thema=bevolking#ind-p_65_oo");
}

}  // namespace
}  // namespace wk::web
