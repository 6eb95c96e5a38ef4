// The peer index behind AreaProfile's ranks, percentiles and z-scores: per year and level, every
// indicator's values sorted nationally and per municipality (docs/adr/0008).
//
// AreaProfile builds the index it needs on first use and keeps it, per database file, in a cache
// shared by all threads; it is rebuilt when areas::DataGeneration changes (every import raises
// it). BuildPeerIndex does that work up front, e.g. right after an import, so the first profile
// does not pay for it, and so a benchmark can time it.
//
// Threading: any thread, each with its own connection to the same database. Builds are done one
// at a time; readers of an existing index never wait for a build of another one.
#pragma once

#include <cstdint>

#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::profile {

struct PeerIndexSummary {
  int year = 0;
  int areas = 0;            // gemeenten, wijken and buurten with figures in the year
  std::int64_t values = 0;  // stored and derived values indexed (missing ones are left out)
};

// Reads every value of `year` (one scan per level) and (re)builds the peer index of the three
// levels, replacing the cached one. A database in memory (":memory:") is private to its
// connection and is not cached: its index is built for each profile. Errors: those of reading.
Result<PeerIndexSummary> BuildPeerIndex(store::Db& db, int year);

}  // namespace wk::profile
