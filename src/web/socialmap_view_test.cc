#include "socialmap_view.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

socialmap::Change Row(std::string type, std::string action, std::string field, std::string old_value,
                      std::string new_value) {
  socialmap::Change c;
  c.resource_type = std::move(type);
  c.date = "2026-11-29";
  c.action = std::move(action);
  c.field = std::move(field);
  c.old_value = std::move(old_value);
  c.new_value = std::move(new_value);
  c.by = "wim";
  return c;
}

TEST(HistoryJson, SaysEachChangeInDutchWords) {
  struct Case {
    socialmap::Change change;
    const char* field;
    const char* old_text;  // "" = none
    const char* new_text;
  };
  const Case cases[] = {
      {Row("service", "create", "name", "", "Inloop"), "Naam", "", "Inloop"},
      {Row("organization", "update", "formal", "true", "false"), "Formeel of informeel", "formeel", "informeel"},
      {Row("organization", "update", "kind", "organisatie", "informele-groep"), "Soort", "Organisatie",
       "Informele groep"},
      {Row("service", "update", "laws", "wmo", "wmo, jeugdwet"), "Wetten", "Wmo", "Wmo, Jeugdwet"},
      {Row("service", "update", "status", "active", "temporarily closed"), "Status", "Actief", "Tijdelijk gesloten"},
      {Row("service", "verify", "assured_date", "2024-05-01", "2026-11-29"), "Gecontroleerd op", "1 mei 2024",
       "29 november 2026"},
      {Row("location", "create", "name", "", "Buurthuis"), "Locatie: naam", "", "Buurthuis"},
      {Row("schedule", "update", "opens_at", "09:00", "10:00"), "Openingstijd: open vanaf", "09:00", "10:00"},
      {Row("organization", "archive", "archived", "false", "true"), "Gearchiveerd", "nee", "ja"},
  };
  for (const auto& c : cases) {
    auto rows = HistoryJson({c.change});
    ASSERT_EQ(rows.size(), 1u);
    const auto& r = rows[0];
    EXPECT_EQ(r["field"], c.field) << c.change.field;
    EXPECT_EQ(r["date"], "29 november 2026");
    EXPECT_EQ(r["by"], "wim");
    if (*c.old_text == '\0') {
      EXPECT_EQ(r["old"], false) << c.change.field;
    } else {
      EXPECT_EQ(r["old"], c.old_text) << c.change.field;
    }
    EXPECT_EQ(r["new"], c.new_text) << c.change.field;
  }
}

TEST(VerificationJson, SaysWhenAndByWhomOrThatItNeverWas) {
  socialmap::Verification checked{"Website", "2026-03-01", "wim", false};
  auto j = VerificationJson(checked);
  EXPECT_EQ(j["text"], "Laatst gecontroleerd op 1 maart 2026 door wim.");
  EXPECT_EQ(j["source"], "Website");
  EXPECT_FALSE(j["outdated"].get<bool>());
  socialmap::Verification never{"", "", "", true};
  j = VerificationJson(never);
  EXPECT_EQ(j["text"], "Nog nooit gecontroleerd.");
  EXPECT_TRUE(j["outdated"].get<bool>());
  EXPECT_EQ(j["source"], false);
}

TEST(MapJson, PlacesOnlyLocationsWithBothCoordinatesAndOutlinesTheirBuurten) {
  socialmap::Service s;
  s.id = "s1";
  s.name = "Inloop";
  socialmap::Location here;
  here.latitude = 52.11155;
  here.longitude = 5.11808;
  here.address_1 = "Voorbeeldstraat 1";
  here.area_code = "BU03440311";
  socialmap::Location nowhere;
  nowhere.address_1 = "Zonder punt 2";
  s.locations = {here, nowhere};
  auto map = MapJson({s}, "WK034403");
  EXPECT_TRUE(map["has_points"].get<bool>());
  auto points = nlohmann::json::parse(map["points"].get<std::string>());
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0]["href"], "/sociale-kaart/dienst/s1");
  EXPECT_EQ(points[0]["address"], "Voorbeeldstraat 1");
  EXPECT_EQ(nlohmann::json::parse(map["areas"].get<std::string>()),
            nlohmann::json({"/api/v1/areas/WK034403/geometry", "/api/v1/areas/BU03440311/geometry"}));
}

}  // namespace
}  // namespace wk::web
