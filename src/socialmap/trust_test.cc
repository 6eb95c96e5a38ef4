// History, the re-check list and erasing a key figure.
#include <gtest/gtest.h>

#include <set>

#include "dates.h"
#include "test_support.h"
#include "wk/socialmap/socialmap.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using testing::FictionalParty;
using testing::FictionalService;
using testing::QueryInt;

TEST(IsOutdated, CountsTwelveCalendarMonthsBackFromToday) {
  struct Case {
    const char* assured;
    const char* today;
    bool outdated;
  };
  const Case cases[] = {
      {"", "2026-11-29", true},                   // never verified
      {"2025-11-29", "2026-11-29", false},         // exactly twelve months ago
      {"2025-11-28", "2026-11-29", true},          // a day more
      {"2026-06-01", "2026-11-29", false},
      {"2023-02-28", "2024-02-29", false},         // a leap day: twelve months back is 28 February
      {"2023-02-27", "2024-02-29", true},
  };
  for (const Case& c : cases) EXPECT_EQ(IsOutdated(c.assured, c.today), c.outdated) << c.assured << " " << c.today;
}

TEST(RecheckList, ListsActiveEntriesNotVerifiedForTwelveMonthsOldestFirst) {
  auto db = testing::OpenDemoMap();
  auto party = [&](const char* name, const char* assured) {
    Party p = FictionalParty(name);
    p.phones.clear();
    p.verification.assured_date = assured;
    auto r = CreateParty(*db, testing::Wijkwerker(), p);
    EXPECT_TRUE(r.has_value());
    return *r;
  };
  Party old = party("Stichting Oud", "2024-03-01");
  Party recent = party("Stichting Recent", "2026-01-10");
  Party older = party("Stichting Ouder", "2023-12-31");
  Party archived = party("Stichting Weg", "2020-01-01");
  ASSERT_TRUE(ArchiveParty(*db, testing::Wijkwerker(), archived.id).has_value());
  Service s = FictionalService(recent.id, "Spreekuur");
  s.verification.assured_date = "2025-06-30";
  auto service = CreateService(*db, testing::Wijkwerker(), s);
  ASSERT_TRUE(service.has_value()) << service.error().Describe();

  auto list = RecheckList(*db, "2026-06-30");  // cut-off 2025-06-30: verified that day is still fine
  ASSERT_TRUE(list.has_value()) << list.error().Describe();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "Stichting Ouder");
  EXPECT_EQ((*list)[0].resource_type, "organization");
  EXPECT_EQ((*list)[0].assured_date, "2023-12-31");
  EXPECT_EQ((*list)[1].name, "Stichting Oud");

  list = RecheckList(*db, "2026-07-01");
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[2].resource_type, "service");
  EXPECT_EQ((*list)[2].name, "Spreekuur");
  EXPECT_EQ((*list)[2].party_name, "Stichting Recent");
  EXPECT_EQ((*list)[2].id, service->id);

  auto bad = RecheckList(*db, "1 juli");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().message, "Geef de datum op als JJJJ-MM-DD.");
}

TEST(History, ListsTheServiceAndItsLocationsSchedulesPhonesAndContactsNewestFirst) {
  auto db = testing::OpenDemoMap();
  auto party = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(party.has_value());
  auto s = CreateService(*db, testing::Wijkwerker(), FictionalService(party->id));
  ASSERT_TRUE(s.has_value());
  Service edit = *s;
  edit.name = "Koffieochtend en lunch";
  ASSERT_TRUE(UpdateService(*db, testing::Coordinator(), edit).has_value());
  auto history = History(*db, s->id);
  ASSERT_TRUE(history.has_value());
  ASSERT_FALSE(history->empty());
  EXPECT_EQ(history->front().field, "name");
  EXPECT_EQ(history->front().old_value, "Koffieochtend");
  EXPECT_EQ(history->front().new_value, "Koffieochtend en lunch");
  EXPECT_EQ(history->front().by, "cora.coordinator");
  std::set<std::string> types;
  for (const Change& c : *history) types.insert(c.resource_type);
  EXPECT_EQ(types, (std::set<std::string>{"location", "phone", "schedule", "service"}));
  // The party's own history does not hold its services' rows.
  auto of_party = History(*db, party->id);
  ASSERT_TRUE(of_party.has_value());
  for (const Change& c : *of_party) EXPECT_NE(c.resource_type, "service");
}

class EraseKeyFigureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenDemoMap();
    Party p = FictionalParty("Mevrouw Verzonnen Voorbeeldpersoon");
    p.kind = PartyKind::kSleutelfiguur;
    p.formal = false;
    p.email = "voorbeeldpersoon@example.org";
    p.phones = {{"", "030 000 00 77", "Mobiel"}};
    p.contacts = {{"", "Verzonnen Voorbeeldpersoon", "Buurtmoeder", "voorbeeldpersoon@example.org"}};
    p.consent = Consent{"2026-03-01", "Contact over buurtactiviteiten", false};
    auto created = CreateParty(*db_, testing::Wijkwerker(), p);
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    person_ = *created;
    Service s = FictionalService(person_.id, "Koken met Voorbeeldpersoon");
    auto service = CreateService(*db_, testing::Wijkwerker(), s);
    ASSERT_TRUE(service.has_value()) << service.error().Describe();
    Service edit = *service;
    edit.description = "Samen koken bij Voorbeeldpersoon thuis.";
    ASSERT_TRUE(UpdateService(*db_, testing::Wijkwerker(), edit).has_value());
    service_ = edit;
  }

  std::unique_ptr<store::Db> db_;
  Party person_;
  Service service_;
};

TEST_F(EraseKeyFigureTest, LeavesNoTraceOfThePersonInAnySocialMapTable) {
  // Before: the name, id and number are there (the checks can fail).
  ASSERT_NE(testing::NonEmptyTables(*db_), "");
  ASSERT_NE(testing::TablesContaining(*db_, "Voorbeeldpersoon"), "");
  ASSERT_NE(testing::TablesContaining(*db_, person_.id), "");
  auto erased = EraseKeyFigure(*db_, testing::Coordinator(), person_.id);
  ASSERT_TRUE(erased.has_value()) << erased.error().Describe();
  EXPECT_EQ(testing::TablesContaining(*db_, "Voorbeeldpersoon"), "");
  EXPECT_EQ(testing::TablesContaining(*db_, person_.id), "");
  EXPECT_EQ(testing::TablesContaining(*db_, service_.id), "");
  EXPECT_EQ(testing::TablesContaining(*db_, "0300000077"), "");
  EXPECT_EQ(testing::TablesContaining(*db_, "Buurtmoeder"), "");
  EXPECT_EQ(testing::NonEmptyTables(*db_), "");  // the person was all there was
  auto gone = GetParty(*db_, person_.id);
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

TEST_F(EraseKeyFigureTest, WritesAnAuditEntryWithoutTheName) {
  ASSERT_TRUE(EraseKeyFigure(*db_, testing::Coordinator(), person_.id).has_value());
  auto audit = store::RecentAudit(*db_, 1);
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->front().action, "socialmap.party.erase");
  EXPECT_EQ(audit->front().detail, "Sleutelfiguur gewist");
  EXPECT_EQ(audit->front().actor, "cora.coordinator");
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM audit_entry WHERE detail LIKE '%Voorbeeldpersoon%'"), 0);
}

TEST_F(EraseKeyFigureTest, IsForCoordinatorsAndBeheerdersOnly) {
  const auto rows = testing::CountSocialMapRows(*db_);
  for (const auto& who : {testing::Wijkwerker(), testing::Lezer()}) {
    auto r = EraseKeyFigure(*db_, who, person_.id);
    ASSERT_FALSE(r.has_value()) << who.name;
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  }
  EXPECT_EQ(testing::CountSocialMapRows(*db_), rows);
}

TEST_F(EraseKeyFigureTest, RefusesAPartyThatIsNotAKeyFigure) {
  auto org = CreateParty(*db_, testing::Wijkwerker(), FictionalParty("Stichting Voorbeeld"));
  ASSERT_TRUE(org.has_value());
  const auto rows = testing::CountSocialMapRows(*db_);
  auto r = EraseKeyFigure(*db_, testing::Coordinator(), org->id);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message,
            "Alleen een sleutelfiguur kan worden gewist. Een partij die geen persoon is, kunt u archiveren.");
  EXPECT_EQ(testing::CountSocialMapRows(*db_), rows);
}

TEST_F(EraseKeyFigureTest, LeavesOtherPartiesAndTheirHistoryAlone) {
  auto org = CreateParty(*db_, testing::Wijkwerker(), FictionalParty("Stichting Voorbeeld"));
  ASSERT_TRUE(org.has_value());
  auto service = CreateService(*db_, testing::Wijkwerker(), FictionalService(org->id));
  ASSERT_TRUE(service.has_value());
  const auto history = History(*db_, org->id)->size();
  ASSERT_TRUE(EraseKeyFigure(*db_, testing::Coordinator(), person_.id).has_value());
  EXPECT_TRUE(GetParty(*db_, org->id).has_value());
  auto kept = GetService(*db_, service->id);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->locations.size(), 1u);
  EXPECT_EQ(History(*db_, org->id)->size(), history);
}

}  // namespace
}  // namespace wk::socialmap
