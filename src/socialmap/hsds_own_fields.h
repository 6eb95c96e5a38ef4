// Our own columns of parties and services in HSDS (ADR 13, "As built"): HSDS has no party kind,
// formal/informal, source, verification or archive date of an organization, so an export writes
// them as attributes of the taxonomy wijkkompas-partij and an import applies such attributes back
// to the columns instead of storing them as attribute rows. Private to socialmap.
//
//   term               link to            value            column
//   organisatie, initiatief, informele-groep, sleutelfiguur
//                      organization       (none)           socialmap_party.kind
//   formeel, informeel organization       (none)           socialmap_party.formal
//   bron               organization/service  the source    source
//   geverifieerd-op    organization       YYYY-MM-DD       socialmap_party.assured_date
//   geverifieerd-door  organization/service  email or name assurer_email (a service's only when
//                                                          it is no email address: HSDS's
//                                                          assurer_email column must be one)
//   gearchiveerd-op    organization/service  date(-time)   archived_at (archived entries are never
//                                                          exported; an import of another
//                                                          system's package may carry it)
// (`werkgebied`, the areas a party serves, is an attribute row like domains and laws.)
//
// The id of such an attribute is derived from the party or service id and the term code (see
// DerivedId), so export -> import -> export writes the same ids.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hsds_package.h"
#include "hsds_store.h"
#include "hsds_validate.h"

namespace wk::socialmap::hsds {

// What the attributes of a package say about own columns, and which attribute rows they were.
struct OwnFieldPlan {
  std::map<std::string, OwnFields> parties;   // by party id
  std::map<std::string, OwnFields> services;  // by service id
  std::set<std::string> attribute_ids;        // applied, so not stored as attribute rows
};

// Collects the own-field attributes whose link_id names a party (or, for bron and
// gearchiveerd-op, a service) in the package or, through `exists`, in the database. kBadInput at
// the attribute's location for a value that does not fit (geverifieerd-op not a date, bron
// without value) or a second, different kind or formal/informal for the same party.
Result<OwnFieldPlan> CollectOwnFields(const Package& package, const ExistsOutside& exists);

// The attribute rows an export writes for a party (table "organization") or service: kind and
// formal always (for a party), the value-carrying ones when the column is set.
std::vector<StoredRow> OwnFieldAttributes(const StoredRow& row, std::string_view table);

// Whether `term_id` is one of the terms above (not werkgebied).
bool IsOwnFieldTerm(std::string_view term_id);

// A name-based UUID (RFC 9562 version 8, the SHA-256 construction of its appendix B.2) in the
// namespace of the taxonomy wijkkompas-partij, of "<link id>/<term code>": lower-case text form.
std::string DerivedId(std::string_view link_id, std::string_view term_code);

}  // namespace wk::socialmap::hsds
