// The cache of peer indexes. An index is stored with the data generation read BEFORE its values
// were read: if an import commits in between, the index may hold newer data than its stamp says,
// and the next lookup merely rebuilds it; it can never hold older data than its stamp (the same
// reasoning as the web read cache, docs/adr/0007). When the caller holds a read transaction, the
// generation and the values come from the same snapshot anyway.
//
// Databases are told apart by their file path; a ":memory:" database has no path another
// connection could share, so its index is built for each request and not kept.
#include "peer_cache.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <tuple>

#include "wk/profile/peer_index.h"

namespace wk::profile {
namespace {

// Enough for a few years of three levels; an index at national scale is some tens of MB.
constexpr std::size_t kMaxEntries = 9;

struct Key {
  std::string path;
  int year;
  areas::Level level;
  auto operator<=>(const Key&) const = default;
};

struct Entry {
  std::shared_ptr<const LevelIndex> index;
  std::uint64_t used = 0;
};

struct Cache {
  std::mutex mu;  // guards entries and clock
  std::map<Key, Entry> entries;
  std::uint64_t clock = 0;
  std::mutex build_mu;  // one build at a time: concurrent first requests wait for one build
};

Cache& TheCache() {
  static Cache cache;
  return cache;
}

std::atomic<std::uint64_t> g_builds{0};

bool Cacheable(const store::Db& db) {
  const std::string& path = db.path();
  return !path.empty() && path != ":memory:" && !path.starts_with("file::memory:") &&
         path.find("mode=memory") == std::string::npos;
}

Result<std::shared_ptr<const LevelIndex>> Build(store::Db& db, int year, areas::Level level, std::int64_t generation) {
  auto values = areas::ValuesOfYear(db, year, level);
  if (!values) return Fail(values.error());
  g_builds.fetch_add(1, std::memory_order_relaxed);
  return std::make_shared<const LevelIndex>(LevelIndex::Build(*values, generation));
}

// Keeps `index` under `key`, dropping entries of the same database built under another generation
// (they can no longer be served) and the least recently used ones beyond kMaxEntries.
void Keep(Cache& cache, const Key& key, std::shared_ptr<const LevelIndex> index) {
  std::lock_guard lock(cache.mu);
  std::int64_t generation = index->generation();
  std::erase_if(cache.entries, [&](const auto& kv) {
    return kv.first.path == key.path && kv.second.index->generation() != generation;
  });
  cache.entries[key] = Entry{std::move(index), ++cache.clock};
  while (cache.entries.size() > kMaxEntries) {
    auto oldest = std::min_element(cache.entries.begin(), cache.entries.end(),
                                   [](const auto& x, const auto& y) { return x.second.used < y.second.used; });
    cache.entries.erase(oldest);
  }
}

std::shared_ptr<const LevelIndex> Lookup(Cache& cache, const Key& key, std::int64_t generation) {
  std::lock_guard lock(cache.mu);
  auto at = cache.entries.find(key);
  if (at == cache.entries.end() || at->second.index->generation() != generation) return nullptr;
  at->second.used = ++cache.clock;
  return at->second.index;
}

}  // namespace

Result<std::shared_ptr<const LevelIndex>> PeerIndexOf(store::Db& db, int year, areas::Level level) {
  auto generation = areas::DataGeneration(db);
  if (!generation) return Fail(generation.error());
  if (!Cacheable(db)) return Build(db, year, level, *generation);
  Cache& cache = TheCache();
  Key key{db.path(), year, level};
  if (auto hit = Lookup(cache, key, *generation)) return hit;
  std::lock_guard build(cache.build_mu);
  // Another thread may have built it while this one waited.
  if (auto hit = Lookup(cache, key, *generation)) return hit;
  auto built = Build(db, year, level, *generation);
  if (!built) return Fail(built.error());
  Keep(cache, key, *built);
  return built;
}

std::uint64_t PeerIndexBuilds() {
  return g_builds.load(std::memory_order_relaxed);
}

Result<PeerIndexSummary> BuildPeerIndex(store::Db& db, int year) {
  auto generation = areas::DataGeneration(db);
  if (!generation) return Fail(generation.error());
  PeerIndexSummary summary;
  summary.year = year;
  Cache& cache = TheCache();
  std::lock_guard build(cache.build_mu);
  for (auto level : {areas::Level::kGemeente, areas::Level::kWijk, areas::Level::kBuurt}) {
    auto built = Build(db, year, level, *generation);
    if (!built) return Fail(built.error());
    summary.areas += (*built)->area_count();
    summary.values += (*built)->value_count();
    if (Cacheable(db)) Keep(cache, Key{db.path(), year, level}, *built);
  }
  return summary;
}

}  // namespace wk::profile
