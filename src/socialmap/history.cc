// The history (HSDS metadata) of parties and services, and the re-check list.
#include "history.h"

#include <algorithm>
#include <charconv>

#include "dates.h"
#include "map_store.h"
#include "wk/socialmap/socialmap.h"

namespace wk::socialmap {
namespace {

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

std::string Number(std::optional<double> v) {
  if (!v) return {};
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *v);  // shortest form that reads back the same
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string Number(std::optional<int> v) {
  return v ? std::to_string(*v) : std::string();
}

std::string Bool(bool b) {
  return b ? "true" : "false";
}

}  // namespace

std::vector<Field> PartyFields(const Party& p) {
  std::vector<Field> f = {{"name", p.name},
                          {"alternate_name", p.alternate_name},
                          {"description", p.description},
                          {"kind", std::string(PartyKindCode(p.kind))},
                          {"formal", Bool(p.formal)},
                          {"website", p.website},
                          {"email", p.email},
                          {"domains", Join(p.domains)},
                          {"areas_served", Join(p.areas_served)},
                          {"source", p.verification.source},
                          {"assured_date", p.verification.assured_date},
                          {"assurer_email", p.verification.assurer}};
  if (p.consent) {
    f.push_back({"consent_date", p.consent->date});
    f.push_back({"consent_purpose", p.consent->purpose});
    f.push_back({"consent_publish", Bool(p.consent->publish)});
  } else {
    f.push_back({"consent_date", ""});
    f.push_back({"consent_purpose", ""});
    f.push_back({"consent_publish", ""});
  }
  return f;
}

std::vector<Field> ServiceFields(const Service& s) {
  return {{"organization_id", s.party_id},
          {"name", s.name},
          {"alternate_name", s.alternate_name},
          {"description", s.description},
          {"status", std::string(ServiceStatusCode(s.status))},
          {"target_groups", Join(s.target_groups)},
          {"domains", Join(s.domains)},
          {"laws", Join(s.laws)},
          {"access_routes", Join(s.access_routes)},
          {"eligibility_description", s.eligibility},
          {"minimum_age", Number(s.minimum_age)},
          {"maximum_age", Number(s.maximum_age)},
          {"fees_description", s.cost},
          {"application_process", s.application_process},
          {"wait_time", s.wait_time},
          {"languages", Join(s.languages)},
          {"url", s.url},
          {"email", s.email},
          {"service_areas", Join(s.areas_served)},
          {"source", s.verification.source},
          {"assured_date", s.verification.assured_date},
          {"assurer_email", s.verification.assurer}};
}

std::vector<Field> LocationFields(const Location& l) {
  return {{"name", l.name},
          {"address_1", l.address_1},
          {"postal_code", l.postal_code},
          {"city", l.city},
          {"state_province", l.province},
          {"latitude", Number(l.latitude)},
          {"longitude", Number(l.longitude)},
          {"transportation", l.transportation}};
}

std::vector<Field> ScheduleFields(const Schedule& s) {
  return {{"freq", s.freq},
          {"interval", s.freq.empty() ? std::string() : std::to_string(s.interval)},
          {"byday", s.byday},
          {"bymonthday", s.bymonthday},
          {"opens_at", s.opens_at},
          {"closes_at", s.closes_at},
          {"valid_from", s.valid_from},
          {"valid_to", s.valid_to},
          {"dtstart", s.dtstart},
          {"description", s.description},
          {"location_id", s.location_id}};
}

std::vector<Field> PhoneFields(const Phone& p) {
  return {{"number", p.number}, {"description", p.description}};
}

std::vector<Field> ContactFields(const Contact& c) {
  return {{"name", c.name}, {"title", c.title}, {"email", c.email}};
}

Result<void> HistoryWriter::Row(const std::string& type, const std::string& id, const std::string& action,
                                const std::string& field, const std::string& old_value, const std::string& new_value,
                                const std::string& parent) {
  Change c{id, type, today_, now_, action, field, old_value, new_value, by_};
  if (auto r = sql::InsertChange(db_, c, parent); !r) return r;
  ++rows_;
  if (std::find(fields_.begin(), fields_.end(), field) == fields_.end()) fields_.push_back(field);
  return {};
}

Result<void> HistoryWriter::Created(const std::string& type, const std::string& id, const std::vector<Field>& fields,
                                    const std::string& parent) {
  for (const Field& f : fields) {
    if (f.value.empty()) continue;
    if (auto r = Row(type, id, "create", f.name, "", f.value, parent); !r) return r;
  }
  return {};
}

Result<void> HistoryWriter::Changed(const std::string& type, const std::string& id, const std::vector<Field>& before,
                                    const std::vector<Field>& after, const std::string& parent,
                                    const std::string& action) {
  for (std::size_t i = 0; i < after.size() && i < before.size(); ++i) {
    if (before[i].value == after[i].value) continue;
    if (auto r = Row(type, id, action, after[i].name, before[i].value, after[i].value, parent); !r) return r;
  }
  return {};
}

Result<void> HistoryWriter::Removed(const std::string& type, const std::string& id, const std::vector<Field>& fields,
                                    const std::string& parent) {
  for (const Field& f : fields) {
    if (f.value.empty()) continue;
    if (auto r = Row(type, id, "delete", f.name, f.value, "", parent); !r) return r;
  }
  return {};
}

Result<std::vector<Change>> History(store::Db& db, const std::string& resource_id) {
  return sql::SelectChanges(db, resource_id);
}

Result<std::vector<RecheckItem>> RecheckList(store::Db& db, const std::string& today) {
  std::string day = today.empty() ? TodayUtc() : today;
  if (!IsIsoDate(day)) return Fail(ErrorCode::kInvalid, "Geef de datum op als JJJJ-MM-DD.", "today");
  auto rows = sql::SelectRecheck(db, MonthsBefore(day, kOutdatedAfterMonths));
  if (!rows) return Fail(rows.error());
  std::vector<RecheckItem> out;
  out.reserve(rows->size());
  for (auto& r : *rows) {
    out.push_back({std::move(r.resource_type), std::move(r.id), std::move(r.name), std::move(r.party_name),
                   std::move(r.assured_date)});
  }
  return out;
}

}  // namespace wk::socialmap
