// Erasing a key figure (ADR 13): a key figure is a person, and a person may ask to be forgotten.
// Everything the social map holds of them goes: the party, its contacts and phones, its links to
// terms, its services with everything of theirs, rows of unmodelled HSDS tables naming them, and
// their history. The audit entry says that a key figure was erased, not who.
#include "dates.h"
#include "map_store.h"
#include "use_case.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

// Forgets the history of the resource and of each of `children`.
Result<void> DeleteHistory(store::Db& db, const std::string& id, const std::vector<std::string>& children) {
  for (const std::string& child : children) {
    if (auto r = sql::DeleteChanges(db, child); !r) return r;
  }
  return sql::DeleteChanges(db, id);
}

Result<void> EraseService(store::Db& db, const std::string& id) {
  // Out of the search index first, while the service row still tells which row is its own.
  if (auto r = sql::SetServiceArchived(db, id, TodayUtc(), store::NowUtc()); !r) return r;
  if (auto r = RefreshSearchIndex(db, id); !r) return r;
  auto children = sql::SelectServiceChildIds(db, id);
  if (!children) return Fail(children.error());
  if (auto r = DeleteHistory(db, id, *children); !r) return r;
  auto locations = sql::SelectLocations(db, id);
  if (!locations) return Fail(locations.error());
  for (const Location& l : *locations) {
    if (auto r = sql::UnlinkLocation(db, id, l.id); !r) return r;
  }
  if (auto r = sql::DeleteServiceRows(db, id); !r) return r;
  if (auto r = sql::DeleteHsdsRowsNaming(db, id); !r) return r;
  return RefreshSearchIndex(db, id);  // gone: the index forgets it too
}

}  // namespace

Result<void> EraseKeyFigure(store::Db& db, const accounts::Principal& who, const std::string& id) {
  if (auto r = CheckPermission(who, accounts::Action::kManageSocialMap); !r) return r;
  auto party = sql::SelectParty(db, id);
  if (!party) return Fail(party.error());
  if (!*party) return Fail(ErrorCode::kNotFound, "Deze partij bestaat niet.", "id");
  if ((*party)->kind != PartyKind::kSleutelfiguur) {
    return Fail(ErrorCode::kInvalid,
                "Alleen een sleutelfiguur kan worden gewist. Een partij die geen persoon is, kunt u archiveren.",
                "kind");
  }
  auto services = sql::SelectServiceIdsOfParty(db, id, true);
  if (!services) return Fail(services.error());

  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  for (const std::string& sid : *services) {
    if (auto r = EraseService(db, sid); !r) return r;
  }
  auto children = sql::SelectPartyChildIds(db, id);
  if (!children) return Fail(children.error());
  if (auto r = DeleteHistory(db, id, *children); !r) return r;
  if (auto r = sql::DeleteParty(db, id); !r) return r;
  if (auto r = sql::DeleteHsdsRowsNaming(db, id); !r) return r;
  if (auto r = store::AppendAudit(db, who.AuditActor(), "socialmap.party.erase", "party", id, "Sleutelfiguur gewist");
      !r) {
    return r;
  }
  return tx->Commit();
}

}  // namespace wk::socialmap
