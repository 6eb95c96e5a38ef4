#include "wk/socialmap/vocabulary.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "wk/socialmap/model.h"

namespace wk::socialmap {
namespace {

TEST(Vocabulary, HasTheFiveProjectTaxonomiesInOrder) {
  std::vector<std::string> names;
  for (const auto& t : Taxonomies()) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"wijkkompas-domein", "wijkkompas-wet", "wijkkompas-toegang",
                                             "wijkkompas-doelgroep", "wijkkompas-partij"}));
}

TEST(Vocabulary, LawsAreTheSixOfTheIssue) {
  std::vector<std::string> codes;
  for (const auto& t : Terms(kLawTaxonomy)) codes.push_back(t.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"wmo", "zvw", "wlz", "jeugdwet", "participatiewet", "omgevingswet"}));
}

TEST(Vocabulary, EveryIdIsAUniqueLowerCaseUuid) {
  const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  std::set<std::string> seen;
  for (const auto& t : Taxonomies()) {
    EXPECT_TRUE(std::regex_match(t.id, uuid)) << t.id;
    EXPECT_TRUE(seen.insert(t.id).second) << t.id;
    for (const auto& term : Terms(t.name)) {
      EXPECT_TRUE(std::regex_match(term.id, uuid)) << term.id;
      EXPECT_TRUE(seen.insert(term.id).second) << term.id;
      EXPECT_FALSE(term.name.empty()) << term.code;
      EXPECT_EQ(FindTermById(term.id), &term);
    }
  }
  EXPECT_GT(seen.size(), 50u);
}

TEST(Vocabulary, FindsTermsByCode) {
  const Term* route = FindTerm(kAccessTaxonomy, "via-huisarts");
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->name, "Via de huisarts");
  EXPECT_EQ(FindTerm(kLawTaxonomy, "wmoo"), nullptr);
  EXPECT_EQ(FindTerm("onbekend", "wmo"), nullptr);
}

TEST(Vocabulary, FilterBitsAreFixedPerTerm) {
  // The bits are stored (socialmap_search_terms, socialmap_service_point; migration 0007 fills
  // them with these numbers): a term keeps its bit, a new term takes a free one. Changing one
  // needs a migration that recomputes the stored bits. Listed per taxonomy, in bit order.
  std::string bits;
  for (const auto& t : Taxonomies()) {
    for (const auto& term : Terms(t.name)) {
      if (term.filter_bit >= 0) bits += term.code + "=" + std::to_string(term.filter_bit) + " ";
      if (t.name == kPartyTaxonomy) {
        EXPECT_EQ(term.filter_bit, -1) << term.code;
      }
    }
  }
  EXPECT_EQ(bits,
            "zorg=0 welzijn=1 wonen=2 veiligheid=3 onderwijs=4 werk-en-inkomen=5 jeugd=6 gezondheid=7 ontmoeting=8 "
            "geldzaken=9 vervoer=10 sport-en-bewegen=11 informatie-en-advies=12 "
            "wmo=13 zvw=14 wlz=15 jeugdwet=16 participatiewet=17 omgevingswet=18 "
            "vrij-toegankelijk=19 via-huisarts=20 wmo-beschikking=21 ciz-indicatie=22 via-jeugdteam=23 "
            "via-wijkverpleging=24 via-werkplein=25 via-wijkteam=26 "
            "alle-bewoners=27 ouderen=28 kinderen=29 jongeren=30 ouders=31 mantelzorgers=32 "
            "mensen-met-een-beperking=33 psychische-klachten=34 eenzaamheid=35 schulden=36 nieuwkomers=37 "
            "laaggeletterden=38 dak-en-thuislozen=39 vrijwilligers=40 ");
  const Term* wlz = FindTerm(kLawTaxonomy, "wlz");
  const Term* ouderen = FindTerm(kTargetGroupTaxonomy, "ouderen");
  ASSERT_TRUE(wlz != nullptr && ouderen != nullptr);
  EXPECT_EQ(FilterBits({wlz->id, ouderen->id, wlz->id, "onbekend", FindTerm(kPartyTaxonomy, "formeel")->id}),
            (std::int64_t{1} << 15) | (std::int64_t{1} << 28));
  EXPECT_EQ(FilterBits({}), 0);
}

TEST(Vocabulary, EveryPartyKindIsATermOfThePartyTaxonomy) {
  for (auto kind :
       {PartyKind::kOrganisatie, PartyKind::kInitiatief, PartyKind::kInformeleGroep, PartyKind::kSleutelfiguur}) {
    EXPECT_NE(FindTerm(kPartyTaxonomy, PartyKindCode(kind)), nullptr) << PartyKindCode(kind);
    EXPECT_EQ(ParsePartyKind(PartyKindCode(kind)), kind);
  }
  EXPECT_EQ(ParseServiceStatus("temporarily closed"), ServiceStatus::kTemporarilyClosed);
  EXPECT_EQ(ParseServiceStatus("gesloten"), std::nullopt);
}

}  // namespace
}  // namespace wk::socialmap
