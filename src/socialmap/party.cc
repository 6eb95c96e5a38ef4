// The use cases of parties: create, edit, verify, archive, erase a key figure, read, list.
// A writing use case opens its transaction (BEGIN IMMEDIATE) before it reads what it changes, so
// that an edit made meanwhile by someone else is never overwritten unseen.
#include <algorithm>
#include <tuple>

#include "area_tree.h"
#include "dates.h"
#include "history.h"
#include "map_store.h"
#include "model_validation.h"
#include "model_write.h"
#include "use_case.h"
#include "wk/core/text.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

using accounts::Action;

constexpr std::string_view kOrganization = "organization";

const Term& AreaTerm() {
  const Term* term = FindTerm(kPartyTaxonomy, "werkgebied");
  // taxonomies.csv is compiled in and tested: its absence is a bug.
  if (term == nullptr) throw std::logic_error("vocabulary.csv lacks wijkkompas-partij/werkgebied");
  return *term;
}

// The term ids a party's links may use: the domains and the werkgebied term.
std::vector<std::string> PartyTermIds() {
  std::vector<std::string> ids;
  for (const Term& t : Terms(kDomainTaxonomy)) ids.push_back(t.id);
  ids.push_back(AreaTerm().id);
  return ids;
}

std::vector<sql::Link> PartyLinks(const Party& p) {
  std::vector<sql::Link> links;
  for (const std::string& code : p.domains) links.push_back({FindTerm(kDomainTaxonomy, code)->id, ""});
  for (const std::string& code : p.areas_served) links.push_back({AreaTerm().id, code});
  return links;
}

Error NoSuchParty() {
  return Error{ErrorCode::kNotFound, "Deze partij bestaat niet.", "id", {}};
}

// The party with everything it holds, or kNotFound.
Result<Party> Load(store::Db& db, std::string_view id) {
  auto row = sql::SelectParty(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return Fail(NoSuchParty());
  Party p = std::move(**row);
  auto links = sql::SelectLinks(db, p.id);
  if (!links) return Fail(links.error());
  const std::string& area_term = AreaTerm().id;
  for (const sql::Link& l : *links) {
    if (l.term_id == area_term) {
      p.areas_served.push_back(l.value);
    } else if (const Term* t = FindTermById(l.term_id); t != nullptr && t->taxonomy == kDomainTaxonomy) {
      p.domains.push_back(t->code);
    }
  }
  auto phones = sql::SelectPhones(db, sql::Owner::kParty, p.id);
  if (!phones) return Fail(phones.error());
  p.phones = std::move(*phones);
  auto contacts = sql::SelectContacts(db, sql::Owner::kParty, p.id);
  if (!contacts) return Fail(contacts.error());
  p.contacts = std::move(*contacts);
  p.verification.outdated = IsOutdated(p.verification.assured_date, TodayUtc());
  return p;
}

// Writes links, phones and contacts of `p` over those of `before` (empty for a new party).
Result<void> WriteChildren(store::Db& db, const Party& p, const Party& before) {
  if (auto r = sql::ReplaceLinks(db, p.id, kOrganization, PartyTermIds(), PartyLinks(p)); !r) return r;
  for (const Phone& phone : p.phones) {
    if (auto r = sql::UpsertPhone(db, sql::Owner::kParty, p.id, phone, NormalisePhone(phone.number)); !r) return r;
  }
  for (const Phone& old : before.phones) {
    if (std::none_of(p.phones.begin(), p.phones.end(), [&](const Phone& x) { return x.id == old.id; })) {
      if (auto r = sql::DeletePhone(db, old.id); !r) return r;
    }
  }
  for (const Contact& c : p.contacts) {
    if (auto r = sql::UpsertContact(db, sql::Owner::kParty, p.id, c); !r) return r;
  }
  for (const Contact& old : before.contacts) {
    if (std::none_of(p.contacts.begin(), p.contacts.end(), [&](const Contact& x) { return x.id == old.id; })) {
      if (auto r = sql::DeleteContact(db, old.id); !r) return r;
    }
  }
  return {};
}

Result<void> ChildHistory(HistoryWriter& history, const Party& before, const Party& after) {
  if (auto r = history.Children("phone", before.phones, after.phones, PhoneFields, after.id); !r) return r;
  return history.Children("contact", before.contacts, after.contacts, ContactFields, after.id);
}

Result<void> AssignChildIds(store::Db& db, Party& p, const Party& before) {
  if (auto r =
          AssignIds(p.phones, before.phones, "phones", [&](const std::string& id) { return sql::PhoneExists(db, id); });
      !r) {
    return r;
  }
  return AssignIds(p.contacts, before.contacts, "contacts",
                   [&](const std::string& id) { return sql::ContactExists(db, id); });
}

// The services' search rows carry the party's name: refreshed when it changes.
Result<void> RefreshServicesOf(store::Db& db, const std::string& party_id) {
  auto ids = sql::SelectServiceIdsOfParty(db, party_id, true);
  if (!ids) return Fail(ids.error());
  for (const std::string& id : *ids) {
    if (auto r = RefreshSearchIndex(db, id); !r) return r;
  }
  return {};
}

// A key figure's name is personal data: it stays out of the audit trail.
std::string AuditName(const Party& p) {
  return p.kind == PartyKind::kSleutelfiguur ? std::string() : p.name;
}

Result<void> Audit(store::Db& db, const accounts::Principal& who, std::string_view action, const std::string& id,
                   const std::string& detail) {
  return store::AppendAudit(db, who.AuditActor(), action, "party", id, detail);
}

}  // namespace

namespace internal {

Result<Party> InsertNewParty(store::Db& db, const accounts::Principal& who, const Party& input) {
  auto clean = CleanParty(db, input);
  if (!clean) return Fail(clean.error());
  Party p = std::move(*clean);
  if (p.id.empty()) {
    p.id = NewUuid();
  } else {
    if (!IsUuid(p.id)) return Fail(ErrorCode::kInvalid, "Dit id is geen UUID.", "id");
    auto existing = sql::SelectParty(db, p.id);
    if (!existing) return Fail(existing.error());
    if (*existing) return Fail(ErrorCode::kConflict, "Er bestaat al een partij met dit id.", "id");
  }
  if (auto r = AssignChildIds(db, p, Party{}); !r) return Fail(r.error());
  const std::string today = TodayUtc(), now = store::NowUtc();
  // Whoever enters a party has just looked at it: it counts as verified unless a date is given.
  if (p.verification.assured_date.empty()) {
    p.verification.assured_date = today;
    p.verification.assurer = who.AuditActor();
  }
  p.archived = false;

  if (auto r = sql::InsertParty(db, p, now); !r) return Fail(r.error());
  if (auto r = WriteChildren(db, p, Party{}); !r) return Fail(r.error());
  HistoryWriter history(db, who.AuditActor(), today, now);
  if (auto r = history.Created(std::string(kOrganization), p.id, PartyFields(p)); !r) return Fail(r.error());
  if (auto r = ChildHistory(history, Party{}, p); !r) return Fail(r.error());
  return p;
}

}  // namespace internal

Result<Party> CreateParty(store::Db& db, const accounts::Principal& who, const Party& input) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto p = internal::InsertNewParty(db, who, input);
  if (!p) return Fail(p.error());
  if (auto r = Audit(db, who, "socialmap.party.create", p->id, AuditName(*p)); !r) return Fail(r.error());
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, p->id);
}

Result<Party> UpdateParty(store::Db& db, const accounts::Principal& who, const Party& input) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = Load(db, input.id);
  if (!before) return Fail(before.error());
  if (before->archived) {
    return Fail(ErrorCode::kConflict, "Deze partij is gearchiveerd; zet haar eerst terug om haar te wijzigen.");
  }
  auto clean = CleanParty(db, input);
  if (!clean) return Fail(clean.error());
  Party p = std::move(*clean);
  // Verification changes only through VerifyParty; the source is an editable field.
  p.verification.assured_date = before->verification.assured_date;
  p.verification.assurer = before->verification.assurer;
  if (auto r = AssignChildIds(db, p, *before); !r) return Fail(r.error());
  const std::string today = TodayUtc(), now = store::NowUtc();
  HistoryWriter history(db, who.AuditActor(), today, now);
  if (auto r = history.Changed(std::string(kOrganization), p.id, PartyFields(*before), PartyFields(p)); !r) {
    return Fail(r.error());
  }
  if (auto r = ChildHistory(history, *before, p); !r) return Fail(r.error());
  if (history.rows() == 0) return before;  // nothing changed: nothing to write
  if (auto r = sql::UpdateParty(db, p, now); !r) return Fail(r.error());
  if (auto r = WriteChildren(db, p, *before); !r) return Fail(r.error());
  if (p.name != before->name) {
    if (auto r = RefreshServicesOf(db, p.id); !r) return Fail(r.error());
  }
  if (auto r = Audit(db, who, "socialmap.party.update", p.id, history.FieldList()); !r) return Fail(r.error());
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, p.id);
}

Result<Party> VerifyParty(store::Db& db, const accounts::Principal& who, const std::string& id,
                          const std::string& source) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = Load(db, id);
  if (!before) return Fail(before.error());
  if (before->archived) {
    return Fail(ErrorCode::kConflict, "Deze partij is gearchiveerd; zet haar eerst terug om haar te controleren.");
  }
  Party p = *before;
  auto new_source = CleanSource(source);
  if (!new_source) return Fail(new_source.error());
  if (!new_source->empty()) p.verification.source = *new_source;
  const std::string today = TodayUtc(), now = store::NowUtc();
  p.verification.assured_date = today;
  p.verification.assurer = who.AuditActor();
  if (auto r = sql::SetPartyVerified(db, id, today, p.verification.assurer, p.verification.source, now); !r) {
    return Fail(r.error());
  }
  HistoryWriter history(db, who.AuditActor(), today, now);
  // The date row is written even when it was verified earlier today: each check is recorded.
  if (auto r = history.Row(std::string(kOrganization), id, "verify", "assured_date", before->verification.assured_date,
                           today);
      !r) {
    return Fail(r.error());
  }
  for (auto [field, old_value, new_value] :
       {std::tuple{"assurer_email", before->verification.assurer, p.verification.assurer},
        std::tuple{"source", before->verification.source, p.verification.source}}) {
    if (old_value == new_value) continue;
    if (auto r = history.Row(std::string(kOrganization), id, "verify", field, old_value, new_value); !r) {
      return Fail(r.error());
    }
  }
  if (auto r = Audit(db, who, "socialmap.party.verify", id, ""); !r) return Fail(r.error());
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, id);
}

Result<Party> ArchiveParty(store::Db& db, const accounts::Principal& who, const std::string& id, bool archived) {
  if (auto r = CheckPermission(who, Action::kEditSocialMap); !r) return Fail(r.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = Load(db, id);
  if (!before) return Fail(before.error());
  if (before->archived == archived) return before;  // already so: nothing to write
  auto services = sql::SelectServiceIdsOfParty(db, id, false);
  if (!services) return Fail(services.error());
  const std::string today = TodayUtc(), now = store::NowUtc();
  const std::string action = archived ? "archive" : "restore";
  if (auto r = sql::SetPartyArchived(db, id, archived ? today : "", now); !r) return Fail(r.error());
  HistoryWriter history(db, who.AuditActor(), today, now);
  if (auto r = history.Row(std::string(kOrganization), id, action, "archived", archived ? "false" : "true",
                           archived ? "true" : "false");
      !r) {
    return Fail(r.error());
  }
  // Archiving a party archives its active services (restoring it restores the party only: which
  // services still run is for a person to decide).
  if (archived) {
    for (const std::string& sid : *services) {
      if (auto r = sql::SetServiceArchived(db, sid, today, now); !r) return Fail(r.error());
      if (auto r = history.Row("service", sid, "archive", "archived", "false", "true"); !r) return Fail(r.error());
      if (auto r = RefreshSearchIndex(db, sid); !r) return Fail(r.error());
    }
  }
  std::string detail = AuditName(*before);
  if (archived && !services->empty()) {
    detail += (detail.empty() ? "" : "; ") + std::to_string(services->size()) +
              (services->size() == 1 ? " dienst" : " diensten") + " ook gearchiveerd";
  }
  if (auto r = Audit(db, who, archived ? "socialmap.party.archive" : "socialmap.party.restore", id, detail); !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return Load(db, id);
}

Result<Party> GetParty(store::Db& db, const std::string& id) {
  return Load(db, id);
}

Result<std::vector<Party>> ListParties(store::Db& db, const PartyFilter& filter) {
  auto heads = sql::SelectPartyHeads(db, filter.include_archived);
  if (!heads) return Fail(heads.error());
  std::vector<std::string> serving;
  if (!filter.area_code.empty()) {
    auto family = FamilyOf(db, filter.area_code);
    if (!family) return Fail(family.error());
    auto ids = sql::SelectPartiesWithValue(db, AreaTerm().id, family->related);
    if (!ids) return Fail(ids.error());
    serving = std::move(*ids);
  }
  const std::string needle = text::FoldForSearch(text::Trim(filter.name_contains));
  struct Candidate {
    std::string key, id;
  };
  std::vector<Candidate> found;
  for (const Party& h : *heads) {
    if (filter.kind && h.kind != *filter.kind) continue;
    if (!filter.area_code.empty() && std::find(serving.begin(), serving.end(), h.id) == serving.end()) continue;
    std::string key = text::FoldForSearch(h.name);
    if (!needle.empty() && key.find(needle) == std::string::npos &&
        text::FoldForSearch(h.alternate_name).find(needle) == std::string::npos) {
      continue;
    }
    found.push_back({std::move(key), h.id});
  }
  std::sort(found.begin(), found.end(),
            [](const Candidate& a, const Candidate& b) { return std::tie(a.key, a.id) < std::tie(b.key, b.id); });
  std::vector<Party> out;
  const std::size_t first = static_cast<std::size_t>(std::max(filter.offset, 0));
  for (std::size_t i = first; i < found.size() && out.size() < static_cast<std::size_t>(std::max(filter.limit, 0));
       ++i) {
    auto p = Load(db, found[i].id);
    if (!p) return Fail(p.error());
    out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace wk::socialmap
