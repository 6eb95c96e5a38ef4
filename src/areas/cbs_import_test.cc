#include <gtest/gtest.h>

#include <map>

#include "import_internal.h"
#include "test_support.h"
#include "wk/core/text.h"
#include "wk/store/db.h"

namespace wk::areas {
namespace {

using testing::Beheerder;
using testing::Lines;
using testing::MigratedDb;
using testing::QueryText;
using testing::ReadFile;
using testing::SharedData;
using testing::SplitCsvLine;
using testing::WriteTemp;

const std::string kUtrecht2024 = "cbs/kwb-2024_GM0344_utrecht.csv";
const std::string kUtrecht2023 = "cbs/kwb-2023_GM0344_utrecht.csv";

// The CBS file as text: code -> column -> cell, read straight from the CSV.
std::map<std::string, std::map<std::string, std::string>> CsvCells(const std::string& path) {
  auto lines = Lines(ReadFile(path));
  auto header = SplitCsvLine(lines[0]);
  std::map<std::string, std::map<std::string, std::string>> out;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = SplitCsvLine(lines[i]);
    for (std::size_t c = 0; c < header.size(); ++c) out[cells[5]][header[c]] = cells[c];
  }
  return out;
}

std::optional<double> Stored(store::Db& db, const std::string& code, const std::string& indicator, int year) {
  auto figures = Figures(db, code, year);
  EXPECT_TRUE(figures.has_value());
  for (const auto& f : *figures) {
    if (f.def->code == indicator) return f.value;
  }
  ADD_FAILURE() << "no figure " << indicator << " for " << code;
  return std::nullopt;
}

// Every value of every area and year, for comparing databases.
std::string Snapshot(store::Db& db) {
  return QueryText(db,
                   "SELECT group_concat(area_code || '|' || indicator_code || '|' || year || '|' || "
                   "ifnull(value, 'NULL'), ';') FROM (SELECT * FROM areas_value ORDER BY 1, 2, 3)") +
         "#" + QueryText(db, "SELECT group_concat(code || '|' || name || '|' || level, ';') FROM areas_area") + "#" +
         QueryText(db, "SELECT COUNT(*) FROM audit_entry") + "#" + QueryText(db, "SELECT COUNT(*) FROM areas_source");
}

TEST(ImportCbs, StoresTheValuesOfTheCbsFile) {
  auto db = MigratedDb();
  auto summary = ImportCbs(*db, Beheerder(), SharedData(kUtrecht2024), std::nullopt);
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->year, 2024);
  EXPECT_EQ(summary->areas, 122);
  EXPECT_EQ(summary->file, "kwb-2024_GM0344_utrecht.csv");

  auto cells = CsvCells(SharedData(kUtrecht2024));
  const char* codes[] = {"GM0344", "WK034403", "BU03440111", "BU03440112", "BU03440311", "BU03441022"};
  const char* columns[] = {"a_inw",    "a_65_oo", "a_1p_hh", "g_hhgro", "a_gbl_ne",
                           "g_wozbag", "p_hh_li", "ste_oad", "a_geb",   "a_opp_ha"};
  int missing_seen = 0;
  for (const char* code : codes) {
    ASSERT_TRUE(cells.contains(code)) << code;
    for (const char* column : columns) {
      SCOPED_TRACE(std::string(code) + " " + column);
      const std::string& text = cells[code][column];
      auto value = Stored(*db, code, column, 2024);
      if (text == ".") {
        EXPECT_FALSE(value.has_value());  // missing, never 0
        ++missing_seen;
      } else {
        ASSERT_TRUE(value.has_value());
        EXPECT_EQ(*value, *text::ParseDouble(text));
      }
    }
  }
  EXPECT_GT(missing_seen, 0);
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_value WHERE indicator_code = 'g_wozbag' AND value IS NULL"),
            "122");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_value WHERE indicator_code = 'g_wozbag' AND value = 0"), "0");
  EXPECT_EQ(QueryText(*db, "SELECT title || '|' || publisher || '|' || year || '|' || licence FROM areas_source"),
            "Kerncijfers wijken en buurten 2024|CBS|2024|CC BY 4.0");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'import.cbs'"), "1");
}

TEST(ImportCbs, BuildsTheAreaTreeFromTheCodes) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData(kUtrecht2024), std::nullopt).has_value());
  auto wijken = Children(*db, "GM0344");
  ASSERT_TRUE(wijken.has_value());
  EXPECT_EQ(wijken->size(), 10u);
  auto buurt = GetArea(*db, "BU03440111");
  ASSERT_TRUE(buurt.has_value());
  EXPECT_EQ(buurt->name, "Welgelegen, Den Hommel");
  EXPECT_EQ(buurt->level, Level::kBuurt);
  EXPECT_EQ(buurt->parent_code, "WK034401");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_area WHERE level = 'buurt'"), "111");
}

TEST(ImportCbs, CsvAndXlsxImportToIdenticalValues) {
  auto from_csv = MigratedDb();
  auto from_xlsx = MigratedDb();
  auto a = ImportCbs(*from_csv, Beheerder(), SharedData(kUtrecht2024), std::nullopt);
  auto b = ImportCbs(*from_xlsx, Beheerder(), SharedData("cbs/CBS-Utrecht-kwb-2024.xlsx"), std::nullopt);
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  ASSERT_TRUE(b.has_value()) << b.error().Describe();
  EXPECT_EQ(b->year, 2024);
  EXPECT_EQ(a->values, b->values);
  EXPECT_EQ(a->missing, b->missing);
  EXPECT_EQ(Snapshot(*from_csv), Snapshot(*from_xlsx));
}

TEST(ImportCbs, SemicolonFileWithBomAndPaddedQuotedValuesImportsLikeTheCommaFile) {
  // The same real file, rewritten as StatLine exports: BOM, ';', every cell quoted and padded,
  // decimal commas.
  std::string out = "\xEF\xBB\xBF";
  for (const auto& line : Lines(ReadFile(SharedData(kUtrecht2024)))) {
    auto cells = SplitCsvLine(line);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string cell = cells[i];
      if (auto dot = cell.find('.'); dot != std::string::npos && text::ParseDouble(cell)) cell[dot] = ',';
      out += (i > 0 ? ";" : "") + std::string("\"") + cell +
             std::string(12 - std::min<std::size_t>(cell.size(), 12), ' ') + "\"";
    }
    out += "\r\n";
  }
  auto path = WriteTemp("statline_kwb-2024.csv", out);
  auto plain = MigratedDb();
  auto padded = MigratedDb();
  ASSERT_TRUE(ImportCbs(*plain, Beheerder(), SharedData(kUtrecht2024), std::nullopt).has_value());
  auto r = ImportCbs(*padded, Beheerder(), path, std::nullopt);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(Snapshot(*plain), Snapshot(*padded));
}

TEST(ImportCbs, ABadLineNamesFileLineAndColumnAndChangesNothing) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData(kUtrecht2023), std::nullopt).has_value());
  std::string before = Snapshot(*db);

  auto lines = Lines(ReadFile(SharedData(kUtrecht2024)));
  struct Case {
    int line;            // 1-based, header = 1
    std::string column;  // to break
    std::string value;
    std::string expected;
  };
  const Case cases[] = {
      {7, "a_inw", "veel",
       "kwb-2024_bad.csv:7: kolom a_inw: 'veel' is geen getal; verwacht een getal, of '.' als "
       "de waarde onbekend is."},
      {40, "g_hhgro", "1.9.1",
       "kwb-2024_bad.csv:40: kolom g_hhgro: '1.9.1' is geen getal; verwacht een getal, of "
       "'.' als de waarde onbekend is."},
      {3, "gwb_code", "XX0344",
       "kwb-2024_bad.csv:3: kolom gwb_code: 'XX0344' is geen CBS-gebiedscode; verwacht "
       "bijvoorbeeld GM0344, WK034401 of BU03440101."},
      {4, "recs", "Wijk",
       "kwb-2024_bad.csv:4: kolom recs: Soort regio 'Wijk' past niet bij code BU03440111 (een "
       "buurt)."},
      {4, "recs", "Provincie",
       "kwb-2024_bad.csv:4: kolom recs: Onbekende soort regio 'Provincie'; verwacht "
       "Gemeente, Wijk of Buurt."},
      {4, "regio", "", "kwb-2024_bad.csv:4: kolom regio: De naam van het gebied ontbreekt."},
  };
  auto header = SplitCsvLine(lines[0]);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expected);
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto cells = SplitCsvLine(lines[i]);
      if (static_cast<int>(i) + 1 == c.line) {
        for (std::size_t k = 0; k < header.size(); ++k) {
          if (header[k] == c.column) cells[k] = c.value;
        }
      }
      for (std::size_t k = 0; k < cells.size(); ++k) {
        text += (k > 0 ? "," : "") + ("\"" + cells[k] + "\"");
      }
      text += "\n";
    }
    auto r = ImportCbs(*db, Beheerder(), WriteTemp("kwb-2024_bad.csv", text), std::nullopt);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(r.error().Describe(), c.expected);
    EXPECT_EQ(Snapshot(*db), before);
  }
}

TEST(ImportCbs, TheYearComesFromTheOptionOrTheFileName) {
  EXPECT_EQ(YearFromFileName("kwb-2024_GM0344_utrecht.csv"), 2024);
  EXPECT_EQ(YearFromFileName("KWB_2023.xlsx"), 2023);
  EXPECT_EQ(YearFromFileName("CBS-Utrecht-kwb-2024.xlsx"), 2024);
  EXPECT_EQ(YearFromFileName("utrecht.csv"), std::nullopt);

  auto db = MigratedDb();
  auto path = WriteTemp("utrecht.csv", ReadFile(SharedData(kUtrecht2024)));
  auto r = ImportCbs(*db, Beheerder(), path, std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message,
            "Geen jaar gevonden: geef het jaar op met --year, of gebruik een bestandsnaam met 'kwb-JJJJ' (zoals "
            "kwb-2024.csv).");
  auto ok = ImportCbs(*db, Beheerder(), path, 2024);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->year, 2024);
}

TEST(ImportCbs, CbsNumbersAcceptPaddingAndADecimalComma) {
  struct Case {
    const char* text;
    std::optional<double> value;
  };
  const Case cases[] = {
      {"1800", 1800},        {"  1.9 ", 1.9},        {"1,9", 1.9}, {"-3", -3}, {"1.234,5", std::nullopt},
      {"abc", std::nullopt}, {"1,2,3", std::nullopt}};
  for (const auto& c : cases) EXPECT_EQ(ParseCbsNumber(c.text), c.value) << c.text;
}

TEST(ImportCbs, ReimportingAYearReplacesOnlyTheAreasInTheFile) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData(kUtrecht2023), std::nullopt).has_value());
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData(kUtrecht2024), std::nullopt).has_value());
  std::string v2023 = QueryText(*db,
                                "SELECT group_concat(area_code || indicator_code || ifnull(value, '-') || source_id) "
                                "FROM areas_value WHERE year = 2023");
  auto cells = CsvCells(SharedData(kUtrecht2024));

  // A file with only the rows of wijk 03 (Overvecht), in which CBS would have suppressed a_inw of
  // one buurt: after importing it, that buurt's a_inw is missing and every other area keeps its
  // 2024 values from the full file.
  auto lines = Lines(ReadFile(SharedData(kUtrecht2024)));
  auto header = SplitCsvLine(lines[0]);
  std::size_t a_inw = 0;
  while (header[a_inw] != "a_inw") ++a_inw;
  std::string text = lines[0] + "\n";
  int rows = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto c = SplitCsvLine(lines[i]);
    if (c[5].rfind("BU034403", 0) != 0 && c[5] != "WK034403") continue;
    if (c[5] == "BU03440311") c[a_inw] = ".";
    for (std::size_t k = 0; k < c.size(); ++k) text += (k > 0 ? ",\"" : "\"") + c[k] + "\"";
    text += "\n";
    ++rows;
  }
  auto r = ImportCbs(*db, Beheerder(), WriteTemp("kwb-2024_overvecht.csv", text), std::nullopt);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->areas, rows);

  EXPECT_EQ(Stored(*db, "BU03440311", "a_inw", 2024), std::nullopt);
  EXPECT_EQ(Stored(*db, "BU03440312", "a_inw", 2024), text::ParseDouble(cells["BU03440312"]["a_inw"]));
  EXPECT_EQ(Stored(*db, "BU03440111", "a_inw", 2024), text::ParseDouble(cells["BU03440111"]["a_inw"]));
  EXPECT_EQ(Stored(*db, "GM0344", "a_inw", 2024), text::ParseDouble(cells["GM0344"]["a_inw"]));
  // Areas outside the file still point at the first 2024 import; 2023 is untouched.
  EXPECT_EQ(QueryText(*db,
                      "SELECT COUNT(DISTINCT source_id) FROM areas_value WHERE year = 2024 AND area_code = "
                      "'BU03440111'"),
            "1");
  EXPECT_EQ(QueryText(*db, "SELECT MIN(source_id) FROM areas_value WHERE year = 2024 AND area_code = 'BU03440111'"),
            "2");
  EXPECT_EQ(QueryText(*db, "SELECT MIN(source_id) FROM areas_value WHERE year = 2024 AND area_code = 'BU03440311'"),
            "3");
  EXPECT_EQ(QueryText(*db,
                      "SELECT group_concat(area_code || indicator_code || ifnull(value, '-') || source_id) "
                      "FROM areas_value WHERE year = 2023"),
            v2023);
}

TEST(ImportCbs, ReimportingAYearDropsColumnsTheNewFileNoLongerHas) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData(kUtrecht2024), std::nullopt).has_value());
  ASSERT_TRUE(Stored(*db, "BU03440311", "a_hh", 2024).has_value());
  // The same year again, without the column a_hh: the old a_hh values of these areas are gone
  // (replaced, not kept from the earlier file), the other columns are there.
  auto lines = Lines(ReadFile(SharedData(kUtrecht2024)));
  auto header = SplitCsvLine(lines[0]);
  std::size_t a_hh = 0;
  while (header[a_hh] != "a_hh") ++a_hh;
  std::string text;
  for (const auto& line : lines) {
    auto c = SplitCsvLine(line);
    c.erase(c.begin() + static_cast<std::ptrdiff_t>(a_hh));
    for (std::size_t k = 0; k < c.size(); ++k) text += (k > 0 ? ",\"" : "\"") + c[k] + "\"";
    text += "\n";
  }
  auto r = ImportCbs(*db, Beheerder(), WriteTemp("kwb-2024_zonder_a_hh.csv", text), std::nullopt);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_value WHERE indicator_code = 'a_hh' AND year = 2024"), "0");
  EXPECT_TRUE(Stored(*db, "BU03440311", "a_inw", 2024).has_value());
}

TEST(ImportCbs, OnlyABeheerderMayImport) {
  auto db = MigratedDb();
  auto r = ImportCbs(*db, testing::Lezer(), SharedData(kUtrecht2024), std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(r.error().message, "Alleen een beheerder mag gegevens importeren.");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_area"), "0");
}

TEST(ImportCbs, UnknownColumnsAndTheNationalRowAreSkippedWithAReason) {
  auto db = MigratedDb();
  auto path = WriteTemp("kwb-2024_small.csv",
                        "gwb_code,regio,recs,a_inw,extra_kolom\nNL00,Nederland,Land,.,1\n"
                        "GM0344,Utrecht,Gemeente,374238,2\n");
  auto r = ImportCbs(*db, Beheerder(), path, std::nullopt);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->areas, 1);
  EXPECT_EQ(r->skipped, (std::vector<std::string>{"kolom extra_kolom: niet in de indicatorencatalogus",
                                                  "regel 2: landelijke rij NL00 (geen gemeente, wijk of buurt)"}));
}

}  // namespace
}  // namespace wk::areas
