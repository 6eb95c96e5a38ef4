// SQL of parties (socialmap_party) and of the duplicate look-ups over parties.
#include "map_store.h"
#include "store_util.h"

namespace wk::socialmap::sql {
namespace {

constexpr std::string_view kSelectParty =
    "SELECT id, name, alternate_name, description, email, website, kind, formal, source, assured_date, "
    "assurer_email, consent_date, consent_purpose, consent_publish, archived_at, created_at, updated_at "
    "FROM socialmap_party WHERE id = ?1";
constexpr std::string_view kInsertParty =
    "INSERT INTO socialmap_party(id, name, alternate_name, description, email, website, kind, formal, source, "
    "assured_date, assurer_email, consent_date, consent_purpose, consent_publish, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)";
constexpr std::string_view kUpdateParty =
    "UPDATE socialmap_party SET name = ?2, alternate_name = ?3, description = ?4, email = ?5, website = ?6, "
    "kind = ?7, formal = ?8, source = ?9, consent_date = ?10, consent_purpose = ?11, consent_publish = ?12, "
    "updated_at = ?13 WHERE id = ?1";
constexpr std::string_view kSetVerified =
    "UPDATE socialmap_party SET assured_date = ?2, assurer_email = ?3, source = ?4, updated_at = ?5 WHERE id = ?1";
constexpr std::string_view kSetArchived = "UPDATE socialmap_party SET archived_at = ?2, updated_at = ?3 WHERE id = ?1";
// Erasure: the party's own rows (its services are deleted before, through DeleteServiceRows).
constexpr std::string_view kDeletePartyPhones =
    "DELETE FROM socialmap_phone WHERE organization_id = ?1 OR contact_id IN "
    "(SELECT id FROM socialmap_contact WHERE organization_id = ?1)";
constexpr std::string_view kDeletePartyContacts = "DELETE FROM socialmap_contact WHERE organization_id = ?1";
constexpr std::string_view kDeletePartyAttributes = "DELETE FROM socialmap_attribute WHERE link_id = ?1";
constexpr std::string_view kUnusedLocations =
    "SELECT id FROM socialmap_location l WHERE l.organization_id = ?1 AND NOT EXISTS "
    "(SELECT 1 FROM socialmap_service_at_location sal WHERE sal.location_id = l.id)";
constexpr std::string_view kDeleteParty = "DELETE FROM socialmap_party WHERE id = ?1";
constexpr std::string_view kPartyChildIds =
    "SELECT id FROM socialmap_contact WHERE organization_id = ?1 UNION ALL "
    "SELECT id FROM socialmap_phone WHERE organization_id = ?1 OR contact_id IN "
    "(SELECT id FROM socialmap_contact WHERE organization_id = ?1) UNION ALL "
    "SELECT id FROM socialmap_location WHERE organization_id = ?1";
constexpr std::string_view kPartyHeads =
    "SELECT id, name, alternate_name, kind, archived_at FROM socialmap_party "
    "WHERE ?1 OR archived_at IS NULL";
constexpr std::string_view kPartiesWithValue =
    "SELECT DISTINCT a.link_id FROM socialmap_attribute a "
    "WHERE a.taxonomy_term_id = ?1 AND a.link_type = 'organization' "
    "AND a.value IN (SELECT value FROM json_each(?2))";
// A phone of the party itself or of one of its services.
constexpr std::string_view kPartiesByPhoneKey =
    "SELECT DISTINCT p.id, p.name FROM socialmap_party p "
    "WHERE p.archived_at IS NULL AND EXISTS (SELECT 1 FROM socialmap_phone ph WHERE ph.number_key = ?1 AND "
    "(ph.organization_id = p.id OR ph.service_id IN (SELECT s.id FROM socialmap_service s "
    "WHERE s.organization_id = p.id)))";
constexpr std::string_view kAddressesByPostcode =
    "SELECT DISTINCT p.id, p.name, a.address_1, a.postal_code FROM socialmap_address a "
    "JOIN socialmap_service_at_location sal ON sal.location_id = a.location_id "
    "JOIN socialmap_service s ON s.id = sal.service_id "
    "JOIN socialmap_party p ON p.id = s.organization_id "
    "WHERE p.archived_at IS NULL AND upper(replace(a.postal_code, ' ', '')) = ?1";

Party ReadParty(const store::Statement& st) {
  Party p;
  p.id = st.Text(0);
  p.name = st.Text(1);
  p.alternate_name = st.Text(2);
  p.description = st.Text(3);
  p.email = st.Text(4);
  p.website = st.Text(5);
  p.kind = ParsePartyKind(st.Text(6)).value_or(PartyKind::kOrganisatie);
  p.formal = st.Int(7) != 0;
  p.verification.source = st.Text(8);
  p.verification.assured_date = st.Text(9);
  p.verification.assurer = st.Text(10);
  if (!st.IsNull(11) || p.kind == PartyKind::kSleutelfiguur) {
    p.consent = Consent{st.Text(11), st.Text(12), st.Int(13) != 0};
  }
  p.archived = !st.IsNull(14);
  p.created_at = st.Text(15);
  p.updated_at = st.Text(16);
  return p;
}

}  // namespace

Result<std::optional<Party>> SelectParty(store::Db& db, std::string_view id) {
  auto rows = Rows(db, kSelectParty, ReadParty, id);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<Party>();
  return std::optional<Party>(std::move(rows->front()));
}

Result<void> InsertParty(store::Db& db, const Party& p, std::string_view now) {
  const Consent c = p.consent.value_or(Consent{});
  auto st = db.Prepare(kInsertParty);
  if (!st) return Fail(st.error());
  st->BindAll(p.id, p.name, OrNull(p.alternate_name), p.description, OrNull(p.email), OrNull(p.website),
              PartyKindCode(p.kind), p.formal ? 1 : 0, p.verification.source, OrNull(p.verification.assured_date),
              OrNull(p.verification.assurer), OrNull(c.date), OrNull(c.purpose), c.publish ? 1 : 0, now);
  return st->Run();
}

Result<void> UpdateParty(store::Db& db, const Party& p, std::string_view now) {
  const Consent c = p.consent.value_or(Consent{});
  return Run(db, kUpdateParty, p.id, p.name, OrNull(p.alternate_name), p.description, OrNull(p.email),
             OrNull(p.website), PartyKindCode(p.kind), p.formal ? 1 : 0, p.verification.source, OrNull(c.date),
             OrNull(c.purpose), c.publish ? 1 : 0, now);
}

Result<void> SetPartyVerified(store::Db& db, std::string_view id, std::string_view date, std::string_view assurer,
                              std::string_view source, std::string_view now) {
  return Run(db, kSetVerified, id, date, OrNull(assurer), source, now);
}

Result<void> SetPartyArchived(store::Db& db, std::string_view id, std::string_view archived_at, std::string_view now) {
  return Run(db, kSetArchived, id, OrNull(archived_at), now);
}

Result<void> DeleteParty(store::Db& db, std::string_view id) {
  auto places = Texts(db, kUnusedLocations, id);
  if (!places) return Fail(places.error());
  for (const std::string& place : *places) {
    if (auto r = UnlinkLocation(db, "", place); !r) return r;  // no link left: removes the place
  }
  for (std::string_view sql : {kDeletePartyPhones, kDeletePartyContacts, kDeletePartyAttributes, kDeleteParty}) {
    if (auto r = Run(db, sql, id); !r) return r;
  }
  return {};
}

Result<std::vector<std::string>> SelectPartyChildIds(store::Db& db, std::string_view id) {
  return Texts(db, kPartyChildIds, id);
}

Result<std::vector<Party>> SelectPartyHeads(store::Db& db, bool include_archived) {
  return Rows(
      db, kPartyHeads,
      [](const store::Statement& st) {
        Party p;
        p.id = st.Text(0);
        p.name = st.Text(1);
        p.alternate_name = st.Text(2);
        p.kind = ParsePartyKind(st.Text(3)).value_or(PartyKind::kOrganisatie);
        p.archived = !st.IsNull(4);
        return p;
      },
      include_archived ? 1 : 0);
}

Result<std::vector<std::string>> SelectPartiesWithValue(store::Db& db, std::string_view term_id,
                                                        const std::vector<std::string>& values) {
  return Texts(db, kPartiesWithValue, term_id, JsonArray(values));
}

Result<std::vector<Party>> SelectPartiesByPhoneKey(store::Db& db, std::string_view key) {
  return Rows(
      db, kPartiesByPhoneKey,
      [](const store::Statement& st) {
        Party p;
        p.id = st.Text(0);
        p.name = st.Text(1);
        return p;
      },
      key);
}

Result<std::vector<PartyAddress>> SelectAddressesByPostcode(store::Db& db, std::string_view compact_postcode) {
  return Rows(
      db, kAddressesByPostcode,
      [](const store::Statement& st) {
        return PartyAddress{st.Text(0), st.Text(1), st.Text(2), st.Text(3)};
      },
      compact_postcode);
}

}  // namespace wk::socialmap::sql
