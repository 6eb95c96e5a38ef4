// The peer index against its definition (ComparePeers over the peers in code order), on the real
// Utrecht data, and the cache that keeps it per database file and data generation.
#include "level_index.h"

#include <gtest/gtest.h>

#include <thread>

#include "peer_cache.h"
#include "test_demo.h"
#include "wk/accounts/principal.h"
#include "wk/profile/peer_index.h"
#include "wk/store/db.h"
#include "wk/store/migrations.h"

namespace wk::profile {
namespace {

class PeerIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto db = store::Db::Open(":memory:");
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(store::Migrate(**db).has_value());
    auto loaded = areas::LoadDemo(**db, accounts::CliPrincipal("tester"));
    ASSERT_TRUE(loaded.has_value()) << loaded.error().Describe();
    db_ = db->release();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static store::Db* db_;
};
store::Db* PeerIndexTest::db_ = nullptr;

// The same-level areas of the municipality as AreaProfile defined its peers before the index:
// through the area tree (the wijken of GM0344, and their buurten), in code order.
std::vector<areas::Area> PeersByTree(store::Db& db, areas::Level level) {
  if (level == areas::Level::kGemeente) return *areas::Municipalities(db);
  auto wijken = *areas::Children(db, "GM0344");
  if (level == areas::Level::kWijk) return wijken;
  std::vector<areas::Area> buurten;
  for (const auto& w : wijken) {
    auto children = *areas::Children(db, w.code);
    buurten.insert(buurten.end(), children.begin(), children.end());
  }
  return buurten;
}

void ExpectSame(const std::optional<PeerStats>& got, const std::optional<PeerStats>& want, const std::string& what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (!got) return;
  EXPECT_EQ(got->peers, want->peers) << what;
  EXPECT_EQ(got->rank, want->rank) << what;
  // The same doubles, not merely close ones.
  EXPECT_EQ(got->percentile, want->percentile) << what;
  EXPECT_EQ(got->z_score, want->z_score) << what;
}

TEST_F(PeerIndexTest, EveryLookupEqualsComparePeersOverTheAreasFigures) {
  int compared = 0;
  for (int year : {2023, 2024}) {
    for (auto level : {areas::Level::kBuurt, areas::Level::kWijk, areas::Level::kGemeente}) {
      auto values = areas::ValuesOfYear(*db_, year, level);
      ASSERT_TRUE(values.has_value());
      auto index = LevelIndex::Build(*values, 7);
      EXPECT_EQ(index.generation(), 7);
      auto peers = PeersByTree(*db_, level);
      EXPECT_EQ(index.area_count(), static_cast<int>(peers.size()));
      EXPECT_EQ(index.municipality_count(), 1);
      if (level != areas::Level::kGemeente) {
        EXPECT_EQ(index.AreasIn("GM0344"), static_cast<int>(peers.size()));
      }
      std::vector<std::unordered_map<std::string, std::optional<double>>> figures;
      for (const auto& p : peers) {
        auto f = areas::Figures(*db_, p.code, year);
        ASSERT_TRUE(f.has_value());
        figures.emplace_back();
        for (const auto& x : *f) figures.back()[x.def->code] = x.value;
      }
      for (const auto& def : areas::Catalogue()) {
        std::vector<std::optional<double>> column;
        for (const auto& f : figures) column.push_back(f.contains(def.code) ? f.at(def.code) : std::nullopt);
        for (std::size_t a = 0; a < peers.size(); ++a) {
          std::string what = peers[a].code + " " + def.code + " " + std::to_string(year);
          auto want = ComparePeers(column[a], column);
          ExpectSame(index.Nationally(def.code, column[a]), want, what);
          if (level != areas::Level::kGemeente) {
            ExpectSame(index.InGemeente(def.code, "GM0344", column[a]), want, what);
          }
          compared += want.has_value();
        }
      }
    }
  }
  EXPECT_GT(compared, 10000);  // 13,313 values with peers
}

TEST(PeerIndex, NationalAndMunicipalPeersAreKeptApart) {
  // Hand-made values (not statistics): two municipalities, an area without a value, ties.
  std::vector<areas::IndicatorDef> defs(1);
  defs[0].code = "x";
  areas::LevelValues values;
  values.indicators = {&defs[0]};
  auto add = [&](std::string code, std::optional<double> v) {
    values.areas.push_back({code, code, areas::Level::kBuurt, "WK" + code.substr(2, 6), std::nullopt});
    values.values.push_back(v);
  };
  add("BU00010101", 1);
  add("BU00010102", 3);
  add("BU00010103", std::nullopt);
  add("BU00020101", 3);
  add("BU00020102", 3);
  add("BU00020201", 8);
  auto index = LevelIndex::Build(values, 1);
  EXPECT_EQ(index.municipality_count(), 2);
  EXPECT_EQ(index.AreasIn("GM0001"), 3);
  EXPECT_EQ(index.AreasIn("GM0002"), 3);
  EXPECT_EQ(index.AreasIn("GM0003"), 0);
  EXPECT_EQ(index.value_count(), 5);

  struct Case {
    const char* what;
    std::optional<PeerStats> got;
    std::vector<std::optional<double>> peers;
    double value;
  };
  const Case cases[] = {
      {"3 in GM0001", index.InGemeente("x", "GM0001", 3), {1, 3, std::nullopt}, 3},
      {"3 in GM0002, tied", index.InGemeente("x", "GM0002", 3), {3, 3, 8}, 3},
      {"3 nationally, three tied", index.Nationally("x", 3), {1, 3, std::nullopt, 3, 3, 8}, 3},
      {"8 nationally", index.Nationally("x", 8), {1, 3, std::nullopt, 3, 3, 8}, 8},
  };
  for (const auto& c : cases) ExpectSame(c.got, ComparePeers(c.value, c.peers), c.what);
  auto tied = index.Nationally("x", 3);
  ASSERT_TRUE(tied.has_value());
  EXPECT_EQ(tied->rank, 2);
  EXPECT_EQ(tied->percentile, (1 + 0.5 * 3) / 5 * 100);

  EXPECT_FALSE(index.Nationally("x", std::nullopt).has_value());
  EXPECT_FALSE(index.Nationally("y", 3).has_value());
  EXPECT_FALSE(index.InGemeente("x", "GM0003", 3).has_value());
}

TEST(PeerIndex, TheGemeenteFollowsFromTheCbsCode) {
  struct Case {
    areas::Area area;
    const char* gemeente;
  };
  const Case cases[] = {
      {{"BU03440311", "", areas::Level::kBuurt, "WK034403", std::nullopt}, "GM0344"},
      {{"WK034403", "", areas::Level::kWijk, "GM0344", std::nullopt}, "GM0344"},
      {{"GM0344", "", areas::Level::kGemeente, "", std::nullopt}, "GM0344"},
      {{"WKX", "", areas::Level::kWijk, "GM0363", std::nullopt}, "GM0363"},  // not a CBS code: its parent
  };
  for (const auto& c : cases) EXPECT_EQ(GemeenteOf(c.area), c.gemeente) << c.area.code;
}

TEST(PeerIndexCache, IsSharedByConnectionsAndRebuiltAfterAnImport) {
  std::string path = testing::DemoFile();
  auto one = store::Db::Open(path);
  auto two = store::Db::Open(path);
  ASSERT_TRUE(one.has_value() && two.has_value());

  auto before = PeerIndexBuilds();
  auto first = PeerIndexOf(**one, 2024, areas::Level::kBuurt);
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_EQ(PeerIndexBuilds(), before + 1);
  auto again = PeerIndexOf(**two, 2024, areas::Level::kBuurt);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->get(), first->get());  // the other connection gets the same index
  EXPECT_EQ(PeerIndexBuilds(), before + 1);

  // An import raises the data generation; the next lookup rebuilds.
  ASSERT_TRUE((*two)->Exec("UPDATE areas_generation SET generation = generation + 1").has_value());
  auto after = PeerIndexOf(**one, 2024, areas::Level::kBuurt);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(PeerIndexBuilds(), before + 2);
  EXPECT_NE(after->get(), first->get());
  EXPECT_EQ((*after)->generation(), (*first)->generation() + 1);

  // BuildPeerIndex rebuilds every level of the year and replaces the cached ones.
  auto summary = BuildPeerIndex(**one, 2024);
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(PeerIndexBuilds(), before + 5);
  EXPECT_EQ(summary->year, 2024);
  EXPECT_EQ(summary->areas, 1 + 10 + 111);
  std::int64_t values = 0;
  for (auto level : {areas::Level::kGemeente, areas::Level::kWijk, areas::Level::kBuurt}) {
    auto lv = areas::ValuesOfYear(**one, 2024, level);
    ASSERT_TRUE(lv.has_value());
    for (const auto& v : lv->values) values += v.has_value();
  }
  EXPECT_EQ(summary->values, values);
  auto cached = PeerIndexOf(**two, 2024, areas::Level::kWijk);
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(PeerIndexBuilds(), before + 5);
}

TEST(PeerIndexCache, ThreadsAskingAtOnceShareOneBuild) {
  std::string path = testing::DemoFile();
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<store::Db>> connections;
  for (int i = 0; i < kThreads; ++i) {
    auto db = store::Db::Open(path);
    ASSERT_TRUE(db.has_value());
    connections.push_back(std::move(*db));
  }
  auto before = PeerIndexBuilds();
  std::vector<const LevelIndex*> got(kThreads, nullptr);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto index = PeerIndexOf(*connections[static_cast<std::size_t>(i)], 2023, areas::Level::kWijk);
      if (index) got[static_cast<std::size_t>(i)] = index->get();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(PeerIndexBuilds(), before + 1);
  for (const auto* index : got) {
    ASSERT_NE(index, nullptr);
    EXPECT_EQ(index, got[0]);
  }
}

}  // namespace
}  // namespace wk::profile
