// Numbered schema migrations: src/store/migrations/NNNN_<what>.sql, compiled into the binary.
// Each is applied in its own transaction and recorded in schema_migrations(version, name, applied_at).
#pragma once

#include <string>
#include <vector>

#include "wk/core/error.h"

namespace wk::store {

class Db;

struct MigrationStatus {
  int version;
  std::string name;
  bool applied;
};

// Applies every migration not yet recorded, in order. Returns how many were applied.
// Fails (changing nothing more) if a migration fails, or if the database was made by a newer
// Wijkkompas (it records a version this binary does not know).
Result<int> Migrate(Db& db);

// All migrations this binary knows, and whether the database has them.
Result<std::vector<MigrationStatus>> ListMigrations(Db& db);

}  // namespace wk::store
