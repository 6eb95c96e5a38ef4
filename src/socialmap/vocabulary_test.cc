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
