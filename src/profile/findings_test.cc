// Findings in words on the real Utrecht demo data (CBS kerncijfers 2023 and 2024): exact sentences
// with the origin of every number, ranking, and silence where values are missing or areas small.
// The numbers in the expected sentences were checked against the CBS files: in BU03440113 (Halve
// Maan-Zuid) 210 of 1,420 inhabitants are 65 or older (14.79 %), in WK034401 9.61 %; WK034403 has
// the highest share 65+ of the ten wijken (13.90 %); BU03440311's share 15-24 went from 13.83 % to
// 16.20 %.
#include "findings.h"

#include <gtest/gtest.h>

#include <set>

#include "test_demo.h"
#include "wk/accounts/principal.h"

namespace wk::profile {
namespace {

class Findings : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { db_ = testing::OpenDemo().release(); }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static const Finding* FindFinding(const Profile& p, const std::string& rule, const std::string& indicator) {
    for (const auto& f : p.findings) {
      if (f.rule == rule && f.indicator == indicator) return &f;
    }
    return nullptr;
  }
  static store::Db* db_;
};
store::Db* Findings::db_ = nullptr;

struct Part {
  std::string text;
  std::string area;  // "" for plain text
  int year = 0;
};

void ExpectParts(const Finding& f, const std::string& indicator, const std::vector<Part>& parts) {
  ASSERT_EQ(f.parts.size(), parts.size()) << f.Sentence();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(f.parts[i].text, parts[i].text);
    ASSERT_EQ(f.parts[i].ref.has_value(), !parts[i].area.empty()) << parts[i].text;
    if (f.parts[i].ref) {
      EXPECT_EQ(f.parts[i].ref->area_code, parts[i].area);
      EXPECT_EQ(f.parts[i].ref->indicator, indicator);
      EXPECT_EQ(f.parts[i].ref->year, parts[i].year);
    }
  }
}

TEST_F(Findings, ABuurtFarAboveItsWijkIsSaidWithBothNumbersAndTheirSource) {
  auto p = AreaProfile(*db_, "BU03440113", 2024);
  ASSERT_TRUE(p.has_value());
  const auto* f = FindFinding(*p, "above_parent", "p_65_oo");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->Sentence(),
            "In Halve Maan-Zuid is 14,8% van de inwoners 65 jaar of ouder, tegen 9,6% in Wijk 01 West (CBS, 2024).");
  ExpectParts(*f, "p_65_oo",
              {{"In Halve Maan-Zuid is ", "", 0},
               {"14,8%", "BU03440113", 2024},
               {" van de inwoners 65 jaar of ouder, tegen ", "", 0},
               {"9,6%", "WK034401", 2024},
               {" in Wijk 01 West (CBS, 2024).", "", 0}});
  // 14.79 / 9.61 = 1.539 times the wijk: strength 1.539 / 1.5, weight 3.
  EXPECT_NEAR(f->score, 3 * (210.0 / 1420) / (2855.0 / 29710) / 1.5, 1e-3);
}

TEST_F(Findings, AWijkInTheTopDecileOfItsMunicipalitySaysSo) {
  auto p = AreaProfile(*db_, "WK034403", 2024);
  ASSERT_TRUE(p.has_value());
  const auto* f = FindFinding(*p, "top_decile", "p_65_oo");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->Sentence(),
            "In Wijk 03 Overvecht is 13,9% van de inwoners 65 jaar of ouder; daarmee hoort Wijk 03 Overvecht bij de "
            "10% wijken van de gemeente Utrecht met de hoogste waarde (CBS, 2024).");
  ExpectParts(*f, "p_65_oo",
              {{"In Wijk 03 Overvecht is ", "", 0},
               {"13,9%", "WK034403", 2024},
               {" van de inwoners 65 jaar of ouder; daarmee hoort Wijk 03 Overvecht bij de 10% wijken van de "
                "gemeente Utrecht met de hoogste waarde (CBS, 2024).",
                "", 0}});
}

TEST_F(Findings, ALargeChangeSinceThePreviousYearGivesBothYears) {
  auto p = AreaProfile(*db_, "BU03440311", 2024);
  ASSERT_TRUE(p.has_value());
  const auto* f = FindFinding(*p, "large_change", "p_15_24");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->Sentence(),
            "In Taag- en Rubicondreef en omgeving is het aandeel inwoners van 15 tot 25 jaar gestegen van 13,8% in "
            "2023 naar 16,2% in 2024 (CBS).");
  ExpectParts(*f, "p_15_24",
              {{"In Taag- en Rubicondreef en omgeving is het aandeel inwoners van 15 tot 25 jaar gestegen van ", "", 0},
               {"13,8%", "BU03440311", 2023},
               {" in 2023 naar ", "", 0},
               {"16,2%", "BU03440311", 2024},
               {" in 2024 (CBS).", "", 0}});
  // Seen from 2023 there is no previous year: no trend finding.
  auto earlier = AreaProfile(*db_, "BU03440311", 2023);
  ASSERT_TRUE(earlier.has_value());
  EXPECT_EQ(FindFinding(*earlier, "large_change", "p_15_24"), nullptr);
}

// Every area of the demo in both years: the rules speak only of values that are there.
TEST_F(Findings, EveryFindingIsRankedSourcedAndAboutAValueThatIsThere) {
  auto buurten = areas::ValuesOfYear(*db_, 2024, areas::Level::kBuurt);
  auto wijken = areas::ValuesOfYear(*db_, 2024, areas::Level::kWijk);
  ASSERT_TRUE(buurten.has_value() && wijken.has_value());
  std::vector<std::string> codes = {"GM0344"};
  for (const auto* lv : {&*buurten, &*wijken}) {
    for (const auto& a : lv->areas) codes.push_back(a.code);
  }
  int findings = 0;
  for (int year : {2023, 2024}) {
    for (const auto& code : codes) {
      SCOPED_TRACE(code + " " + std::to_string(year));
      auto p = AreaProfile(*db_, code, year);
      ASSERT_TRUE(p.has_value());
      double previous_score = 1e9;
      for (const auto& f : p->findings) {
        ++findings;
        EXPECT_LE(f.score, previous_score) << f.Sentence();  // best first
        previous_score = f.score;
        EXPECT_NE(f.Sentence().find("(CBS"), std::string::npos) << f.Sentence();
        const IndicatorProfile* ip = nullptr;
        for (const auto& i : p->indicators) {
          if (i.def->code == f.indicator) ip = &i;
        }
        ASSERT_NE(ip, nullptr);
        EXPECT_TRUE(ip->value.has_value());
        EXPECT_TRUE(RulesApplyTo(*ip->def)) << f.indicator;
        EXPECT_NE(std::find(ip->notable.begin(), ip->notable.end(), f.rule), ip->notable.end());
        int numbers = 0;
        for (const auto& part : f.parts) numbers += part.ref.has_value();
        EXPECT_GE(numbers, 1) << f.Sentence();
      }
      for (const auto& ip : p->indicators) {
        if (!ip.value) {
          EXPECT_TRUE(ip.notable.empty()) << ip.def->code;
        }
      }
    }
  }
  EXPECT_GT(findings, 100);
}

TEST_F(Findings, SmallBuurtenDoNotShout) {
  struct Case {
    const char* code;
    const char* why;
  };
  const Case cases[] = {
      {"BU03440911", "no inhabitants"},
      {"BU03440133", "150 inhabitants (Bedrijventerrein Lageweide)"},
  };
  for (const auto& c : cases) {
    auto p = AreaProfile(*db_, c.code, 2024);
    ASSERT_TRUE(p.has_value());
    EXPECT_TRUE(p->findings.empty()) << c.why;
    for (const auto& ip : p->indicators) EXPECT_TRUE(ip.notable.empty()) << c.why << " " << ip.def->code;
  }
}

// With CBS's Nabijheid voorzieningen 2023 (its national row NL00 included) loaded beside the demo:
// Lombok-Oost is on average 0.3 km from a large supermarket, the country 1.0 km, its wijk 0.6 km.
TEST(FindingsNational, AValueFarFromTheCountrysIsSaidWithTheNationalValue) {
  auto db = testing::OpenDemo();
  const char* base = std::getenv("WK_SHARED_DATA");
  std::string file =
      std::string(base ? base : "../shared/data") + "/cbs/nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv";
  auto imported = areas::ImportCbsNabijheid(*db, accounts::CliPrincipal("tester"), file, std::nullopt);
  ASSERT_TRUE(imported.has_value()) << imported.error().Describe();

  auto p = AreaProfile(*db, "BU03440121", 2023);
  ASSERT_TRUE(p.has_value());
  const IndicatorProfile* ip = nullptr;
  for (const auto& i : p->indicators) {
    if (i.def->code == "nv_afst_grote_supermarkt") ip = &i;
  }
  ASSERT_NE(ip, nullptr);
  EXPECT_EQ(ip->value, 0.3);
  EXPECT_EQ(ip->national, 1.0);
  EXPECT_EQ(ip->national_source, "CBS");
  EXPECT_EQ(ip->notable, (std::vector<std::string>{"below_parent", "below_national", "bottom_decile"}));

  const Rule* national = nullptr;
  for (const auto& r : Rules()) {
    if (r.id == "below_national") national = &r;
  }
  ASSERT_NE(national, nullptr);
  // 1.0 / 0.3 = 3.3 times closer: strength at most 2, weight 2.
  auto f = Describe(Match{national, kMaxStrength}, *ip, FindingContext{&p->area, 2023, ""});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->Sentence(),
            "In Lombok-Oost is de gemiddelde afstand tot de dichtstbijzijnde grote supermarkt 0,3 km, tegen 1,0 km in "
            "Nederland (CBS, 2023).");
  ExpectParts(*f, "nv_afst_grote_supermarkt",
              {{"In Lombok-Oost is de gemiddelde afstand tot de dichtstbijzijnde grote supermarkt ", "", 0},
               {"0,3 km", "BU03440121", 2023},
               {", tegen ", "", 0},
               {"1,0 km", "NL00", 2023},
               {" in Nederland (CBS, 2023).", "", 0}});
  EXPECT_EQ(f->score, 4);
}

TEST(FindingSentence, IsItsPartsJoined) {
  Finding f{"p_65_oo",
            "above_parent",
            1,
            {{"In X is ", std::nullopt}, {"9,5%", NumberRef{"BU1", "p_65_oo", 2024}}, {".", std::nullopt}}};
  EXPECT_EQ(f.Sentence(), "In X is 9,5%.");
}

}  // namespace
}  // namespace wk::profile
