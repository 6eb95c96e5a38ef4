// A need typed in plain words ("eenzaam, 75+, Overvecht") as a search (ADR 13). The text is cut at
// commas and semicolons, each part into words; from each word on, the longest run that is
//   an age         "75+", "75 jaar", "75+ jaar", "vanaf 75", "75-plus", "75-plussers" -> age 75;
//                  "18-", "tot 18", "onder 18" -> age 17 (younger than 18)
//   an area        a loaded area's name, folded ("oog in al" is "Oog in Al"), or without its
//                  "Wijk 03 " prefix ("Overvecht" is "Wijk 03 Overvecht"), or its CBS code
//                  -> area_served, and near_area with no radius (nearer services first)
//   a vocabulary   the stems of a term's code or Dutch name of the domains, laws, target groups or
//                  access routes ("wmo", "mantelzorger", "jeugd", "via de huisarts") -> that filter
// becomes a filter; every other word stays full text. Only the first area counts.
#include <algorithm>
#include <cctype>
#include <map>

#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/search_text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap {
namespace {

constexpr std::size_t kLongestRun = 4;  // words: "Mensen met een beperking"

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<int> Number(std::string_view s) {
  if (!AllDigits(s) || s.size() > 3) return std::nullopt;
  return static_cast<int>(*text::ParseInt(s));
}

struct AgeMatch {
  int age = 0;
  std::size_t words = 0;
};

// An age starting at words[i]; `words` are folded.
std::optional<AgeMatch> AgeAt(const std::vector<std::string>& words, std::size_t i) {
  const std::string& w = words[i];
  const std::string next = i + 1 < words.size() ? words[i + 1] : "";
  auto with_jaar = [&](int age, std::size_t used) {
    const bool jaar = i + used < words.size() && (words[i + used] == "jaar" || words[i + used] == "jr");
    return AgeMatch{age, used + (jaar ? 1 : 0)};
  };
  if ((w == "vanaf" || w == "boven") && Number(next)) return with_jaar(*Number(next), 2);
  if ((w == "tot" || w == "onder") && Number(next) && *Number(next) > 0) return with_jaar(*Number(next) - 1, 2);
  if (auto n = Number(w)) {
    if (next == "jaar" || next == "jr") return AgeMatch{*n, 2};
    return std::nullopt;  // a bare number is text ("bus 3")
  }
  for (std::string_view suffix : {"-plussers", "-plusser", "-plus", "plussers", "plusser", "plus", "+"}) {
    if (w.ends_with(suffix)) {
      if (auto n = Number(std::string_view(w).substr(0, w.size() - suffix.size()))) return with_jaar(*n, 1);
    }
  }
  if (w.ends_with("-") && w.size() > 1) {
    if (auto n = Number(std::string_view(w).substr(0, w.size() - 1)); n && *n > 0) return AgeMatch{*n - 1, 1};
  }
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string out;
  for (std::size_t k = from; k < from + n; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k];
  }
  return out;
}

// "wijk 03 overvecht" -> "overvecht"; names without such a prefix unchanged.
std::string WithoutNumberPrefix(const std::string& folded) {
  for (std::string_view level : {"wijk ", "buurt "}) {
    if (!folded.starts_with(level)) continue;
    std::size_t k = level.size();
    while (k < folded.size() && std::isdigit(static_cast<unsigned char>(folded[k]))) ++k;
    if (k > level.size() && k < folded.size() && folded[k] == ' ') return folded.substr(k + 1);
  }
  return folded;
}

struct VocabularyEntry {
  std::string_view taxonomy;
  const Term* term;
};
// The stemmed code and name of every term a need may name, to the term.
const std::map<std::string, VocabularyEntry>& VocabularyByStems() {
  static const auto* index = [] {
    auto* out = new std::map<std::string, VocabularyEntry>();
    for (std::string_view taxonomy : {kLawTaxonomy, kAccessTaxonomy, kTargetGroupTaxonomy, kDomainTaxonomy}) {
      for (const Term& term : Terms(taxonomy)) {
        std::string code = term.code;
        std::replace(code.begin(), code.end(), '-', ' ');
        out->emplace(SearchText(code), VocabularyEntry{taxonomy, &term});
        out->emplace(SearchText(term.name), VocabularyEntry{taxonomy, &term});
      }
    }
    return out;
  }();
  return *index;
}

std::string_view VocabularyLabel(std::string_view taxonomy) {
  if (taxonomy == kLawTaxonomy) return "wet";
  if (taxonomy == kAccessTaxonomy) return "toegang";
  if (taxonomy == kTargetGroupTaxonomy) return "doelgroep";
  return "domein";
}

void AddUnique(std::vector<std::string>& list, const std::string& code) {
  if (std::find(list.begin(), list.end(), code) == list.end()) list.push_back(code);
}

}  // namespace

Result<ParsedNeed> ParseNeed(store::Db& db, std::string_view need) {
  ParsedNeed out;
  std::vector<std::string> rest;
  bool have_area = false;
  std::string normalised(need);
  std::replace(normalised.begin(), normalised.end(), ';', ',');
  for (const auto& part : text::Split(normalised, ',')) {
    // Words as typed (for the reasons) and folded (for matching).
    std::vector<std::string> typed, words;
    for (const auto& w : text::Split(part, ' ')) {
      const std::string_view t = text::Trim(w);
      if (t.empty()) continue;
      typed.emplace_back(t);
      words.push_back(text::FoldForSearch(t));
    }
    for (std::size_t i = 0; i < words.size();) {
      if (auto age = AgeAt(words, i)) {
        out.query.age = age->age;
        out.understood.push_back(
            {"filter", Join(typed, i, age->words) + " → leeftijd " + std::to_string(age->age) + " jaar"});
        i += age->words;
        continue;
      }
      const std::size_t longest = std::min(kLongestRun, words.size() - i);
      // An area: the areas whose name has this word, checked against the runs from here.
      std::optional<areas::Area> area;
      std::size_t area_words = 0;
      if (!AllDigits(words[i]) && words[i].size() > 1) {
        auto found = areas::SearchAreas(db, words[i], 50);
        if (!found) return Fail(found.error());
        for (std::size_t n = longest; n >= 1 && !area; --n) {
          const std::string run = Join(words, i, n);
          for (const auto& a : *found) {
            const std::string name = text::FoldForSearch(a.name);
            if (name == run || WithoutNumberPrefix(name) == run || text::FoldForSearch(a.code) == run) {
              area = a, area_words = n;
              break;
            }
          }
        }
      }
      if (area) {
        const std::string said = Join(typed, i, area_words);
        if (!have_area) {
          have_area = true;
          out.query.area_served = area->code;
          out.query.near_area = area->code;
          out.query.radius_km = 0;
          out.understood.push_back(
              {"gebied", said + " → gebied " + area->name + " (" + std::string(areas::LevelName(area->level)) + ")"});
        } else {
          out.understood.push_back({"gebied", said + " → niet gebruikt: één gebied tegelijk"});
        }
        i += area_words;
        continue;
      }
      // A vocabulary term, the longest run first.
      const VocabularyEntry* entry = nullptr;
      std::size_t term_words = 0;
      for (std::size_t n = longest; n >= 1 && entry == nullptr; --n) {
        const std::string stems = SearchText(Join(words, i, n));
        if (auto it = VocabularyByStems().find(stems); !stems.empty() && it != VocabularyByStems().end()) {
          entry = &it->second, term_words = n;
        }
      }
      if (entry != nullptr) {
        const std::string& code = entry->term->code;
        if (entry->taxonomy == kLawTaxonomy) AddUnique(out.query.laws, code);
        if (entry->taxonomy == kAccessTaxonomy) AddUnique(out.query.access_routes, code);
        if (entry->taxonomy == kTargetGroupTaxonomy) AddUnique(out.query.target_groups, code);
        if (entry->taxonomy == kDomainTaxonomy) AddUnique(out.query.domains, code);
        out.understood.push_back({"filter", Join(typed, i, term_words) + " → " +
                                                std::string(VocabularyLabel(entry->taxonomy)) + " " +
                                                entry->term->name});
        i += term_words;
        continue;
      }
      rest.push_back(typed[i]);
      ++i;
    }
  }
  if (!rest.empty()) {
    out.query.text = Join(rest, 0, rest.size());
    std::string listed;
    for (const auto& w : rest) listed += (listed.empty() ? "" : ", ") + w;
    out.understood.push_back({"tekst", "Zoekwoorden: " + listed});
  }
  return out;
}

}  // namespace wk::socialmap
