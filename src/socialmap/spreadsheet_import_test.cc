#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"
#include "wk/socialmap/opening_hours.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::socialmap {
namespace {

using testing::CountSocialMapRows;
using testing::QueryInt;
using testing::QueryText;

std::string Data(const std::string& name) {
  // ctest runs the tests in the source folder; WK_SOURCE_DIR, when set, names it.
  const char* source = std::getenv("WK_SOURCE_DIR");
  return (std::filesystem::path(source != nullptr ? source : ".") / "tests/data" / name).string();
}

Mapping ExampleMapping() {
  auto m = ReadMapping(Data("sociale-kaart-voorbeeld.mapping.csv"));
  EXPECT_TRUE(m.has_value()) << m.error().Describe();
  return *m;
}

// A small sheet in memory: the header and rows as CSV text with ';'.
const std::string kHeader =
    "Organisatie;Soort;Aanbod;Doelgroep;Wet;Toegang;Vanaf;Tot;Adres;Postcode;Plaats;Lat;Lon;Open;Werkgebied;Telefoon;"
    "E-mail\n";
Mapping SmallMapping() {
  auto m = ParseMapping(
      "kolom,veld\nOrganisatie,party_name\nSoort,party_kind\nAanbod,service_name\nDoelgroep,target_groups\n"
      "Wet,laws\nToegang,access_routes\nVanaf,minimum_age\nTot,maximum_age\nAdres,address\nPostcode,postal_code\n"
      "Plaats,city\n=Utrecht,province\nLat,latitude\nLon,longitude\nOpen,opening_hours\nWerkgebied,areas_served\n"
      "Telefoon,phone\nE-mail,email\n=Test (verzonnen),source\n");
  EXPECT_TRUE(m.has_value()) << m.error().Describe();
  return *m;
}
const std::string kGoodRow =
    "Buurthuis De Voorbeeldhoek;organisatie;Koffieochtend;Ouderen;;Vrij toegankelijk;;;Voorbeeldstraat 1;3563 AA;"
    "Utrecht;52,1123;5,1101;di 9-12;WK034403;030 000 00 01;info@voorbeeldhoek.example.nl\n";

TEST(ImportSpreadsheet, ImportsTheExampleWithPartiesByNameAndServicesInTheirBuurt) {
  auto db = testing::OpenDemoMap();
  int calls = 0;
  auto summary = ImportSpreadsheet(*db, testing::Wijkwerker(), Data("sociale-kaart-voorbeeld.csv"), ExampleMapping(),
                                   [&](std::int64_t done, std::int64_t total) {
                                     ++calls;
                                     EXPECT_EQ(total, 6);
                                     EXPECT_EQ(done, calls);
                                   });
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->parties_created, 5);
  EXPECT_EQ(summary->parties_reused, 0);
  EXPECT_EQ(summary->services_created, 6);
  EXPECT_EQ(summary->services_skipped, 0);
  EXPECT_TRUE(summary->warnings.empty());
  EXPECT_EQ(calls, 6);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_party"), 5);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM audit_entry WHERE action = 'socialmap.import.spreadsheet'"), 1);

  const std::string id = QueryText(*db, "SELECT id FROM socialmap_service WHERE name = 'Dagbesteding voor ouderen'");
  auto s = GetService(*db, id);
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_EQ(s->party_name, "Stichting Voorbeeldzorg");
  EXPECT_EQ(s->laws, (std::vector<std::string>{"wmo"}));
  EXPECT_EQ(s->domains, (std::vector<std::string>{"zorg", "welzijn"}));
  EXPECT_EQ(s->access_routes, (std::vector<std::string>{"wmo-beschikking"}));
  EXPECT_EQ(s->minimum_age, 65);
  EXPECT_EQ(s->maximum_age, std::nullopt);
  EXPECT_EQ(s->languages, (std::vector<std::string>{"nl", "tr"}));
  EXPECT_EQ(s->areas_served, (std::vector<std::string>{"BU03440121"}));
  EXPECT_EQ(s->verification.source, "Voorbeeldwegwijzer (verzonnen)");
  ASSERT_EQ(s->locations.size(), 1u);
  EXPECT_EQ(s->locations[0].address_1, "Voorbeeldweg 12");
  EXPECT_EQ(s->locations[0].postal_code, "3531 AB");
  EXPECT_EQ(s->locations[0].area_code, "BU03440121");  // Lombok-oost
  EXPECT_EQ(s->locations[0].transportation, "Tram 22, halte Voorbeeldbrug");
  EXPECT_EQ(FormatOpeningHours(s->schedules), "ma-vr 09:30-15:30");

  // Without coordinates: a service without a location, so without a buurt.
  auto walk = GetService(*db, QueryText(*db, "SELECT id FROM socialmap_service WHERE name = 'Buurtwandeling'"));
  ASSERT_TRUE(walk.has_value());
  EXPECT_TRUE(walk->locations.empty());
  EXPECT_EQ(FormatOpeningHours(walk->schedules), "1e za 10:00-12:00");

  // Two rows of one party: one party with both services, its domains those of both.
  auto party =
      GetParty(*db, QueryText(*db, "SELECT id FROM socialmap_party WHERE name = 'Buurthuis De Voorbeeldhoek'"));
  ASSERT_TRUE(party.has_value());
  EXPECT_EQ(party->domains, (std::vector<std::string>{"ontmoeting", "informatie-en-advies"}));
  EXPECT_EQ(party->website, "");
  auto services = ServicesOfParty(*db, party->id);
  ASSERT_TRUE(services.has_value());
  EXPECT_EQ(services->size(), 2u);
  auto informal = GetParty(*db, QueryText(*db, "SELECT id FROM socialmap_party WHERE name LIKE 'Wandelgroep%'"));
  ASSERT_TRUE(informal.has_value());
  EXPECT_EQ(informal->kind, PartyKind::kInformeleGroep);
  EXPECT_FALSE(informal->formal);
}

TEST(ImportSpreadsheet, TheXlsxImportsLikeTheCsv) {
  auto db = testing::OpenDemoMap();
  auto summary = ImportSpreadsheet(*db, testing::Wijkwerker(), Data("sociale-kaart-voorbeeld.xlsx"), ExampleMapping());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->parties_created, 5);
  EXPECT_EQ(summary->services_created, 6);
  EXPECT_EQ(QueryText(*db,
                      "SELECT l.area_code FROM socialmap_location l JOIN socialmap_service_at_location sal "
                      "ON sal.location_id = l.id JOIN socialmap_service s ON s.id = sal.service_id "
                      "WHERE s.name = 'Inloop voor jongeren'"),
            "BU03440433");  // Wittevrouwen
}

struct RefusalCase {
  std::string row;
  std::string refusal;
};

TEST(ImportSpreadsheet, RefusesEveryBadRowWithItsLineAndReasonAndWritesNothing) {
  const RefusalCase cases[] = {
      {";organisatie;Koffie;;;;;;;;;;;;;;\n",
       "regel 3: veld Organisatie: leeg; elke rij heeft de naam van de organisatie nodig."},
      {"Buurthuis;organisatie;;;;;;;;;;;;;;;\n",
       "regel 3: veld Aanbod: leeg; elke rij heeft de naam van het aanbod nodig."},
      {"Buurthuis;organisatie;Koffie;;wmoo;;;;;;;;;;;;\n",
       "regel 3: veld Wet: 'wmoo' is geen wet; kies uit wmo, zvw, wlz, jeugdwet, participatiewet, omgevingswet."},
      {"Buurthuis;sleutelfiguur;Koffie;;;;;;;;;;;;;;\n",
       "regel 3: veld Soort: sleutelfiguren komen niet uit een spreadsheet: voeg ze toe op de pagina van de sociale "
       "kaart, met hun toestemming."},
      {"Buurthuis;organisatie;Koffie;;;;18;12;;;;;;;;;\n",
       "regel 3: veld Tot: de maximumleeftijd 12 is lager dan de minimumleeftijd 18."},
      {"Buurthuis;organisatie;Koffie;;;;achttien;;;;;;;;;;\n",
       "regel 3: veld Vanaf: 'achttien' is geen leeftijd in jaren (0 tot 120)."},
      {"Buurthuis;organisatie;Koffie;;;;;;Straat 1;3563;Utrecht;;;;;;\n",
       "regel 3: veld Postcode: '3563' is geen postcode (zoals 3581 KP)."},
      {"Buurthuis;organisatie;Koffie;;;;;;Straat 1;;;;;;;;\n",
       "regel 3: veld Plaats: leeg; een adres heeft een plaats nodig."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;52,1;;;;;\n",
       "regel 3: veld Lon: leeg; vul ook de lengtegraad in, of laat beide leeg."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;5,11;52,11;;;;\n",
       "regel 3: veld Lat: breedtegraad en lengtegraad lijken verwisseld (in Nederland is de breedtegraad ongeveer 51 "
       "tot 53,5)."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;;;op afspraak;;;\n",
       "regel 3: veld Open: 'op afspraak' is niet te lezen als openingstijd; schrijf bv. di 09:00-12:00; do "
       "13:00-16:00."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;;;;Nergenshuizen;;\n",
       "regel 3: veld Werkgebied: 'Nergenshuizen' is geen bekend gebied; gebruik de naam of de CBS-code (zoals "
       "WK034403)."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;;;;BU99999999;;\n",
       "regel 3: veld Werkgebied: 'BU99999999' is geen bekend gebied."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;;;;;bel ons;\n",
       "regel 3: veld Telefoon: 'bel ons' is geen telefoonnummer (zoals 030 000 00 01)."},
      {"Buurthuis;organisatie;Koffie;;;;;;;;;;;;;;info@\n",
       "regel 3: veld E-mail: 'info@' is geen e-mailadres (zoals info@example.nl)."},
      {"Buurthuis De Voorbeeldhoek;organisatie;koffieochtend;;;;;;;;;;;;;;\n",
       "regel 3: veld Aanbod: 'koffieochtend' van 'Buurthuis De Voorbeeldhoek' staat al op regel 2; geef elk aanbod "
       "van een partij een eigen naam."},
  };
  auto db = testing::OpenDemoMap();
  const std::int64_t before = CountSocialMapRows(*db);
  for (const RefusalCase& c : cases) {
    const std::string csv = kHeader + kGoodRow + c.row;
    for (bool check : {true, false}) {
      SpreadsheetFile file{csv, "kaart.csv"};
      auto r = check ? CheckSpreadsheet(*db, testing::Wijkwerker(), file, SmallMapping())
                     : ImportSpreadsheet(*db, testing::Wijkwerker(), file, SmallMapping());
      ASSERT_FALSE(r.has_value()) << c.row;
      EXPECT_EQ(r.error().code, ErrorCode::kBadInput);
      EXPECT_EQ(r.error().Describe(), "kaart.csv: 1 regel geweigerd; er is niets geïmporteerd.\n" + c.refusal);
    }
  }
  EXPECT_EQ(CountSocialMapRows(*db), before);
}

TEST(ImportSpreadsheet, ListsAllRefusalsOfAllRowsInLineOrder) {
  auto db = testing::OpenDemoMap();
  const std::string csv =
      kHeader + "Buurthuis;organisatie;Koffie;;wmoo;;abc;;;;;;;;;;\n\n" + kGoodRow + ";;Thee;;;;;;;;;;;;;;\n";
  auto r = ImportSpreadsheet(*db, testing::Wijkwerker(), SpreadsheetFile{csv, "kaart.csv"}, SmallMapping());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message,
            "3 regels geweigerd; er is niets geïmporteerd.\n"
            "regel 2: veld Wet: 'wmoo' is geen wet; kies uit wmo, zvw, wlz, jeugdwet, participatiewet, omgevingswet.\n"
            "regel 2: veld Vanaf: 'abc' is geen leeftijd in jaren (0 tot 120).\n"
            "regel 5: veld Organisatie: leeg; elke rij heeft de naam van de organisatie nodig.");
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_party"), 0);
}

TEST(ImportSpreadsheet, ReusesAPartyOfTheSameNameAndSkipsItsServicesAlreadyOnTheMap) {
  auto db = testing::OpenDemoMap();
  auto existing = CreateParty(*db, testing::Wijkwerker(), testing::FictionalParty("buurthuis de voorbeeldhoek"));
  ASSERT_TRUE(existing.has_value()) << existing.error().Describe();
  auto coffee = CreateService(*db, testing::Wijkwerker(), testing::FictionalService(existing->id, "Koffieochtend"));
  ASSERT_TRUE(coffee.has_value()) << coffee.error().Describe();
  const std::string csv = kHeader + kGoodRow + "Buurthuis De Voorbeeldhoek;organisatie;Computerhulp;;;;;;;;;;;;;;\n";
  auto summary = ImportSpreadsheet(*db, testing::Wijkwerker(), SpreadsheetFile{csv, "kaart.csv"}, SmallMapping());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->parties_created, 0);
  EXPECT_EQ(summary->parties_reused, 1);
  EXPECT_EQ(summary->services_created, 1);
  EXPECT_EQ(summary->services_skipped, 1);
  EXPECT_EQ(summary->warnings, (std::vector<std::string>{"regel 2: 'Koffieochtend' van 'Buurthuis De Voorbeeldhoek' "
                                                         "staat al op de kaart; overgeslagen."}));
  auto services = ServicesOfParty(*db, existing->id);
  ASSERT_TRUE(services.has_value());
  EXPECT_EQ(services->size(), 2u);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_party"), 1);
}

TEST(ImportSpreadsheet, NeedsTheRightToEditTheSocialMap) {
  auto db = testing::OpenDemoMap();
  auto r = ImportSpreadsheet(*db, testing::Lezer(), SpreadsheetFile{kHeader + kGoodRow, "kaart.csv"}, SmallMapping());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_party"), 0);
}

TEST(ImportSpreadsheet, AMappedColumnMissingFromTheHeaderIsNamed) {
  auto db = testing::OpenDemoMap();
  const std::string csv = "Organisatie;Aanbod\nBuurthuis;Koffie\n";
  auto r = CheckSpreadsheet(*db, testing::Wijkwerker(), SpreadsheetFile{csv, "kaart.csv"}, SmallMapping());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().Describe(),
            "kaart.csv:1: De kolommen 'Soort', 'Doelgroep', 'Wet', 'Toegang', 'Vanaf', 'Tot', 'Adres', 'Postcode', "
            "'Plaats', 'Lat', 'Lon', 'Open', 'Werkgebied', 'Telefoon', 'E-mail' uit de mapping staan niet in de "
            "kopregel.");
}

TEST(ImportSpreadsheet, ChecksWithoutWriting) {
  auto db = testing::OpenDemoMap();
  const std::int64_t before = CountSocialMapRows(*db);
  auto summary =
      CheckSpreadsheet(*db, testing::Wijkwerker(), SpreadsheetFile{kHeader + kGoodRow, "kaart.csv"}, SmallMapping());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->parties_created, 1);
  EXPECT_EQ(summary->services_created, 1);
  EXPECT_EQ(CountSocialMapRows(*db), before);
}

TEST(ImportSpreadsheet, AreasServedByCodeOrNameWithoutTheWijkNumber) {
  auto db = testing::OpenDemoMap();
  const std::string csv = kHeader + "Buurthuis;organisatie;Koffie;;;;;;;;;;;;\"Overvecht; wk034404 , Ondiep\";;\n";
  auto m = SmallMapping();
  auto summary = ImportSpreadsheet(*db, testing::Wijkwerker(), SpreadsheetFile{csv, "kaart.csv"}, m);
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  auto s = GetService(*db, QueryText(*db, "SELECT id FROM socialmap_service"));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->areas_served, (std::vector<std::string>{"WK034403", "WK034404", "BU03440222"}));
}

}  // namespace
}  // namespace wk::socialmap
