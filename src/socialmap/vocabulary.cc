// The project vocabularies, compiled in from taxonomies.csv and vocabulary.csv (ADR 13).
#include "wk/socialmap/vocabulary.h"

#include <map>
#include <stdexcept>

#include "embedded_socialmap_data.h"
#include "wk/core/csv.h"

namespace wk::socialmap {
namespace {

struct Vocabularies {
  std::vector<Taxonomy> taxonomies;
  std::map<std::string, std::vector<Term>, std::less<>> terms;  // by taxonomy name
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
                      tdesc = Col(voc, "description");
    for (const auto& row : voc.rows) {
      auto it = v.terms.find(row.cells[t]);
      if (it == v.terms.end()) {
        throw std::logic_error("vocabulary.csv:" + std::to_string(row.line) + ": unknown taxonomy " + row.cells[t]);
      }
      it->second.push_back({row.cells[t], row.cells[tid], row.cells[code], row.cells[tname], row.cells[tdesc]});
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
  for (const auto& [name, terms] : All().terms) {
    for (const Term& term : terms) {
      if (term.id == id) return &term;
    }
  }
  return nullptr;
}

}  // namespace wk::socialmap
