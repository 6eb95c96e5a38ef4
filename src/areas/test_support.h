// Helpers for the areas tests: a migrated in-memory database, the shared real data, temp files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "wk/accounts/principal.h"
#include "wk/store/db.h"

namespace wk::areas::testing {

// A fresh in-memory database with all migrations applied.
std::unique_ptr<store::Db> MigratedDb();
// A file of ../shared/data (WK_SHARED_DATA), e.g. "cbs/kwb-2024_GM0344_utrecht.csv".
std::string SharedData(const std::string& relative);
// A file of this repository's tests/data (WK_SOURCE_DIR), e.g. "voorbeeld-indicatoren-lang.csv".
std::string TestData(const std::string& relative);
std::string ReadFile(const std::string& path);
// A fresh directory for this test, removed by the test process at exit.
std::filesystem::path TempDir();
std::string WriteTemp(const std::string& name, const std::string& bytes);

accounts::Principal Beheerder();
accounts::Principal Lezer();

// Splits one CSV line with '"' quoting (enough for reading expected values in tests).
std::vector<std::string> SplitCsvLine(const std::string& line, char sep = ',');
// The lines of a text file (without line ends).
std::vector<std::string> Lines(const std::string& text);

// A scalar query result as text ("" for NULL), for checks the public API does not expose.
std::string QueryText(store::Db& db, const std::string& sql);

}  // namespace wk::areas::testing
