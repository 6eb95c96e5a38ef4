// A small in-process cache of principals resolved from API tokens, keyed by the token's hash.
//
// Why: every API request resolved its bearer token with a hash and two queries (token, team ids),
// about a sixth of a cheap request's work. Entries live at most kTtlSeconds.
//
// Correctness: every use case of this module that can end or change what a token resolves to
// (token revocation, user disable, password change and reset, logout, team membership) calls
// Invalidate() after its commit, which makes every entry stale at once. A resolver takes the
// Generation() BEFORE it reads the database and stores with that generation, so an answer read
// before a concurrent change can never be served after the change's Invalidate().
// Changes made by another process on the same database file (`wijkkompas user disable` on the
// command line) are not seen here: they take effect within kTtlSeconds (docs/adr/0005).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wk/accounts/principal.h"

namespace wk::accounts::principal_cache {

// An entry stored at Unix second t is served while now - t < kTtlSeconds: at most 2 s.
inline constexpr std::int64_t kTtlSeconds = 2;

std::uint64_t Generation();
// The cached principal for the token hash, if fresh and stored in the current generation.
std::optional<Principal> Find(std::string_view token_hash, std::int64_t now);
// Keeps `principal` for `token_hash`; `generation` is what Generation() returned before the read.
void Store(std::string_view token_hash, const Principal& principal, std::int64_t now, std::uint64_t generation);
// Makes every entry stale (called after each change that may revoke or alter a principal).
void Invalidate();

}  // namespace wk::accounts::principal_cache
