#include "demo.h"

#include <cstdio>
#include <cstdlib>

#include "context.h"
#include "wk/accounts/users.h"
#include "wk/areas/areas.h"

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

  // The demo municipality, only on a database without areas.
  auto loaded = areas::LoadDemo(lease->db(), CommandPrincipal(), TerminalProgress("Demogegevens laden"));
  if (!loaded) return Fail(loaded.error());
  if (*loaded) {
    std::printf("Demogemeente Utrecht geladen: CBS-kerncijfers 2023 en 2024, grenzen van 10 wijken en 111 buurten.\n");
  }

  // The demo administrator, only on a database without users.
  const accounts::Principal cli = CommandPrincipal();
  auto users = accounts::ListUsers(lease->db(), cli);
  if (!users) return Fail(users.error());
  const bool first_user = users->empty();
  std::string name = Env("WIJKKOMPAS_ADMIN_USER", "beheerder");
  auto generated = accounts::EnsureDemoAdmin(lease->db(), name, Env("WIJKKOMPAS_ADMIN_PASSWORD", ""));
  if (!generated) return Fail(generated.error());
  if (*generated) {
    // Shown once: only its hash is stored.
    std::printf("Demobeheerder: %s / wachtwoord: %s\n", name.c_str(), (*generated)->c_str());
    std::fflush(stdout);
  }
  if (first_user) {
    // A demo team that works in Overvecht, so "Mijn gebieden" shows what a team's areas look like.
    auto admin = accounts::FindUserByName(lease->db(), cli, name);
    if (!admin) return Fail(admin.error());
    auto team = accounts::CreateTeam(lease->db(), cli, "Wijkteam Overvecht");
    if (!team) return Fail(team.error());
    if (auto r = accounts::AddTeamMember(lease->db(), cli, team->id, admin->id); !r) return Fail(r.error());
    if (auto r = accounts::SetTeamAreas(lease->db(), cli, team->id, "WK034403"); !r) return Fail(r.error());
  }
  return {};
}

}  // namespace wk::cli
