// A fixed, clearly fictional social map for the search tests: parties and services at real
// coordinates inside the demo's Utrecht buurten, written through the model's use cases
// (CreateParty, CreateService, ArchiveParty, ArchiveService), so the search is tested against the
// real writing code (locations' buurt, R*Tree, search index). Tests only; the integration test's
// seed program (search_seed_main.cc) writes the same set into a server's database.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "test_support.h"
#include "wk/accounts/principal.h"
#include "wk/socialmap/model.h"
#include "wk/store/db.h"

namespace wk::socialmap::testing {

// A migrated database with the demo areas of Utrecht loaded (test_support.h).
inline std::unique_ptr<store::Db> DemoDb() {
  return OpenDemoMap();
}

// Creates the party through CreateParty (archived through ArchiveParty when party.archived) and
// returns its id. A failing use case is a broken fixture: the message is printed and the program
// aborts.
std::string AddParty(store::Db& db, const accounts::Principal& who, const Party& party);
// Creates the service through CreateService (archived through ArchiveService when s.archived).
std::string AddService(store::Db& db, const accounts::Principal& who, const Service& service);

// Points inside demo buurten (besides those of test_support.h).
inline constexpr Point kVoorbeeldhoek{52.11275, 5.11, "BU03440321"};   // wijk Overvecht
inline constexpr Point kTigrisdreef{52.12404, 5.10371, "BU03440342"};  // wijk Overvecht
inline constexpr Point kOogInAl{52.08754, 5.08864, "BU03440112"};
inline constexpr Point kWittevrouwen{52.09778, 5.13211, "BU03440433"};
inline constexpr Point kLunettenNoord{52.06811, 5.13513, "BU03440711"};
inline constexpr Point kBunnik{52.067, 5.198, ""};  // outside Utrecht: in no buurt

// The fixed set (see search_test_support.cc): service key -> id, and the key of each id.
struct FixedSet {
  std::map<std::string, std::string> id;    // "koffie" -> id
  std::map<std::string, std::string> name;  // id -> key
};
FixedSet AddFixedSet(store::Db& db, const accounts::Principal& who);

}  // namespace wk::socialmap::testing
