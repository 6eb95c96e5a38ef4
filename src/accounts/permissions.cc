// The role × action permission table: the one place that says who may do what.
#include <array>

#include "wk/accounts/principal.h"

namespace wk::accounts {
namespace {

constexpr std::array kRoles = {Role::kBeheerder, Role::kCoordinator, Role::kWijkwerker, Role::kNetwerkpartner,
                               Role::kLezer};
constexpr std::array kActions = {Action::kReadStatistics, Action::kImportData,      Action::kManageUsers,
                                 Action::kViewAudit,      Action::kManageOwnTokens, Action::kChangeOwnPassword,
                                 Action::kReadSocialMap,  Action::kEditSocialMap,   Action::kManageSocialMap};

struct Row {
  Action action;
  // beheerder, coordinator, wijkwerker, netwerkpartner, lezer
  bool allowed[5];
};

// One row per action. A lezer changes nothing (but may still change its own password and tokens,
// which are its own credentials, not data).
constexpr Row kTable[] = {
    {Action::kReadStatistics, {true, true, true, true, true}},
    {Action::kImportData, {true, false, false, false, false}},
    {Action::kManageUsers, {true, false, false, false, false}},
    {Action::kViewAudit, {true, true, false, false, false}},
    {Action::kManageOwnTokens, {true, true, true, true, true}},
    {Action::kChangeOwnPassword, {true, true, true, true, true}},
    // The social map: wijkwerkers keep it current; a coördinator also erases key figures and
    // imports HSDS packages; netwerkpartners and lezers read it.
    {Action::kReadSocialMap, {true, true, true, true, true}},
    {Action::kEditSocialMap, {true, true, true, false, false}},
    {Action::kManageSocialMap, {true, true, false, false, false}},
};

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kBeheerder: return "beheerder";
    case Role::kCoordinator: return "coordinator";
    case Role::kWijkwerker: return "wijkwerker";
    case Role::kNetwerkpartner: return "netwerkpartner";
    case Role::kLezer: return "lezer";
  }
  return "lezer";
}

std::string_view RoleLabel(Role role) {
  switch (role) {
    case Role::kBeheerder: return "Beheerder";
    case Role::kCoordinator: return "Coördinator";
    case Role::kWijkwerker: return "Wijkwerker";
    case Role::kNetwerkpartner: return "Netwerkpartner";
    case Role::kLezer: return "Lezer";
  }
  return "Lezer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kRoles) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

std::span<const Role> AllRoles() {
  return kRoles;
}
std::span<const Action> AllActions() {
  return kActions;
}

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kReadStatistics: return "read_statistics";
    case Action::kImportData: return "import_data";
    case Action::kManageUsers: return "manage_users";
    case Action::kViewAudit: return "view_audit";
    case Action::kManageOwnTokens: return "manage_own_tokens";
    case Action::kChangeOwnPassword: return "change_own_password";
    case Action::kReadSocialMap: return "read_social_map";
    case Action::kEditSocialMap: return "edit_social_map";
    case Action::kManageSocialMap: return "manage_social_map";
  }
  return "";
}

bool Can(Role role, Action action) {
  for (const Row& row : kTable) {
    if (row.action == action) return row.allowed[static_cast<int>(role)];
  }
  return false;  // an action without a row is denied
}

Principal CliPrincipal(std::string system_user) {
  Principal p;
  p.name = std::move(system_user);
  p.role = Role::kBeheerder;
  p.via_cli = true;
  return p;
}

}  // namespace wk::accounts
