// SQL of the history (socialmap_metadata, HSDS metadata), the re-check list and the settings.
#include "map_store.h"
#include "store_util.h"
#include "uuid.h"

namespace wk::socialmap::sql {
namespace {

constexpr std::string_view kInsertChange =
    "INSERT INTO socialmap_metadata(id, resource_id, resource_type, last_action_date, last_action_type, field_name, "
    "previous_value, replacement_value, updated_by, changed_at, parent_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view kSelectChanges =
    "SELECT resource_id, resource_type, last_action_date, changed_at, last_action_type, field_name, previous_value, "
    "replacement_value, updated_by FROM socialmap_metadata WHERE resource_id = ?1 OR parent_id = ?1 "
    "ORDER BY coalesce(changed_at, last_action_date) DESC, rid DESC";
constexpr std::string_view kDeleteChanges = "DELETE FROM socialmap_metadata WHERE resource_id = ?1 OR parent_id = ?1";

// Never verified (NULL) sorts first: it is the oldest.
constexpr std::string_view kSelectRecheck =
    "SELECT 'organization', id, name, '', coalesce(assured_date, '') FROM socialmap_party "
    "WHERE archived_at IS NULL AND (assured_date IS NULL OR assured_date < ?1) "
    "UNION ALL "
    "SELECT 'service', s.id, s.name, coalesce(p.name, ''), coalesce(s.assured_date, '') FROM socialmap_service s "
    "LEFT JOIN socialmap_party p ON p.id = s.organization_id "
    "WHERE s.archived_at IS NULL AND (s.assured_date IS NULL OR s.assured_date < ?1) "
    "ORDER BY 5, 3 COLLATE NOCASE, 2";

constexpr std::string_view kSelectSetting = "SELECT value FROM socialmap_setting WHERE name = ?1";
constexpr std::string_view kUpsertSetting =
    "INSERT INTO socialmap_setting(name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = excluded.value";

}  // namespace

Result<void> InsertChange(store::Db& db, const Change& c, std::string_view parent_id) {
  return Run(db, kInsertChange, NewUuid(), c.resource_id, c.resource_type, c.date, c.action, c.field, c.old_value,
             c.new_value, c.by, OrNull(c.changed_at), OrNull(parent_id));
}

Result<std::vector<Change>> SelectChanges(store::Db& db, std::string_view resource_id) {
  return Rows(
      db, kSelectChanges,
      [](const store::Statement& st) {
        Change c;
        c.resource_id = st.Text(0);
        c.resource_type = st.Text(1);
        c.date = st.Text(2);
        c.changed_at = st.Text(3);
        c.action = st.Text(4);
        c.field = st.Text(5);
        c.old_value = st.Text(6);
        c.new_value = st.Text(7);
        c.by = st.Text(8);
        return c;
      },
      resource_id);
}

Result<void> DeleteChanges(store::Db& db, std::string_view resource_id) {
  return Run(db, kDeleteChanges, resource_id);
}

Result<std::vector<RecheckRow>> SelectRecheck(store::Db& db, std::string_view cutoff) {
  return Rows(
      db, kSelectRecheck,
      [](const store::Statement& st) {
        return RecheckRow{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)};
      },
      cutoff);
}

Result<std::optional<std::string>> SelectSetting(store::Db& db, std::string_view name) {
  auto rows = Texts(db, kSelectSetting, name);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front());
}

Result<void> UpsertSetting(store::Db& db, std::string_view name, std::string_view value) {
  return Run(db, kUpsertSetting, name, value);
}

}  // namespace wk::socialmap::sql
