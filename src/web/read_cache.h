// Answers of area reads kept in memory, so that a repeated GET of the same area answer costs no
// database work (it was 4 queries and a JSON build per request).
//
// Correctness: area data changes only through imports (areas.h, "Change detection"). An answer is
// stored with the two change counters it was computed under and served only while both are
// unchanged:
//  - areas::ImportsCommittedHere(), raised right after each import committed by THIS process
//    (/beheer/import, the demo): read on every lookup (an atomic load), so such an import is seen
//    by the very next request;
//  - areas::DataGeneration(db), raised inside every import's transaction by ANY process (the
//    `wijkkompas import` command against the server's database): read in the same snapshot as
//    the answer when it is computed, and re-read by a lookup at most every kGenerationCheck;
//    so an import by another process is seen within that interval (200 ms).
// The local counter is read before the answer's snapshot starts, so an answer computed from data
// older than an import can never be stored under the counter value that follows that import.
//
// Only answers up to a size are kept, and only so many bytes and entries in total (Limits), so
// memory stays bounded whatever codes clients ask for. Permission checks happen before the handler, cache or not.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "wk/store/db.h"

namespace wk::web {

class ReadCache {
 public:
  static constexpr std::chrono::milliseconds kGenerationCheck{200};
  struct Limits {
    std::size_t max_body = 64 * 1024;         // larger answers are not kept
    std::size_t max_bytes = 2 * 1024 * 1024;  // in total; when full, the cache starts afresh
    std::size_t max_entries = 512;
  };

  struct Answer {
    std::string content_type;
    std::string body;
  };
  // The counters an answer is computed under: `local` taken before its snapshot began,
  // `generation` read inside that snapshot.
  struct Stamp {
    std::uint64_t local = 0;
    std::int64_t generation = -1;
  };

  explicit ReadCache(store::Database& database) : ReadCache(database, Limits{}) {}
  ReadCache(store::Database& database, Limits limits) : database_(database), limits_(limits) {}

  // The answer stored for `key`, if still current.
  std::optional<Answer> Find(const std::string& key);
  // Keeps `answer` for `key` when `stamp` is still current and the answer small enough.
  void Store(const std::string& key, const Stamp& stamp, Answer answer);

 private:
  struct Entry {
    Answer answer;
    Stamp stamp;
  };
  // Drops everything when this process has committed an import since; re-reads the database's
  // generation when kGenerationCheck has passed. Called without mu_ held.
  void Refresh();
  void ClearLocked();

  store::Database& database_;
  const Limits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
  Stamp current_;  // generation -1: not known yet
  std::chrono::steady_clock::time_point checked_at_{};
  bool checking_ = false;
};

}  // namespace wk::web
