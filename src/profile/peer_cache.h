// The process-wide cache of peer indexes (LevelIndex), per database file, year and level. Private.
#pragma once

#include <memory>

#include "level_index.h"
#include "wk/store/db.h"

namespace wk::profile {

// The index of `year` and `level` for the database `db` is connected to: the cached one while
// areas::DataGeneration(db) is unchanged, else built from areas::ValuesOfYear and cached.
Result<std::shared_ptr<const LevelIndex>> PeerIndexOf(store::Db& db, int year, areas::Level level);

// How many indexes were built since the process started (for tests of the cache).
std::uint64_t PeerIndexBuilds();

}  // namespace wk::profile
