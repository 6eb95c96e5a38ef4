#include <gtest/gtest.h>

#include <set>

#include "catalogue.h"
#include "nabijheid.h"
#include "table_reader.h"
#include "test_support.h"
#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas {
namespace {

using testing::Beheerder;
using testing::Lines;
using testing::MigratedDb;
using testing::QueryText;
using testing::ReadFile;
using testing::SharedData;
using testing::WriteTemp;

const std::string kNabijheid = "cbs/nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv";

const Figure* FindFigure(const std::vector<Figure>& figures, std::string_view code) {
  for (const auto& f : figures) {
    if (f.def->code == code) return &f;
  }
  return nullptr;
}

// The figure of `indicator` for `area` ("NL00" = the national figure) in 2023; nullptr when none.
std::optional<Figure> Figure2023(store::Db& db, const std::string& area, std::string_view indicator) {
  auto figures = area == "NL00" ? NationalFigures(db, 2023) : Figures(db, area, 2023);
  EXPECT_TRUE(figures.has_value()) << figures.error().Describe();
  const Figure* f = FindFigure(*figures, indicator);
  return f ? std::optional<Figure>(*f) : std::nullopt;
}

TEST(ImportCbsNabijheid, EveryStatLineColumnMapsToAVoorzieningenIndicatorOfTheCatalogue) {
  auto reader = TableReader::Open(SharedData(kNabijheid));
  ASSERT_TRUE(reader.has_value());
  std::set<std::string> mapped;
  for (const auto& title : reader->columns()) {
    if (title == "Wijken en buurten" || title.starts_with("Regioaanduiding/")) continue;
    SCOPED_TRACE(title);
    std::string code = NabijheidCode(title);
    ASSERT_FALSE(code.empty());
    const IndicatorDef* d = FindIndicator(code);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->theme, "voorzieningen");
    EXPECT_EQ(d->unit, title.ends_with("(km)") ? "km" : "aantal");
    EXPECT_TRUE(mapped.insert(code).second) << "mapped twice";
  }
  EXPECT_EQ(mapped.size(), 110u);
  EXPECT_EQ(NabijheidColumns().size(), 110u);
  // And every nabijheid row of the catalogue has a StatLine column.
  for (const auto& d : Catalogue()) {
    if (d.code.starts_with("nv_")) {
      EXPECT_TRUE(mapped.contains(d.code)) << d.code;
    }
  }
}

TEST(ImportCbsNabijheid, ImportsTheStatLineExportAsItIs) {
  auto db = MigratedDb();
  auto summary = ImportCbsNabijheid(*db, Beheerder(), SharedData(kNabijheid), std::nullopt);
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->file, "nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv");
  EXPECT_EQ(summary->year, 2023);  // from the file name
  EXPECT_EQ(summary->areas, 122);  // 1 gemeente, 10 wijken, 111 buurten; Nederland is no area
  EXPECT_EQ(summary->values, 123 * 110);
  EXPECT_EQ(summary->missing, 9174);
  EXPECT_EQ(summary->indicators, 36);  // 74 of the 110 columns are '.' everywhere
  EXPECT_TRUE(summary->skipped.empty());

  // Exact values from the file: "     0.9" (BOM, ';', quoted, padded).
  struct Case {
    const char* area;
    const char* indicator;
    double value;
  };
  const Case cases[] = {
      {"NL00", "nv_afst_grote_supermarkt", 1.0},
      {"GM0344", "nv_afst_grote_supermarkt", 0.7},
      {"WK034401", "nv_afst_grote_supermarkt", 0.6},
      {"BU03440111", "nv_afst_grote_supermarkt", 0.9},
      {"BU03440112", "nv_afst_grote_supermarkt", 0.4},
      {"NL00", "nv_grote_supermarkt_5km", 23.8},
      {"NL00", "nv_afst_bibliotheek", 2.0},
      {"BU03440111", "nv_afst_bibliotheek", 0.9},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.area) + " " + c.indicator);
    auto f = Figure2023(*db, c.area, c.indicator);
    ASSERT_TRUE(f.has_value());
    ASSERT_TRUE(f->value.has_value());
    EXPECT_DOUBLE_EQ(*f->value, c.value);
    EXPECT_EQ(f->source, "CBS");
    EXPECT_EQ(f->source_title, "Nabijheid voorzieningen 2023");
    EXPECT_EQ(f->def->label,
              std::string(c.indicator) == "nv_afst_grote_supermarkt" ? "Afstand tot grote supermarkt" : f->def->label);
  }
}

TEST(ImportCbsNabijheid, ColumnsThatAreDotEverywhereAreStoredAsMissingNeverZero) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbsNabijheid(*db, Beheerder(), SharedData(kNabijheid), std::nullopt).has_value());
  for (const char* area : {"NL00", "GM0344", "BU03440111"}) {
    for (const char* indicator : {"nv_afst_huisartspraktijk", "nv_afst_apotheek", "nv_afst_basisschool"}) {
      SCOPED_TRACE(std::string(area) + " " + indicator);
      auto f = Figure2023(*db, area, indicator);
      ASSERT_TRUE(f.has_value());  // listed, so pages can say it is missing
      EXPECT_FALSE(f->value.has_value());
    }
  }
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_value WHERE indicator_code = 'nv_afst_apotheek' AND value = 0"),
            "0");
  EXPECT_EQ(QueryText(*db,
                      "SELECT COUNT(*) FROM areas_value WHERE indicator_code = 'nv_afst_apotheek' "
                      "AND value IS NULL"),
            "122");
}

TEST(ImportCbsNabijheid, AreasUnknownToTheDatabaseAreCreatedFromCodeAndName) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbsNabijheid(*db, Beheerder(), SharedData(kNabijheid), std::nullopt).has_value());
  auto buurt = GetArea(*db, "BU03440111");
  ASSERT_TRUE(buurt.has_value());
  EXPECT_EQ(buurt->name, "Welgelegen, Den Hommel");
  EXPECT_EQ(buurt->level, Level::kBuurt);
  EXPECT_EQ(buurt->parent_code, "WK034401");
  auto wijk = GetArea(*db, "WK034401");
  ASSERT_TRUE(wijk.has_value());
  EXPECT_EQ(wijk->name, "Wijk 01 West");
  EXPECT_EQ(GetArea(*db, "GM0344")->name, "Utrecht");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_area"), "122");
  EXPECT_FALSE(GetArea(*db, "NL00").has_value());
}

TEST(ImportCbsNabijheid, KnownAreasKeepTheirNames) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbs(*db, Beheerder(), SharedData("cbs/kwb-2023_GM0344_utrecht.csv"), std::nullopt));
  ASSERT_TRUE(db->Exec("UPDATE areas_area SET name = 'West' WHERE code = 'WK034401'"));
  ASSERT_TRUE(ImportCbsNabijheid(*db, Beheerder(), SharedData(kNabijheid), std::nullopt).has_value());
  EXPECT_EQ(GetArea(*db, "WK034401")->name, "West");
  // The KWB values of the same year stay beside the Nabijheid values.
  auto inw = Figure2023(*db, "BU03440111", "a_inw");
  ASSERT_TRUE(inw.has_value());
  EXPECT_TRUE(inw->value.has_value());
}

// A part of the real file: the header's identification columns and the supermarket distance, for
// Nederland, Utrecht and one buurt, as StatLine wrote them.
std::string PartOfTheFile() {
  auto lines = Lines(ReadFile(SharedData(kNabijheid)));
  auto cut = [](const std::string& line) {
    // Columns 1..5 and 25 (the distance to a large supermarket), ';'-separated and quoted.
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      auto end = line.find(';', start);
      cells.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return cells[0] + ";" + cells[1] + ";" + cells[2] + ";" + cells[3] + ";" + cells[4] + ";" + cells[24];
  };
  std::string out;
  for (std::size_t i : {0, 1, 2, 4}) out += cut(lines[i]) + "\r\n";
  return out;
}

TEST(ImportCbsNabijheid, ReimportingAYearReplacesTheNabijheidValuesOfTheAreasInTheFileOnly) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportCbsNabijheid(*db, Beheerder(), SharedData(kNabijheid), std::nullopt).has_value());
  std::string part = PartOfTheFile();
  ASSERT_TRUE(part.starts_with("\xEF\xBB\xBF\"Wijken en buurten\";")) << part.substr(0, 40);
  auto path = WriteTemp("nabijheid-2023-deel.csv", part);
  auto r = ImportCbsNabijheid(*db, Beheerder(), path, std::nullopt);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->areas, 2);
  EXPECT_EQ(r->values, 3);
  // In the file: only the supermarket distance is left.
  EXPECT_EQ(Figure2023(*db, "BU03440111", "nv_afst_grote_supermarkt")->value, 0.9);
  EXPECT_FALSE(Figure2023(*db, "BU03440111", "nv_afst_bibliotheek").has_value());
  EXPECT_EQ(Figure2023(*db, "NL00", "nv_afst_grote_supermarkt")->value, 1.0);
  EXPECT_FALSE(Figure2023(*db, "NL00", "nv_afst_bibliotheek").has_value());
  // Not in the file: untouched.
  EXPECT_EQ(Figure2023(*db, "BU03440112", "nv_afst_bibliotheek")->value, 0.4);
  EXPECT_EQ(Figure2023(*db, "WK034401", "nv_afst_bibliotheek")->value, 1.4);
}

TEST(ImportCbsNabijheid, TheYearComesFromTheOptionOrTheFileName) {
  auto db = MigratedDb();
  std::string part = PartOfTheFile();
  auto r = ImportCbsNabijheid(*db, Beheerder(), WriteTemp("nabijheid.csv", part), std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().Describe(),
            "nabijheid.csv: year: Geen jaar gevonden: geef het jaar op met --year, of gebruik een bestandsnaam met het "
            "jaar (zoals nabijheid-voorzieningen-2023.csv).");
  auto with_option = ImportCbsNabijheid(*db, Beheerder(), WriteTemp("nabijheid.csv", part), 2022);
  ASSERT_TRUE(with_option.has_value()) << with_option.error().Describe();
  EXPECT_EQ(with_option->year, 2022);
  auto figures = NationalFigures(*db, 2022);
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->size(), 1u);
}

TEST(ImportCbsNabijheid, ABadValueNamesFileLineAndColumnAndChangesNothing) {
  auto db = MigratedDb();
  std::string part = PartOfTheFile();
  auto at = part.find("\"     0.9\"");
  ASSERT_NE(at, std::string::npos);
  part.replace(at, 10, "\"  0,9 km\"");
  auto r = ImportCbsNabijheid(*db, Beheerder(), WriteTemp("nabijheid-2023.csv", part), std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().Describe(),
            "nabijheid-2023.csv:4: kolom Detailhandel/Winkels dagelijkse boodschappen/Afstand tot grote supermarkt "
            "(km): '0,9 km' is geen getal; verwacht een getal, of '.' als de waarde onbekend is.");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_area"), "0");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_source"), "0");
}

TEST(ImportCbsNabijheid, OnlyABeheerderMayImport) {
  auto db = MigratedDb();
  auto r = ImportCbsNabijheid(*db, testing::Lezer(), SharedData(kNabijheid), std::nullopt);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(r.error().message, "Alleen een beheerder mag gegevens importeren.");
}

TEST(ImportCbsNabijheid, OneAuditEntryAndTheDataGenerationRises) {
  auto db = MigratedDb();
  auto before = DataGeneration(*db);
  ASSERT_TRUE(ImportCbsNabijheid(*db, Beheerder(), SharedData(kNabijheid), std::nullopt).has_value());
  EXPECT_EQ(*DataGeneration(*db), *before + 1);
  EXPECT_EQ(QueryText(*db, "SELECT group_concat(action) FROM audit_entry"), "import.cbs-nabijheid");
  EXPECT_EQ(QueryText(*db, "SELECT kind || '|' || title || '|' || publisher || '|' || licence FROM areas_source"),
            "cbs-nabijheid|Nabijheid voorzieningen 2023|CBS|CC BY 4.0");
}

}  // namespace
}  // namespace wk::areas
