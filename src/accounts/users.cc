// Use cases for users: add, change or reset a password, disable, list; the demo administrator.
#include <optional>

#include "auth_store.h"
#include "crypto.h"
#include "principal_cache.h"
#include "users_store.h"
#include "validation.h"
#include "wk/accounts/users.h"
#include "wk/store/audit.h"

namespace wk::accounts {
namespace {

Error NoSuchUser() {
  return Error{ErrorCode::kNotFound, "Deze gebruiker bestaat niet.", "gebruiker", {}};
}

Result<users_store::UserRow> LoadUser(store::Db& db, std::int64_t user_id) {
  auto row = users_store::FindById(db, user_id);
  if (!row) return Fail(row.error());
  if (!*row) return Fail(NoSuchUser());
  return std::move(**row);
}

// Inserts the user and its audit entry in one transaction; the password is already hashed.
Result<User> InsertUser(store::Db& db, std::string_view actor, std::string_view name, Role role,
                        std::string_view password_hash, std::string_view detail) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  std::string now = store::NowUtc();
  auto id = users_store::Insert(db, name, role, password_hash, now);
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "Er bestaat al een gebruiker met de naam '" + std::string(name) + "'.", "naam");
    }
    return Fail(id.error());
  }
  std::string audit_detail = "rol " + std::string(RoleName(role));
  if (!detail.empty()) audit_detail += ", " + std::string(detail);
  if (auto r = store::AppendAudit(db, actor, "user.add", "user", std::to_string(*id), audit_detail); !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return User{*id, std::string(name), role, false, now, now};
}

Result<void> StorePassword(store::Db& db, std::string_view actor, std::string_view action, std::int64_t user_id,
                           std::string_view new_password, std::int64_t keep_session_id) {
  auto hash = crypto::HashPassword(new_password);
  if (!hash) return Fail(hash.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = users_store::UpdatePassword(db, user_id, *hash, store::NowUtc()); !r) return r;
  // A new password ends the sessions that were opened with the old one.
  if (auto r = auth_store::DeleteSessionsOfUser(db, user_id, keep_session_id); !r) return r;
  if (auto r = store::AppendAudit(db, actor, action, "user", std::to_string(user_id)); !r) return r;
  auto committed = tx->Commit();
  principal_cache::Invalidate();  // resolved principals are re-read at once, not after the cache's TTL
  return committed;
}

}  // namespace

Result<User> AddUser(store::Db& db, const Principal& actor, const NewUser& input) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  if (auto r = ValidateUserName(input.name); !r) return Fail(r.error());
  auto role = ParseRole(input.role);
  if (!role) {
    return Fail(ErrorCode::kInvalid, "Kies een rol: beheerder, coordinator, wijkwerker, netwerkpartner of lezer.",
                "rol");
  }
  if (auto r = ValidatePassword(input.password); !r) return Fail(r.error());
  auto hash = crypto::HashPassword(input.password);
  if (!hash) return Fail(hash.error());
  return InsertUser(db, actor.AuditActor(), input.name, *role, *hash, {});
}

Result<void> ChangePassword(store::Db& db, const Principal& actor, std::string_view current_password,
                            std::string_view new_password, std::int64_t keep_session_id) {
  if (auto r = CheckPermission(actor, Action::kChangeOwnPassword); !r) return r;
  if (actor.user_id == 0) {
    return Fail(ErrorCode::kPermissionDenied, "Alleen een ingelogde gebruiker kan het eigen wachtwoord wijzigen.");
  }
  auto user = LoadUser(db, actor.user_id);
  if (!user) return Fail(user.error());
  if (current_password.empty()) {
    return Fail(ErrorCode::kInvalid, "Vul uw huidige wachtwoord in.", "huidig_wachtwoord");
  }
  if (!crypto::VerifyPassword(user->password_hash, current_password)) {
    return Fail(ErrorCode::kInvalid, "Uw huidige wachtwoord klopt niet.", "huidig_wachtwoord");
  }
  if (auto r = ValidatePassword(new_password, "nieuw_wachtwoord"); !r) return r;
  return StorePassword(db, actor.AuditActor(), "user.password_change", actor.user_id, new_password, keep_session_id);
}

Result<void> ResetPassword(store::Db& db, const Principal& actor, std::int64_t user_id, std::string_view new_password) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return r;
  auto user = LoadUser(db, user_id);
  if (!user) return Fail(user.error());
  if (auto r = ValidatePassword(new_password); !r) return r;
  return StorePassword(db, actor.AuditActor(), "user.password_reset", user_id, new_password, 0);
}

Result<void> DisableUser(store::Db& db, const Principal& actor, std::int64_t user_id) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return r;
  if (!actor.via_cli && actor.user_id == user_id) {
    return Fail(ErrorCode::kInvalid, "U kunt uw eigen account niet uitschakelen.", "gebruiker");
  }
  auto user = LoadUser(db, user_id);
  if (!user) return Fail(user.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = users_store::Disable(db, user_id, store::NowUtc()); !r) return r;
  if (auto r = auth_store::DeleteSessionsOfUser(db, user_id, 0); !r) return r;
  if (auto r = store::AppendAudit(db, actor.AuditActor(), "user.disable", "user", std::to_string(user_id)); !r) {
    return r;
  }
  auto committed = tx->Commit();
  principal_cache::Invalidate();  // the user's API tokens stop working now, not after the cache's TTL
  return committed;
}

Result<std::vector<User>> ListUsers(store::Db& db, const Principal& actor) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  return users_store::All(db);
}

Result<User> GetUser(store::Db& db, const Principal& actor, std::int64_t user_id) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  auto row = LoadUser(db, user_id);
  if (!row) return Fail(row.error());
  return row->user;
}

Result<User> FindUserByName(store::Db& db, const Principal& actor, std::string_view name) {
  if (auto r = CheckPermission(actor, Action::kManageUsers); !r) return Fail(r.error());
  auto row = users_store::FindByName(db, name);
  if (!row) return Fail(row.error());
  if (!*row) {
    if (ValidateUserName(name)) {
      return Fail(ErrorCode::kNotFound, "Er is geen gebruiker met de naam '" + std::string(name) + "'.", "naam");
    }
    return Fail(NoSuchUser());
  }
  return (*row)->user;
}

Result<std::vector<store::AuditEntry>> AuditTrail(store::Db& db, const Principal& actor, int limit) {
  if (auto r = CheckPermission(actor, Action::kViewAudit); !r) return Fail(r.error());
  return store::RecentAudit(db, limit);
}

Result<std::optional<std::string>> EnsureDemoAdmin(store::Db& db, std::string_view name, std::string_view password) {
  auto count = users_store::Count(db);
  if (!count) return Fail(count.error());
  if (*count > 0) return std::optional<std::string>();
  if (auto r = ValidateUserName(name); !r) {
    Error e = r.error();
    e.field = "WIJKKOMPAS_ADMIN_USER";
    return Fail(std::move(e));
  }
  std::optional<std::string> generated;
  if (password.empty()) {
    generated = crypto::RandomPassword();
    password = *generated;
  } else if (auto r = ValidatePassword(password); !r) {
    Error e = r.error();
    e.field = "WIJKKOMPAS_ADMIN_PASSWORD";
    return Fail(std::move(e));
  }
  auto hash = crypto::HashPassword(password);
  if (!hash) return Fail(hash.error());
  auto user = InsertUser(db, "system", name, Role::kBeheerder, *hash, "demobeheerder");
  if (!user) return Fail(user.error());
  return generated;
}

}  // namespace wk::accounts
