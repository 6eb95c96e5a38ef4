// The definitions of docs/adr/0008 on hand-made values: ties, missing values, zero spread.
#include <gtest/gtest.h>

#include <cmath>

#include "wk/profile/profile.h"

namespace wk::profile {
namespace {

using V = std::vector<std::optional<double>>;
constexpr auto kNone = std::nullopt;

TEST(ComparePeers, PercentileIsMidRankAmongPeersWithAValue) {
  struct Case {
    const char* what;
    std::optional<double> value;
    V peers;
    int n, rank;
    double percentile;
  };
  const Case cases[] = {
      {"the lowest of four", 1, {1, 2, 3, 4}, 4, 4, 12.5},
      {"the highest of four", 4, {1, 2, 3, 4}, 4, 1, 87.5},
      {"two equal in the middle", 2, {1, 2, 2, 4}, 4, 2, 50.0},
      {"all equal", 5, {5, 5, 5}, 3, 1, 50.0},
      {"three tied at the top", 7, {7, 1, 7, 7, 3}, 5, 1, 70.0},
      {"missing peers are left out", 2, {kNone, 1, 2, kNone, 3}, 3, 2, 50.0},
      {"a single peer", 9, {9}, 1, 1, 50.0},
      {"ties below share their rank", 1, {3, 3, 1, 3}, 4, 4, 12.5},
  };
  for (const auto& c : cases) {
    auto s = ComparePeers(c.value, c.peers);
    ASSERT_TRUE(s.has_value()) << c.what;
    EXPECT_EQ(s->peers, c.n) << c.what;
    EXPECT_EQ(s->rank, c.rank) << c.what;
    EXPECT_DOUBLE_EQ(s->percentile, c.percentile) << c.what;
  }
}

TEST(ComparePeers, ZScoreUsesThePopulationStandardDeviation) {
  struct Case {
    const char* what;
    double value;
    V peers;
    std::optional<double> z;
  };
  // {2,4,4,4,5,5,7,9}: mean 5, population sd exactly 2 (the sample sd would be 2.138...).
  const Case cases[] = {
      {"above the mean", 9, {2, 4, 4, 4, 5, 5, 7, 9}, 2.0},
      {"below the mean", 2, {2, 4, 4, 4, 5, 5, 7, 9}, -1.5},
      {"at the mean", 5, {2, 4, 4, 4, 5, 5, 7, 9}, 0.0},
      {"missing peers are left out", 9, {2, kNone, 4, 4, 4, 5, 5, kNone, 7, 9}, 2.0},
      {"no spread gives no z-score", 3, {3, 3, 3}, kNone},
      {"a single peer gives no z-score", 3, {3}, kNone},
      {"two peers", 1, {1, 3}, -1.0},
  };
  for (const auto& c : cases) {
    auto s = ComparePeers(c.value, c.peers);
    ASSERT_TRUE(s.has_value()) << c.what;
    ASSERT_EQ(s->z_score.has_value(), c.z.has_value()) << c.what;
    if (c.z) {
      EXPECT_DOUBLE_EQ(*s->z_score, *c.z) << c.what;
    }
  }
}

TEST(ComparePeers, AMissingValueOrNoPeerWithAValueIsNeverCompared) {
  EXPECT_FALSE(ComparePeers(kNone, {1, 2, 3}).has_value());
  EXPECT_FALSE(ComparePeers(2, {kNone, kNone}).has_value());
  EXPECT_FALSE(ComparePeers(2, {}).has_value());
}

TEST(DeviationFrom, IsAbsoluteAndRelativeToTheParent) {
  struct Case {
    std::optional<double> value, parent;
    bool present;
    double absolute;
    std::optional<double> percent;
  };
  const Case cases[] = {
      {15, 10, true, 5, 50.0},  {5, 10, true, -5, -50.0},     {10, 10, true, 0, 0.0},       {3, 0, true, 3, kNone},
      {-5, -10, true, 5, 50.0}, {kNone, 10, false, 0, kNone}, {10, kNone, false, 0, kNone},
  };
  for (const auto& c : cases) {
    auto d = DeviationFrom(c.value, c.parent);
    ASSERT_EQ(d.has_value(), c.present);
    if (!d) continue;
    EXPECT_DOUBLE_EQ(d->absolute, c.absolute);
    ASSERT_EQ(d->percent.has_value(), c.percent.has_value());
    if (c.percent) {
      EXPECT_DOUBLE_EQ(*d->percent, *c.percent);
    }
  }
}

TEST(TrendBetween, MovesOnlyBeyondTheThresholdAndIsJudgedByDirection) {
  using areas::Direction;
  struct Case {
    const char* what;
    double from, to;
    Direction direction;
    double threshold;
    Movement movement;
    Judgement judgement;
  };
  const Case cases[] = {
      {"2 % exactly is stable", 100, 102, Direction::kHigherIsBetter, 2, Movement::kStable, Judgement::kNeither},
      {"2.5 % up, higher is better", 100, 102.5, Direction::kHigherIsBetter, 2, Movement::kUp, Judgement::kFavourable},
      {"2.5 % up, lower is better", 100, 102.5, Direction::kLowerIsBetter, 2, Movement::kUp, Judgement::kUnfavourable},
      {"3 % down, lower is better", 100, 97, Direction::kLowerIsBetter, 2, Movement::kDown, Judgement::kFavourable},
      {"3 % down, higher is better", 100, 97, Direction::kHigherIsBetter, 2, Movement::kDown, Judgement::kUnfavourable},
      {"neutral is neither", 100, 150, Direction::kNeutral, 2, Movement::kUp, Judgement::kNeither},
      {"a wider threshold", 100, 104, Direction::kHigherIsBetter, 5, Movement::kStable, Judgement::kNeither},
      {"from 0 any rise is up", 0, 1, Direction::kHigherIsBetter, 2, Movement::kUp, Judgement::kFavourable},
      {"0 to 0 is stable", 0, 0, Direction::kHigherIsBetter, 2, Movement::kStable, Judgement::kNeither},
      {"negative values rise towards 0", -50, -40, Direction::kNeutral, 2, Movement::kUp, Judgement::kNeither},
  };
  for (const auto& c : cases) {
    auto t = TrendBetween(2023, c.from, 2024, c.to, c.direction, c.threshold);
    ASSERT_TRUE(t.has_value()) << c.what;
    EXPECT_EQ(t->movement, c.movement) << c.what;
    EXPECT_EQ(t->judgement, c.judgement) << c.what;
    EXPECT_DOUBLE_EQ(t->change, c.to - c.from) << c.what;
    EXPECT_EQ(t->percent.has_value(), c.from != 0) << c.what;
  }
}

TEST(TrendBetween, UsesTwoPercentByDefaultAndIsEmptyWhenAValueIsMissing) {
  auto t = TrendBetween(2023, 200, 2024, 205, areas::Direction::kNeutral);
  ASSERT_TRUE(t.has_value());
  EXPECT_DOUBLE_EQ(*t->percent, 2.5);
  EXPECT_EQ(t->movement, Movement::kUp);
  EXPECT_EQ(t->from_year, 2023);
  EXPECT_EQ(t->to_year, 2024);
  auto negative = TrendBetween(2023, -50, 2024, -40, areas::Direction::kNeutral);
  ASSERT_TRUE(negative.has_value());
  EXPECT_DOUBLE_EQ(*negative->percent, 20.0);  // relative to |from|: a rise reads as a rise
  EXPECT_FALSE(TrendBetween(2023, std::nullopt, 2024, 1, areas::Direction::kNeutral).has_value());
  EXPECT_FALSE(TrendBetween(2023, 1, 2024, std::nullopt, areas::Direction::kNeutral).has_value());
}

}  // namespace
}  // namespace wk::profile
