#include "catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

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

bool IsNabijheid(const IndicatorDef& d) {
  return d.code.starts_with("nv_");
}

TEST(Catalogue, LabelsOfCbsVariablesComeFromTheCodebook) {
  auto labels = CodebookLabels();
  for (const auto& d : Catalogue()) {
    if (d.IsDerived() || IsNabijheid(d)) continue;
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

// Codebook rows that are headings of a group of variables, not variables: none is a column of the
// KWB tables (checked below), so the catalogue has no row for them.
const char* const kCodebookHeadings[] = {
    "bev_gesl", "bev_lft",  "bev_bust", "bev_her", "bev_hla",  "geb_nl",   "geb_bl",   "geb_ste",
    "part_hh",  "won",      "won_type", "won_bew", "won_eig",  "won_huur", "won_bjkl", "ene",
    "ene_ele",  "ele_woty", "ele_edty", "ene_gas", "gas_woty", "gas_edty", "opl",      "arb",
    "arb_verd", "ink",      "ink_pers", "ink_hh",  "soz",      "zrg",      "bed_act",  "mot",
    "mot_pau",  "pau_bst",  "vrz",      "vrz_bao", "opp",      "pst",      "ste"};

TEST(Catalogue, CoversEveryVariableOfBothCodebooks) {
  std::set<std::string> data_columns;
  for (const char* file : {"cbs/kwb-2023_GM0344_utrecht.csv", "cbs/kwb-2024_GM0344_utrecht.csv"}) {
    auto reader = TableReader::Open(SharedData(file));
    ASSERT_TRUE(reader.has_value());
    for (const auto& c : reader->columns()) data_columns.insert(c);
  }
  std::set<std::string> headings(std::begin(kCodebookHeadings), std::end(kCodebookHeadings));
  for (const auto& heading : headings) EXPECT_FALSE(data_columns.contains(heading)) << heading;
  std::set<std::string> checked;
  for (const char* codebook : {"cbs/codebook_kwb-2023_variables.csv", "cbs/codebook_kwb-2024_variables.csv"}) {
    auto lines = Lines(ReadFile(SharedData(codebook)));
    for (std::size_t i = 1; i < lines.size(); ++i) {
      auto cells = SplitCsvLine(lines[i]);
      if (cells.empty() || cells[0].empty()) continue;
      // The codebook names a_gebl_eu/a_gebl_ne what the data calls a_gbl_eu/a_gbl_ne (data/README.md).
      std::string code = cells[0] == "a_gebl_ne" ? "a_gbl_ne" : cells[0] == "a_gebl_eu" ? "a_gbl_eu" : cells[0];
      if (IsIdentificationColumn(code) || headings.contains(code)) continue;
      SCOPED_TRACE(std::string(codebook) + " " + code);
      const IndicatorDef* d = FindIndicator(code);
      ASSERT_NE(d, nullptr);
      EXPECT_FALSE(d->IsDerived());
      checked.insert(code);
    }
  }
  // Both codebooks list the same 112 statistics (a_gbl_eu under both of its spellings).
  EXPECT_EQ(checked.size(), 112u);
}

TEST(Catalogue, ThemesComeInTheOrderPagesShowThem) {
  const std::vector<std::string> expected = {"bevolking",
                                             "huishoudens",
                                             "wonen",
                                             "inkomen",
                                             "werk en uitkeringen",
                                             "zorg en welzijn",
                                             "voorzieningen",
                                             "veiligheid",
                                             "onderwijs",
                                             "energie",
                                             "mobiliteit",
                                             "bedrijven",
                                             "oppervlakte en stedelijkheid",
                                             "overig"};
  EXPECT_EQ(Themes(), expected);
  for (const auto& d : Catalogue()) EXPECT_NE(d.theme, "overig") << d.code;
}

TEST(Catalogue, ReviewedThemesDirectionsAndThresholds) {
  struct Case {
    const char* code;
    const char* theme;
    Direction direction;
  };
  const Case cases[] = {
      {"a_inw", "bevolking", Direction::kNeutral},
      {"p_verwed", "bevolking", Direction::kNeutral},
      {"p_1p_hh", "huishoudens", Direction::kNeutral},
      {"g_wozbag", "wonen", Direction::kNeutral},
      {"p_hh_li", "inkomen", Direction::kLowerIsBetter},
      {"g_hh_sti", "inkomen", Direction::kHigherIsBetter},
      {"p_arb_pp", "werk en uitkeringen", Direction::kHigherIsBetter},
      {"p_soz_wb", "werk en uitkeringen", Direction::kLowerIsBetter},
      {"a_soz_wb", "werk en uitkeringen", Direction::kNeutral},
      {"p_wmo_t", "zorg en welzijn", Direction::kNeutral},
      {"g_afs_hp", "voorzieningen", Direction::kLowerIsBetter},
      {"g_3km_sc", "voorzieningen", Direction::kHigherIsBetter},
      {"nv_afst_huisartspraktijk", "voorzieningen", Direction::kLowerIsBetter},
      {"nv_grote_supermarkt_1km", "voorzieningen", Direction::kHigherIsBetter},
      {"nv_afst_cafe", "voorzieningen", Direction::kNeutral},
      {"nv_afst_brandweerkazerne", "voorzieningen", Direction::kLowerIsBetter},
      {"a_opl_hg", "onderwijs", Direction::kNeutral},
      {"g_gas", "energie", Direction::kLowerIsBetter},
      {"g_pau_hh", "mobiliteit", Direction::kNeutral},
      {"a_bedv", "bedrijven", Direction::kNeutral},
      {"ste_mvs", "oppervlakte en stedelijkheid", Direction::kNeutral},
  };
  for (const auto& c : cases) {
    const IndicatorDef* d = FindIndicator(c.code);
    ASSERT_NE(d, nullptr) << c.code;
    EXPECT_EQ(d->theme, c.theme) << c.code;
    EXPECT_EQ(d->direction, c.direction) << c.code;
  }
  for (const auto& d : Catalogue()) EXPECT_EQ(d.trend_threshold, 2.0) << d.code;
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
      {"p_00_14", "a_00_14", "a_inw"},   {"p_15_24", "a_15_24", "a_inw"},   {"p_25_44", "a_25_44", "a_inw"},
      {"p_45_64", "a_45_64", "a_inw"},   {"p_65_oo", "a_65_oo", "a_inw"},   {"p_1p_hh", "a_1p_hh", "a_hh"},
      {"p_hh_z_k", "a_hh_z_k", "a_hh"},  {"p_hh_m_k", "a_hh_m_k", "a_hh"},  {"p_ongeh", "a_ongeh", "a_inw"},
      {"p_gehuwd", "a_gehuwd", "a_inw"}, {"p_gesch", "a_gesch", "a_inw"},   {"p_verwed", "a_verwed", "a_inw"},
      {"p_nl_all", "a_nl_all", "a_inw"}, {"p_eur_al", "a_eur_al", "a_inw"}, {"p_neu_al", "a_neu_al", "a_inw"},
      {"p_soz_wb", "a_soz_wb", "a_inw"}, {"p_soz_ao", "a_soz_ao", "a_inw"}, {"p_soz_ww", "a_soz_ww", "a_inw"},
      {"p_soz_ow", "a_soz_ow", "a_inw"},
  };
  int derived = 0;
  for (const auto& d : Catalogue()) derived += d.IsDerived() ? 1 : 0;
  EXPECT_EQ(derived, static_cast<int>(std::size(cases)));
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
  const std::string header =
      "code,label,group,unit,theme,direction,decimals,key_figure,trend_threshold,numerator,denominator,scale\n";
  const std::string good = "a_inw,Aantal inwoners,,aantal,bevolking,neutral,0,yes,2,,,\n";
  struct Case {
    std::string row;
    std::string expected;
  };
  const Case cases[] = {
      {",Zonder code,,aantal,bevolking,neutral,0,no,2,,,", "indicators.csv:3: kolom code: Code ontbreekt."},
      {"x,,,aantal,bevolking,neutral,0,no,2,,,", "indicators.csv:3: kolom label: Label ontbreekt."},
      {"x,X,,stuks,bevolking,neutral,0,no,2,,,", "indicators.csv:3: kolom unit: Onbekende eenheid 'stuks'."},
      {"x,X,,aantal,sport,neutral,0,no,2,,,", "indicators.csv:3: kolom theme: Onbekend thema 'sport'."},
      {"x,X,,aantal,bevolking,beter,0,no,2,,,",
       "indicators.csv:3: kolom direction: Verwacht higher, lower of neutral."},
      {"x,X,,aantal,bevolking,neutral,een,no,2,,,",
       "indicators.csv:3: kolom decimals: Verwacht een aantal decimalen van 0 tot 6."},
      {"x,X,,aantal,bevolking,neutral,0,ja,2,,,", "indicators.csv:3: kolom key_figure: Verwacht yes of no."},
      {"a_inw,X,,aantal,bevolking,neutral,0,no,2,,,",
       "indicators.csv:3: kolom code: Code 'a_inw' staat er twee keer in."},
      {"p_x,X,,%,bevolking,neutral,1,no,2,a_x,a_inw,100",
       "indicators.csv:3: kolom numerator: 'a_x' is geen opgeslagen indicator uit de catalogus."},
      {"p_x,X,,%,bevolking,neutral,1,no,2,a_inw,,100",
       "indicators.csv:3: kolom numerator: Teller en noemer horen samen."},
      {"p_x,X,,%,bevolking,neutral,1,no,2,a_inw,a_inw,0",
       "indicators.csv:3: kolom scale: Verwacht een schaal groter dan 0."},
      {"x,X,,aantal,bevolking,neutral,0,no,veel,,,",
       "indicators.csv:3: kolom trend_threshold: Verwacht een drempel voor de trend in procenten, van 0 tot 100."},
      {"x,X,,aantal,bevolking,neutral,0,no,-1,,,",
       "indicators.csv:3: kolom trend_threshold: Verwacht een drempel voor de trend in procenten, van 0 tot 100."},
  };
  for (const auto& c : cases) {
    auto parsed = ParseCatalogue(header + good + c.row + "\n");
    ASSERT_FALSE(parsed.has_value()) << c.row;
    EXPECT_EQ(parsed.error().Describe(), c.expected);
  }
  EXPECT_TRUE(ParseCatalogue(header + good).has_value());
}

TEST(Catalogue, TrendThresholdIsReadAndDefaultsToTwoPercent) {
  const std::string header =
      "code,label,group,unit,theme,direction,decimals,key_figure,trend_threshold,numerator,denominator,scale\n";
  auto parsed =
      ParseCatalogue(header + "a,A,,aantal,bevolking,neutral,0,no,5,,,\nb,B,,aantal,bevolking,neutral,0,no,,,,\n");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  EXPECT_EQ((*parsed)[0].trend_threshold, 5.0);
  EXPECT_EQ((*parsed)[1].trend_threshold, 2.0);
}

}  // namespace
}  // namespace wk::areas
