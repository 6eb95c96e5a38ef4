// A fixed, clearly fictional social map for the search tests: parties and services at real
// coordinates inside the demo's Utrecht buurten. Tests only.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "wk/socialmap/model.h"
#include "wk/store/db.h"

namespace wk::socialmap::testing {

// A migrated in-memory database with the demo areas of Utrecht loaded.
std::unique_ptr<store::Db> DemoDb();

// Writes the party and returns its id.
std::string AddParty(store::Db& db, const Party& party);
// Writes the service (with locations, schedules, areas served, vocabulary) and indexes it.
std::string AddService(store::Db& db, const Service& service);

// Points (lat, lon) inside demo buurten.
struct Point {
  double lat, lon;
};
inline constexpr Point kZamenhofdreef{52.11275, 5.11};     // BU03440321, wijk Overvecht
inline constexpr Point kTigrisdreef{52.12404, 5.10371};    // BU03440342, wijk Overvecht
inline constexpr Point kOogInAl{52.08754, 5.08864};        // BU03440112
inline constexpr Point kWittevrouwen{52.09778, 5.13211};   // BU03440433
inline constexpr Point kLunettenNoord{52.06811, 5.13513};  // BU03440711
inline constexpr Point kBunnik{52.067, 5.198};             // outside Utrecht: in no buurt

// The fixed set (see search_test_support.cc): service key -> id, and the name of each id.
struct FixedSet {
  std::map<std::string, std::string> id;    // "koffie" -> id
  std::map<std::string, std::string> name;  // id -> key
};
FixedSet AddFixedSet(store::Db& db);

}  // namespace wk::socialmap::testing
