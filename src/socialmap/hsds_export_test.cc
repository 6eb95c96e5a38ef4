#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "hsds_own_fields.h"
#include "hsds_test_support.h"
#include "wk/socialmap/hsds.h"

namespace wk::socialmap {
namespace {

using namespace hsds_testing;

std::string WithoutCr(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != '\r') out += c;
  }
  return out;
}

// Imports `package` into a fresh database and exports it; returns the export's folder.
std::string ImportAndExport(const std::string& package, HsdsExportSummary* summary = nullptr) {
  auto db = MigratedDb();
  auto imported = ImportHsds(*db, Beheerder(), package);
  EXPECT_TRUE(imported.has_value()) << imported.error().Describe();
  auto dir = (NewTempDir() / "export").string();
  auto exported = ExportHsds(*db, Beheerder(), dir);
  EXPECT_TRUE(exported.has_value()) << exported.error().Describe();
  if (summary != nullptr && exported) *summary = *exported;
  return dir;
}

TEST(ExportHsds, WritesTheExampleAsItCameSaveLineEndsAndOurAdditions) {
  HsdsExportSummary summary;
  auto files = ReadFolder(ImportAndExport(ExampleCsv(), &summary));
  ASSERT_EQ(files.size(), 22u);
  EXPECT_EQ(summary.files.size(), 22u);
  EXPECT_EQ(summary.files.front(), "datapackage.json");
  EXPECT_EQ(summary.files[1], "organizations.csv");
  EXPECT_EQ(summary.key_figures_left_out, 0);
  // Our own party and service fields are attributes of wijkkompas-partij, which is exported with the terms used.
  const std::set<std::string> ours = {"datapackage.json", "attributes.csv", "taxonomies.csv", "taxonomy_terms.csv"};
  for (const auto& [name, bytes] : files) {
    if (ours.contains(name)) continue;
    EXPECT_EQ(bytes, WithoutCr(ReadFile(ExampleCsv() + "/" + name))) << name;
  }
  EXPECT_EQ(files["taxonomies.csv"],
            "id,name,description,uri,version\n"
            "21690b73-c987-540f-8fe4-98ac01d8d483,wijkkompas-partij,Soort partij en gegevens die HSDS bij een "
            "organisatie niet kent (Wijkkompas).,,\n"
            "5c4d79d7-cc55-470e-9f1f-8cad074e4892,name,description,http://example.com,version\n");
  const std::string party = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", service = "ac148810-d857-441c-9679-408f346de14b";
  std::vector<std::string> rows = {
      hsds::DerivedId(party, "bron") + "," + party +
          ",1aeed0fd-ef8a-5566-add9-0697013fcc59,organization,"
          "organization,HSDS-import examples_csv",
      hsds::DerivedId(service, "bron") + "," + service +
          ",1aeed0fd-ef8a-5566-add9-0697013fcc59,service,service,"
          "HSDS-import examples_csv",
      hsds::DerivedId(party, "organisatie") + "," + party +
          ",0f451044-5066-501d-ace2-bb3f87964f9d,organization,"
          "organization,",
      hsds::DerivedId(party, "formeel") + "," + party +
          ",37862a2e-70f9-58af-ac38-192dadcd3a18,organization,"
          "organization,",
      "ae58cc39-8b70-4ab1-8aea-786882e5ac8e,f28dd44b-0c4d-479f-8e90-4c52219a8b3c,3f7b145d-84af-42d7-8fae-eaca714b02b2,"
      "link_type,link_entity,value",
  };
  std::sort(rows.begin(), rows.end());
  std::string expected = "id,link_id,taxonomy_term_id,link_type,link_entity,value\n";
  for (const auto& r : rows) expected += r + "\n";
  EXPECT_EQ(files["attributes.csv"], expected);
}

TEST(ExportHsds, ExportImportExportIsByteIdentical) {
  for (const std::string& package : {ExampleCsv(), TestData("hsds-voorbeeldhoek"), ExampleJson()}) {
    SCOPED_TRACE(package);
    auto first = ImportAndExport(package);
    auto second = ImportAndExport(first);
    ExpectSameFolders(first, second);
  }
}

TEST(ExportHsds, DerivesTheIdsOfOwnFieldAttributesFromPartyAndTerm) {
  const std::string id = hsds::DerivedId("936ad064-37e1-4504-9375-72a860505a7c", "initiatief");
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << id;
  EXPECT_EQ(id, hsds::DerivedId("936ad064-37e1-4504-9375-72a860505a7c", "initiatief"));
  EXPECT_NE(id, hsds::DerivedId("936ad064-37e1-4504-9375-72a860505a7c", "organisatie"));
  EXPECT_NE(id, hsds::DerivedId("fb54c644-f7bf-4a2b-afac-44882169f11b", "initiatief"));
}

TEST(ExportHsds, LeavesOutAKeyFigureWithoutConsentAndWhatBelongsToIt) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportHsds(*db, Beheerder(), TestData("hsds-voorbeeldhoek")).has_value());
  auto dir = (NewTempDir() / "export").string();
  auto summary = ExportHsds(*db, Beheerder(), dir);
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->key_figures_left_out, 1);
  std::string all;
  for (const auto& [name, bytes] : ReadFolder(dir)) all += bytes;
  // The key figure, its service, phone, the service's contact, domain link and history.
  for (const char* id : {"fb54c644-f7bf-4a2b-afac-44882169f11b", "47ffc147-da7e-4f42-91e8-fca08e4d50b6",
                         "bcf21ab2-52a9-49a3-bc30-8bfb44edf784", "a43526d6-315d-47fe-9ae4-684b2ff7ff2f",
                         "9097a0a7-7364-4a44-9122-453addd46eef", "8e293166-4bf8-4cd5-a11c-5fb93b559db9",
                         "Mevrouw Voorbeeld", "Boodschappenhulp"}) {
    EXPECT_EQ(all.find(id), std::string::npos) << id;
  }
  EXPECT_NE(all.find("Buurthuis De Voorbeeldhoek"), std::string::npos);
  EXPECT_NE(all.find("Inloopochtend voor ouderen"), std::string::npos);

  // With consent to publish the key figure and its service are exported.
  ASSERT_TRUE(db->Exec("UPDATE socialmap_party SET consent_publish = 1, consent_date = '2026-11-01', consent_purpose = "
                       "'test' WHERE kind = 'sleutelfiguur'")
                  .has_value());
  auto again = ExportHsds(*db, Beheerder(), dir);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->key_figures_left_out, 0);
  EXPECT_NE(ReadFile(dir + "/organizations.csv").find("Mevrouw Voorbeeld"), std::string::npos);
  EXPECT_NE(ReadFile(dir + "/services.csv").find("Boodschappenhulp"), std::string::npos);
}

TEST(ExportHsds, LeavesOutArchivedServicesWithTheirLocationsLinksAndSchedules) {
  auto db = MigratedDb();
  ASSERT_TRUE(ImportHsds(*db, Beheerder(), TestData("hsds-voorbeeldhoek")).has_value());
  ASSERT_TRUE(db->Exec("UPDATE socialmap_service SET archived_at = '2026-11-02T10:00:00Z' WHERE name = "
                       "'Inloopochtend voor ouderen'")
                  .has_value());
  auto dir = (NewTempDir() / "export").string();
  ASSERT_TRUE(ExportHsds(*db, Beheerder(), dir).has_value());
  EXPECT_EQ(ReadFile(dir + "/services.csv").find("Inloopochtend"), std::string::npos);
  EXPECT_EQ(ReadFile(dir + "/service_at_location.csv"), "id,service_id,location_id,description\n");
  EXPECT_EQ(ReadFile(dir + "/schedules.csv").find("2c3f669a"), std::string::npos);
  EXPECT_EQ(ReadFile(dir + "/attributes.csv").find("af8d7eeb-f487-46f2-887b-529edcb7389d"), std::string::npos);
  EXPECT_EQ(ReadFile(dir + "/metadata.csv").find("c3671751"), std::string::npos);
  // The party stays, with its location.
  EXPECT_NE(ReadFile(dir + "/organizations.csv").find("Buurthuis De Voorbeeldhoek"), std::string::npos);
  EXPECT_NE(ReadFile(dir + "/locations.csv").find("4df21fb1"), std::string::npos);
}

TEST(ExportHsds, KeepsCustomColumnsAndListsThemInTheDatapackage) {
  auto package =
      CopyWithChange(TestData("hsds-voorbeeldhoek"), "organizations.csv", "id,name,description,email,website\n",
                     "id,name,description,email,website,wijk_notitie\n");
  // Both rows need the extra field now.
  auto path = package + "/organizations.csv";
  auto bytes = ReadFile(path);
  bytes.replace(bytes.find("https://example.nl/voorbeeldhoek\n"), 33,
                "https://example.nl/voorbeeldhoek,\"Open, gezellig\"\n");
  bytes.replace(bytes.find("sleutelfiguur),,,\n"), 18, "sleutelfiguur),,,,\n");
  WriteFile(path, bytes);
  auto first = ImportAndExport(package);
  auto organizations = ReadFile(first + "/organizations.csv");
  EXPECT_EQ(organizations.substr(0, organizations.find('\n')),
            "id,name,alternate_name,description,email,website,tax_status,tax_id,year_incorporated,legal_status,logo,"
            "uri,parent_organization_id,wijk_notitie");
  EXPECT_NE(organizations.find(",\"Open, gezellig\"\n"), std::string::npos);
  auto datapackage = nlohmann::json::parse(ReadFile(first + "/datapackage.json"));
  EXPECT_EQ(datapackage["resources"][0]["schema"]["fields"].back(),
            (nlohmann::json{{"name", "wijk_notitie"}, {"type", "string"}}));
  ExpectSameFolders(first, ImportAndExport(first));
}

}  // namespace
}  // namespace wk::socialmap
