#include "area_code.h"

#include <gtest/gtest.h>

namespace wk::areas {
namespace {

struct CodeCase {
  const char* code;
  std::optional<Level> level;
  const char* parent;
};

TEST(AreaCode, LevelAndParentFollowFromTheCode) {
  const CodeCase cases[] = {
      {"GM0344", Level::kGemeente, ""},
      {"WK034403", Level::kWijk, "GM0344"},
      {"BU03440301", Level::kBuurt, "WK034403"},
      {"WK000300", Level::kWijk, "GM0003"},
      {"BU19660102", Level::kBuurt, "WK196601"},
      {"gm0344", std::nullopt, ""},          // codes are upper case
      {"GM344", std::nullopt, ""},           // four digits
      {"WK03440", std::nullopt, ""},         // six digits
      {"WK0363AA", Level::kWijk, "GM0363"},  // Amsterdam's wijken have letters
      {"BU0363AA01", Level::kBuurt, "WK0363AA"},
      {"BU0363AA0a", std::nullopt, ""},  // capital letters only
      {"WK03A3AA", std::nullopt, ""},    // the gemeente part is four digits
      {"NL00", std::nullopt, ""},        // the country is no area here
      {"", std::nullopt, ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(LevelOfCode(c.code), c.level) << c.code;
    EXPECT_EQ(ParentCode(c.code), c.parent) << c.code;
  }
}

TEST(AreaCode, CbsRegionKindsReadAsLevels) {
  EXPECT_EQ(ParseLevel("Gemeente"), Level::kGemeente);
  EXPECT_EQ(ParseLevel(" Wijk "), Level::kWijk);
  EXPECT_EQ(ParseLevel("buurt"), Level::kBuurt);
  EXPECT_EQ(ParseLevel("Land"), std::nullopt);
}

TEST(AreaCode, LevelsHaveDutchNames) {
  EXPECT_EQ(LevelName(Level::kWijk), "wijk");
  EXPECT_EQ(LevelLabel(Level::kBuurt), "Buurt");
  EXPECT_EQ(ChildLevelLabelPlural(Level::kGemeente), "Wijken");
  EXPECT_EQ(ChildLevelLabelPlural(Level::kWijk), "Buurten");
  EXPECT_EQ(ChildLevelLabelPlural(Level::kBuurt), "");
}

}  // namespace
}  // namespace wk::areas
