// Who is acting, and what each role may do. Every use-case function of every module takes the
// acting Principal, checks Can(principal, action) first, and writes principal.AuditActor() into
// the audit entry of its transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wk::accounts {

// The five roles of DESIGN.md. Stored in the database by their Dutch names (RoleName).
enum class Role { kBeheerder, kCoordinator, kWijkwerker, kNetwerkpartner, kLezer };

// What a principal may try to do. The role × action table is in permissions.cc, one row per action.
enum class Action {
  kReadStatistics,   // open CBS statistics and areas: every logged-in user
  kImportData,       // import CBS tables and boundaries
  kManageUsers,      // add, disable users, reset passwords, manage teams
  kViewAudit,        // read the audit trail
  kManageOwnTokens,  // create and revoke one's own API tokens
  kChangeOwnPassword,
  kReadSocialMap,    // read the social map (parties, services): every logged-in user
  kEditSocialMap,    // create, edit, verify, archive parties and services; spreadsheet import
  kManageSocialMap,  // HSDS import, erase a key figure, publish the social map
};

std::string_view RoleName(Role role);                  // "beheerder", ...
std::optional<Role> ParseRole(std::string_view name);  // inverse of RoleName
std::string_view RoleLabel(Role role);                 // Dutch label for the UI ("Beheerder", "Coördinator", ...)
std::span<const Role> AllRoles();
std::string_view ActionName(Action action);  // "read_statistics", ...
std::span<const Action> AllActions();

struct Principal {
  std::int64_t user_id = 0;  // 0 for a command-line principal
  std::string name;          // login name; for the CLI the system user
  Role role = Role::kLezer;
  std::vector<std::int64_t> team_ids;
  bool via_cli = false;

  // What goes into audit_entry.actor: the user name, or "cli:<system user>".
  std::string AuditActor() const { return via_cli ? "cli:" + name : name; }
};

// The principal of a command run on the server's own machine: acts as beheerder (whoever can run
// commands there can read the database file anyway). `system_user` is the login name of the OS user.
Principal CliPrincipal(std::string system_user);

// Whether the role may do the action (the single permission table).
bool Can(Role role, Action action);
inline bool Can(const Principal& p, Action action) {
  return Can(p.role, action);
}

}  // namespace wk::accounts
