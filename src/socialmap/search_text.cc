#include "wk/socialmap/search_text.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "wk/core/text.h"

namespace wk::socialmap {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A Snowball stemmer keeps state between calls, so each thread gets its own.
sb_stemmer& DutchStemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("dutch", "UTF_8"));
  // libstemmer is built with the Dutch algorithm; null means out of memory or a broken package.
  if (!stemmer) throw std::runtime_error("Snowball's Dutch stemmer is not available");
  return *stemmer;
}

bool IsWordByte(unsigned char c) {
  // After folding, letters are ASCII; bytes of other scripts (>= 0x80) stay part of the word.
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::vector<std::string> SearchStems(std::string_view text) {
  const std::string folded = text::FoldForSearch(text);
  std::vector<std::string> out;
  sb_stemmer& stemmer = DutchStemmer();
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    std::size_t start = i;
    while (i < folded.size() && IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    if (i == start) break;
    const auto* word = reinterpret_cast<const sb_symbol*>(folded.data() + start);
    const sb_symbol* stem = sb_stemmer_stem(&stemmer, word, static_cast<int>(i - start));
    if (stem == nullptr) throw std::bad_alloc();
    out.emplace_back(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(&stemmer)));
  }
  return out;
}

std::string SearchText(std::string_view text) {
  std::string out;
  for (const auto& stem : SearchStems(text)) {
    if (!out.empty()) out += ' ';
    out += stem;
  }
  return out;
}

namespace {

// How common a byte is in Dutch text, from rare (0: digits, punctuation, q) to common (26: e).
constexpr std::array<int, 256> kCommonness = [] {
  std::array<int, 256> rank{};
  constexpr std::string_view kByFrequency = "qyxfcjzwpbumkhvgsldtroiane";  // rare to common (roughly)
  for (std::size_t i = 0; i < kByFrequency.size(); ++i)
    rank[static_cast<unsigned char>(kByFrequency[i])] = 1 + static_cast<int>(i);
  return rank;
}();

}  // namespace

StemSearch::StemSearch(std::string_view stem, bool prefix) : stem_(stem), prefix_(prefix) {
  for (std::size_t i = 1; i < stem.size(); ++i) {
    if (kCommonness[static_cast<unsigned char>(stem[i])] < kCommonness[static_cast<unsigned char>(stem[anchor_])]) {
      anchor_ = i;
    }
  }
}

std::size_t StemSearch::Next(std::string_view text, std::size_t from) const {
  if (stem_.empty()) return from <= text.size() ? from : std::string_view::npos;
  const char letter = stem_[anchor_];
  for (std::size_t at = from + anchor_; at < text.size();) {
    const void* hit = std::memchr(text.data() + at, letter, text.size() - at);
    if (hit == nullptr) break;
    const auto found = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    const std::size_t start = found - anchor_;
    if (start + stem_.size() <= text.size() && std::memcmp(text.data() + start, stem_.data(), stem_.size()) == 0) {
      return start;
    }
    at = found + 1;
  }
  return std::string_view::npos;
}

std::size_t StemSearch::NextToken(std::string_view text, std::size_t from) const {
  const auto boundary = [](char c) { return c == ' ' || c == '\n'; };
  if (stem_.empty()) return std::string_view::npos;
  for (std::size_t at = Next(text, from); at != std::string_view::npos; at = Next(text, at + 1)) {
    if (at > 0 && !boundary(text[at - 1])) continue;  // inside a token
    const std::size_t end = at + stem_.size();
    if (prefix_ || end == text.size() || boundary(text[end])) return at;
  }
  return std::string_view::npos;
}

bool HasAnyStem(std::string_view text, std::string_view stems) {
  while (!stems.empty()) {
    const std::size_t cut = std::min(stems.find(' '), stems.size());
    std::string_view stem = stems.substr(0, cut);
    stems.remove_prefix(std::min(stems.size(), cut + 1));
    const bool prefix = stem.ends_with('*');
    if (prefix) stem.remove_suffix(1);
    if (StemSearch(stem, prefix).NextToken(text) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace wk::socialmap
