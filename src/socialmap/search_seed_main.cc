// Test-only program: writes the fixed fictional set of the search tests (search_test_support.cc)
// into an existing, migrated database with the Utrecht demo loaded, through the model's use cases,
// so the integration and browser tests of the search page search real rows.
//
//   wk_socialmap_search_seed DB
//
// Prints the services' ids as JSON ({"koffie": "<id>", ...}); exit status 1 with a message on
// stderr when the database cannot be opened (a failing use case aborts: a broken fixture).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "search_test_support.h"
#include "wk/accounts/principal.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "gebruik: %s DATABASE\n", argv[0]);
    return 2;
  }
  auto db = wk::store::Db::Open(argv[1]);
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().Describe().c_str());
    return 1;
  }
  const auto set = wk::socialmap::testing::AddFixedSet(**db, wk::accounts::CliPrincipal("zoektest"));
  std::printf("%s\n", nlohmann::json(set.id).dump().c_str());
  return 0;
}
