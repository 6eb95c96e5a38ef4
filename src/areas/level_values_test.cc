// ValuesOfYear on the real Utrecht demo data: the one-scan read equals Figures area by area.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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

class LevelValuesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = MigratedDb().release();
    auto loaded = LoadDemo(*db_, Beheerder());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().Describe();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static store::Db* db_;
};
store::Db* LevelValuesTest::db_ = nullptr;

std::size_t IndexOf(const LevelValues& lv, std::string_view indicator) {
  for (std::size_t i = 0; i < lv.indicators.size(); ++i) {
    if (lv.indicators[i]->code == indicator) return i;
  }
  ADD_FAILURE() << indicator << " is not among the indicators";
  return 0;
}

TEST_F(LevelValuesTest, EveryValueEqualsTheFigureOfTheArea) {
  struct Case {
    Level level;
    int year;
    std::size_t areas;
  };
  const Case cases[] = {{Level::kBuurt, 2024, 111},
                        {Level::kBuurt, 2023, 111},
                        {Level::kWijk, 2024, 10},
                        {Level::kWijk, 2023, 10},
                        {Level::kGemeente, 2024, 1}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(LevelName(c.level)) + " " + std::to_string(c.year));
    auto lv = ValuesOfYear(*db_, c.year, c.level);
    ASSERT_TRUE(lv.has_value()) << lv.error().Describe();
    ASSERT_EQ(lv->areas.size(), c.areas);
    ASSERT_EQ(lv->values.size(), lv->areas.size() * lv->indicators.size());
    EXPECT_TRUE(std::is_sorted(lv->areas.begin(), lv->areas.end(),
                               [](const Area& a, const Area& b) { return a.code < b.code; }));
    int compared = 0;
    for (std::size_t a = 0; a < lv->areas.size(); ++a) {
      const Area& area = lv->areas[a];
      EXPECT_EQ(area.level, c.level);
      auto stored = GetArea(*db_, area.code);
      ASSERT_TRUE(stored.has_value());
      EXPECT_EQ(area.name, stored->name);
      EXPECT_EQ(area.parent_code, stored->parent_code);
      auto figures = Figures(*db_, area.code, c.year);
      ASSERT_TRUE(figures.has_value());
      std::map<std::string, std::optional<double>> expected;
      for (const auto& f : *figures) expected[f.def->code] = f.value;
      for (std::size_t i = 0; i < lv->indicators.size(); ++i) {
        const auto& got = lv->values[a * lv->indicators.size() + i];
        auto it = expected.find(lv->indicators[i]->code);
        std::optional<double> want = it == expected.end() ? std::nullopt : it->second;
        ASSERT_EQ(got.has_value(), want.has_value()) << area.code << " " << lv->indicators[i]->code;
        if (got) {
          // Equal as doubles, not merely close: peers are ranked by equality.
          EXPECT_EQ(*got, *want) << area.code << " " << lv->indicators[i]->code;
          ++compared;
        }
      }
    }
    EXPECT_GT(compared, 0);
  }
}

TEST_F(LevelValuesTest, RawAndDerivedValuesAreTheCbsFilesValues) {
  auto lines = Lines(ReadFile(SharedData("cbs/kwb-2024_GM0344_utrecht.csv")));
  auto header = SplitCsvLine(lines[0].substr(lines[0].starts_with("\xEF\xBB\xBF") ? 3 : 0));
  auto column = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::string, std::vector<std::string>> rows;
  for (std::size_t l = 1; l < lines.size(); ++l) {
    auto cells = SplitCsvLine(lines[l]);
    rows[std::string(text::Trim(cells[column("gwb_code_10")]))] = cells;
  }
  auto lv = ValuesOfYear(*db_, 2024, Level::kBuurt);
  ASSERT_TRUE(lv.has_value());
  auto cell = [&](const std::string& code, std::string_view name) {
    return text::ParseDouble(text::Trim(rows.at(code)[column(name)]));
  };
  for (std::size_t a = 0; a < lv->areas.size(); ++a) {
    const std::string& code = lv->areas[a].code;
    SCOPED_TRACE(code);
    auto at = [&](std::string_view indicator) {
      return lv->values[a * lv->indicators.size() + IndexOf(*lv, indicator)];
    };
    EXPECT_EQ(at("a_inw"), cell(code, "a_inw"));
    EXPECT_EQ(at("g_wozbag"), cell(code, "g_wozbag"));
    auto old = cell(code, "a_65_oo"), all = cell(code, "a_inw");
    std::optional<double> share;
    if (old && all && *all != 0) share = *old / *all * 100;
    EXPECT_EQ(at("p_65_oo"), share);
  }
}

TEST_F(LevelValuesTest, AYearWithoutValuesHasNoAreas) {
  auto lv = ValuesOfYear(*db_, 2019, Level::kBuurt);
  ASSERT_TRUE(lv.has_value());
  EXPECT_TRUE(lv->areas.empty());
  EXPECT_TRUE(lv->values.empty());
  EXPECT_FALSE(lv->indicators.empty());
}

}  // namespace
}  // namespace wk::areas
