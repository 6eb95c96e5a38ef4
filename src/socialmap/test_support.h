// Helpers for the social map's tests: a database with the demo areas of Utrecht, principals of
// each role, fictional parties and services at real points inside demo buurten, and checks that
// look into the tables directly.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "wk/accounts/principal.h"
#include "wk/socialmap/model.h"
#include "wk/store/db.h"

namespace wk::socialmap::testing {

// A migrated database file with the Utrecht demo loaded (areas and boundaries), in a temporary
// folder the test process removes at exit. The demo is loaded once per process and copied.
std::unique_ptr<store::Db> OpenDemoMap();

accounts::Principal Wijkwerker();   // may edit the social map
accounts::Principal Coordinator();  // may also manage it (erase, publish)
accounts::Principal Lezer();        // may only read

// Real WGS84 points inside demo buurten (checked by the tests with areas::Locate).
struct Point {
  double lat, lon;
  const char* buurt;  // the CBS code of the buurt the point lies in
};
inline constexpr Point kTaagdreef = {52.11099, 5.11834, "BU03440311"};      // wijk Overvecht (WK034403)
inline constexpr Point kZamenhofdreef = {52.11232, 5.11013, "BU03440321"};  // Overvecht
inline constexpr Point kOudwijk = {52.08788, 5.13571, "BU03440512"};        // wijk Oost (WK034405)

// A made-up organisation (name, phone 030 000 00 01, example.nl addresses), not yet stored.
Party FictionalParty(const std::string& name = "Buurthuis De Voorbeeldhoek");
// A made-up service of `party_id` with one location at `point`, a weekly schedule and codes.
Service FictionalService(const std::string& party_id, const std::string& name = "Koffieochtend",
                         const Point& point = kTaagdreef);

// The first column of the first row as text ("" for NULL or no row).
std::string QueryText(store::Db& db, const std::string& sql);
std::int64_t QueryInt(store::Db& db, const std::string& sql);
// The number of rows of every socialmap_* table added up (FTS5 and R*Tree shadow tables too).
std::int64_t CountSocialMapRows(store::Db& db);
// The socialmap_* tables holding rows, by name; the shadow tables of the FTS5 and R*Tree tables
// are left out (their virtual tables are counted), as is socialmap_setting.
std::string NonEmptyTables(store::Db& db);
// socialmap_service_point (migration 0006) against the rows it should hold, recomputed from the
// tables it derives from: one per service_at_location whose location has a valid WGS84 point,
// with the service's rid and index row (NULL without one), the row's length in tokens and the
// service's vocabulary terms as filter bits (computed from socialmap_attribute, not the index).
// `differing`: rows that differ either way (0 when the table is right); `expected`: how many.
struct PointCheck {
  std::int64_t differing = 0, expected = 0;
};
PointCheck CheckServicePoints(store::Db& db);
// The socialmap_* tables (shadow tables included) with a value containing `needle` (any case).
std::string TablesContaining(store::Db& db, const std::string& needle);

}  // namespace wk::socialmap::testing
