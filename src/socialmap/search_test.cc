#include "wk/socialmap/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "search_test_support.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

using testing::FixedSet;

// One demo database with the fixed set for all search tests (loading the demo takes a moment).
class Searching : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = testing::DemoDb().release();
    set_ = new FixedSet(testing::AddFixedSet(*db_, testing::Wijkwerker()));
  }
  static void TearDownTestSuite() {
    delete set_;
    delete db_;
  }

  // The keys of the services found, in order.
  static std::vector<std::string> Keys(const SearchQuery& q) {
    auto found = Search(*db_, q);
    EXPECT_TRUE(found.has_value()) << found.error().Describe();
    std::vector<std::string> keys;
    if (!found) return keys;
    for (const auto& hit : found->hits) keys.push_back(set_->name.at(hit.service.id));
    return keys;
  }
  static std::vector<std::string> Keys(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return Keys(q);
  }
  static SearchHit Hit(const SearchQuery& q, const std::string& key) {
    auto found = Search(*db_, q);
    EXPECT_TRUE(found.has_value());
    for (const auto& hit : found->hits) {
      if (hit.service.id == set_->id.at(key)) return hit;
    }
    ADD_FAILURE() << key << " not found";
    return {};
  }
  static std::vector<std::string> Labels(const SearchHit& hit) {
    std::vector<std::string> out;
    for (const auto& r : hit.reasons) out.push_back(r.kind + "|" + r.label);
    return out;
  }
  static SearchQuery Near(testing::Point p, double radius_km) {
    SearchQuery q;
    q.near_lat = p.lat;
    q.near_lon = p.lon;
    q.radius_km = radius_km;
    return q;
  }

  static store::Db* db_;
  static FixedSet* set_;
};
store::Db* Searching::db_ = nullptr;
FixedSet* Searching::set_ = nullptr;

using List = std::vector<std::string>;

TEST_F(Searching, StemmingFindsOtherFormsOfAWordAndFoldsDiacritics) {
  // "eenzaam" finds a service describing "eenzaamheid"; a name match ranks above a description match.
  EXPECT_EQ(Keys("eenzaam"), (List{"maatje", "koffie"}));
  EXPECT_EQ(Keys("ouderen"), (List{"koffie", "cafe"}));  // "oudere" in the café's description
  EXPECT_EQ(Keys("cafe"), (List{"cafe"}));
  EXPECT_EQ(Keys("CAFÉ"), (List{"cafe"}));
}

TEST_F(Searching, TheNamesOfTargetGroupsAndDomainsAreWordsOfTheService) {
  // Neither the coffee morning's nor the café's own text says "ontmoeting": their domain does.
  EXPECT_EQ(Keys("ontmoeting"), (List{"cafe", "koffie"}));
  EXPECT_EQ(Keys("mantelzorgers"), (List{"mantelzorg"}));  // target group (and the name's "mantelzorg")
  EXPECT_EQ(Keys("gezondheid"), (List{}));                 // a domain no service has
}

TEST_F(Searching, EveryWordMustOccurElseAnyOfThemCounts) {
  EXPECT_EQ(Keys("koffie ouderen"), (List{"koffie"}));
  EXPECT_EQ(Keys("koffie voor ouderen"), (List{"koffie"}));  // "voor" is dropped
  // No service has both words: the search falls back to either.
  EXPECT_EQ(Keys("eenzaam tuinieren"), (List{"maatje", "koffie"}));
  EXPECT_EQ(Keys("tuinieren"), (List{}));
}

TEST_F(Searching, LongerStemsMatchAsAPrefixForCompoundsAndHalfTypedWords) {
  EXPECT_EQ(Keys("respijt"), (List{"mantelzorg"}));  // "respijtzorg"
  EXPECT_EQ(Keys("buurtcafe"), (List{"cafe"}));
  EXPECT_EQ(Keys("mantelz"), (List{"mantelzorg"}));
  EXPECT_EQ(Keys("buurthuis"), (List{"jongeren", "koffie"}));  // the party's name
}

TEST_F(Searching, ArchivedServicesAndServicesOfArchivedPartiesAreNeverFound) {
  EXPECT_EQ(Keys("koffieochtend"), (List{"koffie"}));
  EXPECT_EQ(Keys("inloop"), (List{}));
  SearchQuery all;
  auto found = Search(*db_, all);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->total, 5);
  all.include_archived = true;
  found = Search(*db_, all);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->total, 7);
}

TEST_F(Searching, WithoutWordsServicesComeByName) {
  EXPECT_EQ(Keys(SearchQuery{}), (List{"cafe", "maatje", "jongeren", "koffie", "mantelzorg"}));
}

TEST_F(Searching, EachFilterKeepsOnlyMatchingServices) {
  struct Case {
    const char* what;
    SearchQuery query;
    List expected;
  };
  auto q = [](auto change) {
    SearchQuery query;
    change(query);
    return query;
  };
  const Case cases[] = {
      {"law", q([](SearchQuery& x) { x.laws = {"wmo"}; }), {"maatje", "mantelzorg"}},
      {"laws, any of",
       q([](SearchQuery& x) {
         x.laws = {"jeugdwet", "wlz"};
       }),
       {"jongeren"}},
      {"target group", q([](SearchQuery& x) { x.target_groups = {"mantelzorgers"}; }), {"mantelzorg"}},
      {"domain", q([](SearchQuery& x) { x.domains = {"ontmoeting"}; }), {"cafe", "koffie"}},
      {"access route", q([](SearchQuery& x) { x.access_routes = {"via-wijkteam"}; }), {"maatje"}},
      {"two lists: both",
       q([](SearchQuery& x) { x.domains = {"ontmoeting"}, x.target_groups = {"ouderen"}; }),
       {"koffie"}},
      {"informal parties", q([](SearchQuery& x) { x.formal = false; }), {"cafe"}},
      {"formal parties", q([](SearchQuery& x) { x.formal = true; }), {"maatje", "jongeren", "koffie", "mantelzorg"}},
      // Overvecht: served (WK034403), served by the whole city (GM0344), or located there.
      {"area served", q([](SearchQuery& x) { x.area_served = "WK034403"; }), {"maatje", "jongeren", "koffie"}},
      {"area served, a buurt of it", q([](SearchQuery& x) { x.area_served = "BU03440321"; }), {"maatje", "koffie"}},
      {"age 75", q([](SearchQuery& x) { x.age = 75; }), {"cafe", "maatje", "koffie", "mantelzorg"}},
      {"age 15", q([](SearchQuery& x) { x.age = 15; }), {"cafe", "maatje", "jongeren"}},
      {"words and a filter", q([](SearchQuery& x) { x.text = "eenzaam", x.laws = {"wmo"}; }), {"maatje"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Keys(c.query), c.expected) << c.what;
}

TEST_F(Searching, OpenAtKeepsServicesWithASchedulOpenThen) {
  SearchQuery q;
  q.open_at = ParseLocalTime("2026-12-01 10:30").value();  // a Tuesday
  EXPECT_EQ(Keys(q), (List{"koffie"}));
  q.open_at = ParseLocalTime("2026-12-07 15:00").value();  // the first Monday of December
  EXPECT_EQ(Keys(q), (List{"cafe", "mantelzorg"}));
  q.open_at = ParseLocalTime("2026-12-14 15:00").value();  // the second Monday
  EXPECT_EQ(Keys(q), (List{"mantelzorg"}));
  q.open_at = ParseLocalTime("2026-12-14 20:00").value();  // the youth work: every other Monday from an unknown week
  EXPECT_EQ(Keys(q), (List{}));
}

TEST_F(Searching, NearOrdersByDistanceWithinTheRadius) {
  // Bunnik lies in no buurt of the demo: no area boost, only distance.
  EXPECT_EQ(Keys(Near(testing::kBunnik, 10)), (List{"mantelzorg", "cafe", "maatje", "koffie", "jongeren"}));
  EXPECT_EQ(Keys(Near(testing::kBunnik, 6)), (List{"mantelzorg", "cafe"}));
  EXPECT_EQ(Keys(Near(testing::kBunnik, 5)), (List{"mantelzorg"}));
  auto hit = Hit(Near(testing::kBunnik, 10), "mantelzorg");
  ASSERT_TRUE(hit.distance_km.has_value());
  EXPECT_NEAR(*hit.distance_km, 4.30, 0.01);
}

TEST_F(Searching, NearWithWordsRanksTheServicesInTheRadiusAsTheWholeIndexWould) {
  // Near a point the words are matched and ranked on the services in the radius only; their
  // scores are the ones FTS5's bm25 gives them over the whole index, and the fallback to any of
  // the words works the same.
  struct Case {
    std::string text;
  };
  const Case cases[] = {{"eenzaam"},   {"ouderen"}, {"koffie ouderen"}, {"eenzaam tuinieren"},
                        {"buurthuis"}, {"mantelz"}, {"ontmoeting"},     {"tuinieren"}};
  for (const auto& c : cases) {
    SearchQuery near = Near(testing::kBunnik, 50);
    near.text = c.text;
    SearchQuery everywhere;
    everywhere.text = c.text;
    auto a = Search(*db_, near);
    auto b = Search(*db_, everywhere);
    ASSERT_TRUE(a.has_value() && b.has_value()) << c.text;
    ASSERT_EQ(a->hits.size(), b->hits.size()) << c.text;
    for (const auto& hit : a->hits) {
      const auto same = std::find_if(b->hits.begin(), b->hits.end(),
                                     [&](const SearchHit& h) { return h.service.id == hit.service.id; });
      ASSERT_NE(same, b->hits.end()) << c.text;
      EXPECT_NEAR(hit.score, same->score, 1e-9) << c.text << " " << set_->name.at(hit.service.id);
    }
  }
  SearchQuery q = Near(testing::kBunnik, 5);
  q.text = "mantelzorgers";
  EXPECT_EQ(Keys(q), (List{"mantelzorg"}));
  q.radius_km = 6;
  q.text = "buurtcafe";
  EXPECT_EQ(Keys(q), (List{"cafe"}));
}

TEST_F(Searching, FiltersNearAPointWithWordsKeepWhatTheyKeepEverywhere) {
  // Near a point with words the vocabulary filters are tested on the service points (their
  // filter bits, migration 0007), the others in SQL; everywhere all of them are SQL on the
  // services' own rows. Both must keep the same services, with the same scores, and fall back to
  // any of the words among the filtered services alike.
  const std::function<void(SearchQuery&)> filters[] = {
      [](SearchQuery& x) { x.laws = {"wmo"}; },
      [](SearchQuery& x) {
        x.laws = {"jeugdwet", "wlz"};
      },
      [](SearchQuery& x) { x.target_groups = {"mantelzorgers"}; },
      [](SearchQuery& x) {
        x.target_groups = {"ouderen", "jongeren"};
      },
      [](SearchQuery& x) { x.domains = {"ontmoeting"}; },
      [](SearchQuery& x) { x.access_routes = {"via-wijkteam"}; },
      [](SearchQuery& x) { x.domains = {"ontmoeting"}, x.target_groups = {"ouderen"}; },
      [](SearchQuery& x) { x.laws = {"wmo"}, x.access_routes = {"vrij-toegankelijk"}; },
      [](SearchQuery& x) { x.domains = {"zorg"}, x.formal = true; },
      [](SearchQuery& x) { x.target_groups = {"ouderen"}, x.age = 15; },
  };
  int kept = 0, dropped = 0;
  for (const std::string text : {"ouderen", "eenzaam tuinieren", "koffie", "buurthuis", "mantelz"}) {
    SearchQuery unfiltered;
    unfiltered.text = text;
    auto all = Search(*db_, unfiltered);
    ASSERT_TRUE(all.has_value());
    for (std::size_t f = 0; f < std::size(filters); ++f) {
      SearchQuery near = Near(testing::kBunnik, 50);
      near.text = text;
      filters[f](near);
      SearchQuery everywhere = near;
      everywhere.near_lat.reset();
      everywhere.near_lon.reset();
      everywhere.radius_km = 0;
      auto a = Search(*db_, near);
      auto b = Search(*db_, everywhere);
      ASSERT_TRUE(a.has_value() && b.has_value()) << text << " filter " << f;
      ASSERT_EQ(a->hits.size(), b->hits.size()) << text << " filter " << f;
      for (const auto& hit : a->hits) {
        const auto same = std::find_if(b->hits.begin(), b->hits.end(),
                                       [&](const SearchHit& h) { return h.service.id == hit.service.id; });
        ASSERT_NE(same, b->hits.end()) << text << " filter " << f << " " << set_->name.at(hit.service.id);
        EXPECT_NEAR(hit.score, same->score, 1e-9) << text << " filter " << f;
      }
      kept += static_cast<int>(a->hits.size());
      dropped += static_cast<int>(all->hits.size() - a->hits.size());
    }
  }
  EXPECT_GT(kept, 10);     // the filters keep services ...
  EXPECT_GT(dropped, 10);  // ... and drop others
}

TEST_F(Searching, AServiceServingTheAskedAreaComesBeforeOneThatIsOnlyNear) {
  // At the youth work's door in buurt Tigrisdreef: the youth work is there, the coffee morning
  // serves all of Overvecht and the buddy project the whole city; so the buddy project (4,2 km)
  // comes before the café (3,5 km), which only lies near.
  EXPECT_EQ(Keys(Near(testing::kTigrisdreef, 5)), (List{"jongeren", "koffie", "maatje", "cafe"}));
  EXPECT_EQ(Keys(Near(testing::kTigrisdreef, 2)), (List{"jongeren", "koffie"}));
  // With words, relevance orders within the served ones.
  SearchQuery q = Near(testing::kTigrisdreef, 5);
  q.text = "eenzaam";
  EXPECT_EQ(Keys(q), (List{"maatje", "koffie"}));
}

TEST_F(Searching, EachHitSaysWhyItMatched) {
  SearchQuery q = Near(testing::kVoorbeeldhoek, 2);
  q.text = "eenzaam";
  q.target_groups = {"ouderen"};
  q.open_at = ParseLocalTime("2026-12-01 10:30").value();
  EXPECT_EQ(Labels(Hit(q, "koffie")),
            (List{"tekst|Woorden: eenzaam", "filter|Doelgroep: Ouderen", "gebied|Werkgebied: Zamenhofdreef en omgeving",
                  "afstand|Afstand: 0,0 km", "open|Open op di 1 dec 10:30"}));
  SearchQuery law;
  law.text = "eenzaam tuinieren";
  law.laws = {"wmo", "zvw"};
  law.area_served = "WK034403";
  law.age = 75;
  EXPECT_EQ(Labels(Hit(law, "maatje")), (List{"tekst|Woorden: eenzaam", "filter|Wet: Wmo", "filter|Leeftijd: 75 jaar",
                                              "gebied|Werkgebied: Wijk 03 Overvecht"}));
}

TEST_F(Searching, HitsCarryTheirServiceWithLocationsAndSchedules) {
  auto hit = Hit(SearchQuery{}, "koffie");
  EXPECT_EQ(hit.service.name, "Koffieochtend voor ouderen");
  EXPECT_EQ(hit.service.party_name, "Buurthuis De Voorbeeldhoek");
  EXPECT_EQ(hit.service.target_groups, (List{"ouderen", "eenzaamheid"}));
  EXPECT_EQ(hit.service.areas_served, (List{"WK034403"}));
  ASSERT_EQ(hit.service.locations.size(), 1u);
  EXPECT_EQ(hit.service.locations[0].address_1, "Voorbeeldstraat 1");
  EXPECT_EQ(hit.service.locations[0].area_code, "BU03440321");
  ASSERT_EQ(hit.service.schedules.size(), 1u);
  EXPECT_EQ(hit.service.schedules[0].byday, "TU");
  EXPECT_EQ(hit.service.minimum_age, 65);
}

TEST_F(Searching, TotalCountsAllMatchesAndTheLimitPages) {
  SearchQuery q;
  q.limit = 2;
  q.offset = 1;
  auto found = Search(*db_, q);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->total, 5);
  ASSERT_EQ(found->hits.size(), 2u);
  EXPECT_EQ(set_->name.at(found->hits[0].service.id), "maatje");
  EXPECT_EQ(set_->name.at(found->hits[1].service.id), "jongeren");
}

TEST_F(Searching, UnknownCodesAndBadPlacesAreRefusedWithTheField) {
  struct Case {
    SearchQuery query;
    const char *message, *field;
  };
  auto q = [](auto change) {
    SearchQuery query;
    change(query);
    return query;
  };
  const Case cases[] = {
      {q([](SearchQuery& x) { x.laws = {"abc"}; }), "Onbekende wet: abc.", "wet"},
      {q([](SearchQuery& x) { x.domains = {"abc"}; }), "Onbekend domein: abc.", "domein"},
      {q([](SearchQuery& x) { x.target_groups = {"abc"}; }), "Onbekende doelgroep: abc.", "doelgroep"},
      {q([](SearchQuery& x) { x.access_routes = {"abc"}; }), "Onbekende toegang: abc.", "toegang"},
      {q([](SearchQuery& x) { x.area_served = "WK999999"; }), "Onbekend gebied: WK999999.", "gebied"},
      {q([](SearchQuery& x) { x.near_lat = 52.1; }), "Geef een punt als breedte,lengte, bijvoorbeeld 52.09,5.12.",
       "bij"},
      {q([](SearchQuery& x) { x.near_lat = 95, x.near_lon = 5; }),
       "Geef een punt als breedte,lengte, bijvoorbeeld 52.09,5.12.", "bij"},
      {q([](SearchQuery& x) { x.age = 200; }), "Geef een leeftijd tussen 0 en 130.", "leeftijd"},
  };
  for (const auto& c : cases) {
    auto found = Search(*db_, c.query);
    ASSERT_FALSE(found.has_value()) << c.message;
    EXPECT_EQ(found.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(found.error().message, c.message);
    EXPECT_EQ(found.error().field, c.field);
  }
}

TEST(SearchIndex, FollowsRenamesAndArchivingAndRebuildsTheSame) {
  auto db = testing::DemoDb();
  Party party;
  party.name = "Stichting Proefdraaien";
  Service s;
  s.party_id = testing::AddParty(*db, testing::Wijkwerker(), party);
  s.name = "Wandelclub Voorbeeld";
  s.description = "Samen wandelen.";
  const std::string id = testing::AddService(*db, testing::Wijkwerker(), s);
  auto names = [&](const std::string& text) {
    SearchQuery q;
    q.text = text;
    auto found = Search(*db, q);
    EXPECT_TRUE(found.has_value());
    std::vector<std::string> out;
    for (const auto& h : found->hits) out.push_back(h.service.name);
    return out;
  };
  EXPECT_EQ(names("proefdraaien"), (List{"Wandelclub Voorbeeld"}));  // the party's name is indexed
  ASSERT_TRUE(db->Exec("UPDATE socialmap_service SET name = 'Fietsclub Voorbeeld' WHERE id = '" + id + "'"));
  EXPECT_EQ(names("fietsclub"), (List{}));
  ASSERT_TRUE(RefreshSearchIndex(*db, id).has_value());
  EXPECT_EQ(names("fietsclub"), (List{"Fietsclub Voorbeeld"}));
  EXPECT_EQ(names("wandelclub"), (List{}));

  ASSERT_TRUE(db->Exec("UPDATE socialmap_service SET name = 'Zwemclub Voorbeeld'"));
  ASSERT_TRUE(RebuildSearchIndex(*db).has_value());
  EXPECT_EQ(names("zwemclub"), (List{"Zwemclub Voorbeeld"}));
  EXPECT_EQ(names("fietsclub"), (List{}));

  ASSERT_TRUE(db->Exec("UPDATE socialmap_party SET archived_at = '2026-11-30'"));
  ASSERT_TRUE(RefreshSearchIndex(*db, id).has_value());
  EXPECT_EQ(names("zwemclub"), (List{}));
  ASSERT_TRUE(db->Exec("UPDATE socialmap_party SET archived_at = NULL"));
  ASSERT_TRUE(RebuildSearchIndex(*db).has_value());
  EXPECT_EQ(names("zwemclub"), (List{"Zwemclub Voorbeeld"}));

  ASSERT_TRUE(db->Exec("DELETE FROM socialmap_service"));
  ASSERT_TRUE(RefreshSearchIndex(*db, id).has_value());
  EXPECT_EQ(names("zwemclub"), (List{}));
}

}  // namespace
}  // namespace wk::socialmap
