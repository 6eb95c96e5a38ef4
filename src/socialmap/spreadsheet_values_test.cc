#include "spreadsheet_values.h"

#include <gtest/gtest.h>

namespace wk::socialmap::sheet {
namespace {

TEST(SpreadsheetValues, VocabularyMatchesCodeOrDutchNameInAnyCase) {
  const std::pair<std::string_view, std::vector<std::string>> cases[] = {
      {"Wmo", {"wmo"}},
      {"wmo; ZVW", {"wmo", "zvw"}},
      {"wmo, wmo", {"wmo"}},
      {"Jeugdwet ,  participatiewet", {"jeugdwet", "participatiewet"}},
      {"", {}},
  };
  for (const auto& [cell, codes] : cases) {
    auto r = ParseTerms("wijkkompas-wet", cell);
    ASSERT_TRUE(r.has_value()) << cell;
    EXPECT_EQ(*r, codes) << cell;
  }
  EXPECT_EQ(*ParseTerms("wijkkompas-toegang", "Via de huisarts; via-wijkteam; VRIJ TOEGANKELIJK"),
            (std::vector<std::string>{"via-huisarts", "via-wijkteam", "vrij-toegankelijk"}));
  EXPECT_EQ(*ParseTerms("wijkkompas-doelgroep", "Ouderen, mensen die zich eenzaam voelen"),
            (std::vector<std::string>{"ouderen", "eenzaamheid"}));
}

TEST(SpreadsheetValues, AnUnknownTermNamesTheChoices) {
  EXPECT_EQ(ParseTerms("wijkkompas-wet", "wmo; wmoo").error().message,
            "'wmoo' is geen wet; kies uit wmo, zvw, wlz, jeugdwet, participatiewet, omgevingswet.");
  EXPECT_EQ(ParseTerms("wijkkompas-domein", "sport").error().message.substr(0, 36),
            "'sport' is geen domein; kies uit zor");
}

TEST(SpreadsheetValues, AgesAreWholeYearsUpTo120) {
  EXPECT_EQ(*ParseAge(""), std::nullopt);
  EXPECT_EQ(*ParseAge("18"), 18);
  EXPECT_EQ(*ParseAge("65 jaar"), 65);
  EXPECT_EQ(*ParseAge("75+"), 75);
  EXPECT_EQ(*ParseAge("0"), 0);
  for (std::string_view bad : {"121", "-1", "achttien", "18,5", "1000"}) {
    auto r = ParseAge(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().message, "'" + std::string(bad) + "' is geen leeftijd in jaren (0 tot 120).");
  }
}

TEST(SpreadsheetValues, CoordinatesTakeAPointOrADutchComma) {
  EXPECT_DOUBLE_EQ(**ParseCoordinate("52.0907", true), 52.0907);
  EXPECT_DOUBLE_EQ(**ParseCoordinate("5,1214", false), 5.1214);
  EXPECT_EQ(*ParseCoordinate(" ", true), std::nullopt);
  EXPECT_EQ(ParseCoordinate("91", true).error().message,
            "'91' is geen breedtegraad (WGS84, tussen -90 en 90, bv. 52,0907).");
  EXPECT_EQ(ParseCoordinate("oost", false).error().message,
            "'oost' is geen lengtegraad (WGS84, tussen -180 en 180, bv. 5,1214).");
}

TEST(SpreadsheetValues, PostcodesAreWrittenTheDutchWay) {
  EXPECT_EQ(*ParsePostalCode("3581kp"), "3581 KP");
  EXPECT_EQ(*ParsePostalCode(" 3581 KP "), "3581 KP");
  for (std::string_view bad : {"358 KP", "0581 KP", "3581 K", "35811KP", "Utrecht"}) {
    EXPECT_EQ(ParsePostalCode(bad).error().message, "'" + std::string(bad) + "' is geen postcode (zoals 3581 KP).");
  }
}

TEST(SpreadsheetValues, LanguagesByCodeOrDutchName) {
  EXPECT_EQ(*ParseLanguages("Nederlands, Arabisch; tr; nl"), (std::vector<std::string>{"nl", "ar", "tr"}));
  EXPECT_EQ(*ParseLanguages("Oekraïens"), (std::vector<std::string>{"uk"}));
  EXPECT_EQ(ParseLanguages("Klingon").error().message,
            "'Klingon' is geen taal; gebruik een taalcode (nl, en, ar, tr) of een naam als Nederlands of Arabisch.");
}

TEST(SpreadsheetValues, PartyKindsAndFormality) {
  EXPECT_EQ(*ParseKind("Informele groep"), PartyKind::kInformeleGroep);
  EXPECT_EQ(*ParseKind("initiatief"), PartyKind::kInitiatief);
  EXPECT_EQ(ParseKind("Sleutelfiguur").error().message,
            "sleutelfiguren komen niet uit een spreadsheet: voeg ze toe op de pagina van de sociale kaart, met hun "
            "toestemming.");
  EXPECT_EQ(ParseKind("bedrijf").error().message,
            "'bedrijf' is geen soort partij; kies uit organisatie, initiatief of informele groep.");
  EXPECT_TRUE(*ParseFormal("Formeel"));
  EXPECT_TRUE(*ParseFormal("ja"));
  EXPECT_FALSE(*ParseFormal("informeel"));
  EXPECT_FALSE(*ParseFormal("Nee"));
  EXPECT_EQ(ParseFormal("misschien").error().message,
            "'misschien' is niet formeel of informeel; schrijf formeel, informeel, ja of nee.");
}

TEST(SpreadsheetValues, ContactDetailsAreCheckedLightly) {
  EXPECT_EQ(*ParseEmail("info@voorbeeldhoek.example.nl"), "info@voorbeeldhoek.example.nl");
  for (std::string_view bad : {"info", "info@", "@example.nl", "info@example", "a@b@example.nl", "info @example.nl"}) {
    EXPECT_EQ(ParseEmail(bad).error().message,
              "'" + std::string(bad) + "' is geen e-mailadres (zoals info@example.nl).")
        << bad;
  }
  EXPECT_EQ(*ParseWebsite("www.example.nl"), "https://www.example.nl");
  EXPECT_EQ(*ParseWebsite("http://example.org/buurt"), "http://example.org/buurt");
  EXPECT_EQ(ParseWebsite("voorbeeldhoek").error().message, "'voorbeeldhoek' is geen webadres (zoals www.example.nl).");
  EXPECT_EQ(*ParsePhone("030 000 00 01"), "030 000 00 01");
  EXPECT_EQ(*ParsePhone("+31 (0)30-0000001"), "+31 (0)30-0000001");
  EXPECT_EQ(ParsePhone("bel ons").error().message, "'bel ons' is geen telefoonnummer (zoals 030 000 00 01).");
}

TEST(SpreadsheetValues, SplitsOnSemicolonAndCommaAndFoldsNames) {
  EXPECT_EQ(SplitValues(" a; b ,,c ;"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(Normalise("E-mail (Organisatie)"), "e mail organisatie");
  EXPECT_EQ(Normalise("Categorieën"), "categorieen");
  EXPECT_EQ(Unescape("'=SOM(A1)"), "=SOM(A1)");
  EXPECT_EQ(Unescape("'+31 30"), "+31 30");
  EXPECT_EQ(Unescape("'t Hoekje"), "'t Hoekje");
}

}  // namespace
}  // namespace wk::socialmap::sheet
