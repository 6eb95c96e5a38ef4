#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "gdal_util.h"
#include "test_support.h"
#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas {
namespace {

using testing::Beheerder;
using testing::MigratedDb;
using testing::QueryText;
using testing::ReadFile;
using testing::SharedData;
using testing::TestData;
using testing::WriteTemp;

const std::string kWide = "voorbeeld-indicatoren-breed.csv";
const std::string kLong = "voorbeeld-indicatoren-lang.csv";

// A database with the areas of Utrecht (CBS KWB 2023), as imports of own figures expect.
std::unique_ptr<store::Db> UtrechtDb() {
  auto db = MigratedDb();
  auto r = ImportCbs(*db, Beheerder(), SharedData("cbs/kwb-2023_GM0344_utrecht.csv"), std::nullopt);
  EXPECT_TRUE(r.has_value()) << r.error().Describe();
  return db;
}

IndicatorImportOptions Options(std::string source, std::string reliability = "") {
  IndicatorImportOptions o;
  o.source = std::move(source);
  o.reliability = std::move(reliability);
  return o;
}

std::optional<Figure> FigureOf(store::Db& db, const std::string& area, std::string_view indicator, int year) {
  auto figures = area == "NL00" ? NationalFigures(db, year) : Figures(db, area, year);
  EXPECT_TRUE(figures.has_value()) << figures.error().Describe();
  for (const auto& f : *figures) {
    if (f.def->code == indicator) return f;
  }
  return std::nullopt;
}

std::optional<double> ValueOf(store::Db& db, const std::string& area, std::string_view indicator, int year) {
  auto f = FigureOf(db, area, indicator, year);
  EXPECT_TRUE(f.has_value()) << area << " " << indicator << " " << year;
  return f ? f->value : std::nullopt;
}

TEST(ImportIndicators, AWideFileWithItsMetadataBesideItImports) {
  auto db = UtrechtDb();
  auto summary = ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Voorbeeldmonitor", "hoog"));
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->file, kWide);
  EXPECT_EQ(summary->year, 2023);
  EXPECT_EQ(summary->areas, 5);    // Nederland is no area
  EXPECT_EQ(summary->values, 18);  // 6 rows x 3 indicators
  EXPECT_EQ(summary->missing, 4);  // NL00 bijstand and woningen (empty), BU03440911 bijstand and zwembad ('.')
  EXPECT_EQ(summary->indicators, 3);

  struct Case {
    const char* area;
    const char* indicator;
    std::optional<double> value;
  };
  const Case cases[] = {
      {"GM0344", "vb_bijstand", 10410},
      {"BU03440111", "vb_bijstand", 10},
      {"BU03440112", "vb_bijstand", 0},
      {"BU03440911", "vb_bijstand", std::nullopt},
      {"BU03440111", "vb_afst_zwembad", 1.9},
      {"WK034401", "vb_afst_zwembad", 3.0},
      {"BU03440911", "vb_afst_zwembad", std::nullopt},
      {"BU03440111", "a_woning", 910},
      {"NL00", "vb_afst_zwembad", 3.4},
      {"NL00", "vb_bijstand", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.area) + " " + c.indicator);
    auto f = FigureOf(*db, c.area, c.indicator, 2023);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->value, c.value);
    EXPECT_EQ(f->source, "Voorbeeldmonitor");
    EXPECT_EQ(f->source_title, "Voorbeeldmonitor");
    EXPECT_EQ(f->reliability, "hoog");
  }
  auto zwembad = FigureOf(*db, "BU03440111", "vb_afst_zwembad", 2023);
  EXPECT_TRUE(zwembad->def->custom);
  EXPECT_EQ(zwembad->def->label, "Afstand tot zwembad (voorbeeld: waarden uit CBS Nabijheid voorzieningen 2023)");
  EXPECT_EQ(zwembad->def->unit, "km");
  EXPECT_EQ(zwembad->def->theme, "voorzieningen");
  EXPECT_EQ(zwembad->def->group, "Voorbeeld");
  EXPECT_EQ(zwembad->def->direction, Direction::kLowerIsBetter);
  EXPECT_EQ(zwembad->def->decimals, 1);
  EXPECT_EQ(zwembad->def->trend_threshold, 2.0);
  auto bijstand = FigureOf(*db, "BU03440111", "vb_bijstand", 2023);
  EXPECT_EQ(bijstand->def->trend_threshold, 5.0);
  EXPECT_EQ(bijstand->def->decimals, 0);
  // CBS figures of the areas stay, with their own source and no grade.
  auto inw = FigureOf(*db, "BU03440111", "a_inw", 2023);
  ASSERT_TRUE(inw.has_value());
  EXPECT_EQ(inw->source, "CBS");
  EXPECT_EQ(inw->reliability, "");
}

TEST(ImportIndicators, ALongFileWithTwoYearsImports) {
  auto db = UtrechtDb();
  IndicatorImportOptions o = Options("Voorbeeld lang");
  o.publisher = "Gemeente Utrecht";
  o.licence = "CC BY 4.0";
  auto summary = ImportIndicators(*db, Beheerder(), TestData(kLong), o);
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->year, 2024);  // the newest year in the file
  EXPECT_EQ(summary->areas, 3);
  EXPECT_EQ(summary->values, 7);
  EXPECT_EQ(summary->missing, 1);
  EXPECT_EQ(summary->indicators, 1);
  EXPECT_EQ(ValueOf(*db, "BU03440111", "vb_eenpersoons", 2023), 630);
  EXPECT_EQ(ValueOf(*db, "BU03440111", "vb_eenpersoons", 2024), 685);
  EXPECT_EQ(ValueOf(*db, "GM0344", "vb_eenpersoons", 2024), 100296);
  EXPECT_EQ(ValueOf(*db, "BU03440111", "vb_bijstand", 2024), std::nullopt);
  auto f = FigureOf(*db, "GM0344", "vb_eenpersoons", 2024);
  EXPECT_EQ(f->source, "Gemeente Utrecht");
  EXPECT_EQ(f->source_title, "Voorbeeld lang");
  EXPECT_EQ(QueryText(*db, "SELECT licence || '|' || year || '|' || kind FROM areas_source WHERE kind = 'indicators'"),
            "CC BY 4.0|2024|indicators");
}

// The long file as a spreadsheet, written with GDAL's XLSX driver as a spreadsheet program would:
// year and value as number cells, the missing value ('.') as an empty cell.
std::string LongFileAsXlsx() {
  gdal::EnsureRegistered();
  std::string path = (testing::TempDir() / "voorbeeld-indicatoren-lang.xlsx").string();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
  EXPECT_NE(driver, nullptr);
  GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  EXPECT_NE(ds, nullptr);
  OGRLayer* layer = ds->CreateLayer("cijfers", nullptr, wkbNone, nullptr);
  const std::pair<const char*, OGRFieldType> fields[] = {
      {"area_code", OFTString}, {"indicator", OFTString}, {"year", OFTInteger}, {"value", OFTReal}};
  for (auto [name, type] : fields) {
    OGRFieldDefn field(name, type);
    EXPECT_EQ(layer->CreateField(&field), OGRERR_NONE);
  }
  auto lines = testing::Lines(ReadFile(TestData(kLong)));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = testing::SplitCsvLine(lines[i]);
    if (cells.size() != 4) continue;
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField(0, cells[0].c_str());
    feature.SetField(1, cells[1].c_str());
    feature.SetField(2, std::stoi(cells[2]));
    if (cells[3] != ".") feature.SetField(3, std::stod(cells[3]));
    EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
  GDALClose(ds);
  return path;
}

TEST(ImportIndicators, AnXlsxFileImportsLikeTheCsvFile) {
  auto from_csv = UtrechtDb();
  auto from_xlsx = UtrechtDb();
  IndicatorImportOptions o = Options("Voorbeeld lang");
  ASSERT_TRUE(ImportIndicators(*from_csv, Beheerder(), TestData(kLong), o).has_value());
  o.metadata_path = TestData("voorbeeld-indicatoren-lang.meta.csv");
  auto xlsx = ImportIndicators(*from_xlsx, Beheerder(), LongFileAsXlsx(), o);
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  const std::string values =
      "SELECT group_concat(area_code || '|' || indicator_code || '|' || year || '|' || ifnull(value, 'NULL'), ';') "
      "FROM (SELECT * FROM areas_value WHERE indicator_code LIKE 'vb_%' ORDER BY 1, 2, 3)";
  EXPECT_EQ(QueryText(*from_csv, values), QueryText(*from_xlsx, values));
  EXPECT_EQ(QueryText(*from_xlsx, "SELECT COUNT(*) FROM areas_value WHERE indicator_code LIKE 'vb_%'"), "7");
}

TEST(ImportIndicators, BadFilesAreRefusedWithFileLineAndColumnAndChangeNothing) {
  struct Case {
    std::string data;
    std::string meta;  // "" = no metadata file
    std::string expected;
  };
  const std::string meta =
      "code,label,unit,theme,direction\nvb_bijstand,Personen met bijstand (voorbeeld),aantal,werk en uitkeringen,"
      "neutral\n";
  const Case cases[] = {
      {"area_code,year,vb_bijstand\nBU03449999,2023,10\n", meta,
       "x.csv:2: kolom area_code: Onbekend gebied BU03449999; importeer eerst de CBS-kerncijfers of de grenzen waarin "
       "het staat."},
      {"area_code,year,vb_bijstand\nBU03440111,2023,10\nUtrecht,2023,10\n", meta,
       "x.csv:3: kolom area_code: 'Utrecht' is geen CBS-gebiedscode; verwacht NL00, of bijvoorbeeld GM0344, WK034401 "
       "of BU03440101."},
      {"area_code,year,ggd_eenzaam\nBU03440111,2023,10\n", "",
       "x.csv:1: kolom ggd_eenzaam: Onbekende indicator 'ggd_eenzaam': niet in de indicatorencatalogus en niet in het "
       "metadatabestand; geef code, label, unit, theme en direction op in een metadatabestand (x.meta.csv)."},
      {"area_code,indicator,year,value\nBU03440111,ggd_eenzaam,2023,10\n", meta,
       "x.csv:2: kolom indicator: Onbekende indicator 'ggd_eenzaam': niet in de indicatorencatalogus en niet in het "
       "metadatabestand x.meta.csv; geef code, label, unit, theme en direction op in een metadatabestand "
       "(x.meta.csv)."},
      {"area_code,year,a_woning\nBU03440111,2023,910\nBU03440112,2023,veel\n", "",
       "x.csv:3: kolom a_woning: 'veel' is geen getal; verwacht een getal, of '.' of een lege cel als de waarde "
       "ontbreekt."},
      {"area_code,year,a_woning\nBU03440111,tweeduizend,910\n", "",
       "x.csv:2: kolom year: 'tweeduizend' is geen jaar; verwacht een jaar zoals 2023."},
      {"area_code,year,p_65_oo\nBU03440111,2023,12\n", "",
       "x.csv:1: kolom p_65_oo: Indicator p_65_oo wordt door Wijkkompas berekend (a_65_oo / a_inw); lever a_65_oo en "
       "a_inw aan."},
      {"area_code,indicator,year,value\nBU03440111,a_woning,2023,910\nBU03440111,a_woning,2023,911\n", "",
       "x.csv:3: kolom value: De waarde van a_woning voor BU03440111 in 2023 staat ook op regel 2."},
      {"gebied,year,a_woning\nBU03440111,2023,910\n", "",
       "x.csv:1: kolom area_code: Kolom area_code ontbreekt; verwacht de lange vorm (area_code, indicator, year, "
       "value) "
       "of de brede vorm (area_code, year, <indicator>, ...)."},
      {"area_code,indicator,year\nBU03440111,a_woning,2023\n", "",
       "x.csv:1: kolom value: Kolom value ontbreekt; verwacht de lange vorm (area_code, indicator, year, value) of de "
       "brede vorm (area_code, year, <indicator>, ...)."},
      {"area_code,year,vb_x\nBU03440111,2023,1\n",
       "code,label,unit,theme,direction\nvb_x,X (voorbeeld),aantal,gezondheid,neutral\n",
       "x.meta.csv:2: kolom theme: Onbekend thema 'gezondheid'; kies uit: bevolking, huishoudens, wonen, inkomen, werk "
       "en uitkeringen, zorg en welzijn, voorzieningen, veiligheid, onderwijs, energie, mobiliteit, bedrijven, "
       "oppervlakte en stedelijkheid, overig."},
      {"area_code,year,vb_x\nBU03440111,2023,1\n",
       "code,label,unit,theme,direction\nvb_x,X (voorbeeld),aantal,wonen,beter\n",
       "x.meta.csv:2: kolom direction: Onbekende richting 'beter'; verwacht higher (hoger is beter), lower (lager is "
       "beter) of neutral."},
      {"area_code,year,a_woning\nBU03440111,2023,1\n",
       "code,label,unit,theme,direction\na_woning,Woningen,aantal,wonen,neutral\n",
       "x.meta.csv:2: kolom code: Indicator a_woning staat al in de indicatorencatalogus en heeft geen metadata "
       "nodig."},
      {"area_code,year,vb_x\nBU03440111,2023,1\n",
       "code,label,unit,theme,direction\nVB X,X (voorbeeld),aantal,wonen,neutral\n",
       "x.meta.csv:2: kolom code: Code 'VB X' is ongeldig; gebruik kleine letters, cijfers en _, beginnend met een "
       "letter (bijvoorbeeld ggd_eenzaam)."},
      {"area_code,year,vb_x\nBU03440111,2023,1\n",
       "code,label,unit,theme,direction,decimals\nvb_x,X (voorbeeld),aantal,wonen,neutral,9\n",
       "x.meta.csv:2: kolom decimals: Verwacht een aantal decimalen van 0 tot 6."},
  };
  auto db = UtrechtDb();
  const std::string before = QueryText(*db, "SELECT COUNT(*) FROM areas_source") + "|" +
                             QueryText(*db, "SELECT COUNT(*) FROM areas_value") + "|" +
                             QueryText(*db, "SELECT COUNT(*) FROM audit_entry");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.data);
    std::filesystem::remove(testing::TempDir() / "x.meta.csv");
    if (!c.meta.empty()) WriteTemp("x.meta.csv", c.meta);
    auto r = ImportIndicators(*db, Beheerder(), WriteTemp("x.csv", c.data), Options("Voorbeeld"));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(r.error().Describe(), c.expected);
  }
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_source") + "|" +
                QueryText(*db, "SELECT COUNT(*) FROM areas_value") + "|" +
                QueryText(*db, "SELECT COUNT(*) FROM audit_entry"),
            before);
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM areas_indicator"), "0");
}

TEST(ImportIndicators, TheSourceIsRequiredAndTheReliabilityOneOfTheGrades) {
  auto db = UtrechtDb();
  auto no_source = ImportIndicators(*db, Beheerder(), TestData(kWide), Options("  "));
  ASSERT_FALSE(no_source.has_value());
  EXPECT_EQ(no_source.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(no_source.error().Describe(),
            "source: Geef de bron van de cijfers op, bijvoorbeeld 'GGD Gezondheidsmonitor Volwassenen en Ouderen "
            "2022'.");
  auto bad_grade = ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Voorbeeld", "zeker"));
  ASSERT_FALSE(bad_grade.has_value());
  EXPECT_EQ(bad_grade.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad_grade.error().Describe(),
            "reliability: Onbekende betrouwbaarheid 'zeker'; kies hoog, redelijk, laag of onbekend.");
  std::vector<std::string> grades;
  for (const auto& g : ReliabilityGrades()) {
    grades.push_back(g.grade);
    EXPECT_FALSE(g.meaning.empty());
    EXPECT_TRUE(ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Voorbeeld", g.grade)).has_value());
  }
  EXPECT_EQ(grades, (std::vector<std::string>{"hoog", "redelijk", "laag", "onbekend"}));
}

TEST(ImportIndicators, ReimportingASourceReplacesItsValuesForTheAreasAndYearsInTheFileOnly) {
  auto db = UtrechtDb();
  ASSERT_TRUE(ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Bron A")).has_value());
  ASSERT_TRUE(ImportIndicators(*db, Beheerder(), TestData(kLong), Options("Bron B")).has_value());
  // Bron A again, for one buurt and one indicator (the buurt's row of the wide file, reshaped).
  auto part = WriteTemp("deel.csv", "area_code,year,vb_afst_zwembad\nBU03440111,2023,1.9\n");
  IndicatorImportOptions o = Options("Bron A");
  o.metadata_path = TestData("voorbeeld-indicatoren-breed.meta.csv");
  auto r = ImportIndicators(*db, Beheerder(), part, o);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  // In the file: Bron A's other values of BU03440111 in 2023 are gone ...
  EXPECT_EQ(ValueOf(*db, "BU03440111", "vb_afst_zwembad", 2023), 1.9);
  EXPECT_FALSE(FigureOf(*db, "BU03440111", "vb_bijstand", 2023).has_value());
  // ... Bron B's stay, and so do Bron A's values of other areas and of the country.
  EXPECT_EQ(ValueOf(*db, "BU03440111", "vb_eenpersoons", 2023), 630);
  EXPECT_EQ(ValueOf(*db, "BU03440112", "vb_bijstand", 2023), 0);
  EXPECT_EQ(ValueOf(*db, "NL00", "vb_afst_zwembad", 2023), 3.4);
  // The metadata file lists vb_bijstand too, which this file does not use.
  EXPECT_EQ(r->skipped,
            std::vector<std::string>{"voorbeeld-indicatoren-breed.meta.csv:2: indicator vb_bijstand staat niet in het "
                                     "bestand"});
}

TEST(ImportIndicators, AKnownCustomIndicatorNeedsNoMetadataTheNextTime) {
  auto db = UtrechtDb();
  ASSERT_TRUE(ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Bron A")).has_value());
  auto next = WriteTemp("volgend-jaar.csv", "area_code,indicator,year,value\nBU03440111,vb_bijstand,2024,.\n");
  auto r = ImportIndicators(*db, Beheerder(), next, Options("Bron A"));
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->values, 1);
}

TEST(ImportIndicators, CustomIndicatorsJoinTheCatalogueWithStablePointers) {
  auto db = UtrechtDb();
  auto before = Indicators(*db);
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->size(), Catalogue().size());
  auto missing = FindIndicator(*db, "vb_bijstand");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().Describe(), "indicator: Indicator vb_bijstand bestaat niet.");
  EXPECT_EQ(*FindIndicator(*db, "a_inw"), FindIndicator("a_inw"));

  ASSERT_TRUE(ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Bron A")).has_value());
  auto after = Indicators(*db);
  ASSERT_TRUE(after.has_value());
  ASSERT_EQ(after->size(), Catalogue().size() + 2);
  EXPECT_EQ(after->at(Catalogue().size())->code, "vb_afst_zwembad");  // custom ones by code, after the catalogue
  EXPECT_EQ(after->at(Catalogue().size() + 1)->code, "vb_bijstand");
  const IndicatorDef* bijstand = *FindIndicator(*db, "vb_bijstand");
  EXPECT_EQ(after->at(Catalogue().size() + 1), bijstand);
  EXPECT_EQ(*FindIndicator(*db, "vb_bijstand"), bijstand);
  // The long file's metadata defines vb_bijstand identically: the same pointer.
  ASSERT_TRUE(ImportIndicators(*db, Beheerder(), TestData(kLong), Options("Bron B")).has_value());
  EXPECT_EQ(*FindIndicator(*db, "vb_bijstand"), bijstand);
  // A redefinition yields a new definition; the old one stays valid for whoever holds it.
  WriteTemp("anders.meta.csv",
            "code,label,unit,theme,direction\nvb_bijstand,Bijstand (voorbeeld),aantal,werk en uitkeringen,lower\n");
  ASSERT_TRUE(ImportIndicators(*db, Beheerder(),
                               WriteTemp("anders.csv", "area_code,year,vb_bijstand\nBU03440111,2023,10\n"),
                               Options("Bron C")));
  const IndicatorDef* redefined = *FindIndicator(*db, "vb_bijstand");
  EXPECT_NE(redefined, bijstand);
  EXPECT_EQ(redefined->label, "Bijstand (voorbeeld)");
  EXPECT_EQ(redefined->direction, Direction::kLowerIsBetter);
  EXPECT_EQ(bijstand->label,
            "Personen met bijstand (voorbeeld: waarden van a_soz_wb uit CBS Kerncijfers wijken en buurten)");
}

TEST(ImportIndicators, OneAuditEntryTheDataGenerationRisesAndProgressIsReported) {
  auto db = UtrechtDb();
  auto generation = *DataGeneration(*db);
  std::vector<std::int64_t> done;
  auto r = ImportIndicators(*db, Beheerder(), TestData(kWide), Options("Voorbeeldmonitor", "redelijk"),
                            [&](std::int64_t d, std::int64_t total) {
                              done.push_back(d);
                              EXPECT_EQ(total, 6);
                            });
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(done, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(*DataGeneration(*db), generation + 1);
  EXPECT_EQ(QueryText(*db, "SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1"), "import.indicators");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'import.indicators'"), "1");
  EXPECT_EQ(QueryText(*db, "SELECT reliability FROM areas_source WHERE kind = 'indicators'"), "redelijk");
}

TEST(ImportIndicators, OnlyABeheerderMayImport) {
  auto db = UtrechtDb();
  auto r = ImportIndicators(*db, testing::Lezer(), TestData(kWide), Options("Voorbeeld"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
}

TEST(NationalFigures, AreEmptyWithoutNationalValuesAndDeriveSharesLikeAreas) {
  auto db = UtrechtDb();
  auto none = NationalFigures(*db, 2023);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
  // Arithmetic only: Utrecht's own a_65_oo and a_inw of 2023 stored under NL00, to check the share.
  ASSERT_TRUE(db->Exec(
      "INSERT INTO areas_national_value(indicator_code, year, value, source_id) "
      "SELECT indicator_code, year, value, source_id FROM areas_value WHERE area_code = 'GM0344' AND year = 2023 "
      "AND indicator_code IN ('a_65_oo', 'a_inw')"));
  auto figures = NationalFigures(*db, 2023);
  ASSERT_TRUE(figures.has_value());
  auto gm = Figures(*db, "GM0344", 2023);
  std::optional<double> national_share, gm_share;
  for (const auto& f : *figures) {
    if (f.def->code == "p_65_oo") national_share = f.value;
  }
  for (const auto& f : *gm) {
    if (f.def->code == "p_65_oo") gm_share = f.value;
  }
  ASSERT_TRUE(national_share.has_value());
  EXPECT_EQ(national_share, gm_share);
  EXPECT_EQ(figures->size(), 3u);  // a_inw, a_65_oo and the share
}

}  // namespace
}  // namespace wk::areas
