#include "hsds_validate.h"

#include <gtest/gtest.h>

#include "hsds_tables.h"
#include "hsds_test_support.h"
#include "wk/socialmap/hsds.h"

namespace wk::socialmap::hsds {
namespace {

using namespace hsds_testing;

TEST(HsdsFormats, TellValidFromInvalidText) {
  struct Case {
    bool (*check)(std::string_view);
    std::string_view text;
    bool valid;
  };
  const Case cases[] = {
      {IsUuid, "ac148810-d857-441c-9679-408f346de14b", true},
      {IsUuid, "AC148810-D857-441C-9679-408F346DE14B", true},
      {IsUuid, "ac148810d857441c9679408f346de14b", false},
      {IsUuid, "ac148810-d857-441c-9679-408f346de14", false},
      {IsUuid, "gc148810-d857-441c-9679-408f346de14b", false},
      {IsEmail, "email@example.com", true},
      {IsEmail, "wijk.werker+test@example.nl", true},
      {IsEmail, "email.example.com", false},
      {IsEmail, "a@b", false},
      {IsEmail, "a b@example.nl", false},
      {IsEmail, "a@@example.nl", false},
      {IsEmail, "a@-example.nl", false},
      {IsUri, "http://example.com", true},
      {IsUri, "https://example.nl/pad?x=1#y", true},
      {IsUri, "mailto:info@example.nl", true},
      {IsUri, "example.com", false},
      {IsUri, "http://example.com/a b", false},
      {IsUri, "1http://example.com", false},
      {IsUri, "http://example.com/%zz", false},
      {IsDate, "2005-01-01", true},
      {IsDate, "2024-02-29", true},
      {IsDate, "2023-02-29", false},
      {IsDate, "2005-13-01", false},
      {IsDate, "2005-1-01", false},
      {IsDate, "01-01-2005", false},
      {IsTime, "10:00", true},
      {IsTime, "10:00:00", true},
      {IsTime, "09:00-05:00", true},
      {IsTime, "09:00Z", true},
      {IsTime, "24:00", false},
      {IsTime, "9:00", false},
      {IsTime, "10:60", false},
      {IsDateTime, "2023-03-15T10:30:45.123Z", true},
      {IsDateTime, "2026-11-29T10:15:02+01:00", true},
      {IsDateTime, "2023-03-15T10:30:45", false},
      {IsDateTime, "2023-03-15 10:30:45Z", false},
      {IsDateTime, "2023-03-15T10:30Z", false},
  };
  for (const auto& c : cases) EXPECT_EQ(c.check(c.text), c.valid) << c.text;
}

TEST(HsdsTables, FollowTheDatapackageOrderWithTheSchemaRequirements) {
  ASSERT_EQ(Tables().size(), 21u);
  EXPECT_EQ(Tables().front().name, "organization");
  EXPECT_EQ(Tables().back().name, "taxonomy");
  const Table* service = FindTable("service");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->file, "services.csv");
  EXPECT_EQ(service->fields.size(), 23u);
  EXPECT_EQ(service->fields[1].name, "organization_id");
  EXPECT_TRUE(service->fields[1].required);  // tabular_required
  EXPECT_EQ(service->fields[1].format, Format::kUuid);
  EXPECT_EQ(FindField(*service, "minimum_age")->type, FieldType::kNumber);
  EXPECT_EQ(FindField(*service, "assured_date")->format, Format::kDate);
  EXPECT_EQ(FindField(*service, "last_modified")->format, Format::kDateTime);
  EXPECT_EQ(FindField(*service, "status")->allowed,
            (std::vector<std::string>{"active", "inactive", "defunct", "temporarily closed"}));
  EXPECT_TRUE(FindTable("organization")->modelled);
  EXPECT_FALSE(FindTable("funding")->modelled);
  // Every reference names a field and a table that exist.
  for (const Reference& ref : References()) {
    const Table* table = FindTable(ref.table);
    ASSERT_NE(table, nullptr) << ref.table;
    EXPECT_NE(FindField(*table, ref.field), nullptr) << ref.table << "." << ref.field;
    if (!ref.target.empty()) {
      EXPECT_NE(FindTable(ref.target), nullptr) << ref.target;
    }
  }
}

TEST(ValidateHsds, AcceptsTheExamplePackageWithWarningsForItsDanglingCrossLinks) {
  auto summary = ValidateHsds(ExampleCsv());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  EXPECT_EQ(summary->organizations, 1);
  EXPECT_EQ(summary->services, 1);
  EXPECT_EQ(summary->locations, 1);
  EXPECT_EQ(summary->other_rows, 18);
  const std::vector<std::string> expected = {
      "organizations.csv:2: parent_organization_id verwijst naar organisatie 'cd09a387-91f4-4555-94ec-e799c35344cd', "
      "die niet in het pakket staat; de verwijzing blijft bewaard.",
      "attributes.csv:2: link_id is niet gecontroleerd: link_entity 'link_entity' is geen HSDS-tabel.",
      "locations.csv:2: organization_id verwijst naar organisatie '985e4a42-bd9f-4edc-911d-0243a4640aca', die niet in "
      "het pakket staat; de verwijzing blijft bewaard.",
      "contacts.csv:2: organization_id verwijst naar organisatie 'ae67a707-5893-4225-b0b1-320ab9cb596b', die niet in "
      "het pakket staat; de verwijzing blijft bewaard.",
      "contacts.csv:2: service_at_location_id verwijst naar dienst op locatie "
      "'93eaf18d-1cd2-4ec7-bffb-3c9172ee5070', die niet in het pakket staat; de verwijzing blijft bewaard.",
      "taxonomy_terms.csv:2: parent_id verwijst naar taxonomieterm '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2', die niet "
      "in het pakket staat; de verwijzing blijft bewaard.",
      "taxonomy_terms.csv:2: taxonomy_id verwijst naar taxonomie '07ff6aee-a219-438c-b694-d2fcb6c5373b', die niet in "
      "het pakket staat; de verwijzing blijft bewaard.",
      "metadata.csv:2: resource_id verwijst naar locatie '38960354-e7d2-4cfa-a368-820f729d6ccf', die niet in het "
      "pakket staat; de verwijzing blijft bewaard.",
      "locations.csv:2: latitude 100 en longitude 101 vormen geen geldig WGS84-punt; de waarden zijn bewaard, de "
      "locatie krijgt geen buurt.",
  };
  EXPECT_EQ(summary->warnings, expected);
}

TEST(ValidateHsds, AcceptsTheDatapackageJsonItselfAndAFolderWithoutOne) {
  auto descriptor = ValidateHsds(ExampleCsv() + "/datapackage.json");
  ASSERT_TRUE(descriptor.has_value()) << descriptor.error().Describe();
  EXPECT_EQ(descriptor->services, 1);
  auto folder = ValidateHsds(TestData("hsds-voorbeeldhoek"));
  ASSERT_TRUE(folder.has_value()) << folder.error().Describe();
  EXPECT_EQ(folder->organizations, 2);
  EXPECT_EQ(folder->services, 2);
}

TEST(ValidateHsds, RefusesAPathThatIsNoPackage) {
  auto missing = ValidateHsds("/nonexistent/hsds");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto empty = ValidateHsds(NewTempDir().string());
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(empty.error().message,
            "Geen HSDS-pakket: geen datapackage.json, HSDS-CSV-bestanden of JSON-bestanden in de map.");
}

TEST(ValidateHsds, RefusesADescriptorThatPointsOutsideThePackage) {
  auto dir =
      CopyWithChange(ExampleCsv(), "datapackage.json", "\"path\": \"programs.csv\"", "\"path\": \"../programs.csv\"");
  auto r = ValidateHsds(dir);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().location, "datapackage.json#/resources/1");
  EXPECT_EQ(r.error().field, "path");
  EXPECT_EQ(r.error().message, "Het pad moet binnen de map van het pakket liggen.");
}

}  // namespace
}  // namespace wk::socialmap::hsds
