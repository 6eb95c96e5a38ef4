#include "crypto.h"

#include <sodium.h>

#include <chrono>
#include <cstdlib>
#include <mutex>

#include "wk/accounts/auth.h"

namespace wk::accounts {
namespace crypto {

void EnsureInit() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no random source: nothing secure can be done
  });
}

Result<std::string> HashPassword(std::string_view password) {
  EnsureInit();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Fail(ErrorCode::kUnavailable, "Onvoldoende geheugen om het wachtwoord te versleutelen.");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureInit();
  // crypto_pwhash_str_verify wants a NUL-terminated string within crypto_pwhash_STRBYTES.
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void BurnVerifyTime(std::string_view password) {
  static const std::string kDummy = [] {
    auto h = HashPassword("wijkkompas-dummy-password");
    return h ? *h : std::string();
  }();
  (void)VerifyPassword(kDummy, password);
}

std::string HashToken(std::string_view token) {
  EnsureInit();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string RandomPassword(std::size_t length) {
  EnsureInit();
  static constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  out.reserve(length);
  for (std::size_t i = 0; i < length; ++i) {
    out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return out;
}

}  // namespace crypto

std::string NewRandomToken() {
  crypto::EnsureInit();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char b64[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
  sodium_bin2base64(b64, sizeof b64, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return b64;
}

bool SecretsEqual(std::string_view a, std::string_view b) {
  // The length of a token is not secret (it is fixed); only its content is compared in constant time.
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace wk::accounts
