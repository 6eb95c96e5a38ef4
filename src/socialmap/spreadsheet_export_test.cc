#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "spreadsheet_reader.h"
#include "test_support.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::socialmap {
namespace {

std::string Data(const std::string& name) {
  // ctest runs the tests in the source folder; WK_SOURCE_DIR, when set, names it.
  const char* source = std::getenv("WK_SOURCE_DIR");
  return (std::filesystem::path(source != nullptr ? source : ".") / "tests/data" / name).string();
}

// A demo map with the example spreadsheet imported.
std::unique_ptr<store::Db> ExampleMap() {
  auto db = testing::OpenDemoMap();
  auto mapping = ReadMapping(Data("sociale-kaart-voorbeeld.mapping.csv"));
  EXPECT_TRUE(mapping.has_value());
  auto summary = ImportSpreadsheet(*db, testing::Wijkwerker(), Data("sociale-kaart-voorbeeld.csv"), *mapping);
  EXPECT_TRUE(summary.has_value()) << summary.error().Describe();
  return db;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", start)) {
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

TEST(ExportServices, OneRowPerServiceWithTheMappingFieldsAsColumns) {
  auto db = ExampleMap();
  auto csv = ExportServicesCsv(*db, testing::Lezer(), false);
  ASSERT_TRUE(csv.has_value()) << csv.error().Describe();
  auto lines = Lines(*csv);
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0],
            "party_name,party_kind,party_formal,party_website,party_email,party_phone,service_name,description,"
            "target_groups,domains,laws,access_routes,eligibility,minimum_age,maximum_age,cost,application_process,"
            "wait_time,languages,location_name,address,postal_code,city,province,latitude,longitude,transportation,"
            "opening_hours,areas_served,phone,email,website,source");
  // By party name, then service name.
  EXPECT_EQ(lines[1].substr(0, 54), "Buurthuis De Voorbeeldhoek,organisatie,formeel,,,,Comp");
  EXPECT_EQ(lines[3],
            "Stichting Voorbeeldzorg,organisatie,formeel,,,,Dagbesteding voor ouderen,\"Een dag in de week samen bezig "
            "zijn, met begeleiding. Verzonnen voorbeeld.\",ouderen,zorg; welzijn,wmo,wmo-beschikking,,65,,Eigen "
            "bijdrage volgens de Wmo,Via het wijkteam; vraag een beschikking aan.,,nl; tr,Locatie Lombok,Voorbeeldweg "
            "12,3531 AB,Utrecht,Utrecht,52.0921,5.1035,\"Tram 22, halte Voorbeeldbrug\",ma-vr 09:30-15:30,BU03440121,"
            "030 000 00 02,aanmelden@voorbeeldzorg.example.org,https://voorbeeldzorg.example.org,Voorbeeldwegwijzer "
            "(verzonnen)");
}

TEST(ExportServices, TheExcelVariantHasABomSemicolonsADecimalCommaAndAFormulaGuard) {
  auto db = ExampleMap();
  auto party = CreateParty(*db, testing::Wijkwerker(), testing::FictionalParty("=Formule"));
  ASSERT_TRUE(party.has_value()) << party.error().Describe();
  ASSERT_TRUE(CreateService(*db, testing::Wijkwerker(), testing::FictionalService(party->id)).has_value());
  auto csv = ExportServicesCsv(*db, testing::Lezer(), true);
  ASSERT_TRUE(csv.has_value());
  EXPECT_TRUE(csv->starts_with("\xEF\xBB\xBFparty_name;party_kind;party_formal;"));
  EXPECT_NE(csv->find("\r\n'=Formule;organisatie;"), std::string::npos);
  EXPECT_NE(csv->find(";52,0921;5,1035;Tram 22, halte Voorbeeldbrug;"), std::string::npos);
  EXPECT_NE(csv->find(";\"Via het wijkteam; vraag een beschikking aan.\";"), std::string::npos);
}

TEST(ExportServices, KeyFiguresWithoutConsentToPublishAreLeftOut) {
  auto db = testing::OpenDemoMap();
  for (bool publish : {false, true}) {
    Party person = testing::FictionalParty(publish ? "Sleutelfiguur Openbaar" : "Sleutelfiguur Besloten");
    person.kind = PartyKind::kSleutelfiguur;
    person.formal = false;
    person.consent = Consent{"2026-01-05", "contact over buurtactiviteiten", publish};
    auto p = CreateParty(*db, testing::Wijkwerker(), person);
    ASSERT_TRUE(p.has_value()) << p.error().Describe();
    ASSERT_TRUE(CreateService(*db, testing::Wijkwerker(), testing::FictionalService(p->id, "Aanspreekpunt")));
  }
  auto csv = ExportServicesCsv(*db, testing::Lezer(), false);
  ASSERT_TRUE(csv.has_value());
  EXPECT_EQ(csv->find("Sleutelfiguur Besloten"), std::string::npos);
  EXPECT_NE(csv->find("Sleutelfiguur Openbaar"), std::string::npos);
  auto xlsx = ExportServicesXlsx(*db, testing::Lezer());
  ASSERT_TRUE(xlsx.has_value());
  auto sheet = ReadSheetBytes(*xlsx, "kaart.xlsx");
  ASSERT_TRUE(sheet.has_value()) << sheet.error().Describe();
  ASSERT_EQ(sheet->rows.size(), 1u);
  EXPECT_EQ(sheet->rows[0].cells[0], "Sleutelfiguur Openbaar");
}

TEST(ExportServices, TheXlsxReadsBackAsTheCsv) {
  auto db = ExampleMap();
  auto csv = ExportServicesCsv(*db, testing::Lezer(), false);
  auto xlsx = ExportServicesXlsx(*db, testing::Lezer());
  ASSERT_TRUE(csv.has_value());
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  ASSERT_TRUE(xlsx->starts_with("PK"));
  auto from_csv = ReadSheetBytes(*csv, "kaart.csv");
  auto from_xlsx = ReadSheetBytes(*xlsx, "kaart.xlsx");
  ASSERT_TRUE(from_csv.has_value());
  ASSERT_TRUE(from_xlsx.has_value()) << from_xlsx.error().Describe();
  EXPECT_EQ(from_xlsx->header, from_csv->header);
  ASSERT_EQ(from_xlsx->rows.size(), 6u);
  for (std::size_t i = 0; i < from_csv->rows.size(); ++i) {
    EXPECT_EQ(from_xlsx->rows[i].cells, from_csv->rows[i].cells) << "row " << i;
  }
}

TEST(ExportServices, AnExportImportsIntoAnEmptyMapAndExportsTheSame) {
  auto db = ExampleMap();
  auto first = ExportServicesCsv(*db, testing::Lezer(), true);
  ASSERT_TRUE(first.has_value());
  auto sheet = ReadSheetBytes(*first, "kaart.csv");
  ASSERT_TRUE(sheet.has_value());
  auto other = testing::OpenDemoMap();
  auto summary = ImportSpreadsheet(*other, testing::Wijkwerker(), SpreadsheetFile{*first, "kaart.csv"},
                                   SuggestMapping(sheet->header));
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->services_created, 6);
  auto second = ExportServicesCsv(*other, testing::Lezer(), true);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(*second, *first);
}

}  // namespace
}  // namespace wk::socialmap
