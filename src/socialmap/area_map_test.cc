#include <gtest/gtest.h>

#include "test_support.h"
#include "wk/socialmap/socialmap.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using testing::FictionalParty;
using testing::FictionalService;

class SocialMapOfAreaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenDemoMap();
    Party a = MakeParty("Buurthuis Overvecht (verzonnen)", {"WK034403"});
    MakeParty("Stedelijke Stichting (verzonnen)", {"GM0344"});
    Party c = MakeParty("Wijkcentrum Oost (verzonnen)", {"BU03440512"});
    Party d = MakeParty("Zonder Werkgebied (verzonnen)", {});
    Party e = MakeParty("Gearchiveerd Overvecht (verzonnen)", {"WK034403"});
    ASSERT_TRUE(ArchiveParty(*db_, testing::Wijkwerker(), e.id).has_value());
    MakeService(a.id, "Koffieochtend", testing::kTaagdreef, {"WK034403"});
    MakeService(c.id, "Taalcafé", testing::kOudwijk, {});
    MakeService(d.id, "Inloopspreekuur", testing::kZamenhofdreef, {});
  }

  Party MakeParty(const std::string& name, std::vector<std::string> areas) {
    Party p = FictionalParty(name);
    p.phones.clear();
    p.areas_served = std::move(areas);
    auto r = CreateParty(*db_, testing::Wijkwerker(), p);
    EXPECT_TRUE(r.has_value()) << r.error().Describe();
    return *r;
  }

  void MakeService(const std::string& party_id, const std::string& name, const testing::Point& point,
                   std::vector<std::string> areas) {
    Service s = FictionalService(party_id, name, point);
    s.areas_served = std::move(areas);
    s.phones.clear();
    auto r = CreateService(*db_, testing::Wijkwerker(), s);
    EXPECT_TRUE(r.has_value()) << r.error().Describe();
  }

  std::pair<std::vector<std::string>, std::vector<std::string>> Names(const std::string& area) {
    auto map = SocialMapOfArea(*db_, area);
    EXPECT_TRUE(map.has_value()) << map.error().Describe();
    std::vector<std::string> parties, services;
    if (!map) return {};
    for (const Party& p : map->parties) parties.push_back(p.name);
    for (const Service& s : map->services) services.push_back(s.name);
    return {parties, services};
  }

  std::unique_ptr<store::Db> db_;
};

TEST_F(SocialMapOfAreaTest, HoldsWhatServesAWijkOrIsLocatedInOneOfItsBuurten) {
  auto [parties, services] = Names("WK034403");
  EXPECT_EQ(parties, (std::vector<std::string>{"Buurthuis Overvecht (verzonnen)", "Stedelijke Stichting (verzonnen)",
                                               "Zonder Werkgebied (verzonnen)"}));
  EXPECT_EQ(services, (std::vector<std::string>{"Inloopspreekuur", "Koffieochtend"}));
}

TEST_F(SocialMapOfAreaTest, HoldsWhatServesABuurtThroughItsWijkOrGemeente) {
  auto [parties, services] = Names("BU03440311");
  EXPECT_EQ(parties, (std::vector<std::string>{"Buurthuis Overvecht (verzonnen)", "Stedelijke Stichting (verzonnen)"}));
  EXPECT_EQ(services, (std::vector<std::string>{"Koffieochtend"}));
  std::tie(parties, services) = Names("BU03440512");
  EXPECT_EQ(parties, (std::vector<std::string>{"Stedelijke Stichting (verzonnen)", "Wijkcentrum Oost (verzonnen)"}));
  EXPECT_EQ(services, (std::vector<std::string>{"Taalcafé"}));
}

TEST_F(SocialMapOfAreaTest, HoldsEverythingActiveForTheGemeente) {
  auto [parties, services] = Names("GM0344");
  EXPECT_EQ(parties, (std::vector<std::string>{"Buurthuis Overvecht (verzonnen)", "Stedelijke Stichting (verzonnen)",
                                               "Wijkcentrum Oost (verzonnen)", "Zonder Werkgebied (verzonnen)"}));
  EXPECT_EQ(services, (std::vector<std::string>{"Inloopspreekuur", "Koffieochtend", "Taalcafé"}));
}

TEST_F(SocialMapOfAreaTest, SaysAnUnknownAreaDoesNotExist) {
  auto map = SocialMapOfArea(*db_, "WK034499");
  ASSERT_FALSE(map.has_value());
  EXPECT_EQ(map.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(map.error().message, "Gebied WK034499 bestaat niet.");
}

TEST(Publication, IsOffUntilACoordinatorPublishesTheMap) {
  auto db = testing::OpenDemoMap();
  EXPECT_EQ(IsPublished(*db), false);
  auto denied = SetPublished(*db, testing::Wijkwerker(), true);
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(IsPublished(*db), false);
  ASSERT_TRUE(SetPublished(*db, testing::Coordinator(), true).has_value());
  EXPECT_EQ(IsPublished(*db), true);
  auto audit = store::RecentAudit(*db, 1);
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->front().action, "socialmap.publish");
  ASSERT_TRUE(SetPublished(*db, testing::Coordinator(), false).has_value());
  EXPECT_EQ(IsPublished(*db), false);
}

}  // namespace
}  // namespace wk::socialmap
