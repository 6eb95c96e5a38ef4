#include <gtest/gtest.h>

#include "hsds_test_support.h"
#include "wk/socialmap/hsds.h"

namespace wk::socialmap {
namespace {

using namespace testing;

TEST(ImportHsds, ImportsTheHsdsExamplePackage) {
  auto db = MigratedDb();
  auto summary = ImportHsds(*db, Beheerder(), ExampleCsv());
  ASSERT_TRUE(summary.has_value()) << summary.error().Describe();
  for (auto& w : summary->warnings) std::cout << w << "\n";
  std::cout << RowCounts(*db) << "\n";
}

}  // namespace
}  // namespace wk::socialmap
