#include "wk/store/migrations.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "embedded_migrations.h"
#include "wk/store/audit.h"
#include "wk/store/db.h"

namespace wk::store {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectApplied = "SELECT version FROM schema_migrations ORDER BY version";
constexpr std::string_view kInsert = "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)";

struct Known {
  int version;
  std::string name;
  std::string_view sql;
};

// Migrations sorted by number; names are "migrations/NNNN_what.sql".
std::vector<Known> KnownMigrations() {
  std::vector<Known> out;
  for (const auto& e : embedded::migrations()) {
    std::string_view path = e.path;
    auto slash = path.rfind('/');
    std::string_view file = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
    int version = 0;
    std::from_chars(file.data(), file.data() + file.size(), version);
    out.push_back({version, std::string(file), e.bytes()});
  }
  std::sort(out.begin(), out.end(), [](const Known& a, const Known& b) { return a.version < b.version; });
  return out;
}

Result<std::set<int>> Applied(Db& db) {
  if (auto r = db.Exec(kCreateTable); !r) return Fail(r.error());
  auto st = db.Prepare(kSelectApplied);
  if (!st) return Fail(st.error());
  std::set<int> versions;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    versions.insert(static_cast<int>(st->Int(0)));
  }
  return versions;
}

}  // namespace

Result<int> Migrate(Db& db) {
  auto applied = Applied(db);
  if (!applied) return Fail(applied.error());
  auto known = KnownMigrations();
  int newest_known = known.empty() ? 0 : known.back().version;
  if (!applied->empty() && *applied->rbegin() > newest_known) {
    return Fail(ErrorCode::kConflict,
                "De database is gemaakt door een nieuwere Wijkkompas (schemaversie " +
                    std::to_string(*applied->rbegin()) + ", deze versie kent tot " + std::to_string(newest_known) +
                    "). Werk Wijkkompas bij.",
                {}, db.path());
  }
  int count = 0;
  for (const auto& m : known) {
    if (applied->contains(m.version)) continue;
    auto tx = Transaction::Begin(db);
    if (!tx) return Fail(tx.error());
    if (auto r = db.Exec(m.sql); !r) {
      Error e = r.error();
      e.location = "migrations/" + m.name;
      return Fail(std::move(e));
    }
    auto ins = db.Prepare(kInsert);
    if (!ins) return Fail(ins.error());
    if (auto r = ins->BindAll(m.version, m.name, NowUtc()).Run(); !r) return Fail(r.error());
    if (auto r = tx->Commit(); !r) return Fail(r.error());
    ++count;
  }
  return count;
}

Result<std::vector<MigrationStatus>> ListMigrations(Db& db) {
  auto applied = Applied(db);
  if (!applied) return Fail(applied.error());
  std::vector<MigrationStatus> out;
  for (const auto& m : KnownMigrations()) out.push_back({m.version, m.name, applied->contains(m.version)});
  return out;
}

}  // namespace wk::store
