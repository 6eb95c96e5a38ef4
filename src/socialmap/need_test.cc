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

TEST_F(Need, TheIssuesExampleBecomesAWordAnAgeAndAnArea) {
  const ParsedNeed p = Parse("eenzaam, 75+, Overvecht");
  EXPECT_EQ(p.query.target_groups, (List{}));  // no filter: the word also finds services that only describe it
  EXPECT_EQ(p.query.text, "eenzaam");
  EXPECT_EQ(p.query.age, 75);
  EXPECT_EQ(p.query.area_served, "WK034403");
  EXPECT_EQ(p.query.near_area, "WK034403");
  EXPECT_EQ(p.query.radius_km, 0);  // nearer first, no limit
  EXPECT_EQ(Understood(p),
            (List{"tekst|eenzaam → zoekwoord (ook doelgroep Mensen die zich eenzaam voelen)",
                  "filter|75+ → leeftijd 75 jaar", "gebied|Overvecht → gebied Wijk 03 Overvecht (wijk)"}));
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

TEST_F(Need, LawAndAccessRouteWordsBecomeFiltersByCodeOrNameInAnyForm) {
  struct Case {
    const char* need;
    List laws, access;
    const char* text;
    List understood;
  };
  const Case cases[] = {
      {"wmo", {"wmo"}, {}, "", {"filter|wmo → wet Wmo"}},
      {"Jeugdwet", {"jeugdwet"}, {}, "", {"filter|Jeugdwet → wet Jeugdwet"}},
      {"participatiewet, wlz",
       {"participatiewet", "wlz"},
       {},
       "",
       {"filter|participatiewet → wet Participatiewet", "filter|wlz → wet Wlz"}},
      {"via de huisarts", {}, {"via-huisarts"}, "", {"filter|via de huisarts → toegang Via de huisarts"}},
      {"koffie, wmo", {"wmo"}, {}, "koffie", {"filter|wmo → wet Wmo", "tekst|Zoekwoorden: koffie"}},
  };
  for (const auto& c : cases) {
    const ParsedNeed p = Parse(c.need);
    EXPECT_EQ(p.query.laws, c.laws) << c.need;
    EXPECT_EQ(p.query.access_routes, c.access) << c.need;
    EXPECT_EQ(p.query.text, c.text) << c.need;
    EXPECT_EQ(Understood(p), c.understood) << c.need;
  }
}

TEST_F(Need, TargetGroupAndDomainWordsStaySearchWordsAndSayWhatTheyAlsoName) {
  struct Case {
    const char* need;
    const char* text;
    List understood;
  };
  const Case cases[] = {
      {"mantelzorgers", "mantelzorgers", {"tekst|mantelzorgers → zoekwoord (ook doelgroep Mantelzorgers)"}},
      {"mantelzorger", "mantelzorger", {"tekst|mantelzorger → zoekwoord (ook doelgroep Mantelzorgers)"}},
      {"Ouderen", "Ouderen", {"tekst|Ouderen → zoekwoord (ook doelgroep Ouderen)"}},
      {"jeugd", "jeugd", {"tekst|jeugd → zoekwoord (ook domein Jeugd)"}},
      {"werk en inkomen", "werk en inkomen", {"tekst|werk en inkomen → zoekwoord (ook domein Werk en inkomen)"}},
      {"koffie voor ouderen, wmo",
       "koffie voor ouderen",
       {"tekst|ouderen → zoekwoord (ook doelgroep Ouderen)", "filter|wmo → wet Wmo",
        "tekst|Zoekwoorden: koffie, voor"}},
  };
  for (const auto& c : cases) {
    const ParsedNeed p = Parse(c.need);
    EXPECT_EQ(p.query.text, c.text) << c.need;
    EXPECT_EQ(p.query.target_groups, List{}) << c.need;
    EXPECT_EQ(p.query.domains, List{}) << c.need;
    EXPECT_EQ(Understood(p), c.understood) << c.need;
  }
}

TEST_F(Need, AreasOfSeveralWordsAndTheRestAsText) {
  const ParsedNeed p = Parse("mantelzorgers Oog in Al wmo respijtzorg");
  EXPECT_EQ(p.query.area_served, "BU03440112");
  EXPECT_EQ(p.query.laws, (List{"wmo"}));
  EXPECT_EQ(p.query.text, "mantelzorgers respijtzorg");
  EXPECT_EQ(Understood(p), (List{"tekst|mantelzorgers → zoekwoord (ook doelgroep Mantelzorgers)",
                                 "gebied|Oog in Al → gebied Oog in Al (buurt)", "filter|wmo → wet Wmo",
                                 "tekst|Zoekwoorden: respijtzorg"}));
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

TEST_F(Need, TheParsedNeedFindsServicesThatOnlyDescribeTheNeed) {
  auto set = testing::AddFixedSet(*db_, testing::Wijkwerker());
  // A walking group that names loneliness only in its description, without any target group.
  Party party;
  party.name = "Wandelvrienden Voorbeeldwijk";
  party.formal = false;
  Service walk;
  walk.party_id = testing::AddParty(*db_, testing::Wijkwerker(), party);
  walk.name = "Wandelgroep Voorbeeldwijk";
  walk.description = "Elke week samen een rondje lopen, voor wie last heeft van eenzaamheid.";
  walk.areas_served = {"WK034403"};
  const std::string walk_id = testing::AddService(*db_, testing::Wijkwerker(), walk);
  set.name[walk_id] = "wandel";

  auto found = Search(*db_, Parse("eenzaam, 75+, Overvecht").query);
  ASSERT_TRUE(found.has_value()) << found.error().Describe();
  List keys;
  for (const auto& h : found->hits) keys.push_back(set.name.at(h.service.id));
  // All three serve Overvecht and let in people of 75: the word in the name first, then the coffee
  // morning (target group and description), then the walk (description only).
  EXPECT_EQ(keys, (List{"maatje", "koffie", "wandel"}));
  ASSERT_EQ(found->hits.size(), 3u);
  std::vector<List> labels;
  for (const auto& hit : found->hits) {
    List l;
    for (const auto& r : hit.reasons) l.push_back(r.label);
    labels.push_back(l);
  }
  EXPECT_EQ(labels[0],
            (List{"Woorden: eenzaam", "Leeftijd: 75 jaar", "Werkgebied: Wijk 03 Overvecht", "Afstand: 4,0 km"}));
  EXPECT_EQ(labels[1],
            (List{"Woorden: eenzaam", "Leeftijd: 75 jaar", "Werkgebied: Wijk 03 Overvecht", "Afstand: 0,9 km"}));
  EXPECT_EQ(labels[2], (List{"Woorden: eenzaam", "Leeftijd: 75 jaar", "Werkgebied: Wijk 03 Overvecht"}));
}

}  // namespace
}  // namespace wk::socialmap
