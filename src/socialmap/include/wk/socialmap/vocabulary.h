// The project's vocabularies as HSDS taxonomies (ADR 13): domains, laws, access routes, target
// groups and party data. Data, not code: compiled in from src/socialmap/taxonomies.csv and
// vocabulary.csv with fixed UUIDs, so they travel in and out of HSDS unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wk::socialmap {

inline constexpr std::string_view kDomainTaxonomy = "wijkkompas-domein";
inline constexpr std::string_view kLawTaxonomy = "wijkkompas-wet";
inline constexpr std::string_view kAccessTaxonomy = "wijkkompas-toegang";
inline constexpr std::string_view kTargetGroupTaxonomy = "wijkkompas-doelgroep";
inline constexpr std::string_view kPartyTaxonomy = "wijkkompas-partij";
// HSDS service_area.extent_type of an extent that is a CBS area code of ours.
inline constexpr std::string_view kAreaExtentType = "wijkkompas-gebied";

struct Taxonomy {
  std::string id;           // fixed UUID
  std::string name;         // "wijkkompas-wet"
  std::string label;        // Dutch: "Wetten"
  std::string description;  // Dutch
};

struct Term {
  std::string taxonomy;     // Taxonomy::name
  std::string id;           // fixed UUID
  std::string code;         // "wmo", "via-huisarts"
  std::string name;         // Dutch label: "Wmo", "Via de huisarts"
  std::string description;  // Dutch help text, may be ""
  // The term's bit in a service's filter terms (socialmap_search_terms, socialmap_service_point:
  // a near search tests the search filters on the points themselves); -1 for the party
  // taxonomy, whose terms are no search filter. Stored data: a term keeps its bit, a new term
  // takes a free one (0-62); see ADR 13 "Filter terms on the points".
  int filter_bit = -1;
};

const std::vector<Taxonomy>& Taxonomies();
// The terms of one taxonomy in file order (the order pages list them in).
const std::vector<Term>& Terms(std::string_view taxonomy);
const Term* FindTerm(std::string_view taxonomy, std::string_view code);
const Term* FindTermById(std::string_view id);
// The filter bits of the terms among `term_ids` that have one, OR-ed (unknown ids add nothing).
std::int64_t FilterBits(const std::vector<std::string>& term_ids);

}  // namespace wk::socialmap
