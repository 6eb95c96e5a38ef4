// The import steps, split so that reading and checking a file happens before the write
// transaction starts (other writers are not held up meanwhile), and so that LoadDemo can run
// several imports as one all-or-nothing unit. Private.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boundary_reader.h"
#include "data_import.h"
#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas {

// sql::BumpGeneration, reachable from this header without the store's SQL header.
Result<void> BumpDataGeneration(store::Db& db);

inline constexpr const char* kNoImportPermission = "Alleen een beheerder mag gegevens importeren.";

// Raises ImportsCommittedHere(); called right after an import's commit (reading.cc).
void NoteImportCommitted();

// kPermissionDenied unless `who` may import (Action::kImportData).
Result<void> CheckImportPermission(const accounts::Principal& who);

// The write half of every import: runs `write()` (-> Result<T>) in one transaction, raises the data
// generation in that same transaction (so caches in other processes see the change), commits, and
// tells this process's caches. Nothing is written when `write` fails.
template <class F>
auto WriteInOneTransaction(store::Db& db, F write) -> decltype(write()) {
  store::BulkWriteCache cache(db);  // a national table touches far more pages than the usual 1 MiB
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto result = write();
  if (!result) return result;
  if (auto g = BumpDataGeneration(db); !g) return Fail(g.error());
  if (auto c = tx->Commit(); !c) return Fail(c.error());
  NoteImportCommitted();
  return result;
}

// A CBS kerncijfers file, read and checked, not yet written.
struct CbsRow {
  int line = 0;
  Area area;
  std::string gm_name;
  std::vector<std::optional<double>> values;  // one per CbsFile::indicators
};
struct CbsFile {
  std::string file;  // file name, for the summary and the source record
  int year = 0;
  std::vector<std::string> indicators;  // catalogue codes of the value columns
  std::vector<CbsRow> rows;
  std::vector<std::string> skipped;
};

// Reads and checks the whole file; kBadInput naming file, line and column on the first problem;
// kInvalid when no year is given or found in the file name. Progress: rows read.
Result<CbsFile> ReadCbsFile(const std::string& path, std::optional<int> year, const Progress& progress);
// Writes inside the caller's transaction and appends one audit entry. No permission check.
Result<ImportSummary> WriteCbs(store::Db& db, const accounts::Principal& who, const CbsFile& file);

// A StatLine "Nabijheid voorzieningen" file, read and checked, not yet written.
struct NabijheidRow {
  int line = 0;
  NamedArea area;
  std::vector<std::optional<double>> values;  // one per NabijheidFile::indicators
};
struct NabijheidFile {
  std::string file;
  int year = 0;
  std::vector<std::string> indicators;
  std::vector<NabijheidRow> rows;
  std::optional<std::vector<std::optional<double>>> national;
  std::vector<std::string> skipped;
};
// Reads and checks the whole file (the year from `year` or the file name); kBadInput naming file,
// line and column on the first problem.
Result<NabijheidFile> ReadNabijheidFile(const std::string& path, std::optional<int> year, const Progress& progress);
// Writes inside the caller's transaction and appends one audit entry. No permission check.
Result<ImportSummary> WriteNabijheid(store::Db& db, const accounts::Principal& who, const NabijheidFile& file);

// Links the shapes to areas (creating missing ones when asked) inside the caller's transaction
// and appends one audit entry. No permission check.
Result<BoundarySummary> WriteBoundaries(store::Db& db, const accounts::Principal& who, const std::string& file_name,
                                        BoundaryFile boundaries, const BoundaryOptions& options);

// The year of an import: `given` (--year), else `found` in the file name; kInvalid naming the file
// when neither ("Geen jaar gevonden: ... (zoals <example>).") or outside 1900-2100.
Result<int> ImportYear(std::optional<int> given, std::optional<int> found, const std::string& file_name,
                       std::string_view how_to_name);

// The year in a CBS file name: "kwb-2024_GM0344.csv" -> 2024 (also "kwb_2024", "KWB2024").
std::optional<int> YearFromFileName(std::string_view name);
// A CBS number as text: "1800", " 1.9 ", "-3", and "1,9" (decimal comma, as in ';' files).
std::optional<double> ParseCbsNumber(std::string_view text);

}  // namespace wk::areas
