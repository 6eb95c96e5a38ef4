#include "socialmap_search.h"

#include <gtest/gtest.h>

#include "wk/store/migrations.h"

namespace wk::web {
namespace {

socialmap::Schedule Rule(const char* freq, const char* byday, const char* opens = "", const char* closes = "") {
  socialmap::Schedule s;
  s.freq = freq;
  s.byday = byday;
  s.opens_at = opens;
  s.closes_at = closes;
  return s;
}

TEST(SearchPageWords, OpeningTimesAreThePagesWordsWithTheDescription) {
  socialmap::Schedule inloop = Rule("WEEKLY", "TU", "10:00", "12:00");
  EXPECT_EQ(OpeningInWords(inloop), "dinsdag 10:00–12:00");
  inloop.description = "Inloop";
  EXPECT_EQ(OpeningInWords(inloop), "dinsdag 10:00–12:00 (Inloop)");
  socialmap::Schedule yearly = Rule("YEARLY", "");
  EXPECT_EQ(OpeningInWords(yearly), "tijden onbekend");
  yearly.description = "Elk voorjaar een buurtfeest";
  EXPECT_EQ(OpeningInWords(yearly), "Elk voorjaar een buurtfeest");
}

TEST(SearchPageWords, CountsAndShortTexts) {
  EXPECT_EQ(CountText(0), "Geen diensten gevonden");
  EXPECT_EQ(CountText(1), "1 dienst gevonden");
  EXPECT_EQ(CountText(12), "12 diensten gevonden");
  EXPECT_EQ(CountText(1200), "1.200 diensten gevonden");
  EXPECT_EQ(ShortText("  Kort.  "), "Kort.");
  EXPECT_EQ(ShortText("Samen koffie drinken, elke dinsdag", 22), "Samen koffie drinken…");
  EXPECT_EQ(ShortText("Ééééééééééé", 5), "Éé…");  // never inside a character
}

Request WithQuery(std::initializer_list<std::pair<const char*, const char*>> query) {
  Request req;
  for (const auto& [k, v] : query) req.query.emplace(k, v);
  return req;
}

TEST(SearchPageParams, ReadAndWrittenBackInAFixedOrder) {
  const Request req = WithQuery({{"wet", "wmo"},
                                 {"behoefte", " eenzaam, 75+ "},
                                 {"wet", "wlz"},
                                 {"wet", "wmo"},
                                 {"bij", "52.1,5.1"},
                                 {"straal", "5"},
                                 {"pagina", "3"}});
  const SearchParams p = ReadSearchParams(req);
  EXPECT_TRUE(p.searched);
  EXPECT_EQ(p.need, "eenzaam, 75+");
  EXPECT_EQ(p.laws, (std::vector<std::string>{"wmo", "wlz"}));  // once each
  EXPECT_EQ(p.page, 3);
  EXPECT_EQ(SearchQueryString(p), "behoefte=eenzaam%2C%2075%2B&wet=wmo&wet=wlz&bij=52.1%2C5.1&straal=5");
  EXPECT_EQ(SearchQueryString(p, 2), "behoefte=eenzaam%2C%2075%2B&wet=wmo&wet=wlz&bij=52.1%2C5.1&straal=5&pagina=2");

  SearchParams no_point = p;
  no_point.near.clear();
  EXPECT_EQ(SearchQueryString(no_point),
            "behoefte=eenzaam%2C%2075%2B&wet=wmo&wet=wlz");  // a radius alone means nothing
  EXPECT_FALSE(ReadSearchParams(WithQuery({{"pagina", "2"}})).searched);
  EXPECT_EQ(ReadSearchParams(WithQuery({{"pagina", "-4"}})).page, 1);
  EXPECT_TRUE(ReadSearchParams(WithQuery({{"behoefte", ""}})).searched);  // an empty search lists everything
}

class SearchPageQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Db::Open(":memory:");
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
    ASSERT_TRUE(store::Migrate(*db_).has_value());
  }
  Result<socialmap::SearchQuery> Build(std::initializer_list<std::pair<const char*, const char*>> query) {
    return BuildSearchQuery(*db_, ReadSearchParams(WithQuery(query)), nullptr);
  }
  std::unique_ptr<store::Db> db_;
};

TEST_F(SearchPageQuery, FormFieldsJoinWhatTheNeedSays) {
  auto q = Build({{"behoefte", "koffie, wmo"},
                  {"wet", "wlz"},
                  {"doelgroep", "ouderen"},
                  {"formeel", "nee"},
                  {"leeftijd", "80"},
                  {"open", "2026-12-01T10:30"},
                  {"bij", "52.1127, 5.11"},
                  {"straal", "0.5"},
                  {"pagina", "2"}});
  ASSERT_TRUE(q.has_value()) << q.error().Describe();
  EXPECT_EQ(q->text, "koffie");
  EXPECT_EQ(q->laws, (std::vector<std::string>{"wmo", "wlz"}));
  EXPECT_EQ(q->target_groups, (std::vector<std::string>{"ouderen"}));
  EXPECT_EQ(q->formal, false);
  EXPECT_EQ(q->age, 80);
  ASSERT_TRUE(q->open_at.has_value());
  EXPECT_EQ(q->open_at->hour, 10);
  EXPECT_EQ(q->near_lat, 52.1127);
  EXPECT_EQ(q->near_lon, 5.11);
  EXPECT_EQ(q->radius_km, 0.5);
  EXPECT_EQ(q->offset, kSearchPageSize);
  EXPECT_EQ(q->limit, kSearchPageSize);
}

TEST_F(SearchPageQuery, BadValuesAreRefusedWithTheirField) {
  struct Case {
    std::pair<const char*, const char*> param;
    const char *message, *field;
  };
  const Case cases[] = {
      {{"formeel", "misschien"}, "Kies formeel=ja of formeel=nee.", "formeel"},
      {{"leeftijd", "oud"}, "Geef een leeftijd tussen 0 en 130.", "leeftijd"},
      {{"leeftijd", "131"}, "Geef een leeftijd tussen 0 en 130.", "leeftijd"},
      {{"open", "morgen"}, "Geef een tijdstip als 2026-12-01 10:30.", "open"},
      {{"bij", "Utrecht"}, "Geef een punt als breedte,lengte, bijvoorbeeld 52.09,5.12.", "bij"},
      {{"straal", "0"}, "Geef een straal van meer dan 0 en hoogstens 50 km.", "straal"},
      {{"gebied", "Atlantis"},
       "Onbekend gebied: Atlantis. Kies een gebied uit de lijst of geef een CBS-code.",
       "gebied"},
  };
  for (const auto& c : cases) {
    auto q = Build({c.param});
    ASSERT_FALSE(q.has_value()) << c.message;
    EXPECT_EQ(q.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(q.error().message, c.message);
    EXPECT_EQ(q.error().field, c.field);
  }
}

}  // namespace
}  // namespace wk::web
