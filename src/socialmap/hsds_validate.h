// Checking an HSDS package before anything is written (ADR 13, "Validation of an HSDS package").
// Private to socialmap.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "hsds_package.h"
#include "wk/core/error.h"

namespace wk::socialmap::hsds {

// Whether a row with `id` exists in `table` outside the package (in the database), for references
// that the package itself does not resolve. An empty function: nothing exists outside.
using ExistsOutside = std::function<Result<bool>(std::string_view table, const std::string& id)>;

// Checks every row, in datapackage order, then the references; the first problem fails with
// kBadInput: location "services.csv:3" (or "service_full.json#/phones/0"), field
// "organization_id", a Dutch message. In order, per row:
//  1. required fields (required + tabular_required of the schema). HSDS CSV cannot tell "" from
//     absent, so a required free-text field that may be empty (kMayBeEmpty in the source:
//     descriptions, metadata's previous/replacement value) counts as "" when absent;
//  2. types and enumerations, then the whole row against the table's JSON Schema (valijson);
//  3. formats valijson ignores: uuid, email, uri, date (YYYY-MM-DD), time (HH:MM[:SS] with an
//     optional Z or offset), date-time (RFC 3339);
//  4. ids unique per table.
// Then the references (References() in hsds_tables.h): kOwner must resolve, of kOneOfOwners at
// least one, kLink never has to; each reference that resolves nowhere and is allowed to becomes a
// warning in package.warnings. A package without any row is kBadInput too.
Result<void> CheckPackage(Package& package, const ExistsOutside& exists);

// The format checks (exposed for tests). Each says whether `text` has the format.
bool IsUuid(std::string_view text);
bool IsEmail(std::string_view text);
bool IsUri(std::string_view text);
bool IsDate(std::string_view text);
bool IsTime(std::string_view text);
bool IsDateTime(std::string_view text);

}  // namespace wk::socialmap::hsds
