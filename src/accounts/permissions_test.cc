#include <gtest/gtest.h>

#include "wk/accounts/principal.h"

namespace wk::accounts {
namespace {

struct PermissionCase {
  Action action;
  Role role;
  bool allowed;
};

// Every row of the permission table, spelled out once more, so a change to the table is a
// deliberate change to this test too.
const PermissionCase kCases[] = {
    {Action::kReadStatistics, Role::kBeheerder, true},
    {Action::kReadStatistics, Role::kCoordinator, true},
    {Action::kReadStatistics, Role::kWijkwerker, true},
    {Action::kReadStatistics, Role::kNetwerkpartner, true},
    {Action::kReadStatistics, Role::kLezer, true},
    {Action::kImportData, Role::kBeheerder, true},
    {Action::kImportData, Role::kCoordinator, false},
    {Action::kImportData, Role::kWijkwerker, false},
    {Action::kImportData, Role::kNetwerkpartner, false},
    {Action::kImportData, Role::kLezer, false},
    {Action::kManageUsers, Role::kBeheerder, true},
    {Action::kManageUsers, Role::kCoordinator, false},
    {Action::kManageUsers, Role::kWijkwerker, false},
    {Action::kManageUsers, Role::kNetwerkpartner, false},
    {Action::kManageUsers, Role::kLezer, false},
    {Action::kViewAudit, Role::kBeheerder, true},
    {Action::kViewAudit, Role::kCoordinator, true},
    {Action::kViewAudit, Role::kWijkwerker, false},
    {Action::kViewAudit, Role::kNetwerkpartner, false},
    {Action::kViewAudit, Role::kLezer, false},
    {Action::kManageOwnTokens, Role::kBeheerder, true},
    {Action::kManageOwnTokens, Role::kCoordinator, true},
    {Action::kManageOwnTokens, Role::kWijkwerker, true},
    {Action::kManageOwnTokens, Role::kNetwerkpartner, true},
    {Action::kManageOwnTokens, Role::kLezer, true},
    {Action::kChangeOwnPassword, Role::kBeheerder, true},
    {Action::kChangeOwnPassword, Role::kCoordinator, true},
    {Action::kChangeOwnPassword, Role::kWijkwerker, true},
    {Action::kChangeOwnPassword, Role::kNetwerkpartner, true},
    {Action::kChangeOwnPassword, Role::kLezer, true},
    {Action::kReadSocialMap, Role::kBeheerder, true},
    {Action::kReadSocialMap, Role::kCoordinator, true},
    {Action::kReadSocialMap, Role::kWijkwerker, true},
    {Action::kReadSocialMap, Role::kNetwerkpartner, true},
    {Action::kReadSocialMap, Role::kLezer, true},
    {Action::kEditSocialMap, Role::kBeheerder, true},
    {Action::kEditSocialMap, Role::kCoordinator, true},
    {Action::kEditSocialMap, Role::kWijkwerker, true},
    {Action::kEditSocialMap, Role::kNetwerkpartner, false},
    {Action::kEditSocialMap, Role::kLezer, false},
    {Action::kManageSocialMap, Role::kBeheerder, true},
    {Action::kManageSocialMap, Role::kCoordinator, true},
    {Action::kManageSocialMap, Role::kWijkwerker, false},
    {Action::kManageSocialMap, Role::kNetwerkpartner, false},
    {Action::kManageSocialMap, Role::kLezer, false},
};

TEST(Permissions, EveryRoleAndActionIsAsTheTableSays) {
  for (const auto& c : kCases) {
    EXPECT_EQ(Can(c.role, c.action), c.allowed) << RoleName(c.role) << " " << ActionName(c.action);
  }
  EXPECT_EQ(std::size(kCases), AllRoles().size() * AllActions().size()) << "a role or action lacks a test row";
}

TEST(Roles, NamesRoundTrip) {
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("admin"));
}

TEST(CliPrincipal, ActsAsBeheerderAndIsAuditedAsCli) {
  Principal p = CliPrincipal("root");
  EXPECT_TRUE(Can(p, Action::kImportData));
  EXPECT_EQ(p.AuditActor(), "cli:root");
}

}  // namespace
}  // namespace wk::accounts
