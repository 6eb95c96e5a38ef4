// SQL of what parties and services share: links to taxonomy terms (socialmap_attribute), phones
// and contacts.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "map_store.h"
#include "store_util.h"
#include "uuid.h"

namespace wk::socialmap::sql {
namespace {

constexpr std::string_view kSelectLinks =
    "SELECT id, taxonomy_term_id, value FROM socialmap_attribute WHERE link_id = ?1 ORDER BY rid";
constexpr std::string_view kDeleteLink = "DELETE FROM socialmap_attribute WHERE id = ?1";
constexpr std::string_view kInsertLink =
    "INSERT INTO socialmap_attribute(id, link_id, taxonomy_term_id, link_type, link_entity, value) "
    "VALUES (?1, ?2, ?3, ?4, ?4, ?5)";
constexpr std::string_view kDeleteLinks = "DELETE FROM socialmap_attribute WHERE link_id = ?1";

// A party's own phones and contacts have no service; a service's are found by service_id.
constexpr std::string_view kPartyPhones =
    "SELECT id, number, description FROM socialmap_phone WHERE organization_id = ?1 AND service_id IS NULL "
    "AND contact_id IS NULL AND location_id IS NULL ORDER BY rid";
constexpr std::string_view kServicePhones =
    "SELECT id, number, description FROM socialmap_phone WHERE service_id = ?1 AND contact_id IS NULL ORDER BY rid";
constexpr std::string_view kPhoneExists = "SELECT 1 FROM socialmap_phone WHERE id = ?1";
constexpr std::string_view kInsertPartyPhone =
    "INSERT INTO socialmap_phone(id, organization_id, number, description, number_key) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kInsertServicePhone =
    "INSERT INTO socialmap_phone(id, service_id, number, description, number_key) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kUpdatePhone =
    "UPDATE socialmap_phone SET number = ?2, description = ?3, number_key = ?4 WHERE id = ?1";
constexpr std::string_view kDeletePhone = "DELETE FROM socialmap_phone WHERE id = ?1";

constexpr std::string_view kPartyContacts =
    "SELECT id, name, title, email FROM socialmap_contact WHERE organization_id = ?1 AND service_id IS NULL "
    "AND location_id IS NULL AND service_at_location_id IS NULL ORDER BY rid";
constexpr std::string_view kServiceContacts =
    "SELECT id, name, title, email FROM socialmap_contact WHERE service_id = ?1 ORDER BY rid";
constexpr std::string_view kContactExists = "SELECT 1 FROM socialmap_contact WHERE id = ?1";
constexpr std::string_view kInsertPartyContact =
    "INSERT INTO socialmap_contact(id, organization_id, name, title, email) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kInsertServiceContact =
    "INSERT INTO socialmap_contact(id, service_id, name, title, email) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kUpdateContact =
    "UPDATE socialmap_contact SET name = ?2, title = ?3, email = ?4 WHERE id = ?1";
// A contact's own phones go with it.
constexpr std::string_view kDeleteContactPhones = "DELETE FROM socialmap_phone WHERE contact_id = ?1";
constexpr std::string_view kDeleteContact = "DELETE FROM socialmap_contact WHERE id = ?1";

constexpr std::string_view kDeleteHsdsRowsNaming = "DELETE FROM socialmap_hsds_row WHERE instr(json, ?1) > 0";

struct StoredLink {
  std::string id;
  Link link;
};

bool SameLink(const Link& a, const Link& b) {
  return a.term_id == b.term_id && a.value == b.value;
}

}  // namespace

std::string JsonArray(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

Result<std::vector<Link>> SelectLinks(store::Db& db, std::string_view link_id) {
  return Rows(
      db, kSelectLinks,
      [](const store::Statement& st) {
        return Link{st.Text(1), st.Text(2)};
      },
      link_id);
}

Result<void> ReplaceLinks(store::Db& db, std::string_view link_id, std::string_view link_type,
                          const std::vector<std::string>& term_ids, const std::vector<Link>& links) {
  auto stored = Rows(
      db, kSelectLinks,
      [](const store::Statement& st) {
        return StoredLink{st.Text(0), Link{st.Text(1), st.Text(2)}};
      },
      link_id);
  if (!stored) return Fail(stored.error());
  std::vector<Link> kept;
  for (const StoredLink& s : *stored) {
    if (std::find(term_ids.begin(), term_ids.end(), s.link.term_id) == term_ids.end()) continue;  // not ours to touch
    bool wanted = std::any_of(links.begin(), links.end(), [&](const Link& l) { return SameLink(l, s.link); });
    bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const Link& l) { return SameLink(l, s.link); });
    if (wanted && !duplicate) {
      kept.push_back(s.link);
    } else if (auto r = Run(db, kDeleteLink, s.id); !r) {
      return r;
    }
  }
  for (const Link& l : links) {
    if (std::any_of(kept.begin(), kept.end(), [&](const Link& k) { return SameLink(k, l); })) continue;
    if (auto r = Run(db, kInsertLink, NewUuid(), link_id, l.term_id, link_type, OrNull(l.value)); !r) return r;
    kept.push_back(l);
  }
  return {};
}

Result<void> DeleteLinks(store::Db& db, std::string_view link_id) {
  return Run(db, kDeleteLinks, link_id);
}

Result<std::vector<Phone>> SelectPhones(store::Db& db, Owner owner, std::string_view owner_id) {
  return Rows(
      db, owner == Owner::kParty ? kPartyPhones : kServicePhones,
      [](const store::Statement& st) {
        return Phone{st.Text(0), st.Text(1), st.Text(2)};
      },
      owner_id);
}

Result<void> UpsertPhone(store::Db& db, Owner owner, std::string_view owner_id, const Phone& phone,
                         std::string_view number_key) {
  auto exists = PhoneExists(db, phone.id);
  if (!exists) return Fail(exists.error());
  if (*exists) return Run(db, kUpdatePhone, phone.id, phone.number, OrNull(phone.description), number_key);
  return Run(db, owner == Owner::kParty ? kInsertPartyPhone : kInsertServicePhone, phone.id, owner_id, phone.number,
             OrNull(phone.description), number_key);
}

Result<void> DeletePhone(store::Db& db, std::string_view id) {
  return Run(db, kDeletePhone, id);
}

Result<bool> PhoneExists(store::Db& db, std::string_view id) {
  return Any(db, kPhoneExists, id);
}

Result<std::vector<Contact>> SelectContacts(store::Db& db, Owner owner, std::string_view owner_id) {
  return Rows(
      db, owner == Owner::kParty ? kPartyContacts : kServiceContacts,
      [](const store::Statement& st) {
        return Contact{st.Text(0), st.Text(1), st.Text(2), st.Text(3)};
      },
      owner_id);
}

Result<void> UpsertContact(store::Db& db, Owner owner, std::string_view owner_id, const Contact& c) {
  auto exists = ContactExists(db, c.id);
  if (!exists) return Fail(exists.error());
  if (*exists) return Run(db, kUpdateContact, c.id, OrNull(c.name), OrNull(c.title), OrNull(c.email));
  return Run(db, owner == Owner::kParty ? kInsertPartyContact : kInsertServiceContact, c.id, owner_id, OrNull(c.name),
             OrNull(c.title), OrNull(c.email));
}

Result<void> DeleteContact(store::Db& db, std::string_view id) {
  if (auto r = Run(db, kDeleteContactPhones, id); !r) return r;
  return Run(db, kDeleteContact, id);
}

Result<bool> ContactExists(store::Db& db, std::string_view id) {
  return Any(db, kContactExists, id);
}

Result<void> DeleteHsdsRowsNaming(store::Db& db, std::string_view id) {
  return Run(db, kDeleteHsdsRowsNaming, id);
}

}  // namespace wk::socialmap::sql
