// The phrases of findings: the compiled-in file, its parse errors, the fallback, and how numbers
// are written with their unit.
#include "phrases.h"

#include <gtest/gtest.h>

#include "rules.h"

namespace wk::profile {
namespace {

TEST(Phrases, EveryRowNamesACatalogueIndicatorTheRulesApplyTo) {
  const auto& phrases = Phrases();
  EXPECT_GE(phrases.size(), 60u);
  for (const auto& [code, phrase] : phrases) {
    SCOPED_TRACE(code);
    const auto* def = areas::FindIndicator(code);
    ASSERT_NE(def, nullptr);
    EXPECT_TRUE(RulesApplyTo(*def));  // a phrase for an indicator no rule speaks of is dead text
    EXPECT_TRUE(phrase.subject.starts_with("het ") || phrase.subject.starts_with("de ")) << phrase.subject;
  }
}

TEST(Phrases, AnIndicatorWithoutARowIsNamedByItsLabel) {
  areas::IndicatorDef custom;
  custom.code = "eenzaam";
  custom.label = "Ernstig eenzaam";
  custom.unit = "%";
  EXPECT_EQ(PhraseOf(custom).subject,
            "de waarde van \xE2\x80\x98"
            "Ernstig eenzaam\xE2\x80\x99");
  EXPECT_EQ(PhraseOf(custom).clause, "");
  custom.group = "Gezondheidsmonitor";
  EXPECT_EQ(PhraseOf(custom).subject,
            "de waarde van \xE2\x80\x98"
            "Ernstig eenzaam\xE2\x80\x99 (Gezondheidsmonitor)");
  EXPECT_EQ(PhraseOf(*areas::FindIndicator("p_65_oo")).clause, "is {x} van de inwoners 65 jaar of ouder");
  // CBS distances and Nabijheid counts within a radius are averages over the inhabitants.
  EXPECT_EQ(PhraseOf(*areas::FindIndicator("nv_afst_zwembad")).subject, "de gemiddelde afstand tot zwembad");
  EXPECT_EQ(PhraseOf(*areas::FindIndicator("nv_huisartspraktijk_1km")).subject,
            "het gemiddelde aantal huisartsenpraktijken binnen 1 km");
  custom.custom = true;
  custom.unit = "km";
  custom.label = "Afstand tot buurthuis";
  custom.group = "";
  EXPECT_EQ(PhraseOf(custom).subject,
            "de waarde van \xE2\x80\x98"
            "Afstand tot buurthuis\xE2\x80\x99");
}

TEST(Phrases, AFaultyFileIsRefusedWithItsLineAndColumn) {
  struct Case {
    std::string csv;
    std::string location, field, message;
  };
  const Case cases[] = {
      {"code,subject\n", "phrases.csv:1", "kolom clause", "Kolom ontbreekt."},
      {"code,subject,clause\n,het aandeel,\n", "phrases.csv:2", "kolom code", "Code ontbreekt."},
      {"code,subject,clause\np_65_oo,,\n", "phrases.csv:2", "kolom subject", "Onderwerp ontbreekt."},
      {"code,subject,clause\np_65_oo,het aandeel,is x van de inwoners\n", "phrases.csv:2", "kolom clause",
       "Verwacht {x} precies één keer, of laat leeg."},
      {"code,subject,clause\np_65_oo,het aandeel,is {x} of {x}\n", "phrases.csv:2", "kolom clause",
       "Verwacht {x} precies één keer, of laat leeg."},
      {"code,subject,clause\np_65_oo,het aandeel,\n\np_65_oo,het aandeel,\n", "phrases.csv:4", "kolom code",
       "Code 'p_65_oo' staat er twee keer in."},
      {"", "phrases.csv:1", "", "Het bestand is leeg."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.csv);
    auto phrases = ParsePhrases(c.csv);
    ASSERT_FALSE(phrases.has_value());
    EXPECT_EQ(phrases.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(phrases.error().location, c.location);
    EXPECT_EQ(phrases.error().field, c.field);
    EXPECT_EQ(phrases.error().message, c.message);
  }
  auto quoted = ParsePhrases("code,subject,clause\nx,\"het aandeel, kort\",\n");
  ASSERT_TRUE(quoted.has_value());
  EXPECT_EQ(quoted->at("x").subject, "het aandeel, kort");
}

TEST(Phrases, NumbersAreWrittenTheDutchWayWithTheirUnit) {
  struct Case {
    const char* code;
    double value;
    const char* text;
  };
  const Case cases[] = {
      {"p_65_oo", 14.788732394366198, "14,8%"},
      {"a_inw", 374238, "374.238"},
      {"g_hhgro", 1.9, "1,9"},
      {"g_wozbag", 412, "412 duizend euro"},
      {"p_wmo_t", 61, "61 per 1.000 inwoners"},
      {"bev_dich", 7021, "7.021 inwoners per km²"},
      {"g_ele", 2340, "2.340 kWh"},
      {"g_gas", 1020, "1.020 m³"},
      {"g_afs_hp", 0.75, "0,8 km"},
      {"g_pau_hh", 0.6, "0,6 per huishouden"},
      {"g_pau_km", 1250, "1.250 per km²"},
      {"a_opp_ha", 9941, "9.941 ha"},
  };
  for (const auto& c : cases) {
    const auto* def = areas::FindIndicator(c.code);
    ASSERT_NE(def, nullptr) << c.code;
    EXPECT_EQ(FormatInSentence(*def, c.value), c.text) << c.code;
  }
  areas::IndicatorDef custom;
  custom.unit = "meldingen";
  EXPECT_EQ(FormatInSentence(custom, 12), "12 meldingen");
}

}  // namespace
}  // namespace wk::profile
