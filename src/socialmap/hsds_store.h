// The SQL of the HSDS import and export (ADR 13): rows of the HSDS tables into the socialmap_*
// tables and socialmap_hsds_row, and back. Every function runs in the caller's transaction.
// Private to socialmap.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hsds_package.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap::hsds {

// Whether `table` (an HSDS table name) holds a row with `id` in the database.
Result<bool> RowExists(store::Db& db, std::string_view table, const std::string& id);

// Our own columns of a party or service that travel as attributes of the taxonomy
// wijkkompas-partij (ADR 13, "As built"). nullopt = the package does not say: a new row gets the
// default, an existing row keeps its value.
struct OwnFields {
  std::optional<std::string> kind;  // party: "organisatie", ... (PartyKindCode)
  std::optional<bool> formal;       // party
  std::optional<std::string> source;
  std::optional<std::string> assured_date;   // party (a service has the HSDS column)
  std::optional<std::string> assurer_email;  // party
  std::optional<std::string> archived_at;
};

// Inserts the row, or replaces the HSDS columns and `extra` of the row with its id (the row keeps
// its rid, so search and R*Tree keys stay). `now` is the created_at/updated_at time (ISO 8601 UTC),
// `default_source` the source of a new party or service whose package names none.
Result<void> UpsertParty(store::Db& db, const Row& row, const OwnFields& own, const std::string& default_source,
                         const std::string& now);
Result<void> UpsertService(store::Db& db, const Row& row, const OwnFields& own, const std::string& default_source,
                           const std::string& now);
// Returns the location's rid. `area_code`: the buurt of its point, nullopt for none.
Result<std::int64_t> UpsertLocation(store::Db& db, const Row& row, const std::optional<std::string>& area_code);
// Replaces the location's point in socialmap_location_rtree (removes it when nullopt).
struct Point {
  double lon = 0, lat = 0;
};
Result<void> SetLocationPoint(store::Db& db, std::int64_t rid, const std::optional<Point>& point);
// The other modelled tables (address, phone, contact, schedule, ...): insert or replace by id.
Result<void> UpsertModelledRow(store::Db& db, const Table& table, const Row& row);
// A row of a table the model does not use, kept as JSON (column -> CSV text, HSDS field order,
// then the custom columns in name order) in socialmap_hsds_row.
Result<void> UpsertKeptRow(store::Db& db, const Table& table, const Row& row);
// Applies own fields to a party or service that is already in the database (one the package's
// attributes name without carrying the row itself).
Result<void> ApplyOwnFields(store::Db& db, std::string_view table, const std::string& id, const OwnFields& own,
                            const std::string& now);

// A row as stored, for the export.
struct StoredRow {
  nlohmann::json values = nlohmann::json::object();  // HSDS fields that are set (numbers as numbers)
  nlohmann::json extra = nlohmann::json::object();   // custom columns, text
  // Own columns: party kind, formal, source, assured_date, assurer_email, archived_at,
  // consent_publish; service source, archived_at. Absent when NULL.
  nlohmann::json own = nlohmann::json::object();
  std::string Id() const;
  std::string Text(std::string_view field) const;  // a value as text, "" when absent
};
// Every row of `table` (modelled or kept), in no particular order.
Result<std::vector<StoredRow>> ReadRows(store::Db& db, const Table& table);

}  // namespace wk::socialmap::hsds
