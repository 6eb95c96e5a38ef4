#include <gtest/gtest.h>

#include <cmath>

#include "test_support.h"
#include "wk/socialmap/socialmap.h"

namespace wk::socialmap {
namespace {

using testing::FictionalParty;
using testing::FictionalService;

TEST(NameSimilarity, IsTheJaccardIndexOfThePaddedTrigramsOfTheFoldedNames) {
  struct Case {
    const char* a;
    const char* b;
    double similarity;  // exact: counted by hand from the 3-grams
  };
  const Case cases[] = {
      {"abc", "abc", 1.0},  // "  abc  ": __a _ab abc bc_ c__ (5 grams)
      {"abc", "ABC", 1.0},
      {"abc", "abd", 2.0 / 8.0},  // common __a _ab; 5 + 5 - 2 = 8
      {"abc", "xyz", 0.0},
      {"Café", "cafe", 1.0},            // diacritics folded
      {"De-Hoek", "de hoek", 1.0},      // punctuation is a space
      {"de  hoek", " de hoek ", 1.0},   // runs of spaces collapse
      {"", "abc", 0.0},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(NameSimilarity(c.a, c.b), c.similarity) << c.a << " / " << c.b;
    EXPECT_DOUBLE_EQ(NameSimilarity(c.b, c.a), c.similarity) << "symmetric: " << c.a << " / " << c.b;
  }
}

TEST(NameSimilarity, SeparatesLikelyDuplicatesFromOtherNamesAtTheThreshold) {
  struct Case {
    const char* a;
    const char* b;
    bool duplicate;  // similarity >= kDuplicateNameSimilarity (0.6)
  };
  const Case cases[] = {
      {"Buurthuis De Voorbeeldhoek", "Buurthuis de Voorbeeldhoek", true},
      {"Buurthuis De Voorbeeldhoek", "Buurthuis Voorbeeldhoek", true},
      {"Buurthuis De Voorbeeldhoek", "Buurthuis 'De Voorbeeldhoek'", true},
      {"Stichting Voorbeeldzorg Utrecht", "Stichting Voorbeeldzorg", true},
      {"Voedselbank Voorbeeldstad", "Voedselbank Voorbeeldstadt", true},
      {"Buurthuis De Voorbeeldhoek", "Buurthuis De Proefhoek", false},
      {"Buurthuis De Voorbeeldhoek", "Wijkcentrum De Voorbeeldhoek", false},
      {"Taalcafé Overvecht", "Taalhuis Overvecht", false},
      {"Stichting Voorbeeldzorg", "Stichting Proefwelzijn", false},
      {"Voedselbank Voorbeeldstad", "Kledingbank Voorbeeldstad", false},
  };
  for (const Case& c : cases) {
    const double s = NameSimilarity(c.a, c.b);
    EXPECT_EQ(s >= kDuplicateNameSimilarity, c.duplicate) << c.a << " / " << c.b << ": " << s;
  }
}

TEST(NormalisePhone, KeepsDigitsAndWritesTheCountryCodeOfTheNetherlandsAsATrunkZero) {
  struct Case {
    const char* number;
    const char* key;
  };
  const Case cases[] = {
      {"030 000 00 01", "0300000001"},     {"030-0000001", "0300000001"},   {"(030) 000 00 01", "0300000001"},
      {"+31 30 000 00 01", "0300000001"},  {"+31 (0)30-0000001", "0300000001"}, {"0031 30 0000001", "0300000001"},
      {"+32 2 000 00 01", "003220000001"}, {"14 030", "14030"},             {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalisePhone(c.number), c.key) << c.number;
}

class LikelyDuplicatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenDemoMap();
    auto p = CreateParty(*db_, testing::Wijkwerker(), FictionalParty("Buurthuis De Voorbeeldhoek"));
    ASSERT_TRUE(p.has_value());
    existing_ = *p;
    auto s = CreateService(*db_, testing::Wijkwerker(), FictionalService(existing_.id));  // Voorbeeldstraat 12, 3562 AB
    ASSERT_TRUE(s.has_value()) << s.error().Describe();
  }

  std::vector<DuplicateCandidate> Find(const Party& candidate, const std::vector<Location>& locations = {}) {
    auto found = LikelyDuplicates(*db_, candidate, locations);
    EXPECT_TRUE(found.has_value());
    return found.value_or(std::vector<DuplicateCandidate>{});
  }

  std::unique_ptr<store::Db> db_;
  Party existing_;
};

TEST_F(LikelyDuplicatesTest, FindsTheSamePhoneNumberWrittenDifferently) {
  Party c;
  c.name = "Iets heel anders";
  c.phones = {{"", "+31 (0)30-0000001", ""}};
  auto found = Find(c);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].party_id, existing_.id);
  EXPECT_EQ(found[0].name, "Buurthuis De Voorbeeldhoek");
  EXPECT_EQ(found[0].reason, "Zelfde telefoonnummer +31 (0)30-0000001");
  EXPECT_DOUBLE_EQ(found[0].score, 1.0);
}

TEST_F(LikelyDuplicatesTest, FindsAPhoneNumberOfOneOfThePartysServices) {
  Party c;
  c.name = "Iets heel anders";
  c.phones = {{"", "0300000002", ""}};
  auto found = Find(c);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reason, "Zelfde telefoonnummer 0300000002");
}

TEST_F(LikelyDuplicatesTest, FindsTheSamePostcodeAndHouseNumber) {
  Party c;
  c.name = "Iets heel anders";
  Location same;
  same.address_1 = "Voorbeeldstraat 12a";
  same.postal_code = "3562ab";
  Location other_number;
  other_number.address_1 = "Voorbeeldstraat 14";
  other_number.postal_code = "3562 AB";
  auto found = Find(c, {same});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reason, "Zelfde postcode en huisnummer (3562 AB 12)");
  EXPECT_TRUE(Find(c, {other_number}).empty());
}

TEST_F(LikelyDuplicatesTest, FindsASimilarNameWithItsPercentage) {
  Party c;
  c.name = "Buurthuis Voorbeeldhoek";
  auto found = Find(c);
  ASSERT_EQ(found.size(), 1u);
  const int percent = static_cast<int>(std::lround(NameSimilarity(c.name, existing_.name) * 100));
  EXPECT_EQ(found[0].reason, "Naam lijkt erop (" + std::to_string(percent) + "%)");
  EXPECT_LT(found[0].score, 1.0);
  c.name = "Wijkcentrum Elders";
  EXPECT_TRUE(Find(c).empty());
}

TEST_F(LikelyDuplicatesTest, CombinesReasonsAndNeverNamesThePartyItself) {
  Party c = existing_;
  auto found = Find(c);
  EXPECT_TRUE(found.empty());  // editing the party: it is not its own duplicate
  c.id.clear();
  found = Find(c);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reason, "Zelfde telefoonnummer 030 000 00 01; Naam lijkt erop (100%)");
}

TEST_F(LikelyDuplicatesTest, LeavesArchivedPartiesOut) {
  ASSERT_TRUE(ArchiveParty(*db_, testing::Wijkwerker(), existing_.id).has_value());
  Party c = existing_;
  c.id.clear();
  EXPECT_TRUE(Find(c).empty());
}

}  // namespace
}  // namespace wk::socialmap
