#include "demo.h"

#include <cstdio>
#include <cstdlib>

#include "context.h"
#include "embedded_demo_data.h"
#include "wk/accounts/users.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::cli {
namespace {

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : std::string(fallback);
}

// The demo's social map: the made-up services and parties of tests/data/sociale-kaart-voorbeeld.csv (each
// description says "Verzonnen voorbeeld"), only on a database whose social map is empty.
Result<void> LoadDemoSocialMap(store::Db& db) {
  socialmap::PartyFilter any;
  any.include_archived = true;
  any.limit = 1;
  auto parties = socialmap::ListParties(db, any);
  if (!parties) return Fail(parties.error());
  if (!parties->empty()) return {};
  auto sheet = embedded::Find(embedded::demo_data(), "sociale-kaart-voorbeeld.csv");
  auto mapping_text = embedded::Find(embedded::demo_data(), "sociale-kaart-voorbeeld.mapping.csv");
  if (!sheet || !mapping_text) return Fail(ErrorCode::kInternal, "De demo-sociale kaart ontbreekt in het programma.");
  auto mapping = socialmap::ParseMapping(*mapping_text, "sociale-kaart-voorbeeld.mapping.csv");
  if (!mapping) return Fail(mapping.error());
  auto summary = socialmap::ImportSpreadsheet(
      db, CommandPrincipal(), socialmap::SpreadsheetFile{*sheet, "sociale-kaart-voorbeeld.csv"}, *mapping);
  if (!summary) return Fail(summary.error());
  std::printf("Demo-sociale kaart geladen: %lld verzonnen diensten van %lld verzonnen partijen.\n",
              static_cast<long long>(summary->services_created), static_cast<long long>(summary->parties_created));
  return {};
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
    // A new demo database also gets the made-up social map (not added to a database in use),
    // unless WIJKKOMPAS_DEMO_SOCIALMAP=0 (tests that start from an empty social map).
    if (Env("WIJKKOMPAS_DEMO_SOCIALMAP", "1") != "0") {
      if (auto r = LoadDemoSocialMap(lease->db()); !r) return Fail(r.error());
    }
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
