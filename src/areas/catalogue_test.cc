#include "catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "table_reader.h"
#include "test_support.h"

namespace wk::areas {
namespace {

using testing::Lines;
using testing::ReadFile;
using testing::SharedData;
using testing::SplitCsvLine;

// The codebook's label per variable; it names a_gebl_ne what the data calls a_gbl_ne.
std::map<std::string, std::string> CodebookLabels() {
  std::map<std::string, std::string> out;
  auto lines = Lines(ReadFile(SharedData("cbs/codebook_kwb-2024_variables.csv")));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = SplitCsvLine(lines[i]);
    if (cells.size() < 2) continue;
    std::string code = cells[0] == "a_gebl_ne" ? "a_gbl_ne" : cells[0];
    std::string label = cells[1];
    // A few codebook labels carry their unit ("Percentage eengezinswoning [%]").
    if (auto bracket = label.find(" ["); bracket != std::string::npos) label.erase(bracket);
    out[code] = label;
  }
  return out;
}

TEST(Catalogue, EveryRowIsComplete) {
  const auto& catalogue = Catalogue();
  ASSERT_FALSE(catalogue.empty());
  auto units = KnownUnits();
  auto themes = KnownThemes();
  for (const auto& d : catalogue) {
    SCOPED_TRACE(d.code);
    EXPECT_FALSE(d.label.empty());
    EXPECT_NE(std::find(units.begin(), units.end(), d.unit), units.end()) << d.unit;
    EXPECT_NE(std::find(themes.begin(), themes.end(), d.theme), themes.end()) << d.theme;
    EXPECT_EQ(FindIndicator(d.code), &d);
    if (d.IsDerived()) {
      const IndicatorDef* num = FindIndicator(d.numerator);
      const IndicatorDef* den = FindIndicator(d.denominator);
      ASSERT_NE(num, nullptr);
      ASSERT_NE(den, nullptr);
      EXPECT_FALSE(num->IsDerived());
      EXPECT_FALSE(den->IsDerived());
      EXPECT_GT(d.scale, 0);
    }
  }
}

TEST(Catalogue, LabelsOfCbsVariablesComeFromTheCodebook) {
  auto labels = CodebookLabels();
  for (const auto& d : Catalogue()) {
    if (d.IsDerived()) continue;
    SCOPED_TRACE(d.code);
    ASSERT_TRUE(labels.contains(d.code));
    EXPECT_EQ(d.label, labels[d.code]);
  }
}

TEST(Catalogue, CoversEveryStatisticOfTheKwb2024Table) {
  auto reader = TableReader::Open(SharedData("cbs/kwb-2024_GM0344_utrecht.csv"));
  ASSERT_TRUE(reader.has_value());
  for (const auto& column : reader->columns()) {
    if (IsIdentificationColumn(column)) continue;
    const IndicatorDef* d = FindIndicator(column);
    ASSERT_NE(d, nullptr) << column;
    EXPECT_FALSE(d->IsDerived()) << column;
  }
}

TEST(Catalogue, KeyFiguresAreInhabitantsAgeGroupsAndHouseholds) {
  std::vector<std::string> keys;
  for (const auto& d : Catalogue()) {
    if (d.key_figure) keys.push_back(d.code);
  }
  const std::vector<std::string> expected = {"a_inw",   "a_00_14", "p_00_14", "a_15_24", "p_15_24",
                                             "a_25_44", "p_25_44", "a_45_64", "p_45_64", "a_65_oo",
                                             "p_65_oo", "a_hh",    "a_1p_hh", "p_1p_hh", "g_hhgro"};
  EXPECT_EQ(keys, expected);
}

TEST(Catalogue, DerivedSharesNameTheirInputs) {
  struct Case {
    const char* code;
    const char* numerator;
    const char* denominator;
  };
  const Case cases[] = {
      {"p_00_14", "a_00_14", "a_inw"},  {"p_15_24", "a_15_24", "a_inw"},  {"p_25_44", "a_25_44", "a_inw"},
      {"p_45_64", "a_45_64", "a_inw"},  {"p_65_oo", "a_65_oo", "a_inw"},  {"p_1p_hh", "a_1p_hh", "a_hh"},
      {"p_hh_z_k", "a_hh_z_k", "a_hh"}, {"p_hh_m_k", "a_hh_m_k", "a_hh"},
  };
  for (const auto& c : cases) {
    const IndicatorDef* d = FindIndicator(c.code);
    ASSERT_NE(d, nullptr) << c.code;
    EXPECT_EQ(d->numerator, c.numerator);
    EXPECT_EQ(d->denominator, c.denominator);
    EXPECT_EQ(d->scale, 100);
    EXPECT_EQ(d->unit, "%");
  }
}

TEST(Catalogue, BadRowsAreRefusedWithLineAndColumn) {
  const std::string header = "code,label,group,unit,theme,direction,decimals,key_figure,numerator,denominator,scale\n";
  const std::string good = "a_inw,Aantal inwoners,,aantal,bevolking,neutral,0,yes,,,\n";
  struct Case {
    std::string row;
    std::string expected;
  };
  const Case cases[] = {
      {",Zonder code,,aantal,bevolking,neutral,0,no,,,", "indicators.csv:3: kolom code: Code ontbreekt."},
      {"x,,,aantal,bevolking,neutral,0,no,,,", "indicators.csv:3: kolom label: Label ontbreekt."},
      {"x,X,,stuks,bevolking,neutral,0,no,,,", "indicators.csv:3: kolom unit: Onbekende eenheid 'stuks'."},
      {"x,X,,aantal,sport,neutral,0,no,,,", "indicators.csv:3: kolom theme: Onbekend thema 'sport'."},
      {"x,X,,aantal,bevolking,beter,0,no,,,", "indicators.csv:3: kolom direction: Verwacht higher, lower of neutral."},
      {"x,X,,aantal,bevolking,neutral,een,no,,,",
       "indicators.csv:3: kolom decimals: Verwacht een aantal decimalen van 0 tot 6."},
      {"x,X,,aantal,bevolking,neutral,0,ja,,,", "indicators.csv:3: kolom key_figure: Verwacht yes of no."},
      {"a_inw,X,,aantal,bevolking,neutral,0,no,,,",
       "indicators.csv:3: kolom code: Code 'a_inw' staat er twee keer in."},
      {"p_x,X,,%,bevolking,neutral,1,no,a_x,a_inw,100",
       "indicators.csv:3: kolom numerator: 'a_x' is geen opgeslagen indicator uit de catalogus."},
      {"p_x,X,,%,bevolking,neutral,1,no,a_inw,,100",
       "indicators.csv:3: kolom numerator: Teller en noemer horen samen."},
      {"p_x,X,,%,bevolking,neutral,1,no,a_inw,a_inw,0",
       "indicators.csv:3: kolom scale: Verwacht een schaal groter dan 0."},
  };
  for (const auto& c : cases) {
    auto parsed = ParseCatalogue(header + good + c.row + "\n");
    ASSERT_FALSE(parsed.has_value()) << c.row;
    EXPECT_EQ(parsed.error().Describe(), c.expected);
  }
  EXPECT_TRUE(ParseCatalogue(header + good).has_value());
}

}  // namespace
}  // namespace wk::areas
