#include <gtest/gtest.h>

#include <algorithm>

#include "dates.h"
#include "test_support.h"
#include "uuid.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/socialmap.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using testing::CountSocialMapRows;
using testing::FictionalParty;
using testing::FictionalService;
using testing::QueryInt;
using testing::QueryText;

Party MakeParty(store::Db& db, const std::string& name = "Buurthuis De Voorbeeldhoek") {
  auto p = CreateParty(db, testing::Wijkwerker(), FictionalParty(name));
  EXPECT_TRUE(p.has_value()) << p.error().Describe();
  return *p;
}

TEST(TestPoints, LieInTheDemoBuurtenTheTestsNameThem) {
  auto db = testing::OpenDemoMap();
  for (const testing::Point& p : {testing::kTaagdreef, testing::kZamenhofdreef, testing::kOudwijk}) {
    auto where = areas::Locate(*db, p.lon, p.lat);
    ASSERT_TRUE(where.has_value());
    ASSERT_TRUE(where->buurt.has_value()) << p.buurt;
    EXPECT_EQ(where->buurt->code, p.buurt);
  }
}

TEST(CreateService, StoresTheServiceWithEverythingItHolds) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  auto s = CreateService(*db, testing::Wijkwerker(), FictionalService(party.id));
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_TRUE(IsUuid(s->id));

  auto got = GetService(*db, s->id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->party_id, party.id);
  EXPECT_EQ(got->party_name, "Buurthuis De Voorbeeldhoek");
  EXPECT_EQ(got->name, "Koffieochtend");
  EXPECT_EQ(got->target_groups, (std::vector<std::string>{"ouderen", "eenzaamheid"}));
  EXPECT_EQ(got->domains, (std::vector<std::string>{"ontmoeting"}));
  EXPECT_EQ(got->laws, (std::vector<std::string>{"wmo"}));
  EXPECT_EQ(got->access_routes, (std::vector<std::string>{"vrij-toegankelijk"}));
  EXPECT_EQ(got->minimum_age, 55);
  EXPECT_FALSE(got->maximum_age.has_value());
  EXPECT_EQ(got->cost, "Gratis");
  EXPECT_EQ(got->languages, (std::vector<std::string>{"nl", "tr"}));
  EXPECT_EQ(got->status, ServiceStatus::kActive);
  EXPECT_EQ(got->areas_served, (std::vector<std::string>{"WK034403"}));
  ASSERT_EQ(got->locations.size(), 1u);
  const Location& l = got->locations[0];
  EXPECT_EQ(l.postal_code, "3562 AB");
  EXPECT_EQ(l.province, "Utrecht");
  EXPECT_EQ(l.area_code, "BU03440311");  // found by areas::Locate
  EXPECT_DOUBLE_EQ(*l.latitude, testing::kTaagdreef.lat);
  ASSERT_EQ(got->schedules.size(), 1u);
  EXPECT_EQ(got->schedules[0].freq, "WEEKLY");
  EXPECT_EQ(got->schedules[0].byday, "TU");
  EXPECT_EQ(got->schedules[0].opens_at, "10:00");
  ASSERT_EQ(got->phones.size(), 1u);
  EXPECT_EQ(got->verification.assured_date, TodayUtc());

  // Storage as HSDS has it.
  EXPECT_EQ(QueryText(*db, "SELECT name FROM socialmap_language WHERE code = 'tr'"), "Turks");
  EXPECT_EQ(QueryText(*db, "SELECT name || '|' || extent_type FROM socialmap_service_area WHERE service_id = '" +
                               s->id + "'"),
            "Wijk 03 Overvecht|wijkkompas-gebied");
  EXPECT_EQ(QueryText(*db, "SELECT country || '|' || address_type || '|' || state_province FROM socialmap_address"),
            "NL|physical|Utrecht");
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_at_location WHERE service_id = '" + s->id + "'"), 1);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_attribute WHERE link_id = '" + s->id +
                              "' AND link_type = 'service' AND link_entity = 'service'"),
            5);
  EXPECT_EQ(QueryText(*db, "SELECT min_lon < 5.1184 AND max_lon > 5.1183 FROM socialmap_location_rtree"), "1");
  EXPECT_EQ(QueryText(*db, "SELECT organization_id FROM socialmap_location"), party.id);
}

TEST(CreateService, LeavesTheBuurtEmptyForAPointOutsideEveryLoadedBuurt) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  Service in = FictionalService(party.id);
  in.locations[0].latitude = 52.37;  // Amsterdam: not in the demo
  in.locations[0].longitude = 4.90;
  auto s = CreateService(*db, testing::Wijkwerker(), in);
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_EQ(s->locations[0].area_code, "");
  EXPECT_EQ(QueryText(*db, "SELECT coalesce(area_code, 'NULL') FROM socialmap_location"), "NULL");
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_location_rtree"), 1);
}

TEST(CreateService, RefusesInvalidInputWithTheFieldAndWritesNothing) {
  struct Case {
    const char* what;
    void (*change)(Service&);
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"no name", [](Service& s) { s.name = ""; }, "name", "Vul de naam van de dienst in."},
      {"no party", [](Service& s) { s.party_id = ""; }, "party_id", "Kies de partij die de dienst aanbiedt."},
      {"unknown law",
       [](Service& s) {
         s.laws = {"wmo", "bw"};
       },
       "laws", "Onbekende wet: bw."},
      {"unknown target group", [](Service& s) { s.target_groups = {"katten"}; }, "target_groups",
       "Onbekende doelgroep: katten."},
      {"unknown access route", [](Service& s) { s.access_routes = {"via-de-buren"}; }, "access_routes",
       "Onbekende toegangsroute: via-de-buren."},
      {"age order",
       [](Service& s) {
         s.minimum_age = 65;
         s.maximum_age = 18;
       },
       "minimum_age", "De minimumleeftijd is hoger dan de maximumleeftijd."},
      {"age range", [](Service& s) { s.maximum_age = 130; }, "maximum_age", "Een leeftijd ligt tussen 0 en 120 jaar."},
      {"language", [](Service& s) { s.languages = {"Nederlands"}; }, "languages",
       "Geef een taal op met haar ISO 639-code, zoals nl of ar."},
      {"url", [](Service& s) { s.url = "ftp://example.nl"; }, "url",
       "Vul een webadres in dat begint met http:// of https://, zoals https://www.example.nl."},
      {"latitude only", [](Service& s) { s.locations[0].longitude.reset(); }, "locations[0].longitude",
       "Vul zowel de breedtegraad als de lengtegraad in, of geen van beide."},
      {"latitude range", [](Service& s) { s.locations[0].latitude = 95; }, "locations[0].latitude",
       "De breedtegraad ligt tussen -90 en 90."},
      {"longitude range", [](Service& s) { s.locations[0].longitude = -181; }, "locations[0].longitude",
       "De lengtegraad ligt tussen -180 en 180."},
      {"postcode", [](Service& s) { s.locations[0].postal_code = "35620"; }, "locations[0].postal_code",
       "Een postcode heeft de vorm 1234 AB."},
      {"province", [](Service& s) { s.locations[0].province = ""; }, "locations[0].province",
       "Vul de provincie in (de standaard HSDS vraagt die bij een adres)."},
      {"city", [](Service& s) { s.locations[0].city = ""; }, "locations[0].city", "Vul de plaats in."},
      {"street", [](Service& s) { s.locations[0].address_1 = ""; }, "locations[0].address_1",
       "Vul straat en huisnummer in."},
      {"freq", [](Service& s) { s.schedules[0].freq = "YEARLY"; }, "schedules[0].freq",
       "Kies hoe vaak: wekelijks (WEEKLY), dagelijks (DAILY) of maandelijks (MONTHLY)."},
      {"byday", [](Service& s) { s.schedules[0].byday = "DI"; }, "schedules[0].byday",
       "Geef de dagen op als MO, TU, WE, TH, FR, SA of SU, gescheiden door komma's."},
      {"ordinal in a weekly rule", [](Service& s) { s.schedules[0].byday = "1MO"; }, "schedules[0].byday",
       "Geef de dagen op als MO, TU, WE, TH, FR, SA of SU, gescheiden door komma's."},
      {"monthly ordinal",
       [](Service& s) {
         s.schedules[0].freq = "MONTHLY";
         s.schedules[0].byday = "6MO";
       },
       "schedules[0].byday",
       "Geef de dagen op als MO, TU, WE, TH, FR, SA, SU, eventueel met een volgnummer (1MO = eerste maandag, -1FR = "
       "laatste vrijdag)."},
      {"time", [](Service& s) { s.schedules[0].opens_at = "10 uur"; }, "schedules[0].opens_at",
       "Vul een tijd in als UU:MM, zoals 09:30."},
      {"times order", [](Service& s) { s.schedules[0].closes_at = "09:59"; }, "schedules[0].closes_at",
       "De sluitingstijd ligt na de openingstijd."},
      {"date", [](Service& s) { s.schedules[0].valid_from = "2026-13-01"; }, "schedules[0].valid_from",
       "Vul een datum in als JJJJ-MM-DD."},
      {"date order",
       [](Service& s) {
         s.schedules[0].valid_from = "2026-05-01";
         s.schedules[0].valid_to = "2026-04-30";
       },
       "schedules[0].valid_to", "De einddatum ligt op of na de begindatum."},
      {"schedule location", [](Service& s) { s.schedules[0].location_id = "1b4e28ba-2fa1-4d2b-a7e9-3c8e2f1a0b6d"; },
       "schedules[0].location_id", "Deze openingstijd hoort bij een locatie die de dienst niet heeft."},
      {"area", [](Service& s) { s.areas_served = {"BU99999999"}; }, "areas_served", "Onbekend gebied: BU99999999."},
  };
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  const auto rows = CountSocialMapRows(*db);
  const auto audit = QueryInt(*db, "SELECT count(*) FROM audit_entry");
  for (const Case& c : cases) {
    Service s = FictionalService(party.id);
    c.change(s);
    auto r = CreateService(*db, testing::Wijkwerker(), s);
    ASSERT_FALSE(r.has_value()) << c.what;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << c.what;
    EXPECT_EQ(r.error().field, c.field) << c.what;
    EXPECT_EQ(r.error().message, c.message) << c.what;
  }
  auto unknown = CreateService(*db, testing::Wijkwerker(), FictionalService(NewUuid()));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message, "Deze partij bestaat niet.");
  auto denied = CreateService(*db, testing::Lezer(), FictionalService(party.id));
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(CountSocialMapRows(*db), rows);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM audit_entry"), audit);
}

TEST(CreateService, NormalisesTimesDaysAndCodes) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  Service in = FictionalService(party.id);
  in.schedules[0] = Schedule{};
  in.schedules[0].freq = "monthly";
  in.schedules[0].byday = "1mo, -1FR";
  in.schedules[0].opens_at = "9:30:00";
  in.schedules[0].closes_at = "11:00";
  in.languages = {"NL", "ar", "nl"};
  auto s = CreateService(*db, testing::Wijkwerker(), in);
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_EQ(s->schedules[0].freq, "MONTHLY");
  EXPECT_EQ(s->schedules[0].byday, "1MO,-1FR");
  EXPECT_EQ(s->schedules[0].opens_at, "09:30");
  EXPECT_EQ(s->languages, (std::vector<std::string>{"nl", "ar"}));
}

TEST(UpdateService, ReplacesChildRowsKeepingTheIdsThatCameWithTheEdit) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  Service in = FictionalService(party.id);
  Location second;
  second.name = "Bibliotheek (verzonnen)";
  second.latitude = testing::kOudwijk.lat;
  second.longitude = testing::kOudwijk.lon;
  in.locations.push_back(second);
  auto created = CreateService(*db, testing::Wijkwerker(), in);
  ASSERT_TRUE(created.has_value()) << created.error().Describe();
  ASSERT_EQ(created->locations.size(), 2u);
  EXPECT_EQ(created->locations[1].area_code, "BU03440512");
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_location_rtree"), 2);

  Service edit = *created;
  edit.locations[0].latitude = testing::kZamenhofdreef.lat;  // the buurthuis moved
  edit.locations[0].longitude = testing::kZamenhofdreef.lon;
  edit.locations.pop_back();  // no longer at the library
  edit.schedules[0].location_id = edit.locations[0].id;
  edit.laws = {};
  edit.areas_served = {"WK034403", "BU03440512"};
  edit.contacts = {{"", "Balie", "Receptie", "balie@voorbeeldhoek.example.nl"}};
  auto updated = UpdateService(*db, testing::Wijkwerker(), edit);
  ASSERT_TRUE(updated.has_value()) << updated.error().Describe();
  ASSERT_EQ(updated->locations.size(), 1u);
  EXPECT_EQ(updated->locations[0].id, created->locations[0].id);
  EXPECT_EQ(updated->locations[0].area_code, "BU03440321");
  EXPECT_EQ(updated->schedules[0].id, created->schedules[0].id);
  EXPECT_EQ(updated->schedules[0].location_id, created->locations[0].id);
  EXPECT_TRUE(updated->laws.empty());
  EXPECT_EQ(updated->areas_served, (std::vector<std::string>{"WK034403", "BU03440512"}));
  ASSERT_EQ(updated->contacts.size(), 1u);
  // The library is gone with its point; the moved point moved in the R*Tree.
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_location"), 1);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_location_rtree"), 1);
  EXPECT_EQ(QueryText(*db, "SELECT min_lat > 52.1123 AND min_lat < 52.1124 FROM socialmap_location_rtree"), "1");
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_address"), 1);

  auto history = History(*db, created->id);
  ASSERT_TRUE(history.has_value());
  auto has = [&](const std::string& type, const std::string& action, const std::string& field,
                 const std::string& old_value, const std::string& new_value) {
    return std::any_of(history->begin(), history->end(), [&](const Change& c) {
      return c.resource_type == type && c.action == action && c.field == field && c.old_value == old_value &&
             c.new_value == new_value;
    });
  };
  EXPECT_TRUE(has("service", "update", "laws", "wmo", ""));
  EXPECT_TRUE(has("service", "update", "service_areas", "WK034403", "WK034403, BU03440512"));
  EXPECT_TRUE(has("location", "update", "latitude", "52.11099", "52.11232"));
  EXPECT_TRUE(has("location", "delete", "name", "Bibliotheek (verzonnen)", ""));
  EXPECT_TRUE(has("schedule", "update", "location_id", "", created->locations[0].id));
  EXPECT_TRUE(has("contact", "create", "title", "", "Receptie"));
}

TEST(ServicesOfParty, ListsThePartysServicesByNameWithoutArchivedOnes) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  Party other = MakeParty(*db, "Wijkcentrum Twee");
  auto b = CreateService(*db, testing::Wijkwerker(), FictionalService(party.id, "Taalcafé"));
  auto a = CreateService(*db, testing::Wijkwerker(), FictionalService(party.id, "Koffieochtend"));
  auto c = CreateService(*db, testing::Wijkwerker(), FictionalService(party.id, "Breiclub"));
  auto elsewhere = CreateService(*db, testing::Wijkwerker(), FictionalService(other.id, "Anders"));
  ASSERT_TRUE(a && b && c && elsewhere);
  ASSERT_TRUE(ArchiveService(*db, testing::Wijkwerker(), c->id).has_value());
  auto names = [&](bool archived) {
    std::vector<std::string> out;
    auto services = ServicesOfParty(*db, party.id, archived);
    EXPECT_TRUE(services.has_value());
    for (const Service& s : services.value_or(std::vector<Service>{})) out.push_back(s.name);
    return out;
  };
  EXPECT_EQ(names(false), (std::vector<std::string>{"Koffieochtend", "Taalcafé"}));
  EXPECT_EQ(names(true), (std::vector<std::string>{"Breiclub", "Koffieochtend", "Taalcafé"}));
  auto unknown = ServicesOfParty(*db, NewUuid());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST(GetService, SaysAnUnknownServiceDoesNotExist) {
  auto db = testing::OpenDemoMap();
  auto s = GetService(*db, NewUuid());
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(s.error().message, "Deze dienst bestaat niet.");
}

TEST(ArchiveService, ArchivesAndRestoresWithHistoryAndRefusesEditsMeanwhile) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  auto s = CreateService(*db, testing::Wijkwerker(), FictionalService(party.id));
  ASSERT_TRUE(s.has_value());
  auto archived = ArchiveService(*db, testing::Wijkwerker(), s->id);
  ASSERT_TRUE(archived.has_value());
  EXPECT_TRUE(archived->archived);
  auto edit = UpdateService(*db, testing::Wijkwerker(), *archived);
  ASSERT_FALSE(edit.has_value());
  EXPECT_EQ(edit.error().code, ErrorCode::kConflict);
  auto restored = ArchiveService(*db, testing::Wijkwerker(), s->id, false);
  ASSERT_TRUE(restored.has_value());
  EXPECT_FALSE(restored->archived);
  auto history = History(*db, s->id);
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ((*history)[0].action, "restore");
  EXPECT_EQ((*history)[1].action, "archive");
  EXPECT_EQ((*history)[1].new_value, "true");
}

TEST(VerifyService, SetsTodayAndKeepsTheSourceWhenNoneIsGiven) {
  auto db = testing::OpenDemoMap();
  Party party = MakeParty(*db);
  Service in = FictionalService(party.id);
  in.verification.assured_date = "2025-01-02";
  in.verification.source = "Folder";
  auto s = CreateService(*db, testing::Wijkwerker(), in);
  ASSERT_TRUE(s.has_value());
  auto v = VerifyService(*db, testing::Coordinator(), s->id);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->verification.assured_date, TodayUtc());
  EXPECT_EQ(v->verification.assurer, "cora.coordinator");
  EXPECT_EQ(v->verification.source, "Folder");
  auto history = History(*db, s->id);
  EXPECT_EQ(history->front().action, "verify");
}

}  // namespace
}  // namespace wk::socialmap
