// SQL of a service's locations (socialmap_location, socialmap_address, the link
// socialmap_service_at_location and the point in socialmap_location_rtree) and its schedules.
#include "map_store.h"
#include "store_util.h"
#include "uuid.h"

namespace wk::socialmap::sql {
namespace {

// The location's address is its first physical address, else its first one.
constexpr std::string_view kSelectLocations =
    "SELECT l.id, l.name, l.latitude, l.longitude, l.area_code, l.transportation, "
    "a.address_1, a.postal_code, a.city, a.state_province "
    "FROM socialmap_service_at_location sal JOIN socialmap_location l ON l.id = sal.location_id "
    "LEFT JOIN socialmap_address a ON a.rid = (SELECT x.rid FROM socialmap_address x WHERE x.location_id = l.id "
    "ORDER BY x.address_type = 'physical' DESC, x.rid LIMIT 1) "
    "WHERE sal.service_id = ?1 ORDER BY sal.rid";
constexpr std::string_view kLocationRid = "SELECT rid FROM socialmap_location WHERE id = ?1";
constexpr std::string_view kInsertLocation =
    "INSERT INTO socialmap_location(id, location_type, organization_id, name, transportation, latitude, longitude, "
    "area_code) VALUES (?1, 'physical', ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kUpdateLocation =
    "UPDATE socialmap_location SET name = ?2, transportation = ?3, latitude = ?4, longitude = ?5, area_code = ?6 "
    "WHERE id = ?1";
constexpr std::string_view kDeletePoint = "DELETE FROM socialmap_location_rtree WHERE rid = ?1";
constexpr std::string_view kInsertPoint =
    "INSERT INTO socialmap_location_rtree(rid, min_lon, max_lon, min_lat, max_lat) VALUES (?1, ?2, ?2, ?3, ?3)";
constexpr std::string_view kAddressOf =
    "SELECT id FROM socialmap_address WHERE location_id = ?1 ORDER BY address_type = 'physical' DESC, rid LIMIT 1";
constexpr std::string_view kInsertAddress =
    "INSERT INTO socialmap_address(id, location_id, address_1, city, state_province, postal_code, country, "
    "address_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'NL', 'physical')";
constexpr std::string_view kUpdateAddress =
    "UPDATE socialmap_address SET address_1 = ?2, city = ?3, state_province = ?4, postal_code = ?5 WHERE id = ?1";
constexpr std::string_view kDeleteAddress = "DELETE FROM socialmap_address WHERE id = ?1";
constexpr std::string_view kLinkExists =
    "SELECT 1 FROM socialmap_service_at_location WHERE service_id = ?1 AND location_id = ?2";
constexpr std::string_view kInsertLink =
    "INSERT INTO socialmap_service_at_location(id, service_id, location_id) VALUES (?1, ?2, ?3)";

constexpr std::string_view kDeleteLinkSchedules =
    "DELETE FROM socialmap_schedule WHERE service_at_location_id IN "
    "(SELECT id FROM socialmap_service_at_location WHERE service_id = ?1 AND location_id = ?2)";
constexpr std::string_view kDeleteLink =
    "DELETE FROM socialmap_service_at_location WHERE service_id = ?1 AND location_id = ?2";
constexpr std::string_view kLocationLinked = "SELECT 1 FROM socialmap_service_at_location WHERE location_id = ?1";
constexpr std::string_view kDeleteLocationPoint =
    "DELETE FROM socialmap_location_rtree WHERE rid = (SELECT rid FROM socialmap_location WHERE id = ?1)";
constexpr std::string_view kDeleteLocationAddresses = "DELETE FROM socialmap_address WHERE location_id = ?1";
constexpr std::string_view kDeleteLocationSchedules = "DELETE FROM socialmap_schedule WHERE location_id = ?1";
constexpr std::string_view kDeleteLocationPhones = "DELETE FROM socialmap_phone WHERE location_id = ?1";
constexpr std::string_view kDeleteLocationLanguages = "DELETE FROM socialmap_language WHERE location_id = ?1";
constexpr std::string_view kDeleteLocation = "DELETE FROM socialmap_location WHERE id = ?1";

constexpr std::string_view kSelectSchedules =
    "SELECT id, freq, interval, byday, bymonthday, opens_at, closes_at, valid_from, valid_to, dtstart, description, "
    "coalesce(location_id, (SELECT sal.location_id FROM socialmap_service_at_location sal "
    "WHERE sal.id = socialmap_schedule.service_at_location_id)) "
    "FROM socialmap_schedule WHERE service_id = ?1 OR service_at_location_id IN "
    "(SELECT id FROM socialmap_service_at_location WHERE service_id = ?1) ORDER BY rid";
constexpr std::string_view kScheduleExists = "SELECT 1 FROM socialmap_schedule WHERE id = ?1";
constexpr std::string_view kInsertSchedule =
    "INSERT INTO socialmap_schedule(id, service_id, location_id, freq, interval, byday, bymonthday, opens_at, "
    "closes_at, valid_from, valid_to, dtstart, description) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr std::string_view kUpdateSchedule =
    "UPDATE socialmap_schedule SET service_id = ?2, location_id = ?3, freq = ?4, interval = ?5, byday = ?6, "
    "bymonthday = ?7, opens_at = ?8, closes_at = ?9, valid_from = ?10, valid_to = ?11, dtstart = ?12, "
    "description = ?13 WHERE id = ?1";
constexpr std::string_view kDeleteSchedule = "DELETE FROM socialmap_schedule WHERE id = ?1";

Location ReadLocation(const store::Statement& st) {
  Location l;
  l.id = st.Text(0);
  l.name = st.Text(1);
  l.latitude = st.OptDouble(2);
  l.longitude = st.OptDouble(3);
  l.area_code = st.Text(4);
  l.transportation = st.Text(5);
  l.address_1 = st.Text(6);
  l.postal_code = st.Text(7);
  l.city = st.Text(8);
  l.province = st.Text(9);
  return l;
}

Schedule ReadSchedule(const store::Statement& st) {
  Schedule s;
  s.id = st.Text(0);
  s.freq = st.Text(1);
  s.interval = static_cast<int>(st.OptDouble(2).value_or(1));
  s.byday = st.Text(3);
  s.bymonthday = st.Text(4);
  s.opens_at = st.Text(5);
  s.closes_at = st.Text(6);
  s.valid_from = st.Text(7);
  s.valid_to = st.Text(8);
  s.dtstart = st.Text(9);
  s.description = st.Text(10);
  s.location_id = st.Text(11);
  return s;
}

Result<std::optional<std::int64_t>> Rid(store::Db& db, std::string_view location_id) {
  auto rows = Rows(
      db, kLocationRid, [](const store::Statement& st) { return st.Int(0); }, location_id);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front());
}

Result<void> WriteAddress(store::Db& db, const Location& l) {
  auto current = Texts(db, kAddressOf, l.id);
  if (!current) return Fail(current.error());
  if (l.address_1.empty()) {
    if (current->empty()) return {};
    return Run(db, kDeleteAddress, current->front());
  }
  if (current->empty()) {
    return Run(db, kInsertAddress, NewUuid(), l.id, l.address_1, l.city, l.province, l.postal_code);
  }
  return Run(db, kUpdateAddress, current->front(), l.address_1, l.city, l.province, l.postal_code);
}

}  // namespace

Result<std::vector<Location>> SelectLocations(store::Db& db, std::string_view service_id) {
  return Rows(db, kSelectLocations, ReadLocation, service_id);
}

Result<void> UpsertLocation(store::Db& db, std::string_view service_id, std::string_view party_id, const Location& l) {
  auto rid = Rid(db, l.id);
  if (!rid) return Fail(rid.error());
  if (*rid) {
    if (auto r = Run(db, kUpdateLocation, l.id, OrNull(l.name), OrNull(l.transportation), l.latitude, l.longitude,
                     OrNull(l.area_code));
        !r) {
      return r;
    }
  } else {
    if (auto r = Run(db, kInsertLocation, l.id, party_id, OrNull(l.name), OrNull(l.transportation), l.latitude,
                     l.longitude, OrNull(l.area_code));
        !r) {
      return r;
    }
    *rid = db.LastInsertId();
  }
  // The R*Tree holds exactly the locations with a valid point (validated by the use case).
  if (auto r = Run(db, kDeletePoint, **rid); !r) return r;
  if (l.latitude && l.longitude) {
    if (auto r = Run(db, kInsertPoint, **rid, *l.longitude, *l.latitude); !r) return r;
  }
  if (auto r = WriteAddress(db, l); !r) return r;
  auto linked = Any(db, kLinkExists, service_id, l.id);
  if (!linked) return Fail(linked.error());
  if (*linked) return {};
  return Run(db, kInsertLink, NewUuid(), service_id, l.id);
}

Result<void> UnlinkLocation(store::Db& db, std::string_view service_id, std::string_view location_id) {
  if (auto r = Run(db, kDeleteLinkSchedules, service_id, location_id); !r) return r;
  if (auto r = Run(db, kDeleteLink, service_id, location_id); !r) return r;
  auto shared = Any(db, kLocationLinked, location_id);
  if (!shared) return Fail(shared.error());
  if (*shared) return {};  // another service still uses the place
  for (std::string_view sql : {kDeleteLocationPoint, kDeleteLocationAddresses, kDeleteLocationSchedules,
                               kDeleteLocationPhones, kDeleteLocationLanguages, kDeleteLocation}) {
    if (auto r = Run(db, sql, location_id); !r) return r;
  }
  return {};
}

Result<bool> LocationExists(store::Db& db, std::string_view id) {
  return Any(db, kLocationRid, id);
}

Result<std::vector<Schedule>> SelectSchedules(store::Db& db, std::string_view service_id) {
  return Rows(db, kSelectSchedules, ReadSchedule, service_id);
}

Result<void> UpsertSchedule(store::Db& db, std::string_view service_id, const Schedule& s) {
  auto exists = ScheduleExists(db, s.id);
  if (!exists) return Fail(exists.error());
  // INTERVAL belongs to a recurrence: without FREQ there is none.
  std::optional<double> interval;
  if (!s.freq.empty()) interval = static_cast<double>(s.interval);
  return Run(db, *exists ? kUpdateSchedule : kInsertSchedule, s.id, service_id, OrNull(s.location_id), OrNull(s.freq),
             interval, OrNull(s.byday), OrNull(s.bymonthday), OrNull(s.opens_at), OrNull(s.closes_at),
             OrNull(s.valid_from), OrNull(s.valid_to), OrNull(s.dtstart), OrNull(s.description));
}

Result<void> DeleteSchedule(store::Db& db, std::string_view id) {
  return Run(db, kDeleteSchedule, id);
}

Result<bool> ScheduleExists(store::Db& db, std::string_view id) {
  return Any(db, kScheduleExists, id);
}

}  // namespace wk::socialmap::sql
