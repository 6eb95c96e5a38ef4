// AreaProfile on the real Utrecht demo data. Every expected number is computed here, by plain
// loops, from the CBS CSV files in ../shared/data/cbs, independently of the areas module.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "wk/accounts/principal.h"
#include "wk/core/text.h"
#include "wk/profile/profile.h"
#include "wk/store/db.h"
#include "wk/store/migrations.h"

namespace wk::profile {
namespace {

// One CBS kwb file: area code -> column -> cell text (trimmed), and area code -> "Gemeente"/"Wijk"/"Buurt".
struct CbsTable {
  std::vector<std::string> order;  // area codes in file order
  std::map<std::string, std::map<std::string, std::string>> cells;
  std::map<std::string, std::string> level;
};

std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

CbsTable ReadCbs(int year) {
  const char* base = std::getenv("WK_SHARED_DATA");
  std::ifstream in(std::string(base ? base : "../shared/data") + "/cbs/kwb-" + std::to_string(year) +
                   "_GM0344_utrecht.csv");
  EXPECT_TRUE(in.good());
  CbsTable t;
  std::string line;
  std::getline(in, line);
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  auto header = SplitCsv(line);
  while (std::getline(in, line)) {
    auto fields = SplitCsv(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) {
      row[header[i]] = std::string(text::Trim(fields[i]));
    }
    std::string code = row["gwb_code_10"];
    t.order.push_back(code);
    t.level[code] = row["recs"];
    t.cells[code] = std::move(row);
  }
  return t;
}

const CbsTable& Cbs(int year) {
  static const std::map<int, CbsTable> tables = {{2023, ReadCbs(2023)}, {2024, ReadCbs(2024)}};
  return tables.at(year);
}

// The value as the catalogue defines it: the cell, or numerator / denominator * scale.
std::optional<double> Expected(int year, const std::string& code, const std::string& indicator) {
  const auto& row = Cbs(year).cells.at(code);
  const auto* def = areas::FindIndicator(indicator);
  auto cell = [&](const std::string& column) { return text::ParseDouble(row.at(column)); };
  if (!def->IsDerived()) return cell(indicator);
  auto num = cell(def->numerator), den = cell(def->denominator);
  if (!num || !den || *den == 0) return std::nullopt;
  return *num / *den * def->scale;
}

class Profiles : public ::testing::Test {
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
  static const IndicatorProfile* Find(const Profile& p, const std::string& indicator) {
    for (const auto& ip : p.indicators) {
      if (ip.def->code == indicator) return &ip;
    }
    return nullptr;
  }
  static store::Db* db_;
};
store::Db* Profiles::db_ = nullptr;

TEST_F(Profiles, ValuesParentsRanksPercentilesAndZScoresMatchTheCbsFile) {
  struct Case {
    const char* code;
    const char* indicator;
    int year;
  };
  const Case cases[] = {
      {"BU03440311", "p_65_oo", 2024},  // the share 65+ of a buurt in Overvecht
      {"BU03440311", "p_65_oo", 2023}, {"BU03440311", "a_inw", 2024},
      {"BU03440113", "a_00_14", 2024},  // tied with two other buurten
      {"BU03440911", "p_65_oo", 2024},  // no inhabitants: the share is missing
      {"WK034403", "p_1p_hh", 2024},   {"WK034409", "a_inw", 2023},
      {"GM0344", "a_inw", 2024},  // the only gemeente loaded
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.code) + " " + c.indicator + " " + std::to_string(c.year));
    auto profile = AreaProfile(*db_, c.code, c.year);
    ASSERT_TRUE(profile.has_value()) << profile.error().Describe();
    const auto* ip = Find(*profile, c.indicator);
    ASSERT_NE(ip, nullptr);
    const std::string code = c.code;
    auto value = Expected(c.year, code, c.indicator);
    ASSERT_EQ(ip->value.has_value(), value.has_value());
    if (value) {
      EXPECT_DOUBLE_EQ(*ip->value, *value);
    }

    // Parents, from the gemeente down: GM0344, and for a buurt its wijk WK + 6 digits.
    std::vector<std::string> parents;
    if (!code.starts_with("GM")) parents.push_back("GM0344");
    if (code.starts_with("BU")) parents.push_back("WK" + code.substr(2, 6));
    ASSERT_EQ(ip->parents.size(), parents.size());
    for (std::size_t i = 0; i < parents.size(); ++i) {
      EXPECT_EQ(ip->parents[i].code, parents[i]);
      auto pv = Expected(c.year, parents[i], c.indicator);
      ASSERT_EQ(ip->parents[i].value.has_value(), pv.has_value());
      if (pv) {
        EXPECT_DOUBLE_EQ(*ip->parents[i].value, *pv);
      }
    }
    if (value && !parents.empty()) {
      auto pv = Expected(c.year, parents.back(), c.indicator);
      ASSERT_TRUE(ip->from_parent.has_value());
      EXPECT_DOUBLE_EQ(ip->from_parent->absolute, *value - *pv);
      EXPECT_DOUBLE_EQ(*ip->from_parent->percent, (*value - *pv) / *pv * 100);
    } else {
      EXPECT_FALSE(ip->from_parent.has_value());
    }

    // Peers: every area of the same level in the file; those without a value are left out.
    const auto& table = Cbs(c.year);
    int all = 0, n = 0, below = 0, equal = 0, above = 0;
    double sum = 0;
    std::vector<double> peer_values;
    for (const auto& other : table.order) {
      if (table.level.at(other) != table.level.at(code)) continue;
      ++all;
      auto v = Expected(c.year, other, c.indicator);
      if (!v) continue;
      ++n;
      sum += *v;
      peer_values.push_back(*v);
      if (value && *v < *value) ++below;
      if (value && *v == *value) ++equal;
      if (value && *v > *value) ++above;
    }
    EXPECT_EQ(profile->peer_count, all);
    if (!value) {
      EXPECT_FALSE(ip->peers.has_value());
      continue;
    }
    ASSERT_TRUE(ip->peers.has_value());
    EXPECT_EQ(ip->peers->peers, n);
    EXPECT_EQ(ip->peers->rank, above + 1);
    EXPECT_DOUBLE_EQ(ip->peers->percentile, (below + equal / 2.0) * 100 / n);
    double mean = sum / n, squares = 0;
    for (double v : peer_values) squares += (v - mean) * (v - mean);
    double sd = std::sqrt(squares / n);
    ASSERT_EQ(ip->peers->z_score.has_value(), sd > 0);
    if (sd > 0) {
      EXPECT_NEAR(*ip->peers->z_score, (*value - mean) / sd, 1e-9);
    }
  }
}

TEST_F(Profiles, TheTiedBuurtenShareRankAndPercentile) {
  // BU03440113, BU03440212 and BU03440413 have the same a_00_14 in 2024 (asserted from the file).
  const char* tied[] = {"BU03440113", "BU03440212", "BU03440413"};
  auto first = Expected(2024, tied[0], "a_00_14");
  ASSERT_TRUE(first.has_value());
  std::optional<PeerStats> expected;
  for (const char* code : tied) {
    ASSERT_EQ(Expected(2024, code, "a_00_14"), first);
    auto profile = AreaProfile(*db_, code, 2024);
    ASSERT_TRUE(profile.has_value());
    const auto* ip = Find(*profile, "a_00_14");
    ASSERT_TRUE(ip != nullptr && ip->peers.has_value());
    if (!expected) expected = ip->peers;
    EXPECT_EQ(ip->peers->rank, expected->rank) << code;
    EXPECT_DOUBLE_EQ(ip->peers->percentile, expected->percentile) << code;
  }
}

TEST_F(Profiles, TheTrendFrom2023To2024FollowsTheCbsFiles) {
  struct Case {
    const char* code;
    const char* indicator;
    Movement movement;  // a_inw is neutral: never favourable or unfavourable
  };
  const Case cases[] = {
      {"WK034403", "a_inw", Movement::kStable},  // under 2 % growth
      {"WK034409", "a_inw", Movement::kUp},      // over 2 % growth
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto from = Expected(2023, c.code, c.indicator), to = Expected(2024, c.code, c.indicator);
    ASSERT_TRUE(from && to);
    auto profile = AreaProfile(*db_, c.code, 2024);
    ASSERT_TRUE(profile.has_value());
    EXPECT_EQ(profile->years, (std::vector<int>{2023, 2024}));
    const auto* ip = Find(*profile, c.indicator);
    ASSERT_NE(ip, nullptr);
    for (const auto& trend : {ip->since_previous, ip->since_first}) {
      ASSERT_TRUE(trend.has_value());
      EXPECT_EQ(trend->from_year, 2023);
      EXPECT_EQ(trend->to_year, 2024);
      EXPECT_DOUBLE_EQ(trend->change, *to - *from);
      EXPECT_DOUBLE_EQ(*trend->percent, (*to - *from) / *from * 100);
      EXPECT_EQ(trend->movement, c.movement);
      EXPECT_EQ(trend->judgement, Judgement::kNeither);
    }
    // Seen from 2023 there is no previous year; the first-to-last trend is the same.
    auto earlier = AreaProfile(*db_, c.code, 2023);
    ASSERT_TRUE(earlier.has_value());
    const auto* ip23 = Find(*earlier, c.indicator);
    ASSERT_NE(ip23, nullptr);
    EXPECT_FALSE(ip23->since_previous.has_value());
    ASSERT_TRUE(ip23->since_first.has_value());
    EXPECT_EQ(ip23->since_first->movement, c.movement);
  }
}

const IndicatorProfile* Find(const Profile& p, const std::string& indicator) {
  for (const auto& ip : p.indicators) {
    if (ip.def->code == indicator) return &ip;
  }
  return nullptr;
}

// The threshold is the indicator's own: two example indicators (codes vb_*, "voorbeeld") carry the
// real a_inw of WK034409 in 2023 and 2024 (+4.7 %), defined with thresholds 4 and 5 %.
TEST(ProfileTrend, UsesTheIndicatorsOwnThreshold) {
  auto db = store::Db::Open(":memory:");
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(store::Migrate(**db).has_value());
  ASSERT_TRUE(areas::LoadDemo(**db, accounts::CliPrincipal("tester")).has_value());
  auto from = Expected(2023, "WK034409", "a_inw"), to = Expected(2024, "WK034409", "a_inw");
  ASSERT_TRUE(from && to);
  auto dir = std::filesystem::temp_directory_path() / ("wk_profile_trend_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "voorbeeld.meta.csv")
      << "code,label,group,unit,theme,direction,decimals,trend_threshold\n"
         "vb_inw_4,Inwoners (voorbeeld: a_inw van CBS),Voorbeeld,aantal,bevolking,neutral,0,4\n"
         "vb_inw_5,Inwoners (voorbeeld: a_inw van CBS),Voorbeeld,aantal,bevolking,neutral,0,5\n";
  std::ofstream values(dir / "voorbeeld.csv");
  values << "area_code,indicator,year,value\n";
  for (const char* code : {"vb_inw_4", "vb_inw_5"}) {
    values << "WK034409," << code << ",2023," << *from << "\nWK034409," << code << ",2024," << *to << "\n";
  }
  values.close();
  areas::IndicatorImportOptions options;
  options.source = "Voorbeeld met CBS-waarden";
  options.publisher = "CBS";
  options.reliability = "hoog";
  auto imported =
      areas::ImportIndicators(**db, accounts::CliPrincipal("tester"), (dir / "voorbeeld.csv").string(), options);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(imported.has_value()) << imported.error().Describe();

  auto profile = AreaProfile(**db, "WK034409", 2024);
  ASSERT_TRUE(profile.has_value());
  struct Case {
    const char* indicator;
    double threshold;
    Movement movement;
  };
  const Case cases[] = {
      {"a_inw", 2, Movement::kUp}, {"vb_inw_4", 4, Movement::kUp}, {"vb_inw_5", 5, Movement::kStable}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.indicator);
    const auto* ip = Find(*profile, c.indicator);
    ASSERT_NE(ip, nullptr);  // custom indicators follow the catalogue's
    EXPECT_EQ(ip->def->trend_threshold, c.threshold);
    ASSERT_TRUE(ip->since_previous.has_value());
    EXPECT_DOUBLE_EQ(*ip->since_previous->percent, (*to - *from) / *from * 100);
    EXPECT_EQ(ip->since_previous->movement, c.movement);
  }
  EXPECT_EQ(Find(*profile, "vb_inw_5")->reliability, "hoog");
  EXPECT_EQ(Find(*profile, "vb_inw_5")->source_title, "Voorbeeld met CBS-waarden");
  EXPECT_EQ(Find(*profile, "a_inw")->reliability, "");
  EXPECT_GT(Find(*profile, "vb_inw_5") - &profile->indicators[0], Find(*profile, "ste_oad") - &profile->indicators[0]);
}

TEST_F(Profiles, AnIndicatorMissingEverywhereIsNeverCompared) {
  auto profile = AreaProfile(*db_, "BU03440311", 2024);
  ASSERT_TRUE(profile.has_value());
  const auto& table = Cbs(2024);
  int checked = 0;
  for (const auto& def : areas::Catalogue()) {
    if (def.IsDerived() || !table.cells.begin()->second.contains(def.code)) continue;
    bool all_missing = true;
    for (const auto& [code, row] : table.cells) all_missing = all_missing && row.at(def.code) == ".";
    if (!all_missing) continue;
    SCOPED_TRACE(def.code);
    ++checked;
    const auto* ip = Find(*profile, def.code);
    ASSERT_NE(ip, nullptr);  // listed, so the page can say it is missing
    EXPECT_FALSE(ip->value.has_value());
    for (const auto& parent : ip->parents) EXPECT_FALSE(parent.value.has_value());
    EXPECT_FALSE(ip->peers.has_value());
    EXPECT_FALSE(ip->from_parent.has_value());
    EXPECT_FALSE(ip->since_previous.has_value());
    EXPECT_FALSE(ip->since_first.has_value());
    EXPECT_TRUE(ip->notable.empty());
    for (const auto& f : profile->findings) EXPECT_NE(f.indicator, def.code);
  }
  EXPECT_GT(checked, 0);  // g_ele and others are '.' in every row of 2024
}

TEST_F(Profiles, WithOneMunicipalityLoadedThereAreNoNationalPeers) {
  for (const char* code : {"BU03440311", "WK034403", "GM0344"}) {
    auto profile = AreaProfile(*db_, code, 2024);
    ASSERT_TRUE(profile.has_value());
    const auto* ip = Find(*profile, "p_65_oo");
    ASSERT_NE(ip, nullptr);
    EXPECT_TRUE(ip->peers.has_value()) << code;
    EXPECT_FALSE(ip->national_peers.has_value()) << code;
  }
}

TEST_F(Profiles, IndicatorsFollowTheFiguresOfTheAreaInCatalogueOrder) {
  auto profile = AreaProfile(*db_, "BU03440311", 2024);
  auto figures = areas::Figures(*db_, "BU03440311", 2024);
  ASSERT_TRUE(profile.has_value() && figures.has_value());
  ASSERT_EQ(profile->indicators.size(), figures->size());
  for (std::size_t i = 0; i < figures->size(); ++i) {
    EXPECT_EQ(profile->indicators[i].def, (*figures)[i].def);
    EXPECT_EQ(profile->indicators[i].source, "CBS");
    EXPECT_EQ(profile->indicators[i].source_title, "Kerncijfers wijken en buurten 2024");
  }
}

// A second municipality for the national peers: the real Utrecht 2024 file again under the codes
// GM9344/WK9344../BU9344.. (no such gemeente exists; a copy made here, never stored beyond this
// test). Every value then occurs twice nationally, so a buurt's national percentile equals its
// municipal one and its national rank is 2 × (peers above) + 1.
TEST(ProfileNationalPeers, CountEveryBuurtOfEveryLoadedMunicipality) {
  auto db = store::Db::Open(":memory:");
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(store::Migrate(**db).has_value());
  ASSERT_TRUE(areas::LoadDemo(**db, accounts::CliPrincipal("tester")).has_value());
  const char* base = std::getenv("WK_SHARED_DATA");
  std::ifstream in(std::string(base ? base : "../shared/data") + "/cbs/kwb-2024_GM0344_utrecht.csv");
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string copy = bytes.str();
  for (const char* from : {"GM0344", "WK0344", "BU0344"}) {
    std::string to = std::string(from, 2) + "9344";
    for (auto at = copy.find(from); at != std::string::npos; at = copy.find(from, at)) copy.replace(at, 6, to);
  }
  std::string path = std::filesystem::temp_directory_path() / ("kwb-2024_kopie_" + std::to_string(getpid()) + ".csv");
  std::ofstream(path) << copy;
  auto imported = areas::ImportCbs(**db, accounts::CliPrincipal("tester"), path, 2024);
  std::filesystem::remove(path);
  ASSERT_TRUE(imported.has_value()) << imported.error().Describe();

  for (const char* code : {"BU03440113", "BU93440113", "WK034403"}) {
    SCOPED_TRACE(code);
    auto profile = AreaProfile(**db, code, 2024);
    ASSERT_TRUE(profile.has_value());
    EXPECT_EQ(profile->peer_count, std::string(code).starts_with("BU") ? 111 : 10);
    for (const auto& ip : profile->indicators) {
      ASSERT_EQ(ip.peers.has_value(), ip.national_peers.has_value()) << ip.def->code;
      if (!ip.peers) continue;
      EXPECT_EQ(ip.national_peers->peers, 2 * ip.peers->peers);
      EXPECT_EQ(ip.national_peers->rank, 2 * (ip.peers->rank - 1) + 1);
      EXPECT_DOUBLE_EQ(ip.national_peers->percentile, ip.peers->percentile);
      ASSERT_EQ(ip.national_peers->z_score.has_value(), ip.peers->z_score.has_value());
      if (ip.peers->z_score) {
        EXPECT_NEAR(*ip.national_peers->z_score, *ip.peers->z_score, 1e-9);
      }
    }
  }
}

TEST_F(Profiles, AnUnknownAreaOrYearIsNotFound) {
  auto area = areas::GetArea(*db_, "WK034403");
  ASSERT_TRUE(area.has_value());
  struct Case {
    const char* code;
    int year;
    std::string message;
  };
  const Case cases[] = {
      {"WK034403", 2020, "Voor " + area->name + " zijn geen cijfers over 2020."},
      {"BU99999999", 2024, "Gebied BU99999999 bestaat niet."},
  };
  for (const auto& c : cases) {
    auto p = AreaProfile(*db_, c.code, c.year);
    ASSERT_FALSE(p.has_value());
    EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(p.error().message, c.message);
  }
}

}  // namespace
}  // namespace wk::profile
