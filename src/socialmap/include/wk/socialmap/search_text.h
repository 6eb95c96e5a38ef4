// Text as the social map's full-text search sees it (docs/adr/0013): folded (lower case, Latin
// diacritics removed), split into words, each word reduced to its stem by Snowball's Dutch
// stemmer, so that "eenzaamheid" finds "eenzaam" and "oudere" finds "ouderen". The index stores
// stemmed text and a query is stemmed the same way.
//
// Threading: any thread (each thread has its own stemmer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wk::socialmap {

// The stems of the words of `text`, in order. A word is a run of letters and digits (after
// folding: "75+" gives "75", "Sint-Maarten" gives "sint" and "maarten").
std::vector<std::string> SearchStems(std::string_view text);

// SearchStems joined by single spaces: the form stored in the full-text index and searched for.
std::string SearchText(std::string_view text);

// Finds a stem in stemmed text (SearchText; columns may be joined by line feeds). Next() is
// std::string_view::find, by the stem's rarest letter (a memchr for "z" skips most of a text, one
// for "e" stops at every other word), then a compare. NextToken() is the search's rule for a word:
// a whole token, or with `prefix` also the start of a longer one ("mantelz" in "mantelzorger");
// tokens are separated by spaces or line feeds. The stem must outlive the search.
class StemSearch {
 public:
  explicit StemSearch(std::string_view stem, bool prefix = false);
  // The first place at or after `from` where the stem occurs in `text`, or npos.
  std::size_t Next(std::string_view text, std::size_t from = 0) const;
  // The first place at or after `from` where a token matching the stem starts, or npos.
  std::size_t NextToken(std::string_view text, std::size_t from = 0) const;

 private:
  std::string_view stem_;
  bool prefix_ = false;
  std::size_t anchor_ = 0;  // the index of its rarest letter
};

// Whether stemmed text holds a token matching one of `stems` (StemSearch::NextToken): stems
// separated by single spaces, one ending in '*' a prefix. A quick test before the words are
// counted.
bool HasAnyStem(std::string_view text, std::string_view stems);

}  // namespace wk::socialmap
