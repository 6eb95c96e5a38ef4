// Shared by the accounts tests: a migrated in-memory database and principals to act as.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "wk/accounts/principal.h"
#include "wk/accounts/users.h"
#include "wk/store/db.h"
#include "wk/store/migrations.h"

namespace wk::accounts::testing {

inline std::unique_ptr<store::Db> MigratedDb() {
  auto db = store::Db::Open(":memory:");
  EXPECT_TRUE(db) << db.error().Describe();
  auto migrated = store::Migrate(**db);
  EXPECT_TRUE(migrated) << migrated.error().Describe();
  return std::move(*db);
}

inline Principal Admin() {
  return CliPrincipal("tester");
}

inline Principal As(const User& user) {
  Principal p;
  p.user_id = user.id;
  p.name = user.name;
  p.role = user.role;
  return p;
}

// Adds a user through the use case; fails the test if it cannot.
inline User MustAdd(store::Db& db, const std::string& name, const std::string& role,
                    const std::string& password = "een-goed-wachtwoord") {
  auto user = AddUser(db, Admin(), NewUser{name, role, password});
  EXPECT_TRUE(user) << user.error().Describe();
  return user.value_or(User{});
}

}  // namespace wk::accounts::testing
