#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "dates.h"
#include "test_support.h"
#include "uuid.h"
#include "wk/core/text.h"
#include "wk/socialmap/socialmap.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using testing::CountSocialMapRows;
using testing::FictionalParty;
using testing::QueryInt;
using testing::QueryText;

std::int64_t AuditCount(store::Db& db) {
  return QueryInt(db, "SELECT count(*) FROM audit_entry");
}

TEST(CreateParty, StoresThePartyWithANewLowerCaseUuidAndReturnsIt) {
  auto db = testing::OpenDemoMap();
  auto p = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(p.has_value()) << p.error().Describe();
  EXPECT_TRUE(IsUuid(p->id));
  EXPECT_EQ(p->id, text::ToLowerAscii(p->id));
  EXPECT_EQ(p->id.substr(14, 1), "4");  // version 4

  auto got = GetParty(*db, p->id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->name, "Buurthuis De Voorbeeldhoek");
  EXPECT_EQ(got->kind, PartyKind::kOrganisatie);
  EXPECT_TRUE(got->formal);
  EXPECT_EQ(got->website, "https://voorbeeldhoek.example.nl");
  EXPECT_EQ(got->email, "info@voorbeeldhoek.example.nl");
  ASSERT_EQ(got->phones.size(), 1u);
  EXPECT_EQ(got->phones[0].number, "030 000 00 01");
  EXPECT_TRUE(IsUuid(got->phones[0].id));
  ASSERT_EQ(got->contacts.size(), 1u);
  EXPECT_EQ(got->contacts[0].name, "Coördinator vrijwilligers");
  EXPECT_EQ(got->domains, (std::vector<std::string>{"welzijn", "ontmoeting"}));
  EXPECT_EQ(got->areas_served, (std::vector<std::string>{"WK034403"}));
  EXPECT_FALSE(got->archived);
  EXPECT_FALSE(got->consent.has_value());
  // Entering counts as verifying: today, by whoever entered it.
  EXPECT_EQ(got->verification.assured_date, TodayUtc());
  EXPECT_EQ(got->verification.assurer, "wim.wijkwerker");
  EXPECT_EQ(got->verification.source, "Gesprek met de coördinator");
  EXPECT_FALSE(got->verification.outdated);
  EXPECT_EQ(QueryText(*db, "SELECT number_key FROM socialmap_phone WHERE organization_id = '" + p->id + "'"),
            "0300000001");
}

TEST(CreateParty, StoresDomainsAndAreasAsHsdsAttributesWithTheTermsFixedIds) {
  auto db = testing::OpenDemoMap();
  auto p = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(p.has_value());
  const std::string where = " FROM socialmap_attribute WHERE link_id = '" + p->id + "'";
  EXPECT_EQ(QueryInt(*db, "SELECT count(*)" + where), 3);
  EXPECT_EQ(
      QueryInt(*db, "SELECT count(*)" + where + " AND link_type = 'organization' AND link_entity = 'organization'"), 3);
  // welzijn (wijkkompas-domein) and werkgebied (wijkkompas-partij) with the area code as value
  EXPECT_EQ(QueryInt(*db, "SELECT count(*)" + where + " AND taxonomy_term_id = '7b4442d5-faa0-520f-9f69-4d0877d0ee5a'"),
            1);
  EXPECT_EQ(QueryText(*db, "SELECT value" + where + " AND taxonomy_term_id = 'ca23c7da-da34-5592-8a54-024f28516985'"),
            "WK034403");
}

TEST(CreateParty, WritesOneHistoryRowPerFilledFieldAndOneAuditEntry) {
  auto db = testing::OpenDemoMap();
  const auto audit_before = AuditCount(*db);
  auto p = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(p.has_value());
  auto history = History(*db, p->id);
  ASSERT_TRUE(history.has_value());
  // organization: name, description, kind, formal, website, email, domains, areas_served, source,
  // assured_date, assurer_email (11); phone: number, description (2); contact: name, title, email (3)
  EXPECT_EQ(history->size(), 16u);
  int party_rows = 0;
  for (const Change& c : *history) {
    EXPECT_EQ(c.action, "create");
    EXPECT_EQ(c.by, "wim.wijkwerker");
    EXPECT_EQ(c.date, TodayUtc());
    EXPECT_EQ(c.changed_at.substr(0, 10), TodayUtc());
    EXPECT_EQ(c.old_value, "");
    if (c.resource_type == "organization") {
      ++party_rows;
      EXPECT_EQ(c.resource_id, p->id);
      if (c.field == "domains") {
        EXPECT_EQ(c.new_value, "welzijn, ontmoeting");
      }
      if (c.field == "formal") {
        EXPECT_EQ(c.new_value, "true");
      }
    }
  }
  EXPECT_EQ(party_rows, 11);
  EXPECT_EQ(AuditCount(*db), audit_before + 1);
  auto audit = store::RecentAudit(*db, 1);
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->front().action, "socialmap.party.create");
  EXPECT_EQ(audit->front().record_id, p->id);
  EXPECT_EQ(audit->front().actor, "wim.wijkwerker");
  EXPECT_EQ(audit->front().detail, "Buurthuis De Voorbeeldhoek");
}

TEST(CreateParty, IsRefusedToALezerAndWritesNothing) {
  auto db = testing::OpenDemoMap();
  const auto rows = CountSocialMapRows(*db);
  const auto audit = AuditCount(*db);
  auto p = CreateParty(*db, testing::Lezer(), FictionalParty());
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(p.error().message, "U hebt geen toestemming om dit te doen.");
  EXPECT_EQ(CountSocialMapRows(*db), rows);
  EXPECT_EQ(AuditCount(*db), audit);
}

TEST(CreateParty, RefusesInvalidInputWithTheFieldAndWritesNothing) {
  struct Case {
    const char* what;
    void (*change)(Party&);
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"no name", [](Party& p) { p.name = "  "; }, "name", "Vul de naam van de partij in."},
      {"long name", [](Party& p) { p.name = std::string(201, 'a'); }, "name", "Een naam heeft hoogstens 200 tekens."},
      {"bad email", [](Party& p) { p.email = "info@voorbeeldhoek"; }, "email",
       "Vul een geldig e-mailadres in, zoals info@example.nl."},
      {"bad website", [](Party& p) { p.website = "www.example.nl"; }, "website",
       "Vul een webadres in dat begint met http:// of https://, zoals https://www.example.nl."},
      {"unknown domain",
       [](Party& p) {
         p.domains = {"welzijn", "ruimtevaart"};
       },
       "domains", "Onbekende domeincode: ruimtevaart."},
      {"unknown area", [](Party& p) { p.areas_served = {"WK034499"}; }, "areas_served", "Onbekend gebied: WK034499."},
      {"phone letters",
       [](Party& p) {
         p.phones = {{"", "bel ons", ""}};
       },
       "phones[0].number", "Een telefoonnummer bestaat uit cijfers, spaties en + - ( )."},
      {"phone without number",
       [](Party& p) {
         p.phones = {{"", "", "Spoed"}};
       },
       "phones[0].number", "Vul het telefoonnummer in."},
      {"contact email",
       [](Party& p) {
         p.contacts = {{"", "Balie", "", "balie at example.nl"}};
       },
       "contacts[0].email", "Vul een geldig e-mailadres in, zoals info@example.nl."},
      {"key figure without consent",
       [](Party& p) {
         p.kind = PartyKind::kSleutelfiguur;
         p.consent.reset();
       },
       "consent_date",
       "Een sleutelfiguur staat alleen met toestemming op de sociale kaart: vul de datum van de toestemming in."},
      {"key figure consent date",
       [](Party& p) {
         p.kind = PartyKind::kSleutelfiguur;
         p.consent = Consent{"1-3-2026", "contact", false};
       },
       "consent_date", "Vul de datum van de toestemming in als JJJJ-MM-DD."},
      {"key figure without purpose",
       [](Party& p) {
         p.kind = PartyKind::kSleutelfiguur;
         p.consent = Consent{"2026-03-01", " ", false};
       },
       "consent_purpose", "Vul in waarvoor de sleutelfiguur toestemming gaf."},
      {"assured date", [](Party& p) { p.verification.assured_date = "2026-02-30"; }, "assured_date",
       "Vul de datum van de controle in als JJJJ-MM-DD."},
      {"id not a uuid", [](Party& p) { p.id = "partij-1"; }, "id", "Dit id is geen UUID."},
  };
  auto db = testing::OpenDemoMap();
  const auto rows = CountSocialMapRows(*db);
  const auto audit = AuditCount(*db);
  for (const Case& c : cases) {
    Party p = FictionalParty();
    c.change(p);
    auto r = CreateParty(*db, testing::Wijkwerker(), p);
    ASSERT_FALSE(r.has_value()) << c.what;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << c.what;
    EXPECT_EQ(r.error().field, c.field) << c.what;
    EXPECT_EQ(r.error().message, c.message) << c.what;
  }
  EXPECT_EQ(CountSocialMapRows(*db), rows);
  EXPECT_EQ(AuditCount(*db), audit);
}

TEST(CreateParty, StoresAKeyFigureWithConsentAndKeepsItsNameOutOfTheAudit) {
  auto db = testing::OpenDemoMap();
  Party p = FictionalParty("Mevrouw Voorbeeld (verzonnen)");
  p.kind = PartyKind::kSleutelfiguur;
  p.formal = false;
  p.consent = Consent{"2026-03-01", "Contact over buurtactiviteiten", false};
  auto created = CreateParty(*db, testing::Wijkwerker(), p);
  ASSERT_TRUE(created.has_value()) << created.error().Describe();
  ASSERT_TRUE(created->consent.has_value());
  EXPECT_EQ(created->consent->date, "2026-03-01");
  EXPECT_EQ(created->consent->purpose, "Contact over buurtactiviteiten");
  EXPECT_FALSE(created->consent->publish);
  auto audit = store::RecentAudit(*db, 1);
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->front().detail, "");
}

TEST(CreateParty, DropsEmptyRowsOfTheFormAndTrimsText) {
  auto db = testing::OpenDemoMap();
  Party p = FictionalParty("  Buurthuis De Voorbeeldhoek ");
  p.phones.push_back({"", " ", ""});
  p.contacts.push_back({"", "", "", ""});
  p.domains = {"welzijn", " welzijn", ""};
  p.areas_served = {"wk034403"};
  auto created = CreateParty(*db, testing::Wijkwerker(), p);
  ASSERT_TRUE(created.has_value()) << created.error().Describe();
  EXPECT_EQ(created->name, "Buurthuis De Voorbeeldhoek");
  EXPECT_EQ(created->phones.size(), 1u);
  EXPECT_EQ(created->contacts.size(), 1u);
  EXPECT_EQ(created->domains, (std::vector<std::string>{"welzijn"}));
  EXPECT_EQ(created->areas_served, (std::vector<std::string>{"WK034403"}));
}

TEST(GetParty, SaysAnUnknownPartyDoesNotExist) {
  auto db = testing::OpenDemoMap();
  auto p = GetParty(*db, NewUuid());
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(p.error().message, "Deze partij bestaat niet.");
}

TEST(UpdateParty, RecordsEachChangedFieldWithOldAndNewValueAndKeepsChildIds) {
  auto db = testing::OpenDemoMap();
  auto created = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(created.has_value());
  const auto history_before = History(*db, created->id)->size();
  Party edit = *created;
  edit.email = "balie@voorbeeldhoek.example.nl";
  edit.domains = {"welzijn", "zorg"};
  edit.phones[0].number = "030 000 00 09";
  edit.phones.push_back({"", "030 000 00 03", "Spoed"});
  auto updated = UpdateParty(*db, testing::Coordinator(), edit);
  ASSERT_TRUE(updated.has_value()) << updated.error().Describe();
  EXPECT_EQ(updated->email, "balie@voorbeeldhoek.example.nl");
  ASSERT_EQ(updated->phones.size(), 2u);
  EXPECT_EQ(updated->phones[0].id, created->phones[0].id);
  EXPECT_EQ(updated->phones[0].number, "030 000 00 09");
  EXPECT_EQ(updated->contacts[0].id, created->contacts[0].id);

  auto history = History(*db, created->id);
  ASSERT_TRUE(history.has_value());
  // email, domains, phone 1's number, phone 2's number and description
  ASSERT_EQ(history->size(), history_before + 5);
  std::map<std::string, Change> by_field;
  for (std::size_t i = 0; i < 5; ++i) by_field[(*history)[i].resource_type + "." + (*history)[i].field] = (*history)[i];
  EXPECT_EQ(by_field["organization.email"].old_value, "info@voorbeeldhoek.example.nl");
  EXPECT_EQ(by_field["organization.email"].new_value, "balie@voorbeeldhoek.example.nl");
  EXPECT_EQ(by_field["organization.email"].action, "update");
  EXPECT_EQ(by_field["organization.email"].by, "cora.coordinator");
  EXPECT_EQ(by_field["organization.domains"].old_value, "welzijn, ontmoeting");
  EXPECT_EQ(by_field["organization.domains"].new_value, "welzijn, zorg");
  EXPECT_EQ(by_field["phone.number"].action, "update");  // the older of the two: phone 1's edit, not phone 2's create
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_phone WHERE number_key = '0300000009'"), 1);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM socialmap_phone WHERE number_key = '0300000001'"), 0);
}

TEST(UpdateParty, WritesNothingWhenNothingChanged) {
  auto db = testing::OpenDemoMap();
  auto created = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(created.has_value());
  const auto rows = CountSocialMapRows(*db);
  const auto audit = AuditCount(*db);
  auto same = UpdateParty(*db, testing::Wijkwerker(), *created);
  ASSERT_TRUE(same.has_value());
  EXPECT_EQ(CountSocialMapRows(*db), rows);
  EXPECT_EQ(AuditCount(*db), audit);
}

TEST(UpdateParty, RefusesAnIdOfAnotherPartysPhone) {
  auto db = testing::OpenDemoMap();
  auto a = CreateParty(*db, testing::Wijkwerker(), FictionalParty("Buurthuis Een"));
  auto b = CreateParty(*db, testing::Wijkwerker(), FictionalParty("Wijkcentrum Twee"));
  ASSERT_TRUE(a.has_value() && b.has_value());
  Party edit = *b;
  edit.phones[0].id = a->phones[0].id;
  auto r = UpdateParty(*db, testing::Wijkwerker(), edit);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "phones[0].id");
  EXPECT_EQ(r.error().message, "Dit id hoort bij een andere regel.");
}

TEST(VerifyParty, SetsTodayAndTheVerifierAndRecordsIt) {
  auto db = testing::OpenDemoMap();
  Party p = FictionalParty();
  p.verification.assured_date = "2024-01-15";
  p.verification.assurer = "iemand";
  auto created = CreateParty(*db, testing::Wijkwerker(), p);
  ASSERT_TRUE(created.has_value());
  EXPECT_TRUE(created->verification.outdated);
  auto verified = VerifyParty(*db, testing::Coordinator(), created->id, "Website van de partij");
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_EQ(verified->verification.assured_date, TodayUtc());
  EXPECT_EQ(verified->verification.assurer, "cora.coordinator");
  EXPECT_EQ(verified->verification.source, "Website van de partij");
  EXPECT_FALSE(verified->verification.outdated);
  auto history = History(*db, created->id);
  ASSERT_TRUE(history.has_value());
  std::vector<std::string> fields;
  for (const Change& c : *history) {
    if (c.action == "verify") fields.push_back(c.field + ":" + c.old_value + ">" + c.new_value);
  }
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields,
            (std::vector<std::string>{"assured_date:2024-01-15>" + TodayUtc(), "assurer_email:iemand>cora.coordinator",
                                      "source:Gesprek met de coördinator>Website van de partij"}));
}

TEST(ArchiveParty, ArchivesItsServicesAndRestoringRestoresThePartyOnly) {
  auto db = testing::OpenDemoMap();
  auto party = CreateParty(*db, testing::Wijkwerker(), FictionalParty());
  ASSERT_TRUE(party.has_value());
  auto service = CreateService(*db, testing::Wijkwerker(), testing::FictionalService(party->id));
  ASSERT_TRUE(service.has_value()) << service.error().Describe();
  auto archived = ArchiveParty(*db, testing::Wijkwerker(), party->id);
  ASSERT_TRUE(archived.has_value());
  EXPECT_TRUE(archived->archived);
  EXPECT_TRUE(GetService(*db, service->id)->archived);
  auto audit = store::RecentAudit(*db, 1);
  EXPECT_EQ(audit->front().detail, "Buurthuis De Voorbeeldhoek; 1 dienst ook gearchiveerd");

  auto edit = UpdateParty(*db, testing::Wijkwerker(), *archived);
  ASSERT_FALSE(edit.has_value());
  EXPECT_EQ(edit.error().code, ErrorCode::kConflict);
  EXPECT_EQ(edit.error().message, "Deze partij is gearchiveerd; zet haar eerst terug om haar te wijzigen.");

  auto restored = ArchiveParty(*db, testing::Wijkwerker(), party->id, false);
  ASSERT_TRUE(restored.has_value());
  EXPECT_FALSE(restored->archived);
  EXPECT_TRUE(GetService(*db, service->id)->archived);
  auto history = History(*db, party->id);
  ASSERT_TRUE(history.has_value());
  EXPECT_EQ(history->front().action, "restore");
  EXPECT_EQ(history->front().field, "archived");
}

TEST(ListParties, FiltersByNameKindAndAreaServedAndLeavesArchivedOut) {
  auto db = testing::OpenDemoMap();
  auto a = CreateParty(*db, testing::Wijkwerker(), FictionalParty("Buurthuis De Voorbeeldhoek"));
  Party b_in = FictionalParty("Wijkcentrum Öostpunt");
  b_in.kind = PartyKind::kInitiatief;
  b_in.areas_served = {"BU03440512"};
  auto b = CreateParty(*db, testing::Wijkwerker(), b_in);
  Party c_in = FictionalParty("Alfa Stichting");
  c_in.areas_served = {"GM0344"};
  auto c = CreateParty(*db, testing::Wijkwerker(), c_in);
  ASSERT_TRUE(a && b && c);
  ASSERT_TRUE(ArchiveParty(*db, testing::Wijkwerker(), c->id).has_value());

  auto names = [&](const PartyFilter& f) {
    std::vector<std::string> out;
    auto parties = ListParties(*db, f);
    EXPECT_TRUE(parties.has_value());
    for (const Party& p : parties.value_or(std::vector<Party>{})) out.push_back(p.name);
    return out;
  };
  EXPECT_EQ(names({}), (std::vector<std::string>{"Buurthuis De Voorbeeldhoek", "Wijkcentrum Öostpunt"}));
  EXPECT_EQ(names({.include_archived = true}),
            (std::vector<std::string>{"Alfa Stichting", "Buurthuis De Voorbeeldhoek", "Wijkcentrum Öostpunt"}));
  EXPECT_EQ(names({.name_contains = "oostp"}), (std::vector<std::string>{"Wijkcentrum Öostpunt"}));
  EXPECT_EQ(names({.kind = PartyKind::kInitiatief}), (std::vector<std::string>{"Wijkcentrum Öostpunt"}));
  // Oost (WK034405) holds buurt BU03440512; Overvecht (WK034403) is served by the first party.
  EXPECT_EQ(names({.area_code = "WK034405"}), (std::vector<std::string>{"Wijkcentrum Öostpunt"}));
  EXPECT_EQ(names({.area_code = "BU03440311"}), (std::vector<std::string>{"Buurthuis De Voorbeeldhoek"}));
  EXPECT_EQ(names({.area_code = "WK034405", .include_archived = true}),
            (std::vector<std::string>{"Alfa Stichting", "Wijkcentrum Öostpunt"}));
  EXPECT_EQ(names({.limit = 1, .offset = 1}), (std::vector<std::string>{"Wijkcentrum Öostpunt"}));
  auto unknown = ListParties(*db, {.area_code = "WK034499"});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace wk::socialmap
