// Helpers for the HSDS tests: a migrated in-memory database, the HSDS example package of
// ../shared/data, temporary copies of packages, reading files and counting rows.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "wk/accounts/principal.h"
#include "wk/store/db.h"

namespace wk::socialmap::hsds_testing {

// A fresh in-memory database with all migrations applied.
std::unique_ptr<store::Db> MigratedDb();
// A path under ../shared/data (WK_SHARED_DATA), e.g. "hsds/3.0/examples_csv".
std::string SharedData(const std::string& relative);
// A path under this repository's tests/data (WK_SOURCE_DIR), e.g. "hsds-voorbeeldhoek".
std::string TestData(const std::string& relative);
// The HSDS 3.0 example package (tabular) and the folder of its JSON objects.
std::string ExampleCsv();
std::string ExampleJson();

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);
// A fresh, empty directory for this test (removed when the test process ends).
std::filesystem::path NewTempDir();
// A copy of the package folder `from` in a fresh directory; returns the copy's path.
std::string CopyPackage(const std::string& from);
// A copy of `package` in which the first `from` in `file` is replaced by `to` (a failure when
// `from` is not there); returns the copy's path.
std::string CopyWithChange(const std::string& package, const std::string& file, const std::string& from,
                           const std::string& to);
// Every file of a folder: name -> bytes.
std::map<std::string, std::string> ReadFolder(const std::string& dir);

// Expects the two folders to hold the same files with the same bytes (one failure per file).
void ExpectSameFolders(const std::string& expected, const std::string& actual);

accounts::Principal Beheerder();
accounts::Principal Lezer();

// The first column of the first row as text ("" for NULL or no row).
std::string QueryText(store::Db& db, const std::string& sql);
// Row counts of every table the HSDS import writes, "socialmap_party=1 socialmap_service=1 ...",
// for "nothing was written" checks.
std::string RowCounts(store::Db& db);

}  // namespace wk::socialmap::hsds_testing
