#include "area_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace wk::web {
namespace {

struct YearCase {
  std::optional<std::string> raw;
  bool ok;
  std::optional<int> year;
};

TEST(ParseYear, AcceptsYearsAndNamesTheFieldOtherwise) {
  const YearCase cases[] = {
      {std::nullopt, true, std::nullopt},
      {"", true, std::nullopt},
      {"2023", true, 2023},
      {" 2024 ", true, 2024},
      {"twee", false, {}},
      {"20.5", false, {}},
      {"99", false, {}},
  };
  for (const auto& c : cases) {
    auto r = ParseYear(c.raw, "year");
    ASSERT_EQ(r.has_value(), c.ok) << c.raw.value_or("(none)");
    if (c.ok) {
      EXPECT_EQ(*r, c.year);
    } else {
      EXPECT_EQ(r.error().field, "year");
      EXPECT_EQ(r.error().message, "Het jaar moet een jaartal zijn, zoals 2024.");
    }
  }
}

TEST(ChooseYear, TakesTheNewestOrTheWantedYearIfAvailable) {
  EXPECT_EQ(*ChooseYear({2024, 2023}, std::nullopt, "jaar"), 2024);
  EXPECT_EQ(*ChooseYear({2023, 2024}, std::nullopt, "jaar"), 2024);
  EXPECT_EQ(*ChooseYear({2024, 2023}, 2023, "jaar"), 2023);
  auto missing = ChooseYear({2024, 2023}, 2019, "jaar");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(missing.error().field, "jaar");
  EXPECT_EQ(missing.error().message, "Er zijn geen cijfers van 2019 voor dit gebied. Beschikbaar: 2024, 2023.");
  auto none = ChooseYear({}, std::nullopt, "jaar");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
}

TEST(NormalizeAreaCode, UpperCasesAndTrims) {
  EXPECT_EQ(NormalizeAreaCode(" gm0344 "), "GM0344");
  EXPECT_EQ(NormalizeAreaCode("WK034403"), "WK034403");
}

TEST(AreaJson, WritesNullForAMissingParentAndBoundingBox) {
  areas::Area gm{"GM0344", "Utrecht", areas::Level::kGemeente, "", std::nullopt};
  EXPECT_EQ(AreaJson(gm).dump(),
            R"({"bbox":null,"code":"GM0344","level":"gemeente","name":"Utrecht","parent_code":null})");
  areas::Area wk{"WK034403", "Overvecht", areas::Level::kWijk, "GM0344", areas::BBox{5.1, 52.1, 5.2, 52.2}};
  EXPECT_EQ(AreaJson(wk)["bbox"], nlohmann::json({5.1, 52.1, 5.2, 52.2}));
  EXPECT_EQ(AreaJson(wk)["parent_code"], "GM0344");
}

TEST(FigureJson, WritesNullForAMissingValue) {
  areas::IndicatorDef def;
  def.code = "p_65_oo";
  def.label = "Aandeel 65 jaar of ouder";
  def.unit = "%";
  def.numerator = "a_65_oo";
  def.denominator = "a_inw";
  def.scale = 100;
  auto j = FigureJson(areas::Figure{&def, 2024, std::nullopt, "CBS", "Kerncijfers wijken en buurten 2024"});
  EXPECT_TRUE(j["value"].is_null());
  EXPECT_EQ(j["derived"]["numerator"], "a_65_oo");
  EXPECT_EQ(j["year"], 2024);
}

}  // namespace
}  // namespace wk::web
