// The exports on the real Utrecht data (demo): exact cells of the CSV, and the XLSX read back with
// GDAL's XLSX driver. Expected numbers are computed here from the CBS counts of
// ../shared/data/cbs/kwb-2024_GM0344_utrecht.csv (BU03440311 "Taag- en Rubicondreef en omgeving":
// 4260 inhabitants, 510 aged 65+; 2023: 4195 and 495; wijk WK034403: 35255 and 4900; gemeente
// GM0344: 374238 and 40261; g_wozbag is '.' in 2024).
#include <gtest/gtest.h>

#include <cstdio>

#include "test_support.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/reports/export.h"

namespace wk::reports {
namespace {

using testing::DemoDb;
using testing::ReadXlsx;

const ExportInfo kInfo{"2026-01-02", "0.1.0"};

// Splits a CSV text into rows of cells (';' or ',', '"' quoting, CRLF line ends).
std::vector<std::vector<std::string>> ParseCsv(std::string text, char sep) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

// The row whose first cell is `key`, as header -> cell.
std::map<std::string, std::string> RowOf(const std::vector<std::vector<std::string>>& rows, const std::string& key) {
  std::map<std::string, std::string> out;
  for (const auto& row : rows) {
    if (row.empty() || row[0] != key) continue;
    EXPECT_EQ(row.size(), rows[0].size()) << key;
    for (std::size_t i = 0; i < row.size() && i < rows[0].size(); ++i) out[rows[0][i]] = row[i];
  }
  return out;
}

profile::Profile Taag2024() {
  auto p = profile::AreaProfile(DemoDb(), "BU03440311", 2024);
  EXPECT_TRUE(p.has_value()) << p.error().Describe();
  return *p;
}

const profile::IndicatorProfile& Find(const profile::Profile& p, const std::string& code) {
  for (const auto& ip : p.indicators) {
    if (ip.def->code == code) return ip;
  }
  ADD_FAILURE() << code;
  return p.indicators.front();
}

std::string Dutch(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  for (char& c : s) c = c == '.' ? ',' : c;
  return s;
}

TEST(ProfileCsv, HasAColumnPerComparisonWithDutchHeadersForExcel) {
  auto rows = ParseCsv(ProfileCsv(Taag2024(), CsvVariant::kExcel), ';');
  ASSERT_FALSE(rows.empty());
  std::string header;
  for (const auto& h : rows[0]) header += h + "|";
  EXPECT_EQ(header,
            "Code indicator|Indicator|Thema|Eenheid|Jaar|Waarde|Gemeente Utrecht|Wijk 03 Overvecht|Nederland|"
            "Vergeleken gebieden (aantal)|Rang|Percentiel|z-score|Vergeleken gebieden in Nederland (aantal)|"
            "Rang in Nederland|Percentiel in Nederland|Verschil met Wijk 03 Overvecht|"
            "Verschil met Wijk 03 Overvecht (%)|Trend sinds vorig jaar: vanaf jaar|"
            "Trend sinds vorig jaar: verandering|Trend sinds vorig jaar: verandering (%)|"
            "Trend sinds vorig jaar: richting|Trend sinds vorig jaar: oordeel|Trend sinds eerste jaar: vanaf jaar|"
            "Trend sinds eerste jaar: verandering|Trend sinds eerste jaar: verandering (%)|"
            "Trend sinds eerste jaar: richting|Trend sinds eerste jaar: oordeel|Opvallend (regels)|Bevindingen|Bron|"
            "Licentie|Betrouwbaarheid|Opmerking|");
}

TEST(ProfileCsv, WritesTheShareOf65PlusWithItsParentsDeviationTrendAndSource) {
  auto p = Taag2024();
  auto row = RowOf(ParseCsv(ProfileCsv(p, CsvVariant::kExcel), ';'), "p_65_oo");
  EXPECT_EQ(row["Indicator"], "Aandeel 65 jaar of ouder");
  EXPECT_EQ(row["Eenheid"], "%");
  EXPECT_EQ(row["Jaar"], "2024");
  EXPECT_EQ(row["Waarde"], "12,0");             // 510 / 4260 * 100 = 11,97
  EXPECT_EQ(row["Gemeente Utrecht"], "10,8");   // 40261 / 374238 * 100 = 10,76
  EXPECT_EQ(row["Wijk 03 Overvecht"], "13,9");  // 4900 / 35255 * 100 = 13,90
  EXPECT_EQ(row["Nederland"], "");              // no national figures loaded
  EXPECT_EQ(row["Verschil met Wijk 03 Overvecht"], "-1,9");
  EXPECT_EQ(row["Verschil met Wijk 03 Overvecht (%)"], "-13,9");
  EXPECT_EQ(row["Trend sinds vorig jaar: vanaf jaar"], "2023");
  EXPECT_EQ(row["Trend sinds vorig jaar: verandering"], "0,2");      // 11,97 - 495 / 4195 * 100
  EXPECT_EQ(row["Trend sinds vorig jaar: verandering (%)"], "1,5");  // below the 2% threshold
  EXPECT_EQ(row["Trend sinds vorig jaar: richting"], "stabiel");
  EXPECT_EQ(row["Trend sinds vorig jaar: oordeel"], "");
  EXPECT_EQ(row["Bron"], "CBS, Kerncijfers wijken en buurten 2024");
  EXPECT_EQ(row["Licentie"], "CC BY 4.0");
  EXPECT_EQ(row["Opmerking"], "");
  // Peers as the profile computed them (tested in the profile module), written in Dutch.
  const auto& ip = Find(p, "p_65_oo");
  ASSERT_TRUE(ip.peers.has_value());
  EXPECT_EQ(row["Vergeleken gebieden (aantal)"], std::to_string(ip.peers->peers));
  EXPECT_EQ(row["Rang"], std::to_string(ip.peers->rank));
  EXPECT_EQ(row["Percentiel"], Dutch(ip.peers->percentile, 1));
  EXPECT_EQ(row["z-score"], Dutch(*ip.peers->z_score, 2));
}

TEST(ProfileCsv, LeavesAMissingValueEmptyWithANoteNeverZero) {
  auto row = RowOf(ParseCsv(ProfileCsv(Taag2024(), CsvVariant::kExcel), ';'), "g_wozbag");
  ASSERT_FALSE(row.empty()) << "the indicator stays listed";
  EXPECT_EQ(row["Waarde"], "");
  EXPECT_EQ(row["Gemeente Utrecht"], "");
  EXPECT_EQ(row["Rang"], "");
  EXPECT_EQ(row["Verschil met Wijk 03 Overvecht"], "");
  EXPECT_EQ(row["Opmerking"], "Ontbreekt: geheim of (nog) niet bekend bij de bron; geen 0.");
}

TEST(ProfileCsv, HasAPlainVariantWithCodesForHeadersAndDecimalPoints) {
  std::string csv = ProfileCsv(Taag2024(), CsvVariant::kPlain);
  EXPECT_FALSE(csv.starts_with("\xEF\xBB\xBF"));
  EXPECT_TRUE(
      csv.starts_with("indicator,label,theme,unit,year,value,gemeente,wijk,national,peers,rank,percentile,"
                      "z_score,national_peers,national_rank,national_percentile,difference_parent,"
                      "difference_parent_percent,trend_previous_from_year,trend_previous_change,"
                      "trend_previous_percent,trend_previous_direction,trend_previous_judgement,"
                      "trend_first_from_year,trend_first_change,trend_first_percent,trend_first_direction,"
                      "trend_first_judgement,notable,findings,source,licence,reliability,note\r\n"))
      << csv.substr(0, 400);
  auto row = RowOf(ParseCsv(csv, ','), "a_inw");
  EXPECT_EQ(row["value"], "4260");
  EXPECT_EQ(row["gemeente"], "374238");
  EXPECT_EQ(row["wijk"], "35255");
  EXPECT_EQ(RowOf(ParseCsv(csv, ','), "p_65_oo")["value"], "12.0");
}

TEST(ProfileCsv, WritesTheFindingsOfAnIndicatorBesideIt) {
  auto p = Taag2024();
  profile::Finding f;
  f.indicator = "p_65_oo";
  f.rule = "voorbeeldregel";
  f.parts = {{"In Taag- en Rubicondreef is ", {}},
             {"12,0%", profile::NumberRef{"BU03440311", "p_65_oo", 2024}},
             {" van de inwoners 65 jaar of ouder (CBS, 2024).", {}}};
  p.findings = {f};  // only this one, whatever the profile found
  auto row = RowOf(ParseCsv(ProfileCsv(p, CsvVariant::kExcel), ';'), "p_65_oo");
  EXPECT_EQ(row["Bevindingen"], "In Taag- en Rubicondreef is 12,0% van de inwoners 65 jaar of ouder (CBS, 2024).");
  EXPECT_EQ(RowOf(ParseCsv(ProfileCsv(p, CsvVariant::kExcel), ';'), "a_inw")["Bevindingen"], "");
}

TEST(ProfileXlsx, ReadsBackWithGdalWithExactValuesAndEmptyCellsForMissingOnes) {
  auto p = Taag2024();
  profile::Finding f;
  f.indicator = "p_65_oo";
  f.rule = "voorbeeldregel";
  f.parts = {{"Een zin over de ouderen.", {}}};
  p.findings = {f};  // only this one, whatever the profile found
  auto xlsx = ProfileXlsx(p, kInfo);
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  EXPECT_TRUE(xlsx->starts_with("PK\x03\x04"));
  auto book = ReadXlsx(*xlsx);
  ASSERT_EQ(book.count("Profiel"), 1u);
  ASSERT_EQ(book.count("Bevindingen"), 1u);
  ASSERT_EQ(book.count("Bron"), 1u);
  EXPECT_EQ(book["Profiel"].size(), p.indicators.size());

  std::map<std::string, testing::XlsxRow> by_code;
  for (auto& row : book["Profiel"]) by_code[row["Code indicator"].text] = row;
  auto& share = by_code["p_65_oo"];
  ASSERT_TRUE(share["Waarde"].number.has_value());
  EXPECT_DOUBLE_EQ(*share["Waarde"].number, 510.0 / 4260 * 100);
  EXPECT_DOUBLE_EQ(*share["Gemeente Utrecht"].number, 40261.0 / 374238 * 100);
  EXPECT_DOUBLE_EQ(*share["Wijk 03 Overvecht"].number, 4900.0 / 35255 * 100);
  EXPECT_EQ(share["Jaar"].number, 2024);
  EXPECT_TRUE(share["Nederland"].empty);
  EXPECT_EQ(share["Bevindingen"].text, "Een zin over de ouderen.");
  EXPECT_EQ(share["Licentie"].text, "CC BY 4.0");
  EXPECT_EQ(by_code["a_inw"]["Waarde"].number, 4260);
  auto& woz = by_code["g_wozbag"];
  EXPECT_TRUE(woz["Waarde"].empty) << "missing is an empty cell, never 0";
  EXPECT_EQ(woz["Opmerking"].text, "Ontbreekt: geheim of (nog) niet bekend bij de bron; geen 0.");

  ASSERT_EQ(book["Bevindingen"].size(), 1u);
  EXPECT_EQ(book["Bevindingen"][0]["Rang"].number, 1);
  EXPECT_EQ(book["Bevindingen"][0]["Bevinding"].text, "Een zin over de ouderen.");
  EXPECT_EQ(book["Bevindingen"][0]["Regel"].text, "voorbeeldregel");

  std::vector<std::pair<std::string, std::string>> about;
  for (auto& row : book["Bron"]) about.emplace_back(row["Gegeven"].text, row["Waarde"].text);
  ASSERT_GE(about.size(), 5u);
  EXPECT_EQ(about[0],
            std::make_pair(std::string("Inhoud"), std::string("Wijkprofiel van Buurt Taag- en Rubicondreef en omgeving "
                                                              "(BU03440311), 2024")));
  EXPECT_EQ(about[1], std::make_pair(std::string("Bron"), std::string("CBS, Kerncijfers wijken en buurten 2024")));
  EXPECT_EQ(about[2].first, "Licentie");
  EXPECT_TRUE(about[2].second.starts_with("CC BY 4.0 (CBS)")) << about[2].second;
  EXPECT_EQ(about[about.size() - 2], std::make_pair(std::string("Geëxporteerd op"), std::string("2026-01-02")));
  EXPECT_EQ(about.back(), std::make_pair(std::string("Wijkkompas-versie"), std::string("0.1.0")));
}

TEST(ProfileXlsx, CarriesTheFindingsOfTheProfileInRankOrder) {
  // The first buurt of Overvecht whose profile has findings (the profile module decides which).
  auto buurten = areas::Children(DemoDb(), "WK034403");
  ASSERT_TRUE(buurten.has_value());
  std::optional<profile::Profile> p;
  for (const auto& b : *buurten) {
    auto candidate = profile::AreaProfile(DemoDb(), b.code, 2024);
    ASSERT_TRUE(candidate.has_value()) << candidate.error().Describe();
    if (!candidate->findings.empty()) {
      p = std::move(*candidate);
      break;
    }
  }
  ASSERT_TRUE(p.has_value()) << "no buurt of Overvecht has a finding";
  auto xlsx = ProfileXlsx(*p, kInfo);
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  auto rows = ReadXlsx(*xlsx)["Bevindingen"];
  ASSERT_EQ(rows.size(), p->findings.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i]["Rang"].number, static_cast<double>(i + 1));
    EXPECT_EQ(rows[i]["Bevinding"].text, p->findings[i].Sentence());
    EXPECT_EQ(rows[i]["Code indicator"].text, p->findings[i].indicator);
    EXPECT_EQ(rows[i]["Regel"].text, p->findings[i].rule);
  }
  const auto& first = p->findings.front();
  auto row = RowOf(ParseCsv(ProfileCsv(*p, CsvVariant::kExcel), ';'), first.indicator);
  EXPECT_NE(row["Bevindingen"].find(first.Sentence()), std::string::npos) << row["Bevindingen"];
}

TEST(ProfileFileName, NamesAreaYearAndExtension) {
  EXPECT_EQ(ProfileFileName(Taag2024(), "xlsx"), "profiel-BU03440311-2024.xlsx");
}

TEST(IndicatorExport, WritesTheBuurtenOfAWijkInCodeOrderWithSourceAndLicence) {
  auto values = IndicatorOverChildrenValues(DemoDb(), "WK034403", "p_65_oo", 2024);
  ASSERT_TRUE(values.has_value()) << values.error().Describe();
  EXPECT_EQ(values->title, "Buurten van Wijk 03 Overvecht");
  std::string csv = IndicatorCsv(*values, CsvVariant::kExcel);
  auto rows = ParseCsv(csv, ';');
  ASSERT_EQ(rows.size(), 11u);  // header + the 10 buurten of Overvecht
  EXPECT_TRUE(
      csv.starts_with("\xEF\xBB\xBFGebiedscode;Naam;Niveau;Code indicator;Eenheid;Jaar;"
                      "Aandeel 65 jaar of ouder (%);Bron;Licentie;Opmerking\r\n"
                      "BU03440311;Taag- en Rubicondreef en omgeving;Buurt;p_65_oo;%;2024;12,0;"
                      "CBS, Kerncijfers wijken en buurten 2024;CC BY 4.0;\r\n"
                      "BU03440312;Wolga- en Donaudreef en omgeving;Buurt;p_65_oo;%;2024;12,6;"))
      << csv.substr(0, 400);
  EXPECT_EQ(IndicatorFileName(*values, "WK034403", "csv"), "p_65_oo-WK034403-2024.csv");
}

TEST(IndicatorExport, ReadsBackFromXlsxWithAMissingValueAsAnEmptyCell) {
  auto values = IndicatorOverAreasValues(DemoDb(), {"BU03440311", "BU03440911"}, "p_65_oo", 2024);
  ASSERT_TRUE(values.has_value()) << values.error().Describe();
  auto xlsx = IndicatorXlsx(*values, kInfo);
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  auto book = ReadXlsx(*xlsx);
  ASSERT_EQ(book["Waarden"].size(), 2u);
  auto& taag = book["Waarden"][0];
  EXPECT_EQ(taag["Gebiedscode"].text, "BU03440311");
  EXPECT_DOUBLE_EQ(*taag["Aandeel 65 jaar of ouder (%)"].number, 510.0 / 4260 * 100);
  auto& wetering = book["Waarden"][1];  // no inhabitants in 2024: the share is missing
  EXPECT_EQ(wetering["Naam"].text, "Bedrijventerrein De Wetering");
  EXPECT_TRUE(wetering["Aandeel 65 jaar of ouder (%)"].empty);
  EXPECT_EQ(wetering["Opmerking"].text, "Ontbreekt: geheim of (nog) niet bekend bij de bron; geen 0.");
  EXPECT_EQ(book["Bron"][0]["Waarde"].text, "Aandeel 65 jaar of ouder (p_65_oo), Gekozen gebieden, 2024");
}

TEST(IndicatorExport, RefusesUnknownIndicatorsAndEmptySets) {
  struct Case {
    Result<IndicatorValues> result;
    ErrorCode code;
    const char* message;
    const char* field;
  };
  const Case cases[] = {
      {IndicatorOverChildrenValues(DemoDb(), "WK034403", "bestaat_niet", 2024), ErrorCode::kNotFound,
       "Indicator bestaat_niet bestaat niet.", "indicator"},
      {IndicatorOverAreasValues(DemoDb(), {}, "p_65_oo", 2024), ErrorCode::kInvalid, "Kies 1 tot en met 500 gebieden.",
       "gebieden"},
  };
  for (const auto& c : cases) {
    ASSERT_FALSE(c.result.has_value()) << c.message;
    EXPECT_EQ(c.result.error().code, c.code);
    EXPECT_EQ(c.result.error().message, c.message);
    EXPECT_EQ(c.result.error().field, c.field);
  }
  EXPECT_EQ(IndicatorOverChildrenValues(DemoDb(), "WK999999", "p_65_oo", 2024).error().code, ErrorCode::kNotFound);
}

TEST(LicenceOf, KnowsCbsOnly) {
  EXPECT_EQ(LicenceOf("CBS"), "CC BY 4.0");
  EXPECT_EQ(LicenceOf("GGD regio Utrecht"), "");
}

}  // namespace
}  // namespace wk::reports
