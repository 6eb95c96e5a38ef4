// The social map as the use cases write it goes out as HSDS and comes back the same: export ->
// import into a fresh database -> export gives the same bytes, and the import validates our own
// export (addresses, schedules, history, own party fields, vocabulary links).
#include <gtest/gtest.h>

#include <algorithm>

#include "hsds_test_support.h"
#include "test_support.h"
#include "wk/socialmap/hsds.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"

namespace wk::socialmap {
namespace {

std::string Export(store::Db& db) {
  auto dir = (hsds_testing::NewTempDir() / "export").string();
  auto exported = ExportHsds(db, testing::Lezer(), dir);
  EXPECT_TRUE(exported.has_value()) << exported.error().Describe();
  return dir;
}

TEST(HsdsRoundTrip, WhatTheUseCasesWroteComesBackByteIdentical) {
  auto db = testing::OpenDemoMap();
  auto party = CreateParty(*db, testing::Coordinator(), testing::FictionalParty());
  ASSERT_TRUE(party.has_value()) << party.error().Describe();
  auto service = CreateService(*db, testing::Coordinator(), testing::FictionalService(party->id));
  ASSERT_TRUE(service.has_value()) << service.error().Describe();
  ASSERT_TRUE(VerifyParty(*db, testing::Coordinator(), party->id, "Bezoek aan het buurthuis").has_value());

  // An informal group with a daily walk, and a key figure who consented to publication.
  Party group = testing::FictionalParty("Wandelgroep Voorbeeldpark");
  group.kind = PartyKind::kInformeleGroep;
  group.formal = false;
  group.phones = {{"", "030 000 00 03", ""}};
  auto walkers = CreateParty(*db, testing::Coordinator(), group);
  ASSERT_TRUE(walkers.has_value()) << walkers.error().Describe();
  Service walk = testing::FictionalService(walkers->id, "Dagelijkse wandeling", testing::kOudwijk);
  walk.schedules[0].freq = "DAILY";
  walk.schedules[0].byday = "";
  ASSERT_TRUE(CreateService(*db, testing::Coordinator(), walk).has_value());
  Party figure = testing::FictionalParty("Meneer Voorbeeld (fictieve sleutelfiguur)");
  figure.kind = PartyKind::kSleutelfiguur;
  figure.formal = false;
  figure.consent = Consent{"2026-11-01", "contact over buurtactiviteiten", true};
  ASSERT_TRUE(CreateParty(*db, testing::Coordinator(), figure).has_value());

  auto first = Export(*db);
  auto fresh = testing::OpenDemoMap();
  auto imported = ImportHsds(*fresh, testing::Coordinator(), first);
  ASSERT_TRUE(imported.has_value()) << imported.error().Describe();
  EXPECT_EQ(imported->organizations, 3);
  EXPECT_EQ(imported->services, 2);
  // A key figure's consent stays behind: published again only once recorded here.
  EXPECT_EQ(testing::QueryText(*fresh, "SELECT consent_publish FROM socialmap_party WHERE kind = 'sleutelfiguur'"),
            "0");
  ASSERT_TRUE(fresh->Exec("UPDATE socialmap_party SET consent_publish = 1 WHERE kind = 'sleutelfiguur'").has_value());
  auto second = Export(*fresh);
  hsds_testing::ExpectSameFolders(first, second);

  // HSDS 3.0 knows no DAILY: the daily walk is written as weekly on every day.
  EXPECT_NE(hsds_testing::ReadFile(first + "/schedules.csv").find(",WEEKLY,1,\"MO,TU,WE,TH,FR,SA,SU\","),
            std::string::npos)
      << hsds_testing::ReadFile(first + "/schedules.csv");
  // The imported services are found like any other.
  SearchQuery query;
  query.text = "wandeling";
  auto found = Search(*fresh, query);
  ASSERT_TRUE(found.has_value()) << found.error().Describe();
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->hits[0].service.name, "Dagelijkse wandeling");
  // The imported party is the same party.
  auto back = GetParty(*fresh, walkers->id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->kind, PartyKind::kInformeleGroep);
  EXPECT_FALSE(back->formal);
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(back->domains), sorted(walkers->domains));
  EXPECT_EQ(back->areas_served, walkers->areas_served);
  EXPECT_EQ(back->verification.source, "Gesprek met de coördinator");
}

}  // namespace
}  // namespace wk::socialmap
