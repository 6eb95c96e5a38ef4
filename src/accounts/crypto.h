// Password hashing and token hashing with libsodium. Private to the accounts module.
#pragma once

#include <string>
#include <string_view>

#include "wk/core/error.h"

namespace wk::accounts::crypto {

// Initialises libsodium once (thread-safe); aborts if it cannot (no usable random source).
void EnsureInit();

// An argon2id string (crypto_pwhash_str, interactive limits: ~64 MB, a fraction of a second).
Result<std::string> HashPassword(std::string_view password);
// Whether `password` matches the argon2id string `hash` (constant-time inside libsodium).
bool VerifyPassword(std::string_view hash, std::string_view password);
// Runs a verification against a fixed hash, so an unknown name costs the same time as a known one.
void BurnVerifyTime(std::string_view password);

// Hex BLAKE2b-256 (crypto_generichash) of a token: what the database stores instead of the token.
std::string HashToken(std::string_view token);

// A random password of `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I).
std::string RandomPassword(std::size_t length = 16);

}  // namespace wk::accounts::crypto
