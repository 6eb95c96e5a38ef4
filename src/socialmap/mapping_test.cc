#include <gtest/gtest.h>

#include <set>

#include "wk/socialmap/spreadsheet.h"

namespace wk::socialmap {
namespace {

// The mapping as "column>field" or "=fixed>field" lines, for compact comparisons.
std::vector<std::string> Brief(const Mapping& m) {
  std::vector<std::string> out;
  for (const auto& e : m.entries) out.push_back((e.column.empty() ? "=" + e.fixed : e.column) + ">" + e.field);
  return out;
}

TEST(Mapping, FieldsHaveUniqueNamesAndDutchLabelsAndTwoAreRequired) {
  std::set<std::string> names;
  std::vector<std::string> required;
  for (const auto& f : MappingFields()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_FALSE(f.label.empty()) << f.name;
    if (f.required) required.push_back(f.name);
  }
  EXPECT_EQ(required, (std::vector<std::string>{"party_name", "service_name"}));
  for (std::string_view name : {"party_kind", "laws", "access_routes", "opening_hours", "latitude", "areas_served",
                                "source", "transportation", "province"}) {
    EXPECT_TRUE(names.contains(std::string(name))) << name;
  }
}

TEST(Mapping, ReadsColumnsAndFixedValuesWithCommaOrSemicolon) {
  for (std::string_view text : {"kolom,veld\nOrganisatie,party_name\nAanbod,service_name\n=Wegwijzer 2025,source\n",
                                "\xEF\xBB\xBFkolom;veld\r\nOrganisatie;party_name\r\nAanbod;Naam aanbod\r\n"
                                "=Wegwijzer 2025;Bron\r\n"}) {
    auto m = ParseMapping(text);
    ASSERT_TRUE(m.has_value()) << m.error().Describe();
    EXPECT_EQ(Brief(*m),
              (std::vector<std::string>{"Organisatie>party_name", "Aanbod>service_name", "=Wegwijzer 2025>source"}));
  }
}

TEST(Mapping, AColumnWithoutAFieldIsNotImported) {
  auto m = ParseMapping("kolom,veld\nOrganisatie,party_name\nOpmerkingen,\nAanbod,service_name\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Brief(*m), (std::vector<std::string>{"Organisatie>party_name", "Aanbod>service_name"}));
}

TEST(Mapping, ErrorsNameTheMappingFileAndLine) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"column;veld\nA;party_name\n", "kaart.csv:1: De kopregel moet 'kolom,veld' zijn."},
      {"kolom,veld\nOrganisatie,party_name\nAanbod,dienst_naam\n",
       "kaart.csv:3: Veld 'dienst_naam' bestaat niet; kies uit party_name, party_kind, party_formal, party_website, "
       "party_email, party_phone, service_name, description, target_groups, domains, laws, access_routes, "
       "eligibility, minimum_age, maximum_age, cost, application_process, wait_time, languages, location_name, "
       "address, postal_code, city, province, latitude, longitude, transportation, opening_hours, areas_served, "
       "phone, email, website, source."},
      {"kolom,veld\nOrganisatie,party_name\nAanbod,service_name\nDienst,service_name\n",
       "kaart.csv:4: Veld service_name staat al op regel 3 van de mapping."},
      {"kolom,veld\nOrganisatie,party_name\n,service_name\n",
       "kaart.csv:3: Vul de kolom in (of =waarde voor een vaste waarde)."},
      {"kolom,veld\nOrganisatie,party_name\n",
       "kaart.csv: Het verplichte veld service_name (Naam aanbod) ontbreekt in de mapping."},
  };
  for (const auto& [text, message] : cases) {
    auto m = ParseMapping(text, "kaart.csv");
    ASSERT_FALSE(m.has_value()) << text;
    EXPECT_EQ(m.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(m.error().Describe(), message);
  }
}

TEST(Mapping, WritesAFileThatReadsBack) {
  Mapping m;
  m.entries = {{"Naam organisatie", "", "party_name"},
               {"Aanbod; kort", "", "service_name"},
               {"", "Wegwijzer \"2025\"", "source"}};
  std::string text = WriteMapping(m);
  EXPECT_EQ(text,
            "kolom,veld\nNaam organisatie,party_name\n\"Aanbod; kort\",service_name\n\"=Wegwijzer \"\"2025\"\"\","
            "source\n");
  auto back = ParseMapping(text);
  ASSERT_TRUE(back.has_value()) << back.error().Describe();
  EXPECT_EQ(Brief(*back), Brief(m));
}

TEST(Mapping, SuggestsFieldsForCommonDutchAndEnglishHeaders) {
  const std::vector<std::string> header = {"Naam organisatie",
                                           "Aanbod",
                                           "Omschrijving",
                                           "Doelgroep",
                                           "Wet",
                                           "Financiering",
                                           "Adres",
                                           "Postcode",
                                           "Plaats",
                                           "Telefoon",
                                           "E-mail",
                                           "Openingstijden",
                                           "Latitude",
                                           "Lng",
                                           "Kosten",
                                           "Opmerkingen intern",
                                           "Naam van het aanbod",
                                           "Website organisatie",
                                           "Website",
                                           "Bereikbaarheid",
                                           "Toegang",
                                           "Werkgebied"};
  EXPECT_EQ(Brief(SuggestMapping(header)),
            (std::vector<std::string>{
                "Naam organisatie>party_name", "Aanbod>service_name", "Omschrijving>description",
                "Doelgroep>target_groups", "Wet>laws", "Adres>address", "Postcode>postal_code", "Plaats>city",
                "Telefoon>phone", "E-mail>email", "Openingstijden>opening_hours", "Latitude>latitude", "Lng>longitude",
                "Kosten>cost", "Website organisatie>party_website", "Website>website", "Bereikbaarheid>transportation",
                "Toegang>access_routes", "Werkgebied>areas_served"}));
}

TEST(Mapping, SuggestsTheFieldNamesOfAnExportForThemselves) {
  std::vector<std::string> header;
  for (const auto& f : MappingFields()) header.push_back(f.name);
  Mapping m = SuggestMapping(header);
  ASSERT_EQ(m.entries.size(), header.size());
  for (std::size_t i = 0; i < header.size(); ++i) EXPECT_EQ(m.entries[i].field, header[i]);
}

TEST(Mapping, SuggestsAKnownNameInsideALongerHeader) {
  EXPECT_EQ(Brief(SuggestMapping({"Organisatie", "Wat is het aanbod", "Telefoonnummer voor bewoners"})),
            (std::vector<std::string>{"Organisatie>party_name", "Wat is het aanbod>service_name",
                                      "Telefoonnummer voor bewoners>phone"}));
}

}  // namespace
}  // namespace wk::socialmap
