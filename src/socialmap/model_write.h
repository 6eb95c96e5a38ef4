// Writing a new party or service inside a transaction the caller holds, for a use case that
// writes many of them in ONE transaction with ONE audit entry (the spreadsheet import). CreateParty
// and CreateService are these plus the permission check, the transaction and their audit entry.
// Private to the socialmap module.
#pragma once

#include "wk/accounts/principal.h"
#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap::internal {

// Validates (as CreateParty), gives ids, inserts the party with its children and appends its
// history rows (by `who`). Checks no permission, opens no transaction, appends no audit entry.
// Returns the party as written. Errors as CreateParty's.
Result<Party> InsertNewParty(store::Db& db, const accounts::Principal& who, const Party& input);
// The same for a service (the buurt of each location from its point, the search index row).
Result<Service> InsertNewService(store::Db& db, const accounts::Principal& who, const Service& input);

}  // namespace wk::socialmap::internal
