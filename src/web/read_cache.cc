#include "read_cache.h"

#include "wk/areas/areas.h"

namespace wk::web {

void ReadCache::ClearLocked() {
  entries_.clear();
  bytes_ = 0;
}

void ReadCache::Refresh() {
  const std::uint64_t local = areas::ImportsCommittedHere();
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mu_);
    if (local != current_.local) {
      ClearLocked();
      current_.local = local;
    }
    // One request re-reads the generation; the others go on meanwhile.
    if (checking_ || now - checked_at_ < kGenerationCheck) return;
    checking_ = true;
    checked_at_ = now;
  }
  std::optional<std::int64_t> generation;
  if (auto lease = database_.Acquire()) {
    if (auto g = areas::DataGeneration(lease->db())) generation = *g;
  }
  std::lock_guard lock(mu_);
  checking_ = false;
  if (!generation) {
    // Could not tell: serve nothing from memory until a check succeeds.
    ClearLocked();
    current_.generation = -1;
    checked_at_ = {};
  } else if (*generation != current_.generation) {
    ClearLocked();
    current_.generation = *generation;
  }
}

std::optional<ReadCache::Answer> ReadCache::Find(const std::string& key) {
  Refresh();
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  const Stamp& s = it->second.stamp;
  if (s.local != current_.local || s.generation != current_.generation) return std::nullopt;
  return it->second.answer;
}

void ReadCache::Store(const std::string& key, const Stamp& stamp, Answer answer) {
  const std::size_t size = key.size() + answer.body.size() + answer.content_type.size();
  if (answer.body.size() > limits_.max_body) return;
  const std::uint64_t local = areas::ImportsCommittedHere();
  std::lock_guard lock(mu_);
  // An import committed since the stamp was taken, or the database has moved on from what this
  // process last saw (or this answer's snapshot is older than that): do not keep it.
  if (stamp.local != local || stamp.local != current_.local || stamp.generation != current_.generation ||
      current_.generation < 0) {
    return;
  }
  if (entries_.size() >= limits_.max_entries || bytes_ + size > limits_.max_bytes) ClearLocked();
  auto [it, inserted] = entries_.try_emplace(key);
  if (!inserted) bytes_ -= it->first.size() + it->second.answer.body.size() + it->second.answer.content_type.size();
  it->second = Entry{std::move(answer), stamp};
  bytes_ += size;
}

}  // namespace wk::web
