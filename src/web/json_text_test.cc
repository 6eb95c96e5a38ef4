#include "json_text.h"

#include <gtest/gtest.h>

#include "socialmap_api_json.h"

namespace wk::web {
namespace {

using nlohmann::json;

// Text that nlohmann would write differently (keys out of order, other escapes, other number
// forms) changes when parsed and dumped again.
void ExpectCanonical(const std::string& text) {
  EXPECT_EQ(json::parse(text).dump(), text);
}

TEST(JsonText, WritesWhatNlohmannDumpWrites) {
  JsonText out;
  out.BeginObject();
  out.Key("a").String("quote \" backslash \\ slash / tab \t newline \n cr \r bell \x07 del \x7f");
  out.Key("b").String("café, ĳs, 漢字, 😀");
  out.Key("c").BeginArray().Number(52.0907).Number(4.0).Number(-0.1).Number(1e-7).Number(123456789.125);
  out.Int(-3).Bool(true).Bool(false).Null().EndArray();
  out.Key("d").BeginObject().EndObject();
  out.Key("e").BeginArray().EndArray();
  out.Key("f").OptionalString("").Key("g").OptionalInt(7).Key("h").OptionalNumber(std::nullopt);
  out.Key("i").Strings({"x", "", "y"});
  out.Key("j").Raw(json{{"k", 1}}.dump());
  out.EndObject();
  ExpectCanonical(out.str());
  EXPECT_EQ(json::parse(out.str())["a"], "quote \" backslash \\ slash / tab \t newline \n cr \r bell \x07 del \x7f");
  EXPECT_EQ(json::parse(out.str())["c"][1].dump(), "4.0");
  EXPECT_NE(out.str().find("\\u0007"), std::string::npos);
}

TEST(JsonText, RefusesTextThatIsNotUtf8AsDumpDoes) {
  for (const std::string bad : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
    JsonText out;
    EXPECT_THROW(out.String(bad), json::type_error) << bad.size();
  }
  JsonText ok;
  ok.String("\xf4\x8f\xbf\xbf");  // U+10FFFF, the last code point
  ExpectCanonical(ok.str());
}

socialmap::Service AService() {
  socialmap::Service s;
  s.id = "9b1d5c0e-0000-4000-8000-000000000001";
  s.party_id = "p-1";
  s.party_name = "Buurthuis \"De Hoek\"";
  s.name = "Koffieochtend";
  s.description = "Elke dinsdag\nkoffie.";
  s.target_groups = {"ouderen"};
  s.laws = {"wmo"};
  s.minimum_age = 65;
  s.status = socialmap::ServiceStatus::kActive;
  socialmap::Location l;
  l.id = "l-1";
  l.latitude = 52.11099;
  l.longitude = 5.11834;
  l.area_code = "BU03440311";
  s.locations = {l, socialmap::Location{}};
  socialmap::Schedule sch;
  sch.id = "s-1";
  sch.freq = "WEEKLY";
  sch.byday = "TU";
  sch.interval = 2;
  s.schedules = {sch};
  s.phones = {{"ph-1", "030 000 00 01", "Balie"}};
  s.contacts = {{"c-1", "Balie", "Gastvrouw", "balie@example.nl"}};
  s.verification.source = "Gesprek";
  s.verification.outdated = true;
  return s;
}

TEST(JsonText, TheSearchHitIsTheJsonTreeOfItsService) {
  socialmap::SearchHit hit;
  hit.service = AService();
  hit.score = 12.3456789;
  hit.distance_km = 1.25;
  hit.reasons = {{"tekst", "Woorden: koffie"}, {"afstand", "Afstand: 1,3 km"}};
  const std::string text = HitJsonText(hit);
  ExpectCanonical(text);
  const json j = json::parse(text);
  EXPECT_EQ(j["service"], ServiceJson(hit.service));
  EXPECT_EQ(j["service"]["party_name"], "Buurthuis \"De Hoek\"");
  EXPECT_EQ(j["service"]["minimum_age"], 65);
  EXPECT_TRUE(j["service"]["maximum_age"].is_null());
  EXPECT_EQ(j["service"]["locations"][0]["latitude"], 52.11099);
  EXPECT_TRUE(j["service"]["locations"][1]["latitude"].is_null());
  EXPECT_TRUE(j["service"]["locations"][1]["area_code"].is_null());
  EXPECT_EQ(j["service"]["schedules"][0]["interval"], 2);
  EXPECT_TRUE(j["service"]["verification"]["assured_date"].is_null());
  EXPECT_EQ(j["reasons"][1]["label"], "Afstand: 1,3 km");
  EXPECT_EQ(j["distance_km"], 1.25);
  EXPECT_EQ(j.size(), 4u);
  EXPECT_EQ(j["service"].size(), 29u);  // every member of SocialMapService
}

}  // namespace
}  // namespace wk::web
