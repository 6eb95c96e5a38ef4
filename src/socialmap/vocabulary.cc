// The project vocabularies, compiled in from taxonomies.csv and vocabulary.csv (ADR 13).
#include "wk/socialmap/vocabulary.h"

#include <charconv>
#include <map>
#include <set>
#include <stdexcept>

#include "embedded_socialmap_data.h"
#include "wk/core/csv.h"

namespace wk::socialmap {
namespace {

struct Vocabularies {
  std::vector<Taxonomy> taxonomies;
  std::map<std::string, std::vector<Term>, std::less<>> terms;  // by taxonomy name
  std::map<std::string, const Term*, std::less<>> by_id;        // every term, by its id
};

csv::CsvFile Load(std::string_view name) {
  auto bytes = embedded::Find(embedded::socialmap_data(), name);
  if (!bytes) throw std::logic_error(std::string(name) + " is not embedded");
  auto file = csv::ParseCsv(*bytes, std::string(name));
  // The files are ours and tested: a failure here is a bug, not an input error.
  if (!file) throw std::logic_error(file.error().Describe());
  return std::move(*file);
}

std::size_t Col(const csv::CsvFile& file, std::string_view column) {
  auto c = file.Column(column);
  if (!c) throw std::logic_error(c.error().Describe());
  return *c;
}

const Vocabularies& All() {
  static const Vocabularies all = [] {
    Vocabularies v;
    auto tax = Load("taxonomies.csv");
    const std::size_t id = Col(tax, "id"), name = Col(tax, "name"), label = Col(tax, "label"),
                      description = Col(tax, "description");
    for (const auto& row : tax.rows) {
      v.taxonomies.push_back({row.cells[id], row.cells[name], row.cells[label], row.cells[description]});
      v.terms[row.cells[name]];
    }
    auto voc = Load("vocabulary.csv");
    const std::size_t t = Col(voc, "taxonomy"), tid = Col(voc, "id"), code = Col(voc, "code"), tname = Col(voc, "name"),
                      tdesc = Col(voc, "description"), tbit = Col(voc, "filter_bit");
    std::set<int> bits;
    for (const auto& row : voc.rows) {
      const std::string where = "vocabulary.csv:" + std::to_string(row.line) + ": ";
      auto it = v.terms.find(row.cells[t]);
      if (it == v.terms.end()) throw std::logic_error(where + "unknown taxonomy " + row.cells[t]);
      // Every search-filter term has a bit of its own (0-62), a party term none.
      int bit = -1;
      const std::string& b = row.cells[tbit];
      if (row.cells[t] != kPartyTaxonomy) {
        auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), bit);
        if (ec != std::errc() || end != b.data() + b.size() || bit < 0 || bit > 62 || !bits.insert(bit).second) {
          throw std::logic_error(where + "filter_bit must be a free number from 0 to 62, not '" + b + "'");
        }
      } else if (!b.empty()) {
        throw std::logic_error(where + "a party term has no filter_bit");
      }
      it->second.push_back({row.cells[t], row.cells[tid], row.cells[code], row.cells[tname], row.cells[tdesc], bit});
    }
    // Looked up per term of every service indexed or shown; the vectors above are complete now.
    for (const auto& [name, terms] : v.terms) {
      for (const Term& term : terms) v.by_id.emplace(term.id, &term);
    }
    return v;
  }();
  return all;
}

}  // namespace

const std::vector<Taxonomy>& Taxonomies() {
  return All().taxonomies;
}

const std::vector<Term>& Terms(std::string_view taxonomy) {
  static const std::vector<Term> kNone;
  const auto& terms = All().terms;
  auto it = terms.find(taxonomy);
  return it == terms.end() ? kNone : it->second;
}

const Term* FindTerm(std::string_view taxonomy, std::string_view code) {
  for (const Term& term : Terms(taxonomy)) {
    if (term.code == code) return &term;
  }
  return nullptr;
}

const Term* FindTermById(std::string_view id) {
  const auto& by_id = All().by_id;
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : it->second;
}

std::int64_t FilterBits(const std::vector<std::string>& term_ids) {
  std::int64_t bits = 0;
  for (const auto& id : term_ids) {
    const Term* term = FindTermById(id);
    if (term != nullptr && term->filter_bit >= 0) bits |= std::int64_t{1} << term->filter_bit;
  }
  return bits;
}

}  // namespace wk::socialmap
