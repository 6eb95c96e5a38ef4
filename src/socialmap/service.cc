// The use cases of services: create, edit, verify, archive, read.
// A writing use case opens its transaction (BEGIN IMMEDIATE) before it reads what it changes, so
// that an edit made meanwhile by someone else is never overwritten unseen.
#include <algorithm>
#include <tuple>

#include "dates.h"
#include "history.h"
#include "map_store.h"
#include "model_validation.h"
#include "model_write.h"
#include "use_case.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using accounts::Action;

constexpr std::string_view kService = "service";

// The taxonomies a service links to, with the list of the model each fills.
struct ServiceList {
  std::string_view taxonomy;
  std::vector<std::string> Service::*codes;
};
constexpr std::array<ServiceList, 4> kLists = {{{kTargetGroupTaxonomy, &Service::target_groups},
                                                {kDomainTaxonomy, &Service::domains},
                                                {kLawTaxonomy, &Service::laws},
                                                {kAccessTaxonomy, &Service::access_routes}}};

std::vector<std::string> ServiceTermIds() {
  std::vector<std::string> ids;
  for (const ServiceList& list : kLists) {
    for (const Term& t : Terms(list.taxonomy)) ids.push_back(t.id);
  }
  return ids;
}

std::vector<sql::Link> ServiceLinks(const Service& s) {
  std::vector<sql::Link> links;
  for (const ServiceList& list : kLists) {
    for (const std::string& code : s.*list.codes) links.push_back({FindTerm(list.taxonomy, code)->id, ""});
  }
  return links;
}

Error NoSuchService() {
  return Error{ErrorCode::kNotFound, "Deze dienst bestaat niet.", "id", {}};
}

Result<Service> Load(store::Db& db, std::string_view id) {
  auto row = sql::SelectService(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return Fail(NoSuchService());
  Service s = std::move(**row);
  auto links = sql::SelectLinks(db, s.id);
  if (!links) return Fail(links.error());
  for (const sql::Link& l : *links) {
    const Term* t = FindTermById(l.term_id);
    if (t == nullptr) continue;  // a term of an imported taxonomy
    for (const ServiceList& list : kLists) {
      if (t->taxonomy == list.taxonomy) (s.*list.codes).push_back(t->code);
    }
  }
  auto languages = sql::SelectLanguages(db, s.id);
  if (!languages) return Fail(languages.error());
  s.languages = std::move(*languages);
  auto areas_served = sql::SelectServiceAreas(db, s.id);
  if (!areas_served) return Fail(areas_served.error());
  s.areas_served = std::move(*areas_served);
  auto locations = sql::SelectLocations(db, s.id);
  if (!locations) return Fail(locations.error());
  s.locations = std::move(*locations);
  auto schedules = sql::SelectSchedules(db, s.id);
  if (!schedules) return Fail(schedules.error());
  s.schedules = std::move(*schedules);
  auto phones = sql::SelectPhones(db, sql::Owner::kService, s.id);
  if (!phones) return Fail(phones.error());
  s.phones = std::move(*phones);
  auto contacts = sql::SelectContacts(db, sql::Owner::kService, s.id);
  if (!contacts) return Fail(contacts.error());
  s.contacts = std::move(*contacts);
  s.verification.outdated = IsOutdated(s.verification.assured_date, TodayUtc());
  return s;
}

// The party of a service must exist and be active.
Result<Party> ActiveParty(store::Db& db, const std::string& party_id) {
  auto party = sql::SelectParty(db, party_id);
  if (!party) return Fail(party.error());
  if (!*party) return Fail(ErrorCode::kNotFound, "Deze partij bestaat niet.", "party_id");
  if ((*party)->archived) {
    return Fail(ErrorCode::kConflict, "Deze partij is gearchiveerd; een dienst hoort bij een actieve partij.",
                "party_id");
  }
  return std::move(**party);
}

// Ids for new rows, and the buurt of each location's point.
Result<void> Prepare(store::Db& db, Service& s, const Service& before) {
  // A schedule names its location by id: a new location's id is known only once assigned, so
  // schedules may name a location by the id the caller gave it.
  if (auto r = AssignIds(s.locations, before.locations, "locations",
                         [&](const std::string& id) { return sql::LocationExists(db, id); });
      !r) {
    return r;
  }
  if (auto r = AssignIds(s.schedules, before.schedules, "schedules",
                         [&](const std::string& id) { return sql::ScheduleExists(db, id); });
      !r) {
    return r;
  }
  if (auto r =
          AssignIds(s.phones, before.phones, "phones", [&](const std::string& id) { return sql::PhoneExists(db, id); });
      !r) {
    return r;
  }
  if (auto r = AssignIds(s.contacts, before.contacts, "contacts",
                         [&](const std::string& id) { return sql::ContactExists(db, id); });
      !r) {
    return r;
  }
  for (Location& l : s.locations) {
    l.area_code.clear();
    if (!l.latitude || !l.longitude) continue;
    auto where = areas::Locate(db, *l.longitude, *l.latitude);
    if (!where) return Fail(where.error());
    if (where->buurt) l.area_code = where->buurt->code;
  }
  return {};
}

template <class T, class Remove>
Result<void> RemoveMissing(const std::vector<T>& before, const std::vector<T>& after, Remove remove) {
  for (const T& old : before) {
    if (std::any_of(after.begin(), after.end(), [&](const T& x) { return x.id == old.id; })) continue;
    if (auto r = remove(old.id); !r) return r;
  }
  return {};
}

Result<void> WriteChildren(store::Db& db, const Service& s, const Service& before) {
  if (auto r = sql::ReplaceLinks(db, s.id, kService, ServiceTermIds(), ServiceLinks(s)); !r) return r;
  if (auto r = sql::ReplaceLanguages(db, s.id, s.languages); !r) return r;
  std::vector<std::string> names;
  for (const std::string& code : s.areas_served) {
    auto area = areas::GetArea(db, code);
    if (!area) return Fail(area.error());
    names.push_back(area->name);
  }
  if (auto r = sql::ReplaceServiceAreas(db, s.id, s.areas_served, names); !r) return r;
  // Schedules go before the locations they may name, and come after them.
  if (auto r = RemoveMissing(before.schedules, s.schedules,
                             [&](const std::string& id) { return sql::DeleteSchedule(db, id); });
      !r) {
    return r;
  }
  for (const Location& l : s.locations) {
    if (auto r = sql::UpsertLocation(db, s.id, s.party_id, l); !r) return r;
  }
  if (auto r = RemoveMissing(before.locations, s.locations,
                             [&](const std::string& id) { return sql::UnlinkLocation(db, s.id, id); });
      !r) {
    return r;
  }
  for (const Schedule& sc : s.schedules) {
    if (auto r = sql::UpsertSchedule(db, s.id, sc); !r) return r;
  }
  for (const Phone& p : s.phones) {
    if (auto r = sql::UpsertPhone(db, sql::Owner::kService, s.id, p, NormalisePhone(p.number)); !r) return r;
  }
  if (auto r = RemoveMissing(before.phones, s.phones, [&](const std::string& id) { return sql::DeletePhone(db, id); });
      !r) {
    return r;
  }
  for (const Contact& c : s.contacts) {
    if (auto r = sql::UpsertContact(db, sql::Owner::kService, s.id, c); !r) return r;
  }
  return RemoveMissing(before.contacts, s.contacts, [&](const std::string& id) { return sql::DeleteContact(db, id); });
}

Result<void> WriteHistory(HistoryWriter& history, const Service& before, const Service& after, bool created) {
  const std::string type(kService);
  auto r = created ? history.Created(type, after.id, ServiceFields(after))
                   : history.Changed(type, after.id, ServiceFields(before), ServiceFields(after));
  if (!r) return r;
  if (r = history.Children("location", before.locations, after.locations, LocationFields, after.id); !r) return r;
  if (r = history.Children("schedule", before.schedules, after.schedules, ScheduleFields, after.id); !r) return r;
  if (r = history.Children("phone", before.phones, after.phones, PhoneFields, after.id); !r) return r;
  return history.Children("contact", before.contacts, after.contacts, ContactFields, after.id);
}

// A key figure's services may name the person: their names stay out of the audit trail.
std::string AuditName(const Service& s, const Party& party) {
  return party.kind == PartyKind::kSleutelfiguur ? std::string() : s.name;
}

Result<void> Audit(store::Db& db, const accounts::Principal& who, std::string_view action, const std::string& id,
                   const std::string& detail) {
  return store::AppendAudit(db, who.AuditActor(), action, "service", id, detail);
}

}  // namespace

namespace internal {

Result<Service> InsertNewService(store::Db& db, const accounts::Principal& who, const Service& input) {
  auto clean = CleanService(db, input);
  if (!clean) return Fail(clean.error());
  Service s = std::move(*clean);
  auto party = ActiveParty(db, s.party_id);
  if (!party) return Fail(party.error());
  if (s.id.empty()) {
    s.id = NewUuid();
  } else {
    if (!IsUuid(s.id)) return Fail(ErrorCode::kInvalid, "Dit id is geen UUID.", "id");
    auto existing = sql::SelectService(db, s.id);
    if (!existing) return Fail(existing.error());
    if (*existing) return Fail(ErrorCode::kConflict, "Er bestaat al een dienst met dit id.", "id");
  }
  if (auto r = Prepare(db, s, Service{}); !r) return Fail(r.error());
  const std::string today = TodayUtc(), now = store::NowUtc();
  if (s.verification.assured_date.empty()) {  // entering it counts as checking it (as for parties)
    s.verification.assured_date = today;
    s.verification.assurer = who.AuditActor();
  }
  s.archived = false;

  if (auto r = sql::InsertService(db, s, now); !r) return Fail(r.error());
  if (auto r = WriteChildren(db, s, Service{}); !r) return Fail(r.error());
  if (auto r = RefreshSearchIndex(db, s.id); !r) return Fail(r.error());
  HistoryWriter history(db, who.AuditActor(), today, now);
  if (auto r = WriteHistory(history, Service{}, s, true); !r) return Fail(r.error());
  s.party_name = party->name;
  return s;
}

}  // namespace internal

Result<Service> CreateService(store::Db& db, const accounts::Principal& who, const Service& input) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto s = internal::InsertNewService(db, who, input);
  if (!s) return Fail(s.error());
  auto party = ActiveParty(db, s->party_id);
  if (!party) return Fail(party.error());
  if (auto r = Audit(db, who, "socialmap.service.create", s->id, AuditName(*s, *party)); !r) return Fail(r.error());
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, s->id);
}

Result<Service> UpdateService(store::Db& db, const accounts::Principal& who, const Service& input) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = Load(db, input.id);
  if (!before) return Fail(before.error());
  if (before->archived) {
    return Fail(ErrorCode::kConflict, "Deze dienst is gearchiveerd; zet hem eerst terug om hem te wijzigen.");
  }
  auto clean = CleanService(db, input);
  if (!clean) return Fail(clean.error());
  Service s = std::move(*clean);
  auto party = ActiveParty(db, s.party_id);
  if (!party) return Fail(party.error());
  s.verification.assured_date = before->verification.assured_date;  // only VerifyService changes these
  s.verification.assurer = before->verification.assurer;
  if (auto r = Prepare(db, s, *before); !r) return Fail(r.error());
  const std::string today = TodayUtc(), now = store::NowUtc();
  HistoryWriter history(db, who.AuditActor(), today, now);
  if (auto r = WriteHistory(history, *before, s, false); !r) return Fail(r.error());
  if (history.rows() == 0) return before;  // nothing changed: nothing to write
  if (auto r = sql::UpdateService(db, s, now); !r) return Fail(r.error());
  if (auto r = WriteChildren(db, s, *before); !r) return Fail(r.error());
  if (auto r = RefreshSearchIndex(db, s.id); !r) return Fail(r.error());
  if (auto r = Audit(db, who, "socialmap.service.update", s.id, history.FieldList()); !r) return Fail(r.error());
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, s.id);
}

Result<Service> VerifyService(store::Db& db, const accounts::Principal& who, const std::string& id,
                              const std::string& source) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = Load(db, id);
  if (!before) return Fail(before.error());
  if (before->archived) {
    return Fail(ErrorCode::kConflict, "Deze dienst is gearchiveerd; zet hem eerst terug om hem te controleren.");
  }
  auto new_source = CleanSource(source);
  if (!new_source) return Fail(new_source.error());
  Verification v = before->verification;
  if (!new_source->empty()) v.source = *new_source;
  const std::string today = TodayUtc(), now = store::NowUtc();
  v.assured_date = today;
  v.assurer = who.AuditActor();
  if (auto r = sql::SetServiceVerified(db, id, today, v.assurer, v.source, now); !r) return Fail(r.error());
  HistoryWriter history(db, who.AuditActor(), today, now);
  const std::string type(kService);
  if (auto r = history.Row(type, id, "verify", "assured_date", before->verification.assured_date, today); !r) {
    return Fail(r.error());
  }
  for (auto [field, old_value, new_value] : {std::tuple{"assurer_email", before->verification.assurer, v.assurer},
                                             std::tuple{"source", before->verification.source, v.source}}) {
    if (old_value == new_value) continue;
    if (auto r = history.Row(type, id, "verify", field, old_value, new_value); !r) return Fail(r.error());
  }
  if (auto r = Audit(db, who, "socialmap.service.verify", id, ""); !r) return Fail(r.error());
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, id);
}

Result<Service> ArchiveService(store::Db& db, const accounts::Principal& who, const std::string& id, bool archived) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = Load(db, id);
  if (!before) return Fail(before.error());
  if (before->archived == archived) return before;  // already so: nothing to write
  auto party = sql::SelectParty(db, before->party_id);
  if (!party) return Fail(party.error());
  if (!archived && *party && (*party)->archived) {
    return Fail(ErrorCode::kConflict, "De partij van deze dienst is gearchiveerd; zet eerst de partij terug.");
  }
  const std::string today = TodayUtc(), now = store::NowUtc();
  if (auto r = sql::SetServiceArchived(db, id, archived ? today : "", now); !r) return Fail(r.error());
  if (auto r = RefreshSearchIndex(db, id); !r) return Fail(r.error());
  HistoryWriter history(db, who.AuditActor(), today, now);
  if (auto r = history.Row(std::string(kService), id, archived ? "archive" : "restore", "archived",
                           archived ? "false" : "true", archived ? "true" : "false");
      !r) {
    return Fail(r.error());
  }
  std::string detail = *party ? AuditName(*before, **party) : before->name;
  if (auto r = Audit(db, who, archived ? "socialmap.service.archive" : "socialmap.service.restore", id, detail); !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, id);
}

Result<Service> GetService(store::Db& db, const std::string& id) {
  return Load(db, id);
}

Result<std::vector<Service>> ServicesOfParty(store::Db& db, const std::string& party_id, bool include_archived) {
  auto party = sql::SelectParty(db, party_id);
  if (!party) return Fail(party.error());
  if (!*party) return Fail(ErrorCode::kNotFound, "Deze partij bestaat niet.", "party_id");
  auto ids = sql::SelectServiceIdsOfParty(db, party_id, include_archived);
  if (!ids) return Fail(ids.error());
  std::vector<Service> out;
  for (const std::string& id : *ids) {
    auto s = Load(db, id);
    if (!s) return Fail(s.error());
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace wk::socialmap
