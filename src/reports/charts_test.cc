// The charts as text: exact pieces of the SVG that a reader (or a screen reader) depends on.
#include <gtest/gtest.h>

#include <regex>

#include "svg.h"
#include "wk/reports/charts.h"

namespace wk::reports {
namespace {

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

ChartText Text(std::string id, std::string title, std::string unit) {
  return {std::move(id), std::move(title), std::move(unit), "CBS, Kerncijfers wijken en buurten 2024", ""};
}

BarChart ShareOf65Plus() {
  BarChart c;
  c.text = Text("ouderen", "Aandeel 65 jaar of ouder, 2024", "%");
  c.decimals = 1;
  c.groups = {
      {"", {{"Kanaleneiland-Zuid", 9.5, true}, {"Overvecht", 11.26, false}, {"Lunetten", std::nullopt, false}}}};
  return c;
}

TEST(BarChart, CarriesTitleUnitSourceAndAnAccessibleName) {
  std::string svg = RenderBarChart(ShareOf65Plus());
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 "));
  EXPECT_NE(svg.find("role=\"img\" aria-labelledby=\"ouderen-title ouderen-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"ouderen-title\">Aandeel 65 jaar of ouder, 2024</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"ouderen-desc\">Staafdiagram (eenheid: %). Kanaleneiland-Zuid 9,5%, Overvecht "
                     "11,3%, Lunetten ontbreekt.</desc>"),
            std::string::npos);
  EXPECT_NE(svg.find(">Eenheid: %</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Bron: CBS, Kerncijfers wijken en buurten 2024</text>"), std::string::npos);
  EXPECT_EQ(svg.find(" style="), std::string::npos) << "the pages' CSP forbids style attributes";
}

TEST(BarChart, WritesEveryValueInDutchNotationAndAMissingOneAsOntbreekt) {
  std::string svg = RenderBarChart(ShareOf65Plus());
  EXPECT_NE(svg.find(">9,5%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">11,3%</text>"), std::string::npos);
  EXPECT_NE(svg.find("font-style=\"italic\" fill=\"#4d4d4d\">ontbreekt</text>"), std::string::npos);
  EXPECT_EQ(Count(svg, "<rect x="), 2u) << "two bars; the missing value draws none (never a bar of 0)";
  EXPECT_EQ(svg.find(">0,0%</text>"), std::string::npos);

  BarChart counts;
  counts.text = Text("inwoners", "Inwoners", "aantal");
  counts.groups = {{"", {{"Utrecht", 367947.0, false}}}};
  EXPECT_NE(RenderBarChart(counts).find(">367.947</text>"), std::string::npos);
}

TEST(BarChart, HighlightsTheCurrentAreaDarkWithABoldLabel) {
  std::string svg = RenderBarChart(ShareOf65Plus());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("font-weight=\"bold\" fill=\"#1a1a1a\">Kanaleneiland-Zuid</text>")));
  EXPECT_EQ(Count(svg, "fill=\"#1d3a5f\""), 1u);
  EXPECT_EQ(Count(svg, "fill=\"#9fb4cc\""), 1u);
  EXPECT_EQ(svg.find("font-weight=\"bold\" fill=\"#1a1a1a\">Overvecht</text>"), std::string::npos);
}

TEST(BarChart, EscapesAllText) {
  BarChart c;
  c.text = Text("x", "A & B <script>", "\"%\"");
  c.text.source = "Eigen telling 'buurt'";
  c.groups = {{"<groep>", {{"Zuid & Oost\x01", 1.0, false}}}};
  std::string svg = RenderBarChart(c);
  EXPECT_NE(svg.find("<title id=\"x-title\">A &amp; B &lt;script&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find(">Zuid &amp; Oost</text>"), std::string::npos) << "control characters are dropped";
  EXPECT_NE(svg.find(">&lt;groep&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Eenheid: &quot;%&quot;</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Bron: Eigen telling &#39;buurt&#39;</text>"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<groep"), std::string::npos);
}

TEST(BarChart, IsTheSameByteForByteForTheSameInput) {
  EXPECT_EQ(RenderBarChart(ShareOf65Plus()), RenderBarChart(ShareOf65Plus()));
}

TEST(BarChart, GroupsCarryTheirHeadings) {
  BarChart c;
  c.text = Text("leeftijd", "Leeftijdsopbouw", "%");
  c.decimals = 1;
  c.groups = {{"0 tot 15 jaar", {{"Buurt", 20.0, true}, {"Gemeente", 15.0, false}}},
              {"65 jaar of ouder", {{"Buurt", 8.0, true}, {"Gemeente", 11.0, false}}}};
  std::string svg = RenderBarChart(c);
  EXPECT_NE(svg.find("font-weight=\"bold\" fill=\"#1a1a1a\">0 tot 15 jaar</text>"), std::string::npos);
  EXPECT_NE(svg.find("font-weight=\"bold\" fill=\"#1a1a1a\">65 jaar of ouder</text>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"leeftijd-desc\">Staafdiagram (eenheid: %). 0 tot 15 jaar: Buurt 20,0%, Gemeente "
                     "15,0%. 65 jaar of ouder: Buurt 8,0%, Gemeente 11,0%.</desc>"),
            std::string::npos);
}

TEST(BarChart, SummarisesManyBarsInItsDescription) {
  BarChart c;
  c.text = Text("buurten", "Inwoners per buurt", "aantal");
  std::vector<Bar> bars;
  for (int i = 1; i <= 25; ++i) bars.push_back({"Buurt " + std::to_string(i), i * 100.0, i == 7});
  bars.push_back({"Buurt zonder cijfer", std::nullopt, false});
  c.groups = {{"", bars}};
  EXPECT_NE(RenderBarChart(c).find("<desc id=\"buurten-desc\">Staafdiagram (eenheid: aantal). 26 waarden, waarvan 1 "
                                   "ontbreekt. Hoogste: Buurt 25 2.500. Laagste: Buurt 1 100. Buurt 7: 700.</desc>"),
            std::string::npos);
}

TEST(SortBarsDescending, PutsTheHighestFirstAndMissingLast) {
  std::vector<Bar> bars = {{"a", 2.0}, {"b", std::nullopt}, {"c", 5.0}, {"d", 2.0}, {"e", -1.0}};
  SortBarsDescending(bars);
  std::string order;
  for (const auto& b : bars) order += b.label;
  EXPECT_EQ(order, "cadeb");
}

LineChart Trend() {
  LineChart c;
  c.text = Text("trend", "Aandeel 65 jaar of ouder", "%");
  c.decimals = 1;
  c.series = {{"Kanaleneiland", {{2022, 8.0}, {2023, std::nullopt}, {2024, 9.5}}},
              {"Gemeente Utrecht", {{2022, 11.0}, {2023, 11.1}, {2024, 11.2}}}};
  return c;
}

TEST(LineChart, TellsTheLinesApartByDashAndMarkerAndNamesThem) {
  std::string svg = RenderLineChart(Trend());
  EXPECT_NE(svg.find("stroke=\"#1d3a5f\" stroke-width=\"3\" stroke-linejoin=\"round\"/>"), std::string::npos);
  EXPECT_NE(svg.find("stroke-width=\"2\" stroke-dasharray=\"7 4\" stroke-linejoin=\"round\"/>"), std::string::npos);
  EXPECT_EQ(Count(svg, "<circle "), 3u) << "two points of the area and one in the legend";
  EXPECT_EQ(Count(svg, "width=\"8\" height=\"8\""), 4u) << "three points of the gemeente and one in the legend";
  EXPECT_NE(svg.find(">Gemeente Utrecht</text>"), std::string::npos);
  for (const char* label : {">8,0%</text>", ">9,5%</text>", ">11,0%</text>", ">11,1%</text>", ">11,2%</text>",
                            ">2022</text>", ">2023</text>", ">2024</text>"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
}

TEST(LineChart, LeavesAGapForAMissingYearAndSaysOntbreektInTheTable) {
  std::string svg = RenderLineChart(Trend());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<path d=\"(M[^\"]*)\" fill=\"none\" stroke=\"#1d3a5f\"")));
  EXPECT_EQ(Count(m[1].str(), "M"), 2u) << m[1].str();
  EXPECT_EQ(Count(m[1].str(), "L"), 0u) << "no line is drawn across the missing year";
  EXPECT_EQ(Count(svg, "font-style=\"italic\" fill=\"#4d4d4d\">ontbreekt</text>"), 1u);
  EXPECT_EQ(svg.find(">0,0%</text>"), std::string::npos);
  EXPECT_NE(svg.find("Kanaleneiland (doorgetrokken lijn met rondjes): 2022 8,0%, 2023 ontbreekt, 2024 9,5%. Gemeente "
                     "Utrecht (gestreepte lijn met vierkantjes): 2022 11,0%, 2023 11,1%, 2024 11,2%.</desc>"),
            std::string::npos);
}

TEST(SmallMultiples, DrawsOnePanelPerIndicatorWithTheAreasInTheSameOrder) {
  SmallMultiples c;
  c.text = Text("vergelijking", "Kanaleneiland en Lunetten vergeleken, 2024", "");
  c.areas = {"Kanaleneiland", "Lunetten"};
  c.panels = {{"Inwoners", "aantal", 0, {15200.0, 11700.0}}, {"Aandeel 65 jaar of ouder", "%", 1, {9.5, std::nullopt}}};
  std::string svg = RenderSmallMultiples(c);
  EXPECT_NE(svg.find("font-weight=\"bold\" fill=\"#1a1a1a\">Inwoners</text>"), std::string::npos);
  EXPECT_NE(svg.find("font-weight=\"bold\" fill=\"#1a1a1a\">Aandeel 65 jaar of ouder</text>"), std::string::npos);
  EXPECT_NE(svg.find(">15.200</text>"), std::string::npos);
  EXPECT_NE(svg.find(">ontbreekt</text>"), std::string::npos);
  EXPECT_EQ(Count(svg, "<rect x="), 3u);
  EXPECT_EQ(Count(svg, "font-weight=\"bold\" fill=\"#1a1a1a\">Kanaleneiland</text>"), 2u);
  EXPECT_EQ(svg.find(">Eenheid: </text>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"vergelijking-desc\">Vergelijking van Kanaleneiland en Lunetten. Inwoners (aantal): "
                     "Kanaleneiland 15.200, Lunetten 11.700. Aandeel 65 jaar of ouder (%): Kanaleneiland 9,5%, "
                     "Lunetten ontbreekt.</desc>"),
            std::string::npos);
}

TEST(Svg, CoordinatesHaveOneDecimalAndNoNegativeZero) {
  struct Case {
    double in;
    const char* out;
  } cases[] = {{3, "3"}, {12.25, "12.3"}, {-0.04, "0"}, {640, "640"}, {-7.5, "-7.5"}, {0.96, "1"}};
  for (const auto& c : cases) EXPECT_EQ(svg::Num(c.in), c.out) << c.in;
}

TEST(Svg, AxesStepInOnesTwosAndFivesAndIncludeZero) {
  struct Case {
    double lo, hi, want_lo, want_hi, step;
    int decimals;
  } cases[] = {
      {0, 11.2, 0, 15, 5, 0}, {0, 367947, 0, 400000, 100000, 0}, {-3, 7, -4, 8, 2, 0}, {0, 0, 0, 1, 0.2, 1},
      {5, 9, 0, 10, 2, 0},    {0, 0.37, 0, 0.4, 0.1, 1},
  };
  for (const auto& c : cases) {
    auto a = svg::NiceAxis(c.lo, c.hi);
    EXPECT_DOUBLE_EQ(a.lo, c.want_lo) << c.lo << ".." << c.hi;
    EXPECT_DOUBLE_EQ(a.hi, c.want_hi) << c.lo << ".." << c.hi;
    EXPECT_DOUBLE_EQ(a.step, c.step) << c.lo << ".." << c.hi;
    EXPECT_EQ(a.decimals, c.decimals) << c.lo << ".." << c.hi;
  }
}

TEST(Svg, FitCutsLongLabelsWithAnEllipsis) {
  EXPECT_EQ(svg::Fit("Kort", 100, 10), "Kort");
  EXPECT_EQ(svg::Fit("Oog in Al, Welgelegen", 55, 10), "Oog in Al…");
  EXPECT_EQ(svg::Fit("Tuindorp-Oost é", 300, 10), "Tuindorp-Oost é");
}

}  // namespace
}  // namespace wk::reports
