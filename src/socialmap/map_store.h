// All SQL of the social map's model (STYLE.md rule 7): named statements with bound parameters
// over the tables of migration 0005_socialmap.sql. Functions here check no permissions and open
// no transactions; the use cases around them do. Empty optional text is stored as NULL (HSDS CSV
// cannot tell "" from absent). Private to the socialmap module.
//
// Ownership of child rows: a party's phones and contacts have organization_id = the party and no
// service_id; a service's have service_id = the service. A service's locations are those linked
// by socialmap_service_at_location; a location shared with another service is kept when one of
// them lets go of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/socialmap/model.h"
#include "wk/store/db.h"

namespace wk::socialmap::sql {

enum class Owner { kParty, kService };

// --- parties (party_store.cc) ---
// The party's own row: every Party field except phones, contacts, domains and areas served.
Result<std::optional<Party>> SelectParty(store::Db& db, std::string_view id);
Result<void> InsertParty(store::Db& db, const Party& party, std::string_view now);
// The editable fields (not the verification date and assurer, not archived, not created_at).
Result<void> UpdateParty(store::Db& db, const Party& party, std::string_view now);
Result<void> SetPartyVerified(store::Db& db, std::string_view id, std::string_view date, std::string_view assurer,
                              std::string_view source, std::string_view now);
// `archived_at` empty = restore.
Result<void> SetPartyArchived(store::Db& db, std::string_view id, std::string_view archived_at, std::string_view now);
// Deletes the party row, its phones (also those of its contacts), contacts, attributes and the
// locations of the party no service links to. Its services must be gone already.
Result<void> DeleteParty(store::Db& db, std::string_view id);
// Ids of the party's own contacts and phones (also those of its contacts), for erasing history.
Result<std::vector<std::string>> SelectPartyChildIds(store::Db& db, std::string_view id);
// Heads of parties (id, name, alternate_name, kind, archived), unordered.
Result<std::vector<Party>> SelectPartyHeads(store::Db& db, bool include_archived);
// Ids of the parties with an attribute of `term_id` whose value is one of `values`.
Result<std::vector<std::string>> SelectPartiesWithValue(store::Db& db, std::string_view term_id,
                                                        const std::vector<std::string>& values);
// Parties (id, name) with a phone whose number_key is `key`: their own or one of their services'.
Result<std::vector<Party>> SelectPartiesByPhoneKey(store::Db& db, std::string_view key);
// Addresses of the services' locations of active parties whose postcode without spaces, in
// upper case, is `compact_postcode`: party id and name, address_1, postal_code.
struct PartyAddress {
  std::string party_id, party_name, address_1, postal_code;
};
Result<std::vector<PartyAddress>> SelectAddressesByPostcode(store::Db& db, std::string_view compact_postcode);

// --- services (service_store.cc) ---
// The service's own row with the party's name: every Service field except the lists.
Result<std::optional<Service>> SelectService(store::Db& db, std::string_view id);
Result<void> InsertService(store::Db& db, const Service& service, std::string_view now);
Result<void> UpdateService(store::Db& db, const Service& service, std::string_view now);
Result<void> SetServiceVerified(store::Db& db, std::string_view id, std::string_view date, std::string_view assurer,
                                std::string_view source, std::string_view now);
Result<void> SetServiceArchived(store::Db& db, std::string_view id, std::string_view archived_at, std::string_view now);
// Ids of the party's services, by name.
Result<std::vector<std::string>> SelectServiceIdsOfParty(store::Db& db, std::string_view party_id,
                                                         bool include_archived);
// Ids of active services with a location in one of `buurt_codes` or serving one of `area_codes`.
Result<std::vector<std::string>> SelectServicesOfArea(store::Db& db, const std::vector<std::string>& buurt_codes,
                                                      const std::vector<std::string>& area_codes);
// Ids of the parties of active services located in one of `buurt_codes`.
Result<std::vector<std::string>> SelectPartiesLocatedIn(store::Db& db, const std::vector<std::string>& buurt_codes);
// Ids of the service's locations, schedules, phones and contacts, for erasing history.
Result<std::vector<std::string>> SelectServiceChildIds(store::Db& db, std::string_view id);
// Deletes the service row, its attributes, languages, service areas, schedules, phones, contacts
// and links to locations (not the locations: see DeleteLocationIfUnused).
Result<void> DeleteServiceRows(store::Db& db, std::string_view id);
Result<std::vector<std::string>> SelectLanguages(store::Db& db, std::string_view service_id);  // codes
// Replaces the service's languages with `codes`, keeping the rows of codes it had.
Result<void> ReplaceLanguages(store::Db& db, std::string_view service_id, const std::vector<std::string>& codes);
Result<std::vector<std::string>> SelectServiceAreas(store::Db& db, std::string_view service_id);  // our codes
// Replaces the service's areas of extent_type wijkkompas-gebied, keeping the rows of codes it had;
// `names` are the areas' names (HSDS service_area.name), one per code.
Result<void> ReplaceServiceAreas(store::Db& db, std::string_view service_id, const std::vector<std::string>& codes,
                                 const std::vector<std::string>& names);

// --- locations and schedules (location_store.cc) ---
// The service's locations with address (area_code from the row), by link order.
Result<std::vector<Location>> SelectLocations(store::Db& db, std::string_view service_id);
// Inserts or updates the location (`area_code` empty = NULL), its address (first physical one;
// none when address_1 is empty), its point in the R*Tree and its link to the service.
Result<void> UpsertLocation(store::Db& db, std::string_view service_id, std::string_view party_id,
                            const Location& location);
// Removes the service's link to the location; the location itself (address, point, schedules of
// the location) only when no other service links to it.
Result<void> UnlinkLocation(store::Db& db, std::string_view service_id, std::string_view location_id);
// Whether a row with this id exists (any owner): a given id of a new row must be free.
Result<bool> LocationExists(store::Db& db, std::string_view id);
Result<std::vector<Schedule>> SelectSchedules(store::Db& db, std::string_view service_id);
Result<void> UpsertSchedule(store::Db& db, std::string_view service_id, const Schedule& schedule);
Result<void> DeleteSchedule(store::Db& db, std::string_view id);
Result<bool> ScheduleExists(store::Db& db, std::string_view id);

// --- attributes, phones, contacts (links_store.cc) ---
struct Link {
  std::string term_id;
  std::string value;  // "" = NULL
};
// The links of `link_id` to terms, by row order.
Result<std::vector<Link>> SelectLinks(store::Db& db, std::string_view link_id);
// Makes the links of `link_id` to the terms in `term_ids` exactly `links` (each of whose term is
// in `term_ids`), keeping the rows that stay; links to other terms are not touched.
Result<void> ReplaceLinks(store::Db& db, std::string_view link_id, std::string_view link_type,
                          const std::vector<std::string>& term_ids, const std::vector<Link>& links);
Result<void> DeleteLinks(store::Db& db, std::string_view link_id);
Result<std::vector<Phone>> SelectPhones(store::Db& db, Owner owner, std::string_view owner_id);
// Inserts or updates by id; `number_key` is NormalisePhone(number).
Result<void> UpsertPhone(store::Db& db, Owner owner, std::string_view owner_id, const Phone& phone,
                         std::string_view number_key);
Result<void> DeletePhone(store::Db& db, std::string_view id);
Result<bool> PhoneExists(store::Db& db, std::string_view id);
Result<std::vector<Contact>> SelectContacts(store::Db& db, Owner owner, std::string_view owner_id);
Result<void> UpsertContact(store::Db& db, Owner owner, std::string_view owner_id, const Contact& contact);
Result<void> DeleteContact(store::Db& db, std::string_view id);
Result<bool> ContactExists(store::Db& db, std::string_view id);
// Removes every socialmap_hsds_row whose JSON names `id` (rows of unmodelled HSDS tables that
// refer to an erased party or service).
Result<void> DeleteHsdsRowsNaming(store::Db& db, std::string_view id);

// --- history, re-check list, settings (history_store.cc) ---
// A Change with the party or service a child resource belongs to ("" for the party or service
// itself), stored in socialmap_metadata.parent_id.
Result<void> InsertChange(store::Db& db, const Change& change, std::string_view parent_id);
// Changes of the resource and of the resources whose parent it is, newest first.
Result<std::vector<Change>> SelectChanges(store::Db& db, std::string_view resource_id);
// Deletes the changes of the resource and of the resources whose parent it is.
Result<void> DeleteChanges(store::Db& db, std::string_view resource_id);
// Active parties and services with no assured_date or one before `cutoff`, oldest first.
struct RecheckRow {
  std::string resource_type, id, name, party_name, assured_date;
};
Result<std::vector<RecheckRow>> SelectRecheck(store::Db& db, std::string_view cutoff);
Result<std::optional<std::string>> SelectSetting(store::Db& db, std::string_view name);
Result<void> UpsertSetting(store::Db& db, std::string_view name, std::string_view value);

}  // namespace wk::socialmap::sql
