#include "figures_view.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

areas::IndicatorDef Def(std::string code, std::string label, std::string unit, int decimals, std::string numerator = {},
                        std::string denominator = {}) {
  areas::IndicatorDef d;
  d.code = std::move(code);
  d.label = std::move(label);
  d.unit = std::move(unit);
  d.decimals = decimals;
  d.numerator = std::move(numerator);
  d.denominator = std::move(denominator);
  d.scale = d.numerator.empty() ? 1 : 100;
  d.key_figure = true;
  return d;
}

struct FormatCase {
  const char* unit;
  int decimals;
  double value;
  const char* expected;
};

TEST(FormatFigureValue, WritesValuesInDutchNotationWithTheirUnit) {
  const FormatCase cases[] = {
      {"aantal", 0, 367947, "367.947"}, {"", 0, 1000, "1.000"},  {"%", 1, 12.5, "12,5%"},
      {"%", 1, 10.7569, "10,8%"},       {"aantal", 1, 2, "2,0"}, {"euro", 0, 312000, "€ 312.000"},
      {"km", 1, 1.25, "1,2 km"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(areas::FormatValue(Def("x", "X", c.unit, c.decimals), c.value), c.expected) << c.unit << " " << c.value;
  }
}

TEST(FormatFigure, ShowsMissingValuesAsSecretOrUnknownNeverAsZero) {
  auto def = Def("a_inw", "Inwoners", "aantal", 0);
  EXPECT_EQ(FormatFigure(areas::Figure{&def, 2024, std::nullopt, "CBS", ""}), "ontbreekt");
  EXPECT_EQ(FormatFigure(areas::Figure{&def, 2024, 0.0, "CBS", ""}), "0");
}

TEST(KeyFigureRows, PutsEachShareBesideItsCount) {
  auto inw = Def("a_inw", "Inwoners", "aantal", 0);
  auto a65 = Def("a_65_oo", "65 jaar of ouder", "aantal", 0);
  auto p65 = Def("p_65_oo", "Aandeel 65 jaar of ouder", "%", 1, "a_65_oo", "a_inw");
  auto hh = Def("a_hh", "Huishoudens", "aantal", 0);
  auto p1 = Def("p_1p_hh", "Aandeel eenpersoonshuishoudens", "%", 1, "a_1p_hh", "a_hh");  // count absent
  auto a1 = Def("a_1p_hh", "Eenpersoonshuishoudens", "aantal", 0);
  std::vector<areas::Figure> figures = {
      {&inw, 2024, 35255.0, "CBS", ""},     {&a65, 2024, 4900.0, "CBS", ""},      {&p65, 2024, 13.898, "CBS", ""},
      {&hh, 2024, std::nullopt, "CBS", ""}, {&p1, 2024, std::nullopt, "CBS", ""},
  };
  auto rows = KeyFigureRows(figures);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].label, "Inwoners");
  EXPECT_EQ(rows[0].value, "35.255");
  EXPECT_FALSE(rows[0].share.has_value());
  EXPECT_EQ(rows[1].label, "65 jaar of ouder");
  EXPECT_EQ(rows[1].value, "4.900");
  EXPECT_EQ(rows[1].share, "13,9%");
  EXPECT_EQ(rows[2].value, "ontbreekt");
  EXPECT_TRUE(rows[2].value_missing);
  // A share whose count is not among the figures stands on its own row.
  EXPECT_EQ(rows[3].label, "Aandeel eenpersoonshuishoudens");
  EXPECT_EQ(rows[3].value, "ontbreekt");

  figures.push_back({&a1, 2024, 9155.0, "CBS", ""});
  rows = KeyFigureRows(figures);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3].label, "Eenpersoonshuishoudens");
  EXPECT_EQ(rows[3].share, "ontbreekt");
  EXPECT_TRUE(rows[3].share_missing);
}

TEST(SourceLine, NamesPublisherAndTitle) {
  auto def = Def("a_inw", "Inwoners", "aantal", 0);
  EXPECT_EQ(SourceLine({{&def, 2024, 1.0, "CBS", "Kerncijfers wijken en buurten 2024"}}),
            "Bron: CBS, Kerncijfers wijken en buurten 2024");
  EXPECT_EQ(SourceLine({{&def, 2024, 1.0, "CBS", ""}}), "Bron: CBS");
  EXPECT_EQ(SourceLine({}), "Bron: CBS");
}

}  // namespace
}  // namespace wk::web
