#pragma once

#include "wk/core/error.h"
#include "wk/store/db.h"

namespace wk::cli {

// For `serve --demo`: on an empty database, loads the demo municipality and creates the demo
// administrator (name from WIJKKOMPAS_ADMIN_USER, default "beheerder"; password from
// WIJKKOMPAS_ADMIN_PASSWORD, or a random one printed once). Does nothing on a database with data.
Result<void> PrepareDemo(store::Database& database);

}  // namespace wk::cli
