// socialmap_service_point (migration 0006): the points where services are offered, with their
// services' index rows, kept by triggers and by the index writes; and the search near a point
// that reads them by grid cell.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "search_test_support.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap {
namespace {

using testing::CheckServicePoints;
using testing::QueryInt;

testing::Point Moved(const testing::Point& p, double north_km, double east_km) {
  constexpr double kKmPerDegree = 6371.0088 * std::numbers::pi / 180;
  return {p.lat + north_km / kKmPerDegree, p.lon + east_km / (kKmPerDegree * std::cos(p.lat * std::numbers::pi / 180)),
          ""};
}

TEST(ServicePoints, FollowEveryWriteOfServicesLocationsAndTheIndex) {
  auto db = testing::DemoDb();
  const auto who = testing::Wijkwerker();
  const std::string party = testing::AddParty(*db, who, testing::FictionalParty());
  Service s = testing::FictionalService(party, "Koffieochtend", testing::kTaagdreef);
  const std::string id = testing::AddService(*db, who, s);
  auto check = CheckServicePoints(*db);
  EXPECT_EQ(check.differing, 0);
  EXPECT_EQ(check.expected, 1);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point WHERE words LIKE '%koffie%' AND tokens > 3"),
            1);

  // A second location, then the first one moved: the points follow (triggers on the link and the
  // location), the words too (the index is rewritten with the new name).
  auto stored = GetService(*db, id);
  ASSERT_TRUE(stored.has_value());
  Location second = stored->locations.at(0);
  second.id.clear();
  second.name = "Tweede plek";
  second.latitude = testing::kOudwijk.lat;
  second.longitude = testing::kOudwijk.lon;
  stored->locations.push_back(second);
  stored->locations.at(0).latitude = testing::kZamenhofdreef.lat;
  stored->locations.at(0).longitude = testing::kZamenhofdreef.lon;
  stored->name = "Soepmiddag";
  stored->laws = {"wlz", "zvw"};  // the filter bits follow the terms
  auto updated = UpdateService(*db, who, *stored);
  ASSERT_TRUE(updated.has_value()) << updated.error().Describe();
  check = CheckServicePoints(*db);
  EXPECT_EQ(check.differing, 0);
  EXPECT_EQ(check.expected, 2);
  const std::int64_t wlz = std::int64_t{1} << FindTerm(kLawTaxonomy, "wlz")->filter_bit;
  const std::int64_t wmo = std::int64_t{1} << FindTerm(kLawTaxonomy, "wmo")->filter_bit;
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point WHERE terms & " + std::to_string(wlz) +
                              " <> 0 AND terms & " + std::to_string(wmo) + " = 0"),
            2);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point WHERE words LIKE 'soep%'"), 2);

  // Archived: no index row, so the points keep no words; restored: the words are back.
  ASSERT_TRUE(ArchiveService(*db, who, id).has_value());
  EXPECT_EQ(CheckServicePoints(*db).differing, 0);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point WHERE words IS NOT NULL"), 0);
  ASSERT_TRUE(ArchiveService(*db, who, id, false).has_value());
  EXPECT_EQ(CheckServicePoints(*db).differing, 0);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point WHERE words IS NOT NULL"), 2);

  // Another writer: SQL that renames the ids, moves a point out of WGS84, then back; the index
  // rebuilt from scratch.
  ASSERT_TRUE(db->Exec("UPDATE socialmap_location SET latitude = 100 WHERE name = 'Tweede plek'"));
  check = CheckServicePoints(*db);
  EXPECT_EQ(check.differing, 0);
  EXPECT_EQ(check.expected, 1);
  ASSERT_TRUE(db->Exec("UPDATE socialmap_location SET latitude = 52.08788 WHERE name = 'Tweede plek'"));
  ASSERT_TRUE(db->Exec("UPDATE socialmap_service SET id = 'hernoemd' WHERE id = '" + id + "'"));
  ASSERT_TRUE(db->Exec("UPDATE socialmap_attribute SET link_id = 'hernoemd' WHERE link_id = '" + id + "'"));
  EXPECT_EQ(CheckServicePoints(*db).expected, 0);  // the links still name the old id
  EXPECT_EQ(CheckServicePoints(*db).differing, 0);
  ASSERT_TRUE(db->Exec("UPDATE socialmap_service_at_location SET service_id = 'hernoemd'"));
  EXPECT_EQ(CheckServicePoints(*db).expected, 2);
  EXPECT_EQ(CheckServicePoints(*db).differing, 0);
  ASSERT_TRUE(RebuildSearchIndex(*db).has_value());
  EXPECT_EQ(CheckServicePoints(*db).differing, 0);
  ASSERT_TRUE(db->Exec("DELETE FROM socialmap_location WHERE name = 'Tweede plek'"));
  EXPECT_EQ(CheckServicePoints(*db).expected, 1);
  EXPECT_EQ(CheckServicePoints(*db).differing, 0);
  ASSERT_TRUE(db->Exec("DELETE FROM socialmap_service"));
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point"), 0);
}

TEST(ServicePoints, KeyFigureErasureLeavesNoPoint) {
  auto db = testing::DemoDb();
  Party figure = testing::FictionalParty("Buurtmoeder Voorbeeld");
  figure.kind = PartyKind::kSleutelfiguur;
  figure.formal = false;
  figure.consent = Consent{"2026-01-05", "Vermelding op de sociale kaart", false};
  const std::string party = testing::AddParty(*db, testing::Wijkwerker(), figure);
  testing::AddService(*db, testing::Wijkwerker(), testing::FictionalService(party, "Luisterend oor"));
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point"), 1);
  ASSERT_TRUE(EraseKeyFigure(*db, testing::Coordinator(), party).has_value());
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_service_point"), 0);
  EXPECT_EQ(testing::TablesContaining(*db, "luister"), "");
}

TEST(ServicePoints, NearFindsEveryPointInsideTheRadiusAndNoneOutside) {
  // Services on two rings around a centre, in 24 directions: just inside the radius (0.99 r) and
  // just outside (1.01 r). The circle crosses many cells and bands of the grid (0.01 degree), so
  // a mistake in the cells a circle reads leaves out a service inside.
  auto db = testing::DemoDb();
  const auto who = testing::Wijkwerker();
  const std::string party = testing::AddParty(*db, who, testing::FictionalParty());
  const testing::Point centre{52.0907, 5.1214, ""};
  for (double radius : {0.4, 3.0}) {
    for (int i = 0; i < 24; ++i) {
      const double angle = 2 * std::numbers::pi * i / 24;
      for (double factor : {0.99, 1.01}) {
        const double r = radius * factor;
        Service s =
            testing::FictionalService(party, "Ringdienst", Moved(centre, r * std::cos(angle), r * std::sin(angle)));
        s.description = "Ringdienst op " + std::to_string(radius) + " km";
        s.locations.at(0).address_1 = "Ringweg " + std::to_string(i + 1);
        testing::AddService(*db, who, s);
      }
    }
  }
  for (double radius : {0.4, 3.0}) {
    for (const std::string text : {"", "ringdienst"}) {
      SearchQuery q;
      q.text = text;
      q.near_lat = centre.lat;
      q.near_lon = centre.lon;
      q.radius_km = radius;
      q.limit = 200;
      auto found = Search(*db, q);
      ASSERT_TRUE(found.has_value()) << found.error().Describe();
      // Inside: the 24 at 0.99 r of this ring and, for the large ring, all 48 of the small one.
      const int inside = radius < 1 ? 24 : 24 + 48;
      EXPECT_EQ(found->total, inside) << radius << " km, text '" << text << "'";
      for (const auto& hit : found->hits) {
        ASSERT_TRUE(hit.distance_km.has_value());
        EXPECT_LE(*hit.distance_km, radius);
      }
    }
  }
}

}  // namespace
}  // namespace wk::socialmap
