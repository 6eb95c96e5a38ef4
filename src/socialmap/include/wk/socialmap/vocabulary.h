// The project's vocabularies as HSDS taxonomies (ADR 13): domains, laws, access routes, target
// groups and party data. Data, not code: compiled in from src/socialmap/taxonomies.csv and
// vocabulary.csv with fixed UUIDs, so they travel in and out of HSDS unchanged.
#pragma once

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
};

const std::vector<Taxonomy>& Taxonomies();
// The terms of one taxonomy in file order (the order pages list them in).
const std::vector<Term>& Terms(std::string_view taxonomy);
const Term* FindTerm(std::string_view taxonomy, std::string_view code);
const Term* FindTermById(std::string_view id);

}  // namespace wk::socialmap
