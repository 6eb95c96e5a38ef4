#include "wk/store/audit.h"

#include <chrono>
#include <ctime>

#include "wk/store/db.h"

namespace wk::store {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO audit_entry(at, actor, action, record_type, record_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kRecent =
    "SELECT id, at, actor, action, record_type, record_id, detail FROM audit_entry ORDER BY id DESC LIMIT ?1";
}  // namespace

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<void> AppendAudit(Db& db, std::string_view actor, std::string_view action, std::string_view record_type,
                         std::string_view record_id, std::string_view detail) {
  auto st = db.Prepare(kInsert);
  if (!st) return Fail(st.error());
  return st->BindAll(NowUtc(), actor, action, record_type, record_id, detail).Run();
}

Result<std::vector<AuditEntry>> RecentAudit(Db& db, int limit) {
  auto st = db.Prepare(kRecent);
  if (!st) return Fail(st.error());
  st->Bind(1, limit);
  std::vector<AuditEntry> out;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back({st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6)});
  }
  return out;
}

}  // namespace wk::store
