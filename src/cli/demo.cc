#include "demo.h"

#include <cstdio>
#include <cstdlib>

#include "wk/accounts/users.h"

namespace wk::cli {
namespace {

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : std::string(fallback);
}

}  // namespace

Result<void> PrepareDemo(store::Database& database) {
  auto lease = database.Acquire();
  if (!lease) return Fail(lease.error());

  // areas::LoadDemo is called here by the areas work

  // The demo administrator, only on a database without users.
  std::string name = Env("WIJKKOMPAS_ADMIN_USER", "beheerder");
  auto generated = accounts::EnsureDemoAdmin(lease->db(), name, Env("WIJKKOMPAS_ADMIN_PASSWORD", ""));
  if (!generated) return Fail(generated.error());
  if (*generated) {
    // Shown once: only its hash is stored.
    std::printf("Demobeheerder: %s / wachtwoord: %s\n", name.c_str(), (*generated)->c_str());
    std::fflush(stdout);
  }
  return {};
}

}  // namespace wk::cli
