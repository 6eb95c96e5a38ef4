#include <gtest/gtest.h>

#include <algorithm>

#include "hsds_test_support.h"
#include "test_support.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/hsds.h"
#include "wk/socialmap/socialmap.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using namespace hsds_testing;

const std::string kExampleCounts =
    "socialmap_party=1 socialmap_service=1 socialmap_location=1 socialmap_location_rtree=0 socialmap_address=1 "
    "socialmap_service_at_location=1 socialmap_schedule=1 socialmap_service_area=1 socialmap_contact=1 "
    "socialmap_phone=1 socialmap_language=1 socialmap_taxonomy=1 socialmap_taxonomy_term=1 socialmap_attribute=1 "
    "socialmap_metadata=1 socialmap_hsds_row=7 audit_entry=1";

TEST(ImportHsds, ImportsTheHsdsExamplePackageRowByRow) {
  auto db = MigratedDb();
  auto summary = ImportHsds(*db, Beheerder(), ExampleCsv());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->source, ExampleCsv());
  EXPECT_EQ(summary->organizations, 1);
  EXPECT_EQ(summary->services, 1);
  EXPECT_EQ(summary->locations, 1);
  EXPECT_EQ(summary->other_rows, 18);
  EXPECT_EQ(summary->warnings.size(), 9u);  // their texts: ValidateHsds's test
  EXPECT_EQ(RowCounts(*db), kExampleCounts);
  // Its one location lies at latitude 100: no point to search near (migration 0006).
  EXPECT_EQ(testing::CheckServicePoints(*db).differing, 0);
  EXPECT_EQ(QueryText(*db, "SELECT count(*) FROM socialmap_service_point"), "0");
  // The seven tables the model does not use are kept row by row.
  EXPECT_EQ(QueryText(*db,
                      "SELECT group_concat(table_name, ' ') FROM (SELECT table_name FROM socialmap_hsds_row "
                      "ORDER BY table_name)"),
            "accessibility cost_option funding meta_table_description organization_identifier program "
            "required_document");
  EXPECT_EQ(QueryText(*db, "SELECT json FROM socialmap_hsds_row WHERE table_name = 'cost_option'"),
            R"({"id":"1fdf4d39-3d80-484d-9f92-a8ffa08621e7","service_id":"ac148810-d857-441c-9679-408f346de14b",)"
            R"("valid_from":"2020-01-01","valid_to":"2022-12-31","option":"Under 18s and Over 60s","currency":"gbp",)"
            R"("amount":"35","amount_description":"per 1 hour session"})");
  auto audit = store::RecentAudit(*db, 1);
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ((*audit)[0].action, "socialmap.import_hsds");
  EXPECT_EQ((*audit)[0].actor, "cli:tester");
  EXPECT_EQ((*audit)[0].record_id, "examples_csv");
  EXPECT_EQ((*audit)[0].detail, R"({"locations":1,"organizations":1,"other_rows":18,"services":1,"warnings":9})");
}

TEST(ImportHsds, StoresTheValuesInTheModelledColumns) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportHsds(*db, Beheerder(), ExampleCsv()).has_value());
  EXPECT_EQ(QueryText(*db,
                      "SELECT name || '|' || year_incorporated || '|' || kind || '|' || formal || '|' || source "
                      "|| '|' || consent_publish FROM socialmap_party"),
            "Example Organization Inc.|2011.0|organisatie|1|HSDS-import examples_csv|0");
  EXPECT_EQ(QueryText(*db,
                      "SELECT minimum_age || '|' || maximum_age || '|' || assured_date || '|' || last_modified "
                      "FROM socialmap_service"),
            "12.0|100.0|2005-01-01|2023-03-15T10:30:45.123Z");
  // The example's point (latitude 100) is kept, without a buurt and outside the R*Tree.
  EXPECT_EQ(QueryText(*db,
                      "SELECT latitude || '|' || longitude || '|' || ifnull(area_code, 'NULL') FROM "
                      "socialmap_location"),
            "100.0|101.0|NULL");
  EXPECT_EQ(QueryText(*db, "SELECT number || '|' || extension FROM socialmap_phone"), "\"+44 1234 234567\"|100.0");
  EXPECT_EQ(QueryText(*db, "SELECT description FROM socialmap_service"),
            "Counselling Services provided by trained professionals. Suitable for people with mental health conditions "
            "such as anxiety, depression, or eating disorders as well as people experiencing difficult life events and "
            "circumstances. ");
  EXPECT_EQ(QueryText(*db, "SELECT changed_at IS NULL FROM socialmap_metadata"), "1");
}

TEST(ImportHsds, AppliesOwnPartyFieldsAndLocatesTheBuurt) {
  auto db = MigratedDb();
  ASSERT_TRUE(areas::LoadDemo(*db, Beheerder()).has_value());
  auto summary = ImportHsds(*db, Beheerder(), TestData("hsds-voorbeeldhoek"));
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(QueryText(*db,
                      "SELECT kind || '|' || formal || '|' || source || '|' || assured_date FROM socialmap_party "
                      "WHERE name = 'Buurthuis De Voorbeeldhoek'"),
            "initiatief|0|Gesprek met de coördinator (fictief)|2026-10-01");
  EXPECT_EQ(QueryText(*db,
                      "SELECT kind || '|' || consent_publish || '|' || source FROM socialmap_party WHERE id = "
                      "'fb54c644-f7bf-4a2b-afac-44882169f11b'"),
            "sleutelfiguur|0|");  // with own-field attributes a party brings its own source, here none
  // A party without them (the HSDS example's) gets the package as its source: ImportHsds's first test.
  // The own-field attributes became columns; the domain, target group and access route links stay rows.
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM socialmap_attribute"), "4");
  EXPECT_EQ(QueryText(*db, "SELECT area_code FROM socialmap_location"), "BU03440121");
  // The R*Tree keeps 32-bit floats, rounded outwards: its box holds the point.
  EXPECT_EQ(QueryText(*db,
                      "SELECT COUNT(*) FROM socialmap_location_rtree JOIN socialmap_location USING (rid) WHERE "
                      "min_lon <= 5.1035 AND max_lon >= 5.1035 AND min_lat <= 52.0921 AND max_lat >= 52.0921"),
            "1");
  // The service's point for "near" searches, with its words (migration 0006).
  const auto points = testing::CheckServicePoints(*db);
  EXPECT_EQ(points.differing, 0);
  EXPECT_EQ(points.expected, 1);
  EXPECT_EQ(QueryText(*db, "SELECT count(*) FROM socialmap_service_point WHERE words <> '' AND tokens > 0"), "1");
  EXPECT_EQ(QueryText(*db, "SELECT number_key FROM socialmap_phone WHERE id = '271ad6c7-d0bf-48fb-a20b-d23b7b29d912'"),
            NormalisePhone("030 000 00 01"));
  EXPECT_EQ(summary->warnings,
            std::vector<std::string>{"organizations.csv:3: sleutelfiguur 'Mevrouw Voorbeeld (fictieve sleutelfiguur)': "
                                     "toestemming voor publicatie wordt niet overgenomen; leg die vast voordat de "
                                     "partij in een export of onder /hsds/ verschijnt."});
}

TEST(ImportHsds, ReplacesRowsWithAnExistingIdAndKeepsTheirRid) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportHsds(*db, Beheerder(), ExampleCsv()).has_value());
  const std::string rid = QueryText(*db, "SELECT rid FROM socialmap_service");
  auto changed = CopyWithChange(ExampleCsv(), "services.csv", "Community Counselling", "Buurtgesprekken");
  ASSERT_TRUE(ImportHsds(*db, Beheerder(), changed).has_value());
  EXPECT_EQ(QueryText(*db, "SELECT rid || '|' || name FROM socialmap_service"), rid + "|Buurtgesprekken");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM socialmap_service"), "1");
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM audit_entry"), "2");
}

TEST(ImportHsds, ResolvesReferencesToRowsAlreadyOnTheSocialMap) {
  // A package of only a service names an organization imported before.
  auto db = MigratedDb();
  ASSERT_TRUE(ImportHsds(*db, Beheerder(), ExampleCsv()).has_value());
  auto dir = NewTempDir();
  WriteFile((dir / "services.csv").string(),
            "id,organization_id,name,status\n"
            "9d7cb3b4-1f0e-4b8f-8a57-0f0f1b1c2d3e,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Tweede dienst,active\n");
  auto summary = ImportHsds(*db, Beheerder(), dir.string());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(QueryText(*db, "SELECT COUNT(*) FROM socialmap_service"), "2");
  // Without the database the same package is refused.
  auto alone = ValidateHsds(dir.string());
  ASSERT_FALSE(alone.has_value());
  EXPECT_EQ(alone.error().field, "organization_id");
}

TEST(ImportHsds, RefusesAnInvalidPackageAndWritesNothing) {
  struct Case {
    std::string name, file, from, to;
    std::string location, field, message;
  };
  const std::string org = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
  const Case cases[] = {
      {"bad uuid", "services.csv", "ac148810-d857-441c-9679-408f346de14b,", "ac148810-d857,", "services.csv:2", "id",
       "Geen geldige UUID: 'ac148810-d857'."},
      {"bad email", "organizations.csv", "email@example.com", "email.example.com", "organizations.csv:2", "email",
       "Geen geldig e-mailadres: 'email.example.com'."},
      {"missing required field", "services.csv", "Community Counselling", "", "services.csv:2", "name",
       "Verplicht veld ontbreekt."},
      {"wrong type", "services.csv", ",12,100,", ",twaalf,100,", "services.csv:2", "minimum_age",
       "Geen getal: 'twaalf'."},
      {"dangling service.organization_id", "services.csv", org, "5b0f3c36-1d7e-4e39-9d6b-1f1d8e2a9c40",
       "services.csv:2", "organization_id",
       "Verwijst naar organisatie '5b0f3c36-1d7e-4e39-9d6b-1f1d8e2a9c40', die niet in het pakket of de sociale kaart "
       "staat."},
      {"unclosed quote", "phones.csv", "\"\"\"+44 1234 234567\"\"\"", "\"\"\"+44 1234 234567", "phones.csv:2", "",
       "Een aanhalingsteken wordt niet gesloten."},
      {"value outside the enumeration", "services.csv", ",active,", ",open,", "services.csv:2", "status",
       "Waarde 'open' is niet toegestaan; toegestaan: active, inactive, defunct, temporarily closed."},
      {"impossible date", "services.csv", "2005-01-01", "2005-02-30", "services.csv:2", "assured_date",
       "Geen geldige datum (JJJJ-MM-DD): '2005-02-30'."},
      {"bad time", "schedules.csv", "10:00:00", "10.00", "schedules.csv:2", "opens_at",
       "Geen geldige tijd (UU:MM of UU:MM:SS): '10.00'."},
      {"bad uri", "locations.csv", "physical,http://example.com", "physical,example dot com", "locations.csv:2", "url",
       "Geen geldige URI (zoals https://example.org): 'example dot com'."},
      {"dangling service_at_location.location_id", "service_at_location.csv", ",3a19ff88-4620-4d17-9830-ac1d859eb5d5,",
       ",0e3c8d9a-47b4-4f0e-a3a4-6b7c1f7e2d11,", "service_at_location.csv:2", "location_id",
       "Verwijst naar locatie '0e3c8d9a-47b4-4f0e-a3a4-6b7c1f7e2d11', die niet in het pakket of de sociale kaart "
       "staat."},
      {"address without location", "addresses.csv", ",3a19ff88-4620-4d17-9830-ac1d859eb5d5,", ",,", "addresses.csv:2",
       "location_id", "Verplicht veld ontbreekt: een adres hoort bij een locatie."},
      {"duplicate id", "organizations.csv", "\r\n", "\r\n" + org + ",Tweede,,x,,,,,,,,,\r\n", "organizations.csv:3",
       "id", "Id '" + org + "' komt twee keer voor; eerder op organizations.csv:2."},
      {"row longer than the header", "funding.csv", ",This service", ",extra,This service", "funding.csv:2", "",
       "De rij heeft 5 velden, de kopregel 4."},
      {"own field without a date", "attributes.csv", "ae58cc39-8b70-4ab1-8aea-786882e5ac8e,",
       "ae58cc39-8b70-4ab1-8aea-786882e5ac8e,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,"
       "cdbf67d0-0811-53e0-b0dc-8756383e6f92,wijkkompas-partij,organization,gisteren\r\n"
       "1c9f7f53-3d3c-4f73-8a6c-5ad1e6d1f0a2,",
       "attributes.csv:2", "value", "Geen geldige datum (JJJJ-MM-DD): 'gisteren'."},
      {"two kinds for one party", "attributes.csv", "ae58cc39-8b70-4ab1-8aea-786882e5ac8e,",
       "0d3c5a8e-8f4b-4f5e-9b7a-2f1e6c3d4b5a,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,"
       "0f451044-5066-501d-ace2-bb3f87964f9d,organization,organization,\r\n"
       "1c9f7f53-3d3c-4f73-8a6c-5ad1e6d1f0a2,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,"
       "587cbafd-cfba-5956-9a06-e4806eae7c43,organization,organization,\r\n"
       "ae58cc39-8b70-4ab1-8aea-786882e5ac8e,",
       "attributes.csv:3", "value", "Tegenstrijdig: de soort partij is al 'organisatie', hier 'initiatief'."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto db = MigratedDb();
    ASSERT_TRUE(ImportHsds(*db, Beheerder(), ExampleCsv()).has_value());
    const std::string before = RowCounts(*db);
    auto dir = CopyWithChange(ExampleCsv(), c.file, c.from, c.to);
    auto result = ImportHsds(*db, Beheerder(), dir);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(result.error().location, c.location);
    EXPECT_EQ(result.error().field, c.field);
    EXPECT_EQ(result.error().message, c.message);
    EXPECT_EQ(RowCounts(*db), before);
    // The check alone finds the same problem.
    auto checked = ValidateHsds(dir);
    ASSERT_FALSE(checked.has_value());
    EXPECT_EQ(checked.error().Describe(), result.error().Describe());
  }
}

TEST(ImportHsds, ReportsProgressOverTheRows) {
  auto db = MigratedDb();
  std::vector<std::pair<std::int64_t, std::int64_t>> calls;
  auto summary = ImportHsds(*db, Beheerder(), ExampleCsv(),
                            [&](std::int64_t done, std::int64_t total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(summary.has_value());
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.back(), (std::pair<std::int64_t, std::int64_t>{21, 21}));
}

TEST(ImportHsds, TakesADailyScheduleWithAWarning) {
  // HSDS 3.0 knows WEEKLY and MONTHLY only; RFC 5545's DAILY every two days has no HSDS form.
  auto dir = CopyWithChange(ExampleCsv(), "schedules.csv", ",TU,WEEKLY,1,", ",TU,DAILY,2,");
  auto db = MigratedDb();
  auto summary = ImportHsds(*db, Beheerder(), dir);
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->warnings.front(),
            "schedules.csv:2: freq DAILY staat niet in HSDS 3.0; overgenomen zoals RFC 5545 "
            "het bedoelt.");
  EXPECT_EQ(QueryText(*db, "SELECT freq || '|' || interval FROM socialmap_schedule"), "DAILY|2.0");
  // Other values outside the enumeration are still refused.
  auto other = ValidateHsds(CopyWithChange(ExampleCsv(), "schedules.csv", ",TU,WEEKLY,1,", ",TU,YEARLY,1,"));
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().message, "Waarde 'YEARLY' is niet toegestaan; toegestaan: WEEKLY, MONTHLY.");
}

TEST(ImportHsds, NeedsThePermissionToManageTheSocialMap) {
  auto db = MigratedDb();
  const std::string before = RowCounts(*db);
  auto result = ImportHsds(*db, Lezer(), ExampleCsv());
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(result.error().message, "Alleen een beheerder of coördinator mag een HSDS-pakket importeren.");
  EXPECT_EQ(RowCounts(*db), before);
}

TEST(ImportHsds, ImportsTheHsdsJsonExamples) {
  // The folder's objects repeat one organization, service and location; they become one row each.
  auto db = MigratedDb();
  auto summary = ImportHsds(*db, Beheerder(), ExampleJson());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->organizations, 1);
  EXPECT_EQ(summary->services, 1);
  EXPECT_EQ(summary->locations, 1);
  // Every table of the CSV example but meta_table_descriptions, which no JSON object nests.
  std::string counts = kExampleCounts;
  counts.replace(counts.find("socialmap_hsds_row=7"), 20, "socialmap_hsds_row=6");
  EXPECT_EQ(RowCounts(*db), counts);
  // base.json (the API root) and tabular.json hold no HSDS object.
  EXPECT_EQ(summary->warnings.front(),
            "base.json: bevat geen HSDS-object (geen id en geen contents) en is overgeslagen.");
  EXPECT_NE(std::find(summary->warnings.begin(), summary->warnings.end(),
                      "tabular.json: bevat geen HSDS-object (geen id en geen contents) en is overgeslagen."),
            summary->warnings.end());
  // The example files disagree on a few values of the same object: the first file (by name) wins, with a warning.
  EXPECT_NE(std::find(summary->warnings.begin(), summary->warnings.end(),
                      "organization_full.json#/locations/0/schedules/0: rooster 48102e86-bb50-41c4-8f1e-e269368c41d1 "
                      "staat er al met een andere waarde voor opens_at (location.json#/schedules/0); die eerste "
                      "waarde geldt."),
            summary->warnings.end());
}

TEST(ImportHsds, ImportsOneHsdsJsonObjectWithWhatItNests) {
  auto db = MigratedDb();
  auto summary = ImportHsds(*db, Beheerder(), ExampleJson() + "/service_full.json");
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->services, 1);
  EXPECT_EQ(summary->organizations, 1);
  // The nesting gives the links a CSV row carries itself.
  EXPECT_EQ(QueryText(*db, "SELECT organization_id FROM socialmap_service"), "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_EQ(QueryText(*db, "SELECT service_id || '|' || location_id FROM socialmap_service_at_location"),
            "ac148810-d857-441c-9679-408f346de14b|3a19ff88-4620-4d17-9830-ac1d859eb5d5");
  EXPECT_EQ(QueryText(*db, "SELECT contact_id || '|' || service_id FROM socialmap_phone"),
            "1e7efce3-639b-4880-940c-b95cd30cdb50|ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ(QueryText(*db, "SELECT link_id || '|' || link_entity FROM socialmap_attribute"),
            "ac148810-d857-441c-9679-408f346de14b|link_entity");  // link_id from the nesting; the example sets
                                                                  // link_entity itself
  EXPECT_EQ(QueryText(*db, "SELECT taxonomy_id FROM socialmap_taxonomy_term"), "5c4d79d7-cc55-470e-9f1f-8cad074e4892");
}

TEST(ImportHsds, RefusesAJsonObjectWithTheJsonPointerOfTheProblem) {
  auto dir = CopyWithChange(ExampleJson(), "service_full.json", "\"extent\": \"extent\"", "\"extent\": 5");
  auto result = ValidateHsds(dir + "/service_full.json");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().location, "service_full.json#/service_areas/0");
  EXPECT_EQ(result.error().field, "extent");
  EXPECT_EQ(result.error().message, "Verwacht tekst; gevonden: 5.");
}

}  // namespace
}  // namespace wk::socialmap
