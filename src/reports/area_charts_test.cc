// The chart builders on the real Utrecht data (demo). Expected values from the CBS counts of
// ../shared/data/cbs/kwb-2024_GM0344_utrecht.csv (see export_test.cc for the ones used here).
#include "wk/reports/area_charts.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace wk::reports {
namespace {

using testing::DemoDb;

profile::Profile Taag2024() {
  auto p = profile::AreaProfile(DemoDb(), "BU03440311", 2024);
  EXPECT_TRUE(p.has_value()) << p.error().Describe();
  return *p;
}

TEST(AgeGroupsChart, ComparesEachAgeBandWithTheWijkAndTheGemeente) {
  BarChart c = AgeGroupsChart(Taag2024());
  EXPECT_EQ(c.text.id, "leeftijd");
  EXPECT_EQ(c.text.title, "Leeftijdsopbouw van Taag- en Rubicondreef en omgeving, 2024: aandeel van de inwoners");
  EXPECT_EQ(c.text.unit, "%");
  EXPECT_EQ(c.text.source, "CBS, Kerncijfers wijken en buurten 2024");
  EXPECT_EQ(c.decimals, 1);
  ASSERT_EQ(c.groups.size(), 5u);
  const char* bands[] = {"0 tot 15 jaar", "15 tot 25 jaar", "25 tot 45 jaar", "45 tot 65 jaar", "65 jaar of ouder"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(c.groups[i].label, bands[i]);
    ASSERT_EQ(c.groups[i].bars.size(), 3u);
    EXPECT_EQ(c.groups[i].bars[0].label, "Buurt Taag- en Rubicondreef en omgeving");
    EXPECT_TRUE(c.groups[i].bars[0].highlight);
    EXPECT_EQ(c.groups[i].bars[1].label, "Wijk 03 Overvecht");
    EXPECT_EQ(c.groups[i].bars[2].label, "Gemeente Utrecht");
    EXPECT_FALSE(c.groups[i].bars[1].highlight || c.groups[i].bars[2].highlight);
  }
  EXPECT_DOUBLE_EQ(*c.groups[4].bars[0].value, 510.0 / 4260 * 100);
  EXPECT_DOUBLE_EQ(*c.groups[4].bars[1].value, 4900.0 / 35255 * 100);
  EXPECT_DOUBLE_EQ(*c.groups[4].bars[2].value, 40261.0 / 374238 * 100);
  EXPECT_DOUBLE_EQ(*c.groups[0].bars[0].value, 715.0 / 4260 * 100);  // a_00_14 = 715
  std::string svg = RenderBarChart(c);
  EXPECT_NE(svg.find(">12,0%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Bron: CBS, Kerncijfers wijken en buurten 2024</text>"), std::string::npos);
}

TEST(AgeGroupsChart, IsTheSameFromTheFiguresAloneAsFromTheWholeProfile) {
  auto light = AgeGroupsChart(DemoDb(), "BU03440311", 2024);
  ASSERT_TRUE(light.has_value()) << light.error().Describe();
  EXPECT_EQ(RenderBarChart(*light), RenderBarChart(AgeGroupsChart(Taag2024())));
  auto households = HouseholdsChart(DemoDb(), "BU03440311", 2024);
  ASSERT_TRUE(households.has_value());
  EXPECT_EQ(RenderBarChart(*households), RenderBarChart(HouseholdsChart(Taag2024())));
  EXPECT_EQ(AgeGroupsChart(DemoDb(), "BU99999999", 2024).error().code, ErrorCode::kNotFound);
}

TEST(HouseholdsChart, SplitsTheHouseholdsInThreeShares) {
  BarChart c = HouseholdsChart(Taag2024());
  EXPECT_EQ(c.text.id, "huishoudens");
  ASSERT_EQ(c.groups.size(), 3u);
  EXPECT_EQ(c.groups[0].label, "Eenpersoonshuishoudens");
  EXPECT_EQ(c.groups[1].label, "Huishoudens zonder kinderen");
  EXPECT_EQ(c.groups[2].label, "Huishoudens met kinderen");
  // a_hh 2240: one-person 1190, without children 510, with children 545.
  EXPECT_DOUBLE_EQ(*c.groups[0].bars[0].value, 1190.0 / 2240 * 100);
  EXPECT_DOUBLE_EQ(*c.groups[1].bars[0].value, 510.0 / 2240 * 100);
  EXPECT_DOUBLE_EQ(*c.groups[2].bars[0].value, 545.0 / 2240 * 100);
}

TEST(ChildrenChart, SortsTheBuurtenHighestFirstAndHighlightsTheOneAsked) {
  auto c = ChildrenChart(DemoDb(), "WK034403", "p_65_oo", 2024, "BU03440311");
  ASSERT_TRUE(c.has_value()) << c.error().Describe();
  EXPECT_EQ(c->text.title, "Aandeel 65 jaar of ouder, buurten van Wijk 03 Overvecht, 2024");
  ASSERT_EQ(c->groups.size(), 1u);
  std::vector<std::string> order;
  for (const auto& b : c->groups[0].bars) order.push_back(b.label + (b.highlight ? " *" : ""));
  EXPECT_EQ(order,
            (std::vector<std::string>{"Poldergebied Overvecht", "Vechtzoom-noord, Klopvaart", "Neckardreef en omgeving",
                                      "Bedrijventerrein en omgeving", "Vechtzoom-zuid", "Zambesidreef en omgeving",
                                      "Wolga- en Donaudreef en omgeving", "Tigrisdreef en omgeving",
                                      "Taag- en Rubicondreef en omgeving *", "Zamenhofdreef en omgeving"}));
  EXPECT_DOUBLE_EQ(*c->groups[0].bars[0].value, 50.0 / 260 * 100);
}

TEST(TrendChart, DrawsTheAreaAndItsParentsOverTheLoadedYears) {
  auto c = TrendChart(DemoDb(), "BU03440311", "a_inw");
  ASSERT_TRUE(c.has_value()) << c.error().Describe();
  EXPECT_EQ(c->text.title, "Aantal inwoners, Taag- en Rubicondreef en omgeving, 2023–2024");
  EXPECT_EQ(c->text.source, "CBS, Kerncijfers wijken en buurten 2023; CBS, Kerncijfers wijken en buurten 2024");
  ASSERT_EQ(c->series.size(), 3u);
  EXPECT_EQ(c->series[0].label, "Buurt Taag- en Rubicondreef en omgeving");
  EXPECT_EQ(c->series[1].label, "Wijk 03 Overvecht");
  EXPECT_EQ(c->series[2].label, "Gemeente Utrecht");
  ASSERT_EQ(c->series[0].points.size(), 2u);
  EXPECT_EQ(c->series[0].points[0].year, 2023);
  EXPECT_EQ(c->series[0].points[0].value, 4195);
  EXPECT_EQ(c->series[0].points[1].value, 4260);
  EXPECT_EQ(c->series[2].points[1].value, 374238);
}

TEST(TrendChart, ShowsAYearWithoutInhabitantsAsMissingNotZero) {
  // Bedrijventerrein De Wetering: 5 inhabitants, none 65+ in 2023 (a real 0%); none in 2024.
  auto c = TrendChart(DemoDb(), "BU03440911", "p_65_oo");
  ASSERT_TRUE(c.has_value()) << c.error().Describe();
  EXPECT_EQ(c->series[0].points[0].value, 0.0);
  EXPECT_FALSE(c->series[0].points[1].value.has_value());
  std::string svg = RenderLineChart(*c);
  EXPECT_NE(svg.find("2023 0,0%, 2024 ontbreekt"), std::string::npos);
}

TEST(CompareChart, PutsTheAreasSideBySidePerIndicator) {
  auto c = CompareChart(DemoDb(), {"BU03440311", "BU03440312"}, {"a_inw", "p_65_oo"}, 2024);
  ASSERT_TRUE(c.has_value()) << c.error().Describe();
  EXPECT_EQ(c->text.title, "Taag- en Rubicondreef en omgeving en Wolga- en Donaudreef en omgeving vergeleken, 2024");
  EXPECT_EQ(c->areas,
            (std::vector<std::string>{"Taag- en Rubicondreef en omgeving", "Wolga- en Donaudreef en omgeving"}));
  ASSERT_EQ(c->panels.size(), 2u);
  EXPECT_EQ(c->panels[0].title, "Aantal inwoners");
  EXPECT_EQ(c->panels[0].values, (std::vector<std::optional<double>>{4260.0, 4900.0}));
  EXPECT_EQ(c->panels[1].unit, "%");
}

TEST(Charts, RefuseWhatTheyCannotDraw) {
  struct Case {
    Error error;
    ErrorCode code;
    const char* message;
    const char* field;
  };
  const Case cases[] = {
      {CompareChart(DemoDb(), {"BU03440311"}, {"a_inw"}, 2024).error(), ErrorCode::kInvalid,
       "Kies 2 tot en met 4 gebieden.", "gebieden"},
      {CompareChart(DemoDb(), {"BU03440311", "BU03440312"}, {}, 2024).error(), ErrorCode::kInvalid,
       "Kies 1 tot en met 8 indicatoren.", "indicator"},
      {TrendChart(DemoDb(), "BU03440311", "x_y").error(), ErrorCode::kNotFound, "Indicator x_y bestaat niet.",
       "indicator"},
      {ChildrenChart(DemoDb(), "WK034403", "x_y", 2024).error(), ErrorCode::kNotFound, "Indicator x_y bestaat niet.",
       "indicator"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.error.code, c.code) << c.message;
    EXPECT_EQ(c.error.message, c.message);
    EXPECT_EQ(c.error.field, c.field);
  }
}

}  // namespace
}  // namespace wk::reports
