// The audit trail: every write appends one entry, inside the same transaction as the write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"

namespace wk::store {

class Db;

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;           // UTC, ISO 8601 ("2026-11-29T10:15:02Z"), set by AppendAudit
  std::string actor;        // user name, "cli:<system user>", or "system"
  std::string action;       // e.g. "user.add", "import.cbs"
  std::string record_type;  // e.g. "user", "area", "source"
  std::string record_id;
  std::string detail;  // short free text or JSON; never passwords or tokens
};

// Appends an entry. Call inside the transaction of the write it describes.
Result<void> AppendAudit(Db& db, std::string_view actor, std::string_view action, std::string_view record_type,
                         std::string_view record_id, std::string_view detail = {});

// The newest entries first.
Result<std::vector<AuditEntry>> RecentAudit(Db& db, int limit);

// Current UTC time as ISO 8601 with seconds ("2026-11-29T10:15:02Z").
std::string NowUtc();

}  // namespace wk::store
