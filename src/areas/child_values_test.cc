#include <gtest/gtest.h>

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

class ChildValues : public ::testing::Test {
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
store::Db* ChildValues::db_ = nullptr;

// The raw cells of the KWB file of `year`: code -> column -> cell.
std::map<std::string, std::map<std::string, std::string>> CbsRows(int year) {
  auto lines = Lines(ReadFile(SharedData("cbs/kwb-" + std::to_string(year) + "_GM0344_utrecht.csv")));
  auto header = SplitCsvLine(lines[0]);
  std::map<std::string, std::map<std::string, std::string>> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = SplitCsvLine(lines[i]);
    auto& row = rows[cells[5]];
    for (std::size_t c = 0; c < header.size(); ++c) row[header[c]] = cells[c];
  }
  return rows;
}

TEST_F(ChildValues, StoredValuesOfTheBuurtenOfOvervechtAreTheCbsCells) {
  auto rows = CbsRows(2024);
  auto children = IndicatorOverChildren(*db_, "WK034403", "a_inw", 2024);
  ASSERT_TRUE(children.has_value()) << children.error().Describe();
  ASSERT_EQ(children->size(), 10u);
  EXPECT_EQ(children->front().area.code, "BU03440311");  // by code
  for (const auto& c : *children) {
    SCOPED_TRACE(c.area.code);
    EXPECT_EQ(c.area.level, Level::kBuurt);
    EXPECT_EQ(c.area.parent_code, "WK034403");
    const std::string& cell = rows.at(c.area.code).at("a_inw");
    if (cell == ".") {
      EXPECT_FALSE(c.value.has_value());
    } else {
      ASSERT_TRUE(c.value.has_value());
      EXPECT_EQ(*c.value, *text::ParseDouble(cell));
    }
  }
}

TEST_F(ChildValues, DerivedSharesEqualTheAreasOwnFiguresToTheLastBit) {
  for (const char* code : {"p_65_oo", "p_1p_hh", "p_00_14"}) {
    SCOPED_TRACE(code);
    auto children = IndicatorOverChildren(*db_, "GM0344", code, 2023);
    ASSERT_TRUE(children.has_value());
    ASSERT_EQ(children->size(), 10u);
    for (const auto& c : *children) {
      auto figures = Figures(*db_, c.area.code, 2023);
      ASSERT_TRUE(figures.has_value());
      std::optional<double> own;
      for (const auto& f : *figures) {
        if (f.def->code == code) own = f.value;
      }
      EXPECT_EQ(c.value, own) << c.area.code;
    }
  }
}

TEST_F(ChildValues, ValuesCbsKeepsSecretAreMissingNeverZero) {
  // g_wozbag (mean WOZ value) is '.' for every area in the early KWB 2024.
  auto children = IndicatorOverChildren(*db_, "WK034403", "g_wozbag", 2024);
  ASSERT_TRUE(children.has_value());
  ASSERT_EQ(children->size(), 10u);
  for (const auto& c : *children) EXPECT_FALSE(c.value.has_value()) << c.area.code;
  // A year without any figures lists the children, every value missing.
  auto empty_year = IndicatorOverChildren(*db_, "WK034403", "a_inw", 2019);
  ASSERT_TRUE(empty_year.has_value());
  ASSERT_EQ(empty_year->size(), 10u);
  for (const auto& c : *empty_year) EXPECT_FALSE(c.value.has_value());
}

TEST_F(ChildValues, UnknownAreasAndIndicatorsAreNotFound) {
  struct Case {
    const char* area;
    const char* indicator;
    const char* message;
    const char* field;
  };
  const Case cases[] = {
      {"WK999999", "a_inw", "Gebied WK999999 bestaat niet.", "code"},
      {"WK034403", "geen_indicator", "Indicator geen_indicator bestaat niet.", "indicator"},
  };
  for (const auto& c : cases) {
    auto r = IndicatorOverChildren(*db_, c.area, c.indicator, 2024);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(r.error().message, c.message);
    EXPECT_EQ(r.error().field, c.field);
  }
  auto buurt = IndicatorOverChildren(*db_, "BU03440311", "a_inw", 2024);  // a buurt has no children
  ASSERT_TRUE(buurt.has_value());
  EXPECT_TRUE(buurt->empty());
}

}  // namespace
}  // namespace wk::areas
