#include "map_classes.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

using V = std::vector<std::optional<double>>;
using Bounds = std::vector<std::tuple<int, double, double, int>>;  // index, low, high, count

Bounds BoundsOf(const Classification& c) {
  Bounds out;
  for (const auto& k : c.classes) out.emplace_back(k.index, k.low, k.high, k.count);
  return out;
}

TEST(MapClasses, QuantilesPutAboutAFifthOfTheAreasInEachClass) {
  V values;
  for (int i = 10; i >= 1; --i) values.push_back(i);  // order of the input does not matter
  auto c = Classify(values, ClassMethod::kQuantile, areas::Direction::kNeutral);
  EXPECT_EQ(BoundsOf(c), (Bounds{{0, 1, 2, 2}, {1, 3, 4, 2}, {2, 5, 6, 2}, {3, 7, 8, 2}, {4, 9, 10, 2}}));
  EXPECT_EQ(c.of.front(), 4);  // the value 10
  EXPECT_EQ(c.of.back(), 0);   // the value 1
  EXPECT_EQ(c.missing, 0);
}

TEST(MapClasses, EqualValuesShareAClassEvenWhenClassesStayEmpty) {
  auto c = Classify(V{5, 5, 5, 5, 1, 9}, ClassMethod::kQuantile, areas::Direction::kNeutral);
  EXPECT_EQ(BoundsOf(c), (Bounds{{0, 1, 5, 5}, {4, 9, 9, 1}}));
  EXPECT_EQ(c.of, (std::vector<std::optional<int>>{0, 0, 0, 0, 0, 4}));
}

TEST(MapClasses, MissingValuesGetNoClassAndAreCounted) {
  auto c = Classify(V{std::nullopt, 3, std::nullopt}, ClassMethod::kQuantile, areas::Direction::kNeutral);
  EXPECT_EQ(BoundsOf(c), (Bounds{{0, 3, 3, 1}}));
  EXPECT_EQ(c.of, (std::vector<std::optional<int>>{std::nullopt, 0, std::nullopt}));
  EXPECT_EQ(c.missing, 2);
  auto none = Classify(V{std::nullopt, std::nullopt}, ClassMethod::kQuantile, areas::Direction::kNeutral);
  EXPECT_TRUE(none.classes.empty());
  EXPECT_EQ(none.missing, 2);
}

TEST(MapClasses, EqualIntervalsCutTheRangeIntoFiveEqualParts) {
  auto c = Classify(V{0, 10, 2, 7.5}, ClassMethod::kEqualInterval, areas::Direction::kNeutral);
  EXPECT_EQ(BoundsOf(c), (Bounds{{0, 0, 2, 1}, {1, 2, 4, 1}, {3, 6, 8, 1}, {4, 8, 10, 1}}));
  EXPECT_EQ(c.of, (std::vector<std::optional<int>>{0, 4, 1, 3}));
  auto flat = Classify(V{4, 4}, ClassMethod::kEqualInterval, areas::Direction::kNeutral);
  EXPECT_EQ(BoundsOf(flat), (Bounds{{0, 4, 4, 2}}));
}

TEST(MapClasses, DarkerMeansHigherOrLessFavourable) {
  struct Case {
    areas::Direction direction;
    const char* lowest;
    const char* highest;
  };
  const Case cases[] = {
      {areas::Direction::kNeutral, "#eff3ff", "#08519c"},
      {areas::Direction::kLowerIsBetter, "#fef0d9", "#b30000"},
      {areas::Direction::kHigherIsBetter, "#b30000", "#fef0d9"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ClassColour(0, c.direction), c.lowest);
    EXPECT_EQ(ClassColour(kMapClasses - 1, c.direction), c.highest);
    auto k = Classify(V{1, 2, 3, 4, 5}, ClassMethod::kQuantile, c.direction);
    EXPECT_EQ(k.classes.front().colour, c.lowest);
    EXPECT_EQ(k.classes.back().colour, c.highest);
    EXPECT_EQ(k.classes.front().swatch, ClassSwatch(0, c.direction));
  }
}

TEST(MapClasses, SwatchClassesFollowTheColours) {
  EXPECT_EQ(ClassSwatch(4, areas::Direction::kNeutral), "sw-b4");
  EXPECT_EQ(ClassSwatch(4, areas::Direction::kLowerIsBetter), "sw-o4");
  EXPECT_EQ(ClassSwatch(4, areas::Direction::kHigherIsBetter), "sw-o0");
}

TEST(MapClasses, MethodNamesRoundTrip) {
  EXPECT_EQ(ParseClassMethod("kwantielen"), ClassMethod::kQuantile);
  EXPECT_EQ(ParseClassMethod("gelijk"), ClassMethod::kEqualInterval);
  EXPECT_EQ(ParseClassMethod("anders"), std::nullopt);
  EXPECT_EQ(ClassMethodName(ClassMethod::kEqualInterval), "gelijk");
}

}  // namespace
}  // namespace wk::web
