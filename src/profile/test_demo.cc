#include "test_demo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "wk/accounts/principal.h"
#include "wk/areas/areas.h"
#include "wk/store/migrations.h"

namespace wk::profile::testing {
namespace {

std::filesystem::path Folder() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("wk_profile_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("wk_profile_test_" + std::to_string(getpid())), ec);
    });
    return d;
  }();
  return dir;
}

}  // namespace

std::string DemoFile() {
  static std::atomic<int> n{0};
  std::string path = (Folder() / ("demo" + std::to_string(++n) + ".db")).string();
  auto db = store::Db::Open(path);
  EXPECT_TRUE(db.has_value());
  EXPECT_TRUE(store::Migrate(**db).has_value());
  auto loaded = areas::LoadDemo(**db, accounts::CliPrincipal("tester"));
  EXPECT_TRUE(loaded.has_value()) << loaded.error().Describe();
  return path;
}

std::unique_ptr<store::Db> OpenDemo() {
  auto db = store::Db::Open(DemoFile());
  EXPECT_TRUE(db.has_value());
  return std::move(*db);
}

}  // namespace wk::profile::testing
