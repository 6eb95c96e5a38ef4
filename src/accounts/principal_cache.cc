#include "principal_cache.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace wk::accounts::principal_cache {
namespace {

// Bounded so that a flood of distinct valid tokens cannot grow memory; when full, expired entries
// go first, then everything (a refill costs one database read per token).
constexpr std::size_t kMaxEntries = 1024;

struct Entry {
  Principal principal;
  std::int64_t stored_at = 0;
  std::uint64_t generation = 0;
};

std::atomic<std::uint64_t> g_generation{1};
std::mutex g_mutex;
std::unordered_map<std::string, Entry>& Entries() {
  static auto* entries = new std::unordered_map<std::string, Entry>();  // never destroyed: used until exit
  return *entries;
}

bool Fresh(const Entry& e, std::int64_t now, std::uint64_t generation) {
  return e.generation == generation && now >= e.stored_at && now - e.stored_at < kTtlSeconds;
}

}  // namespace

std::uint64_t Generation() {
  return g_generation.load(std::memory_order_acquire);
}

std::optional<Principal> Find(std::string_view token_hash, std::int64_t now) {
  const std::uint64_t generation = Generation();
  std::lock_guard lock(g_mutex);
  auto& entries = Entries();
  auto it = entries.find(std::string(token_hash));
  if (it == entries.end() || !Fresh(it->second, now, generation)) return std::nullopt;
  return it->second.principal;
}

void Store(std::string_view token_hash, const Principal& principal, std::int64_t now, std::uint64_t generation) {
  std::lock_guard lock(g_mutex);
  auto& entries = Entries();
  if (entries.size() >= kMaxEntries) {
    const std::uint64_t current = Generation();
    std::erase_if(entries, [&](const auto& kv) { return !Fresh(kv.second, now, current); });
    if (entries.size() >= kMaxEntries) entries.clear();
  }
  entries.insert_or_assign(std::string(token_hash), Entry{principal, now, generation});
}

void Invalidate() {
  g_generation.fetch_add(1, std::memory_order_acq_rel);
  std::lock_guard lock(g_mutex);
  Entries().clear();
}

}  // namespace wk::accounts::principal_cache
