#include "socialmap_forms.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

socialmap::Party SampleParty() {
  socialmap::Party p;
  p.id = "p1";
  p.name = "Buurthuis De Voorbeeldhoek";
  p.alternate_name = "De Hoek";
  p.kind = socialmap::PartyKind::kInitiatief;
  p.formal = false;
  p.website = "https://www.example.nl";
  p.phones = {{"ph1", "030 000 00 01", "Algemeen"}};
  p.domains = {"welzijn", "ontmoeting"};
  p.areas_served = {"BU03440311", "WK034403"};
  p.verification.source = "Gesprek met de coördinator";
  p.contacts = {{"c1", "Coördinator", "", "info@example.nl"}};
  return p;
}

TEST(PartyForm, ReadsBackWhatItShows) {
  socialmap::Party original = SampleParty();
  std::vector<Error> errors;
  socialmap::Party read = PartyOf(PartyValues(original), &original, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(read.name, original.name);
  EXPECT_EQ(read.alternate_name, "De Hoek");
  EXPECT_EQ(read.kind, socialmap::PartyKind::kInitiatief);
  EXPECT_FALSE(read.formal);
  ASSERT_EQ(read.phones.size(), 1u);
  EXPECT_EQ(read.phones[0].id, "ph1");
  EXPECT_EQ(read.phones[0].number, "030 000 00 01");
  EXPECT_EQ(read.domains, original.domains);
  EXPECT_EQ(read.areas_served, original.areas_served);
  EXPECT_EQ(read.verification.source, "Gesprek met de coördinator");
  EXPECT_EQ(read.contacts.size(), 1u);  // not on the form: kept from the original
  EXPECT_FALSE(read.consent);
}

TEST(PartyForm, TakesTheCodeOfAnAreaChosenWithItsNameAndSkipsEmptyRows) {
  FormValues v = {{"name", " Voorbeeld "}, {"kind", "organisatie"},
                  {"formal", "1"},         {"areas_served", "bu03440311 Taag- en Rubicondreef"},
                  {"areas_served", ""},    {"phone_id", ""},
                  {"phone_number", ""},    {"phone_description", ""}};
  std::vector<Error> errors;
  socialmap::Party p = PartyOf(v, nullptr, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(p.name, "Voorbeeld");
  EXPECT_EQ(p.areas_served, std::vector<std::string>{"BU03440311"});
  EXPECT_TRUE(p.phones.empty());
}

TEST(PartyForm, GivesAKeyFigureItsConsent) {
  FormValues v = {{"name", "Mevrouw Voorbeeld"},
                  {"kind", "sleutelfiguur"},
                  {"formal", "0"},
                  {"consent_date", "2026-03-01"},
                  {"consent_purpose", "Contact over buurtactiviteiten"}};
  std::vector<Error> errors;
  socialmap::Party p = PartyOf(v, nullptr, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_TRUE(p.consent);
  EXPECT_EQ(p.consent->date, "2026-03-01");
  EXPECT_EQ(p.consent->purpose, "Contact over buurtactiviteiten");
  EXPECT_FALSE(p.consent->publish);
}

TEST(PartyForm, NamesEachFieldItCannotRead) {
  struct Case {
    FormValues values;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {{{"name", "X"}, {"kind", "bedrijf"}}, "kind", "Kies wat voor partij het is."},
      {{{"name", "X"}, {"kind", "organisatie"}, {"phone_number", ""}, {"phone_description", "Spoed"}},
       "phone_number",
       "Vul het telefoonnummer in, of maak de omschrijving leeg."},
      {{{"name", "X"}, {"kind", "sleutelfiguur"}, {"consent_date", "1 maart"}},
       "consent_date",
       "Vul de datum van de toestemming in als jjjj-mm-dd, bv. 2026-03-01."},
  };
  for (const auto& c : cases) {
    std::vector<Error> errors;
    PartyOf(c.values, nullptr, errors);
    ASSERT_EQ(errors.size(), 1u) << c.field;
    EXPECT_EQ(errors[0].field, c.field);
    EXPECT_EQ(errors[0].message, c.message);
  }
}

FormValues ServiceForm(std::initializer_list<std::pair<const std::string, std::string>> extra) {
  FormValues v = {{"party_id", "p1"}, {"name", "Inloopspreekuur"}, {"status", "active"}};
  v.insert(extra.begin(), extra.end());
  return v;
}

TEST(ServiceForm, ReadsTheLocationWithCommaOrPointAndTheScheduleRows) {
  FormValues v = ServiceForm({{"location_name", "Buurthuis"},
                              {"address_1", "Voorbeeldstraat 1"},
                              {"latitude", "52,1093"},
                              {"longitude", "5.1270"},
                              {"schedule_0_days", "TU"},
                              {"schedule_0_opens_at", "09:00"},
                              {"schedule_0_closes_at", "12:00"},
                              {"schedule_0_freq", "weekly"},
                              {"schedule_1_opens_at", ""},
                              {"schedule_1_freq", "weekly"},
                              {"languages", "nl, AR tr"},
                              {"minimum_age", "65"},
                              {"laws", "wmo"}});
  std::vector<Error> errors;
  socialmap::Service s = ServiceOf(v, nullptr, errors);
  ASSERT_TRUE(errors.empty()) << errors[0].message;
  EXPECT_EQ(s.party_id, "p1");
  ASSERT_EQ(s.locations.size(), 1u);
  EXPECT_DOUBLE_EQ(*s.locations[0].latitude, 52.1093);
  EXPECT_DOUBLE_EQ(*s.locations[0].longitude, 5.127);
  ASSERT_EQ(s.schedules.size(), 1u);
  EXPECT_EQ(s.schedules[0].freq, "WEEKLY");
  EXPECT_EQ(s.schedules[0].byday, "TU");
  EXPECT_EQ(s.languages, (std::vector<std::string>{"nl", "ar", "tr"}));
  EXPECT_EQ(s.minimum_age, 65);
  EXPECT_EQ(s.laws, std::vector<std::string>{"wmo"});
}

TEST(ServiceForm, NamesEachFieldItCannotRead) {
  struct Case {
    FormValues values;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {ServiceForm({{"latitude", "5.12"}, {"longitude", "52.09"}}), "latitude",
       "Breedte- en lengtegraad lijken verwisseld: in Nederland is de breedtegraad ongeveer 51 tot 53 en de "
       "lengtegraad 3 tot 7."},
      {ServiceForm({{"latitude", "52.09"}}), "longitude", "Vul ook de lengtegraad in, of laat beide leeg."},
      {ServiceForm({{"latitude", "noord"}, {"longitude", "5.1"}}), "latitude",
       "Vul de breedtegraad in als getal, bv. 52,0907."},
      {ServiceForm({{"minimum_age", "vijftig"}}), "minimum_age", "Vul de minimale leeftijd in hele jaren in, bv. 65."},
      {ServiceForm({{"minimum_age", "70"}, {"maximum_age", "18"}}), "minimum_age",
       "De minimumleeftijd is hoger dan de maximumleeftijd."},
      {ServiceForm({{"languages", "Nederlands"}}), "languages",
       "Vul talen in als taalcodes met komma's ertussen, bv. nl, en, ar, tr."},
      {ServiceForm({{"schedule_0_opens_at", "09:00"}}), "schedule_0_days",
       "Kies minstens één dag voor deze openingstijd."},
  };
  for (const auto& c : cases) {
    std::vector<Error> errors;
    ServiceOf(c.values, nullptr, errors);
    ASSERT_EQ(errors.size(), 1u) << c.field;
    EXPECT_EQ(errors[0].field, c.field);
    EXPECT_EQ(errors[0].message, c.message);
  }
}

TEST(ServiceForm, KeepsSchedulesItCannotShowUnlessUnticked) {
  socialmap::Service original;
  original.id = "s1";
  original.name = "Spreekuur";
  socialmap::Schedule odd;
  odd.id = "sch-odd";
  odd.freq = "MONTHLY";
  odd.bymonthday = "1";
  socialmap::Schedule weekly;
  weekly.id = "sch-week";
  weekly.freq = "WEEKLY";
  weekly.byday = "MO";
  original.schedules = {odd, weekly};
  FormValues values = ServiceValues(original);
  EXPECT_EQ(FirstValue(values, "schedule_keep"), "sch-odd");
  EXPECT_EQ(FirstValue(values, "schedule_0_id"), "sch-week");
  std::vector<Error> errors;
  socialmap::Service kept = ServiceOf(values, &original, errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_EQ(kept.schedules.size(), 2u);
  EXPECT_EQ(kept.schedules[0].id, "sch-week");
  EXPECT_EQ(kept.schedules[1].id, "sch-odd");
  values.erase("schedule_keep");
  socialmap::Service dropped = ServiceOf(values, &original, errors);
  ASSERT_EQ(dropped.schedules.size(), 1u);
  EXPECT_EQ(dropped.schedules[0].id, "sch-week");
}

TEST(FormFieldOf, FindsTheInputOfAModelError) {
  const std::pair<const char*, const char*> cases[] = {
      {"name", "name"},
      {"fees_description", "cost"},
      {"eligibility_description", "eligibility"},
      {"locations[0].latitude", "latitude"},
      {"locations[0].name", "location_name"},
      {"schedules[1].opens_at", "schedule_1_opens_at"},
      {"schedules[0].byday", "schedule_0_days"},
      {"phones[0].number", "phone_number"},
      {"areas_served[2]", "areas_served"},
      {"consent.purpose", "consent_purpose"},
      {"consent", "consent_date"},
      {"", ""},
  };
  for (const auto& [model, form] : cases) EXPECT_EQ(FormFieldOf(model), form) << model;
}

TEST(ErrorState, LinksEachMessageToItsInputOrToTheForm) {
  std::vector<Error> errors = {{ErrorCode::kInvalid, "Vul een naam in.", "name", {}},
                               {ErrorCode::kInvalid, "Onbekend.", "something_else", {}}};
  auto state = ErrorState("partij", errors);
  EXPECT_TRUE(state["has_errors"].get<bool>());
  EXPECT_EQ(state["summary"][0]["href"], "#partij-name");
  EXPECT_EQ(state["summary"][0]["message"], "Vul een naam in.");
  EXPECT_EQ(state["summary"][1]["href"], "#partij");
}

}  // namespace
}  // namespace wk::web
