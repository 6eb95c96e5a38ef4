// Users and teams: the use cases behind `wijkkompas user ...` and the /beheer pages.
//
// Every function that changes data checks the principal's permission first, validates its input
// (errors are kInvalid with a Dutch message and `field` naming the form field: "naam", "rol",
// "wachtwoord", "huidig_wachtwoord", "gebieden", "team", "gebruiker"), writes in one transaction
// and appends one audit entry in it. Passwords never reach the audit trail or the log.
// Threading: a store::Db is used by one thread at a time; these functions add no state of their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"
#include "wk/store/audit.h"

namespace wk::store {
class Db;
}

namespace wk::accounts {

// Password rules (also shown as hints on the pages).
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 200;

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kLezer;
  bool disabled = false;
  std::string created_at;  // UTC ISO 8601
  std::string updated_at;
};

struct NewUser {
  std::string name;      // 2-64 characters: letters, digits, '.', '-', '_', '@'; unique ignoring case
  std::string role;      // a RoleName ("beheerder", ...)
  std::string password;  // kMinPasswordLength..kMaxPasswordLength characters
};

struct Team {
  std::int64_t id = 0;
  std::string name;
  std::vector<User> members;            // by name
  std::vector<std::string> area_codes;  // sorted CBS codes
};

// Adds a user (kManageUsers). kConflict "Er bestaat al een gebruiker met de naam '…'." if the name is taken.
Result<User> AddUser(store::Db& db, const Principal& actor, const NewUser& input);

// Changes the actor's own password (kChangeOwnPassword); the current password must be right
// (kInvalid on field "huidig_wachtwoord"). Ends the actor's other sessions (keeps `keep_session_id`).
Result<void> ChangePassword(store::Db& db, const Principal& actor, std::string_view current_password,
                            std::string_view new_password, std::int64_t keep_session_id = 0);

// Sets another user's password (kManageUsers) and ends that user's sessions. kNotFound if no such user.
Result<void> ResetPassword(store::Db& db, const Principal& actor, std::int64_t user_id, std::string_view new_password);

// Disables a user (kManageUsers): sessions end, API tokens stop working, login is refused.
// A principal cannot disable its own account (kInvalid). Disabling twice is not an error.
Result<void> DisableUser(store::Db& db, const Principal& actor, std::int64_t user_id);

// All users by name (kManageUsers).
Result<std::vector<User>> ListUsers(store::Db& db, const Principal& actor);
// One user (kManageUsers); kNotFound "Deze gebruiker bestaat niet.".
Result<User> GetUser(store::Db& db, const Principal& actor, std::int64_t user_id);
// Looks a user up by name, ignoring case (kManageUsers); kNotFound names the user.
Result<User> FindUserByName(store::Db& db, const Principal& actor, std::string_view name);

// Creates a team (kManageUsers); name 2-100 characters, unique ignoring case (kConflict).
Result<Team> CreateTeam(store::Db& db, const Principal& actor, std::string_view name);
// Adds a user to a team (kManageUsers); already a member is not an error.
Result<void> AddTeamMember(store::Db& db, const Principal& actor, std::int64_t team_id, std::int64_t user_id);
// Removes a user from a team (kManageUsers); not a member is not an error.
Result<void> RemoveTeamMember(store::Db& db, const Principal& actor, std::int64_t team_id, std::int64_t user_id);
// Replaces the areas a team works in (kManageUsers). `codes` is the text of the form field:
// CBS codes separated by commas, spaces or new lines (GM + 4 digits, WK + 6, BU + 8; case ignored).
// Returns the stored codes, sorted and without duplicates.
Result<std::vector<std::string>> SetTeamAreas(store::Db& db, const Principal& actor, std::int64_t team_id,
                                              std::string_view codes);
// All teams by name with members and areas (kManageUsers).
Result<std::vector<Team>> ListTeams(store::Db& db, const Principal& actor);
Result<Team> GetTeam(store::Db& db, const Principal& actor, std::int64_t team_id);

// The CBS codes of the areas the principal's teams work in, sorted, without duplicates
// (every logged-in principal may ask this of itself). Empty for a CLI principal.
Result<std::vector<std::string>> TeamAreaCodes(store::Db& db, const Principal& principal);
// The names of the principal's teams, sorted.
Result<std::vector<std::string>> TeamNames(store::Db& db, const Principal& principal);

// For `serve --demo`: on a database without users, creates the beheerder `name` with `password`,
// or with a random password when `password` is empty. Returns the generated password (to be shown
// once), or nullopt when a password was given or users exist already (then nothing changes).
// Audited as "system".
Result<std::optional<std::string>> EnsureDemoAdmin(store::Db& db, std::string_view name, std::string_view password);

// The newest `limit` entries of the audit trail (kViewAudit).
Result<std::vector<store::AuditEntry>> AuditTrail(store::Db& db, const Principal& actor, int limit);

// Validation rules, exposed for the forms and the tests. Each returns the kInvalid error the use
// cases return for the same input.
Result<void> ValidateUserName(std::string_view name);
Result<void> ValidatePassword(std::string_view password, std::string_view field = "wachtwoord");
Result<std::vector<std::string>> ParseAreaCodes(std::string_view codes);

}  // namespace wk::accounts
