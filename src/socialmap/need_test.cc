#include <gtest/gtest.h>

#include "search_test_support.h"
#include "wk/socialmap/search.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

using List = std::vector<std::string>;

class Need : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { db_ = testing::DemoDb().release(); }
  static void TearDownTestSuite() { delete db_; }

  static ParsedNeed Parse(const char* need) {
    auto parsed = ParseNeed(*db_, need);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().Describe();
    return parsed.value_or(ParsedNeed{});
  }
  static List Understood(const ParsedNeed& p) {
    List out;
    for (const auto& r : p.understood) out.push_back(r.kind + "|" + r.label);
    return out;
  }
  static store::Db* db_;
};
store::Db* Need::db_ = nullptr;

TEST_F(Need, TheIssuesExampleBecomesTargetGroupAgeAndArea) {
  const ParsedNeed p = Parse("eenzaam, 75+, Overvecht");
  EXPECT_EQ(p.query.target_groups, (List{"eenzaamheid"}));
  EXPECT_EQ(p.query.age, 75);
  EXPECT_EQ(p.query.area_served, "WK034403");
  EXPECT_EQ(p.query.near_area, "WK034403");
  EXPECT_EQ(p.query.radius_km, 0);  // nearer first, no limit
  EXPECT_EQ(p.query.text, "");
  EXPECT_EQ(Understood(p),
            (List{"filter|eenzaam → doelgroep Mensen die zich eenzaam voelen", "filter|75+ → leeftijd 75 jaar",
                  "gebied|Overvecht → gebied Wijk 03 Overvecht (wijk)"}));
}

TEST_F(Need, AgesInTheirEverydayForms) {
  const std::pair<const char*, int> cases[] = {
      {"75+", 75},    {"75 jaar", 75},  {"75+ jaar", 75},    {"vanaf 65", 65}, {"boven 65 jaar", 65}, {"18-", 17},
      {"tot 18", 17}, {"onder 12", 11}, {"65-plussers", 65}, {"65plus", 65},   {"Hulp 80+", 80},      {"80 JAAR", 80},
  };
  for (const auto& [need, age] : cases) EXPECT_EQ(Parse(need).query.age, age) << need;
  EXPECT_EQ(Parse("bus 3").query.age, std::nullopt);  // a bare number is a word
  EXPECT_EQ(Parse("bus 3").query.text, "bus 3");
}

TEST_F(Need, VocabularyWordsBecomeFiltersByCodeOrNameInAnyForm) {
  struct Case {
    const char* need;
    List domains, laws, groups, access;
    const char* text;
  };
  const Case cases[] = {
      {"wmo", {}, {"wmo"}, {}, {}, ""},
      {"Jeugdwet", {}, {"jeugdwet"}, {}, {}, ""},
      {"mantelzorgers", {}, {}, {"mantelzorgers"}, {}, ""},
      {"mantelzorger", {}, {}, {"mantelzorgers"}, {}, ""},
      {"ouderen", {}, {}, {"ouderen"}, {}, ""},
      {"jeugd", {"jeugd"}, {}, {}, {}, ""},
      {"werk en inkomen", {"werk-en-inkomen"}, {}, {}, {}, ""},
      {"via de huisarts", {}, {}, {}, {"via-huisarts"}, ""},
      {"koffie voor ouderen, wmo", {}, {"wmo"}, {"ouderen"}, {}, "koffie voor"},
      {"hulp bij schulden", {}, {}, {"schulden"}, {}, "hulp bij"},
  };
  for (const auto& c : cases) {
    const ParsedNeed p = Parse(c.need);
    EXPECT_EQ(p.query.domains, c.domains) << c.need;
    EXPECT_EQ(p.query.laws, c.laws) << c.need;
    EXPECT_EQ(p.query.target_groups, c.groups) << c.need;
    EXPECT_EQ(p.query.access_routes, c.access) << c.need;
    EXPECT_EQ(p.query.text, c.text) << c.need;
  }
}

TEST_F(Need, AreasOfSeveralWordsAndTheRestAsText) {
  const ParsedNeed p = Parse("mantelzorgers Oog in Al wmo respijtzorg");
  EXPECT_EQ(p.query.area_served, "BU03440112");
  EXPECT_EQ(p.query.target_groups, (List{"mantelzorgers"}));
  EXPECT_EQ(p.query.laws, (List{"wmo"}));
  EXPECT_EQ(p.query.text, "respijtzorg");
  EXPECT_EQ(Understood(p),
            (List{"filter|mantelzorgers → doelgroep Mantelzorgers", "gebied|Oog in Al → gebied Oog in Al (buurt)",
                  "filter|wmo → wet Wmo", "tekst|Zoekwoorden: respijtzorg"}));
}

TEST_F(Need, OnlyTheFirstAreaCounts) {
  const ParsedNeed p = Parse("Overvecht, Oog in Al");
  EXPECT_EQ(p.query.area_served, "WK034403");
  EXPECT_EQ(Understood(p), (List{"gebied|Overvecht → gebied Wijk 03 Overvecht (wijk)",
                                 "gebied|Oog in Al → niet gebruikt: één gebied tegelijk"}));
}

TEST_F(Need, AnEmptyNeedIsAnEmptySearch) {
  const ParsedNeed p = Parse(" , ");
  EXPECT_EQ(p.query.text, "");
  EXPECT_TRUE(p.understood.empty());
}

TEST_F(Need, TheParsedNeedFindsTheRightServices) {
  auto set = testing::AddFixedSet(*db_);
  auto found = Search(*db_, Parse("eenzaam, 75+, Overvecht").query);
  ASSERT_TRUE(found.has_value()) << found.error().Describe();
  List keys;
  for (const auto& h : found->hits) keys.push_back(set.name.at(h.service.id));
  // Only the coffee morning has the target group; it serves Overvecht and lets in people of 65+.
  EXPECT_EQ(keys, (List{"koffie"}));
  ASSERT_EQ(found->hits.size(), 1u);
  List labels;
  for (const auto& r : found->hits[0].reasons) labels.push_back(r.label);
  EXPECT_EQ(labels, (List{"Doelgroep: Mensen die zich eenzaam voelen", "Leeftijd: 75 jaar",
                          "Werkgebied: Wijk 03 Overvecht", "Afstand: 0,9 km"}));
}

}  // namespace
}  // namespace wk::socialmap
