#include "search_test_support.h"

#include <gtest/gtest.h>

#include "wk/accounts/principal.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/migrations.h"

namespace wk::socialmap::testing {
namespace {

// The rows as the model's use cases write them (HSDS tables, migration 0005). Until the model's
// CreateParty/CreateService can be used here, the fixture writes them itself.
constexpr std::string_view kInsertParty =
    "INSERT INTO socialmap_party(id, name, alternate_name, description, formal, archived_at, created_at, updated_at) "
    "VALUES (?1, ?2, NULLIF(?3, ''), ?4, ?5, ?6, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')";
constexpr std::string_view kInsertService =
    "INSERT INTO socialmap_service(id, organization_id, name, alternate_name, description, eligibility_description, "
    "minimum_age, maximum_age, archived_at, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, NULLIF(?6, ''), ?7, ?8, ?9, '2026-11-01T00:00:00Z', "
    "'2026-11-01T00:00:00Z')";
constexpr std::string_view kInsertAttribute =
    "INSERT INTO socialmap_attribute(id, link_id, taxonomy_term_id, link_type) VALUES (?1, ?2, ?3, 'service')";
constexpr std::string_view kInsertArea =
    "INSERT INTO socialmap_service_area(id, service_id, extent, extent_type) VALUES (?1, ?2, ?3, 'wijkkompas-gebied')";
constexpr std::string_view kInsertLocation =
    "INSERT INTO socialmap_location(id, name, latitude, longitude, area_code) VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''))";
constexpr std::string_view kInsertPoint =
    "INSERT INTO socialmap_location_rtree(rid, min_lon, max_lon, min_lat, max_lat) VALUES (?1, ?2, ?2, ?3, ?3)";
constexpr std::string_view kInsertAddress =
    "INSERT INTO socialmap_address(id, location_id, address_1, city, state_province, postal_code, country) "
    "VALUES (?1, ?2, ?3, ?4, 'Utrecht', ?5, 'NL')";
constexpr std::string_view kInsertServiceAtLocation =
    "INSERT INTO socialmap_service_at_location(id, service_id, location_id) VALUES (?1, ?2, ?3)";
constexpr std::string_view kInsertSchedule =
    "INSERT INTO socialmap_schedule(id, service_id, freq, interval, byday, bymonthday, opens_at, closes_at, dtstart, "
    "description) VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), NULLIF(?6, ''), ?7, ?8, NULLIF(?9, ''), ?10)";

int next_id = 0;
std::string NewId(const char* kind) {
  return std::string("test-") + kind + "-" + std::to_string(++next_id);
}

void Run(store::Statement&& st) {
  auto done = st.Run();
  ASSERT_TRUE(done.has_value()) << done.error().Describe();
}

store::Statement Prepared(store::Db& db, std::string_view sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.has_value()) << st.error().Describe();
  return std::move(*st);
}

void AddTerms(store::Db& db, const std::string& service_id, std::string_view taxonomy,
              const std::vector<std::string>& codes) {
  for (const auto& code : codes) {
    const Term* term = FindTerm(taxonomy, code);
    ASSERT_NE(term, nullptr) << code;
    Run(std::move(Prepared(db, kInsertAttribute).BindAll(NewId("attribute"), service_id, term->id)));
  }
}

}  // namespace

std::unique_ptr<store::Db> DemoDb() {
  auto db = store::Db::Open(":memory:");
  EXPECT_TRUE(db.has_value());
  auto migrated = store::Migrate(**db);
  EXPECT_TRUE(migrated.has_value()) << migrated.error().Describe();
  accounts::Principal beheerder{1, "beheerder", accounts::Role::kBeheerder, {}, false};
  auto loaded = areas::LoadDemo(**db, beheerder);
  EXPECT_TRUE(loaded.has_value()) << loaded.error().Describe();
  return std::move(*db);
}

std::string AddParty(store::Db& db, const Party& party) {
  const std::string id = NewId("party");
  Run(std::move(Prepared(db, kInsertParty)
                    .BindAll(id, party.name, party.alternate_name, party.description, party.formal ? 1 : 0)
                    .Bind(6, party.archived ? std::optional<std::string>("2026-11-02") : std::nullopt)));
  return id;
}

std::string AddService(store::Db& db, const Service& s) {
  const std::string id = NewId("service");
  Run(std::move(
      Prepared(db, kInsertService)
          .BindAll(id, s.party_id, s.name, s.alternate_name, s.description, s.eligibility, s.minimum_age, s.maximum_age)
          .Bind(9, s.archived ? std::optional<std::string>("2026-11-02") : std::nullopt)));
  AddTerms(db, id, kDomainTaxonomy, s.domains);
  AddTerms(db, id, kLawTaxonomy, s.laws);
  AddTerms(db, id, kTargetGroupTaxonomy, s.target_groups);
  AddTerms(db, id, kAccessTaxonomy, s.access_routes);
  for (const auto& code : s.areas_served) {
    Run(std::move(Prepared(db, kInsertArea).BindAll(NewId("area"), id, code)));
  }
  for (const auto& l : s.locations) {
    const std::string location_id = NewId("location");
    std::string buurt;
    if (l.latitude && l.longitude) {
      auto located = areas::Locate(db, *l.longitude, *l.latitude);
      EXPECT_TRUE(located.has_value());
      if (located && located->buurt) buurt = located->buurt->code;
    }
    Run(std::move(Prepared(db, kInsertLocation).BindAll(location_id, l.name, l.latitude, l.longitude, buurt)));
    if (l.latitude && l.longitude) {
      Run(std::move(Prepared(db, kInsertPoint).BindAll(db.LastInsertId(), *l.longitude, *l.latitude)));
    }
    Run(std::move(
        Prepared(db, kInsertAddress).BindAll(NewId("address"), location_id, l.address_1, l.city, l.postal_code)));
    Run(std::move(Prepared(db, kInsertServiceAtLocation).BindAll(NewId("sal"), id, location_id)));
  }
  for (const auto& sch : s.schedules) {
    Run(std::move(Prepared(db, kInsertSchedule)
                      .BindAll(NewId("schedule"), id, sch.freq, sch.interval, sch.byday, sch.bymonthday, sch.opens_at,
                               sch.closes_at, sch.dtstart, sch.description)));
  }
  auto indexed = RefreshSearchIndex(db, id);
  EXPECT_TRUE(indexed.has_value()) << indexed.error().Describe();
  return id;
}

namespace {

Location At(const char* name, const char* street, const char* postcode, Point p) {
  Location l;
  l.name = name;
  l.address_1 = street;
  l.postal_code = postcode;
  l.city = "Utrecht";
  l.latitude = p.lat;
  l.longitude = p.lon;
  return l;
}

Schedule Weekly(const char* byday, const char* opens, const char* closes, const char* freq = "WEEKLY") {
  Schedule s;
  s.freq = freq;
  s.byday = byday;
  s.opens_at = opens;
  s.closes_at = closes;
  return s;
}

}  // namespace

FixedSet AddFixedSet(store::Db& db) {
  FixedSet set;
  auto party = [&](const char* name, bool formal, bool archived = false) {
    Party p;
    p.name = name;
    p.formal = formal;
    p.archived = archived;
    return AddParty(db, p);
  };
  const std::string hoek = party("Buurthuis De Voorbeeldhoek", true);
  const std::string plein = party("Bewonersgroep Het Verzonnen Plein", false);
  const std::string fictief = party("Stichting Fictief Welzijn", true);
  const std::string opgeheven = party("Opgeheven Voorbeeldclub", true, true);

  auto add = [&](const char* key, Service s) {
    const std::string id = AddService(db, s);
    set.id[key] = id;
    set.name[id] = key;
  };
  Service s;
  s.party_id = hoek;
  s.name = "Koffieochtend voor ouderen";
  s.description = "Gezellig samen koffie drinken, tegen eenzaamheid.";
  s.target_groups = {"ouderen", "eenzaamheid"};
  s.domains = {"ontmoeting"};
  s.access_routes = {"vrij-toegankelijk"};
  s.minimum_age = 65;
  s.areas_served = {"WK034403"};
  s.locations = {At("Buurthuis De Voorbeeldhoek", "Voorbeeldstraat 1", "3563 AA", kZamenhofdreef)};
  s.schedules = {Weekly("TU", "10:00", "12:00")};
  add("koffie", s);

  s = Service{};
  s.party_id = fictief;
  s.name = "Eenzaamheid doorbreken";
  s.description = "Een maatje voor een wandeling of een gesprek.";
  s.target_groups = {"alle-bewoners"};
  s.laws = {"wmo"};
  s.access_routes = {"via-wijkteam"};
  s.areas_served = {"GM0344"};
  s.locations = {At("Kantoor Fictief Welzijn", "Verzonnenlaan 2", "3531 AB", kOogInAl)};
  add("maatje", s);

  s = Service{};
  s.party_id = plein;
  s.name = "Café De Verzinsel";
  s.description = "Buurtcafé voor iedereen, ook voor oudere bewoners.";
  s.domains = {"ontmoeting"};
  s.locations = {At("Het Verzonnen Plein", "Verzonnen Plein 3", "3581 AC", kWittevrouwen)};
  s.schedules = {Weekly("1MO", "14:00", "17:00", "MONTHLY")};
  add("cafe", s);

  s = Service{};
  s.party_id = fictief;
  s.name = "Mantelzorgsteunpunt Voorbeeld";
  s.description = "Advies en respijtzorg voor wie voor een naaste zorgt.";
  s.target_groups = {"mantelzorgers"};
  s.laws = {"wmo"};
  s.domains = {"zorg"};
  s.minimum_age = 18;
  s.locations = {At("Steunpunt Voorbeeld", "Fictieweg 4", "3524 AD", kLunettenNoord)};
  s.schedules = {Weekly("MO,WE,FR", "09:00", "17:00")};
  add("mantelzorg", s);

  s = Service{};
  s.party_id = hoek;
  s.name = "Jongerenwerk Voorbeeldhoek";
  s.description = "Activiteiten en een luisterend oor voor jongeren.";
  s.target_groups = {"jongeren"};
  s.domains = {"jeugd"};
  s.laws = {"jeugdwet"};
  s.minimum_age = 12;
  s.maximum_age = 23;
  s.locations = {At("Jongerenruimte", "Voorbeeldstraat 5", "3564 AE", kTigrisdreef)};
  s.schedules = {Weekly("", "19:00", "22:00", "YEARLY")};
  add("jongeren", s);

  s = Service{};
  s.party_id = opgeheven;
  s.name = "Oude koffieochtend";
  s.description = "Koffie tegen eenzaamheid voor ouderen.";
  s.locations = {At("Oud adres", "Verdwenenstraat 6", "3563 AF", kZamenhofdreef)};
  add("archived-party", s);

  s = Service{};
  s.party_id = hoek;
  s.name = "Gesloten inloop";
  s.description = "Inloop tegen eenzaamheid voor ouderen.";
  s.archived = true;
  s.locations = {At("Buurthuis De Voorbeeldhoek", "Voorbeeldstraat 1", "3563 AA", kZamenhofdreef)};
  add("archived", s);
  return set;
}

}  // namespace wk::socialmap::testing
