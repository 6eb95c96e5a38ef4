#include "search_test_support.h"

#include <cstdio>
#include <cstdlib>

#include "wk/socialmap/socialmap.h"

namespace wk::socialmap::testing {
namespace {

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r) {
    std::fprintf(stderr, "search fixture: %s: %s\n", what.c_str(), r.error().Describe().c_str());
    std::abort();
  }
  return std::move(*r);
}

}  // namespace

std::string AddParty(store::Db& db, const accounts::Principal& who, const Party& party) {
  Party created = Must(CreateParty(db, who, party), party.name);
  if (party.archived) Must(ArchiveParty(db, who, created.id), "archive " + party.name);
  return created.id;
}

std::string AddService(store::Db& db, const accounts::Principal& who, const Service& s) {
  Service created = Must(CreateService(db, who, s), s.name);
  if (s.archived) Must(ArchiveService(db, who, created.id), "archive " + s.name);
  return created.id;
}

namespace {

Location At(const char* name, const char* street, const char* postcode, Point p) {
  Location l;
  l.name = name;
  l.address_1 = street;
  l.postal_code = postcode;
  l.city = "Utrecht";
  l.province = "Utrecht";
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

FixedSet AddFixedSet(store::Db& db, const accounts::Principal& who) {
  FixedSet set;
  auto party = [&](const char* name, bool formal) {
    Party p;
    p.name = name;
    p.formal = formal;
    return AddParty(db, who, p);
  };
  const std::string hoek = party("Buurthuis De Voorbeeldhoek", true);
  const std::string plein = party("Bewonersgroep Het Verzonnen Plein", false);
  const std::string fictief = party("Stichting Fictief Welzijn", true);
  const std::string opgeheven = party("Opgeheven Voorbeeldclub", true);  // archived below, with its service

  auto add = [&](const char* key, Service s) {
    const std::string id = AddService(db, who, s);
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
  s.locations = {At("Buurthuis De Voorbeeldhoek", "Voorbeeldstraat 1", "3563 AA", kVoorbeeldhoek)};
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
  // Every other Monday, but from which week is not said (no DTSTART): outside the subset the
  // search reads, so "open at" never calls it open.
  s.schedules = {Weekly("MO", "19:00", "22:00")};
  s.schedules[0].interval = 2;
  add("jongeren", s);

  s = Service{};
  s.party_id = opgeheven;
  s.name = "Oude koffieochtend";
  s.description = "Koffie tegen eenzaamheid voor ouderen.";
  s.locations = {At("Oud adres", "Verdwenenstraat 6", "3563 AF", kVoorbeeldhoek)};
  add("archived-party", s);
  Must(ArchiveParty(db, who, opgeheven), "archive Opgeheven Voorbeeldclub");  // and its service

  s = Service{};
  s.party_id = hoek;
  s.name = "Gesloten inloop";
  s.description = "Inloop tegen eenzaamheid voor ouderen.";
  s.archived = true;
  s.locations = {At("Buurthuis De Voorbeeldhoek", "Voorbeeldstraat 1", "3563 AA", kVoorbeeldhoek)};
  add("archived", s);
  return set;
}

}  // namespace wk::socialmap::testing
