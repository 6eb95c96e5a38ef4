// The HSDS JSON objects of the /hsds/ API on a small fictional social map written straight into
// the tables (as an HSDS import would), so that these tests do not depend on the use cases.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hsds_objects_store.h"
#include "wk/socialmap/hsds.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/db.h"
#include "wk/store/migrations.h"

namespace wk::socialmap {
namespace {

using nlohmann::json;

constexpr std::string_view kParty = "11111111-1111-4111-8111-111111111111";
constexpr std::string_view kKeyFigure = "22222222-2222-4222-8222-222222222222";
constexpr std::string_view kInloop = "33333333-3333-4333-8333-333333333331";
constexpr std::string_view kMaaltijd = "33333333-3333-4333-8333-333333333332";
constexpr std::string_view kArchived = "33333333-3333-4333-8333-333333333333";
constexpr std::string_view kKeyFigureService = "33333333-3333-4333-8333-333333333334";
constexpr std::string_view kLocation = "44444444-4444-4444-8444-444444444441";
constexpr std::string_view kSal = "55555555-5555-4555-8555-555555555551";

// Made-up parties and services (example.nl, 030 000 00 01) at a real point in Utrecht.
constexpr std::string_view kFixture = R"sql(
INSERT INTO socialmap_party(id, name, description, email, website, created_at, updated_at) VALUES
  ('11111111-1111-4111-8111-111111111111', 'Buurthuis De Voorbeeldhoek', 'Een verzonnen buurthuis.',
   'info@example.nl', 'www.example.nl', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
INSERT INTO socialmap_party(id, name, kind, consent_date, consent_purpose, created_at, updated_at) VALUES
  ('22222222-2222-4222-8222-222222222222', 'Mevrouw Voorbeeld', 'sleutelfiguur', '2026-10-01', 'contact',
   '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
INSERT INTO socialmap_service(id, organization_id, name, description, status, minimum_age, assurer_email,
                              created_at, updated_at) VALUES
  ('33333333-3333-4333-8333-333333333331', '11111111-1111-4111-8111-111111111111', 'Inloopochtend',
   'Koffie en een praatje.', 'active', 18, 'anna', '2026-11-01T09:00:00Z', '2026-11-02T10:00:00Z'),
  ('33333333-3333-4333-8333-333333333332', '11111111-1111-4111-8111-111111111111', 'Maaltijd voor ouderen',
   'Samen eten.', 'active', 65.5, 'anna@example.nl', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
INSERT INTO socialmap_service(id, organization_id, name, status, archived_at, created_at, updated_at) VALUES
  ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', 'Oude cursus', 'active',
   '2026-11-03T00:00:00Z', '2026-11-01T09:00:00Z', '2026-11-03T00:00:00Z'),
  ('33333333-3333-4333-8333-333333333334', '22222222-2222-4222-8222-222222222222', 'Luisterend oor', 'active',
   NULL, '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
INSERT INTO socialmap_location(id, organization_id, name, latitude, longitude, area_code) VALUES
  ('44444444-4444-4444-8444-444444444441', '11111111-1111-4111-8111-111111111111', 'De Voorbeeldhoek',
   52.1, 5.12, 'BU03440311');
INSERT INTO socialmap_address(id, location_id, address_1, city, state_province, postal_code, country) VALUES
  ('66666666-6666-4666-8666-666666666661', '44444444-4444-4444-8444-444444444441', 'Voorbeeldstraat 1',
   'Utrecht', 'Utrecht', '3500 AA', 'NL');
INSERT INTO socialmap_service_at_location(id, service_id, location_id) VALUES
  ('55555555-5555-4555-8555-555555555551', '33333333-3333-4333-8333-333333333331',
   '44444444-4444-4444-8444-444444444441');
INSERT INTO socialmap_schedule(id, service_id, freq, interval, opens_at, closes_at) VALUES
  ('77777777-7777-4777-8777-777777777771', '33333333-3333-4333-8333-333333333331', 'DAILY', 1, '09:00', '12:00'),
  ('77777777-7777-4777-8777-777777777772', '33333333-3333-4333-8333-333333333332', 'YEARLY', 1, '17:00', '19:00');
INSERT INTO socialmap_phone(id, service_id, number) VALUES
  ('88888888-8888-4888-8888-888888888881', '33333333-3333-4333-8333-333333333331', '030 000 00 01');
INSERT INTO socialmap_attribute(id, link_id, taxonomy_term_id, link_type) VALUES
  ('99999999-9999-4999-8999-999999999991', '33333333-3333-4333-8333-333333333332', '{wmo}', 'service');
INSERT INTO socialmap_taxonomy(id, name, description) VALUES
  ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1', 'voorbeeld-taxonomie', 'Een verzonnen taxonomie.');
INSERT INTO socialmap_taxonomy_term(id, name, description, taxonomy_id) VALUES
  ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1', 'Voorbeeldterm', 'Een verzonnen term.',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1');
)sql";

class HsdsObjects : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Db::Open(":memory:");
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
    ASSERT_TRUE(store::Migrate(*db_).has_value());
    std::string sql(kFixture);
    const std::string wmo = FindTerm(kLawTaxonomy, "wmo")->id;
    sql.replace(sql.find("{wmo}"), 5, wmo);
    auto r = db_->Exec(sql);
    ASSERT_TRUE(r.has_value()) << r.error().Describe();
  }
  store::Db& db() { return *db_; }
  std::unique_ptr<store::Db> db_;
};

TEST_F(HsdsObjects, AServiceIsNestedWithItsOrganizationLocationSchedulesAndPhones) {
  auto s = HsdsServiceJson(db(), std::string(kInloop));
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_EQ((*s)["name"], "Inloopochtend");
  EXPECT_EQ((*s)["minimum_age"].dump(), "18");
  EXPECT_EQ((*s)["last_modified"], "2026-11-02T10:00:00Z");
  EXPECT_FALSE(s->contains("assurer_email")) << "'anna' is not an email address";
  EXPECT_FALSE(s->contains("url"));
  EXPECT_EQ((*s)["organization"]["name"], "Buurthuis De Voorbeeldhoek");
  EXPECT_FALSE((*s)["organization"].contains("website")) << "www.example.nl has no scheme";
  ASSERT_EQ((*s)["service_at_locations"].size(), 1u);
  const json& sal = (*s)["service_at_locations"][0];
  EXPECT_EQ(sal["id"], kSal);
  EXPECT_EQ(sal["location"]["latitude"].dump(), "52.1");
  EXPECT_EQ(sal["location"]["addresses"][0]["postal_code"], "3500 AA");
  ASSERT_EQ((*s)["phones"].size(), 1u);
  EXPECT_EQ((*s)["phones"][0]["number"], "030 000 00 01");
  EXPECT_EQ((*s)["schedules"][0]["freq"], "WEEKLY") << "DAILY is every day of the week";
  EXPECT_EQ((*s)["schedules"][0]["byday"], "MO,TU,WE,TH,FR,SA,SU");
}

TEST_F(HsdsObjects, AFrequencyOutsideTheSchemaIsLeftOut) {
  auto s = HsdsServiceJson(db(), std::string(kMaaltijd));
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE((*s)["schedules"][0].contains("freq"));
  EXPECT_EQ((*s)["schedules"][0]["opens_at"], "17:00");
  EXPECT_EQ((*s)["minimum_age"].dump(), "65.5");
  EXPECT_EQ((*s)["assurer_email"], "anna@example.nl");
  ASSERT_EQ((*s)["attributes"].size(), 1u);
  EXPECT_EQ((*s)["attributes"][0]["taxonomy_term"]["code"], "wmo");
  EXPECT_EQ((*s)["attributes"][0]["taxonomy_term"]["taxonomy_detail"]["name"], "wijkkompas-wet");
}

TEST_F(HsdsObjects, ArchivedEntriesAndUnpublishedKeyFiguresAreNotFound) {
  struct Case {
    std::string id;
    std::string message;
  };
  const Case services[] = {
      {std::string(kArchived), "Geen dienst met id '33333333-3333-4333-8333-333333333333'."},
      {std::string(kKeyFigureService), "Geen dienst met id '33333333-3333-4333-8333-333333333334'."},
      {"onbekend", "Geen dienst met id 'onbekend'."},
  };
  for (const auto& c : services) {
    auto s = HsdsServiceJson(db(), c.id);
    ASSERT_FALSE(s.has_value()) << c.id;
    EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(s.error().message, c.message);
  }
  auto org = HsdsOrganizationJson(db(), std::string(kKeyFigure));
  ASSERT_FALSE(org.has_value());
  EXPECT_EQ(org.error().message, "Geen organisatie met id '22222222-2222-4222-8222-222222222222'.");
}

TEST_F(HsdsObjects, APublishedKeyFigureAppears) {
  ASSERT_TRUE(db().Exec("UPDATE socialmap_party SET consent_publish = 1 WHERE kind = 'sleutelfiguur'").has_value());
  auto s = HsdsServiceJson(db(), std::string(kKeyFigureService));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)["organization"]["name"], "Mevrouw Voorbeeld");
}

TEST_F(HsdsObjects, TheOrganizationListsItsVisibleServicesOnly) {
  auto org = HsdsOrganizationJson(db(), std::string(kParty));
  ASSERT_TRUE(org.has_value());
  ASSERT_EQ((*org)["services"].size(), 2u);
  EXPECT_EQ((*org)["services"][0]["name"], "Inloopochtend");
  EXPECT_EQ((*org)["services"][1]["name"], "Maaltijd voor ouderen");
  EXPECT_EQ((*org)["locations"][0]["name"], "De Voorbeeldhoek");
  EXPECT_FALSE((*org)["services"][0].contains("schedules"));
  auto full = HsdsOrganizationJson(db(), std::string(kParty), true);
  ASSERT_TRUE(full.has_value());
  EXPECT_EQ((*full)["services"][0]["schedules"].size(), 1u);
}

TEST_F(HsdsObjects, ListsArePagedAsTheHsdsPageSchema) {
  auto second = HsdsServiceList(db(), json::object(), {.page = 2, .per_page = 1});
  ASSERT_TRUE(second.has_value()) << second.error().Describe();
  EXPECT_EQ(second->value("total_items", -1), 2);
  EXPECT_EQ(second->value("total_pages", -1), 2);
  EXPECT_EQ(second->value("page_number", -1), 2);
  EXPECT_EQ(second->value("size", -1), 1);
  EXPECT_EQ((*second)["first_page"], false);
  EXPECT_EQ((*second)["last_page"], true);
  EXPECT_EQ((*second)["empty"], false);
  EXPECT_EQ((*second)["contents"][0]["name"], "Maaltijd voor ouderen");
  EXPECT_EQ((*second)["contents"][0]["organization"]["name"], "Buurthuis De Voorbeeldhoek");

  auto beyond = HsdsServiceList(db(), json::object(), {.page = 3, .per_page = 1});
  ASSERT_TRUE(beyond.has_value());
  EXPECT_EQ((*beyond)["empty"], true);
  EXPECT_EQ((*beyond)["size"], 0);
}

TEST_F(HsdsObjects, ServiceFiltersSelectByTermTaxonomyOrganizationAndDate) {
  const std::string wmo = FindTerm(kLawTaxonomy, "wmo")->id;
  const std::string laws = Taxonomies()[1].id;
  struct Case {
    json filters;
    std::vector<std::string> names;
  };
  const Case cases[] = {
      {{{"taxonomy_term_id", wmo}}, {"Maaltijd voor ouderen"}},
      {{{"taxonomy_id", laws}}, {"Maaltijd voor ouderen"}},
      {{{"taxonomy_id", "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1"}}, {}},
      {{{"organization_id", std::string(kParty)}}, {"Inloopochtend", "Maaltijd voor ouderen"}},
      {{{"organization_id", std::string(kKeyFigure)}}, {}},
      {{{"modified_after", "2026-11-02"}}, {"Inloopochtend"}},
      {{{"modified_after", "2026-11-02T10:00:01Z"}}, {}},
  };
  for (const auto& c : cases) {
    auto list = HsdsServiceList(db(), c.filters, {});
    ASSERT_TRUE(list.has_value()) << c.filters.dump();
    std::vector<std::string> names;
    for (const auto& s : (*list)["contents"]) names.push_back(s["name"]);
    EXPECT_EQ(names, c.names) << c.filters.dump();
    EXPECT_EQ((*list)["total_items"], c.names.size()) << c.filters.dump();
  }
}

TEST_F(HsdsObjects, SearchFindsServicesThroughTheSearchIndexAndKeepsTheOtherFilters) {
  ASSERT_TRUE(RebuildSearchIndex(db()).has_value());
  ASSERT_TRUE(db().Exec("UPDATE socialmap_party SET consent_publish = 0").has_value());
  struct Case {
    json filters;
    std::vector<std::string> names;
  };
  const Case cases[] = {
      {{{"search", "praatje"}}, {"Inloopochtend"}},
      {{{"search", "samen eten"}}, {"Maaltijd voor ouderen"}},
      {{{"search", "eten"}, {"taxonomy_term_id", FindTerm(kLawTaxonomy, "zvw")->id}}, {}},
      {{{"search", "luisterend"}}, {}},  // the unpublished key figure's service
      {{{"search", "cursus"}}, {}},      // archived
  };
  for (const auto& c : cases) {
    auto list = HsdsServiceList(db(), c.filters, {});
    ASSERT_TRUE(list.has_value()) << c.filters.dump() << list.error().Describe();
    std::vector<std::string> names;
    for (const auto& s : (*list)["contents"]) names.push_back(s["name"]);
    EXPECT_EQ(names, c.names) << c.filters.dump();
  }
}

TEST_F(HsdsObjects, MinimalServicesCarryIdNameStatusAndLastModified) {
  auto list = HsdsServiceList(db(), {{"minimal", true}}, {.page = 1, .per_page = 1});
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ((*list)["contents"][0].dump(),
            R"({"id":"33333333-3333-4333-8333-333333333331","last_modified":"2026-11-02T10:00:00Z",)"
            R"("name":"Inloopochtend","status":"active"})");
}

TEST_F(HsdsObjects, ServiceAtLocationsFilterOnThePostcode) {
  struct Case {
    std::string postcode;
    int total;
  };
  for (const auto& c : {Case{"3500aa", 1}, Case{"3500 AA", 1}, Case{"3511AB", 0}, Case{"", 1}}) {
    auto list = HsdsServiceAtLocationList(db(), {{"postcode", c.postcode}}, {});
    ASSERT_TRUE(list.has_value());
    EXPECT_EQ((*list)["total_items"], c.total) << c.postcode;
  }
  auto sal = HsdsServiceAtLocationJson(db(), std::string(kSal));
  ASSERT_TRUE(sal.has_value());
  EXPECT_EQ((*sal)["service"]["name"], "Inloopochtend");
  EXPECT_EQ((*sal)["location"]["addresses"][0]["city"], "Utrecht");
}

TEST_F(HsdsObjects, TaxonomiesListTheProjectOnesFirstThenTheStoredOnes) {
  auto first = HsdsTaxonomyList(db(), json::object(), {.page = 1, .per_page = 5});
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ((*first)["total_items"], Taxonomies().size() + 1);
  EXPECT_EQ((*first)["contents"][0]["name"], "wijkkompas-domein");
  auto last = HsdsTaxonomyList(db(), json::object(), {.page = 2, .per_page = 5});
  ASSERT_TRUE(last.has_value());
  ASSERT_EQ((*last)["contents"].size(), 1u);
  EXPECT_EQ((*last)["contents"][0]["name"], "voorbeeld-taxonomie");

  auto stored = HsdsTaxonomyTermList(db(), {{"taxonomy_id", "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1"}}, {});
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ((*stored)["contents"].size(), 1u);
  EXPECT_EQ((*stored)["contents"][0]["taxonomy_detail"]["name"], "voorbeeld-taxonomie");
  auto laws = HsdsTaxonomyTermList(db(), {{"taxonomy_id", Taxonomies()[1].id}}, {});
  ASSERT_TRUE(laws.has_value());
  EXPECT_EQ((*laws)["total_items"], Terms(kLawTaxonomy).size());
  auto term = HsdsTaxonomyTermJson(db(), FindTerm(kLawTaxonomy, "wmo")->id);
  ASSERT_TRUE(term.has_value());
  EXPECT_EQ((*term)["code"], "wmo");
  EXPECT_EQ((*term)["language"], "nl");
}

TEST(HsdsFormats, EmailsAndUrisAreCheckedAsTheSchemaFormats) {
  struct Case {
    std::string_view text;
    bool email, uri;
  };
  const Case cases[] = {
      {"info@example.nl", true, false},          {"anna", false, false},
      {"a..b@example.nl", false, false},         {"info@localhost", false, false},
      {"https://example.nl/a?b=c", false, true}, {"www.example.nl", false, false},
      {"https://example.nl/a b", false, false},  {"mailto:info@example.nl", false, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(hsds_sql::LooksLikeEmail(c.text), c.email) << c.text;
    EXPECT_EQ(hsds_sql::LooksLikeUri(c.text), c.uri) << c.text;
  }
}

}  // namespace
}  // namespace wk::socialmap
