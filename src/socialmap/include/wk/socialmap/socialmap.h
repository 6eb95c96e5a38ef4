// The social map's use cases (issue 4, ADR 13): create, edit, verify and archive parties and
// services, their history, the re-check list, likely duplicates, and what serves an area.
//
// Every writing function checks the principal's permission (Action::kEditSocialMap unless said
// otherwise), validates everything first (kInvalid with a Dutch message and `field` naming the
// form field), then writes in ONE transaction: the rows, their HSDS metadata history (one Change
// per changed field) and one audit entry. Nothing is written on any error.
//
// Threading: every function takes the caller's connection; any thread with its own connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap {

// An entry is possibly outdated when not verified for this many months (or never).
inline constexpr int kOutdatedAfterMonths = 12;

// --- Parties ----------------------------------------------------------------------------------
// Creates a party; returns it with its new id. A key figure needs `consent` (date and purpose).
// Errors: kPermissionDenied; kInvalid (name empty, bad email/website, unknown domain code, unknown
// area code, key figure without consent, ...).
Result<Party> CreateParty(store::Db& db, const accounts::Principal& who, const Party& party);
// Replaces the editable fields of party.id with `party`'s; history gets one Change per field
// that differs. kNotFound when unknown; kConflict when archived.
Result<Party> UpdateParty(store::Db& db, const accounts::Principal& who, const Party& party);
// Marks the party verified today by `who` (assured_date, assurer), with an optional new source.
Result<Party> VerifyParty(store::Db& db, const accounts::Principal& who, const std::string& id,
                          const std::string& source = {});
// Archives (archived = true) or restores a party; archiving also archives its services.
Result<Party> ArchiveParty(store::Db& db, const accounts::Principal& who, const std::string& id, bool archived = true);
// Erases a key figure completely: the party, its contacts, phones, attributes and its history
// rows. The audit entry says a key figure was erased, without name or details. Needs
// Action::kManageSocialMap. kInvalid when the party is not a key figure.
Result<void> EraseKeyFigure(store::Db& db, const accounts::Principal& who, const std::string& id);

Result<Party> GetParty(store::Db& db, const std::string& id);  // kNotFound
struct PartyFilter {
  std::string name_contains;  // folded substring of name/alternate name, "" = all
  std::optional<PartyKind> kind;
  std::string area_code;  // serves this area (or one of its ancestors/descendants), "" = any
  bool include_archived = false;
  int limit = 200;
  int offset = 0;
};
Result<std::vector<Party>> ListParties(store::Db& db, const PartyFilter& filter);

// --- Services ---------------------------------------------------------------------------------
// Creates a service of service.party_id with its locations (the buurt of each point is found with
// areas::Locate), schedules, areas served, phones and contacts. Errors: kInvalid (name empty,
// unknown party, unknown vocabulary code, latitude/longitude outside WGS84 or only one of them,
// minimum_age > maximum_age, a schedule that is not understood, ...), kNotFound (party).
Result<Service> CreateService(store::Db& db, const accounts::Principal& who, const Service& service);
Result<Service> UpdateService(store::Db& db, const accounts::Principal& who, const Service& service);
Result<Service> VerifyService(store::Db& db, const accounts::Principal& who, const std::string& id,
                              const std::string& source = {});
Result<Service> ArchiveService(store::Db& db, const accounts::Principal& who, const std::string& id,
                               bool archived = true);
Result<Service> GetService(store::Db& db, const std::string& id);  // kNotFound
Result<std::vector<Service>> ServicesOfParty(store::Db& db, const std::string& party_id, bool include_archived = false);

// --- Trust ------------------------------------------------------------------------------------
// The history of a party or service (and of its locations, contacts, phones), newest first.
Result<std::vector<Change>> History(store::Db& db, const std::string& resource_id);

// What to re-check: active parties and services not verified since `today` minus
// kOutdatedAfterMonths (or never), oldest first. `today` is YYYY-MM-DD ("" = the current date).
struct RecheckItem {
  std::string resource_type;  // "organization" or "service"
  std::string id;
  std::string name;
  std::string party_name;    // for a service
  std::string assured_date;  // "" = never verified
};
Result<std::vector<RecheckItem>> RecheckList(store::Db& db, const std::string& today = {});

// --- Likely duplicates (ADR 13) ---------------------------------------------------------------
// Parties already on the map that are probably the same as `candidate`: same normalised phone
// number (digits only, +31/0031 -> 0), same postcode + house number of a location of one of its
// services, or a name whose trigram similarity (Jaccard of the 3-grams of the folded, padded
// name) is at least kDuplicateNameSimilarity. Best match first, each with its reason in Dutch.
inline constexpr double kDuplicateNameSimilarity = 0.6;
struct DuplicateCandidate {
  std::string party_id;
  std::string name;
  std::string reason;  // "Zelfde telefoonnummer 030 123 45 67", "Naam lijkt erop (72%)"
  double score = 0;    // 1 for phone/address, the similarity for names
};
Result<std::vector<DuplicateCandidate>> LikelyDuplicates(store::Db& db, const Party& candidate,
                                                         const std::vector<Location>& locations = {});
// Trigram similarity of two names in [0, 1] (exposed for tests and the duplicate rule).
double NameSimilarity(std::string_view a, std::string_view b);
// Digits only, a leading +31 or 0031 becomes 0: "+31 (0)30-1234567" -> "0301234567".
std::string NormalisePhone(std::string_view number);

// --- The area's social map --------------------------------------------------------------------
// Active parties and services located in the area (a location's buurt is the area or lies in it)
// or serving it (an area served is the area, one of its ancestors or one of its descendants).
struct AreaSocialMap {
  std::vector<Party> parties;
  std::vector<Service> services;
};
Result<AreaSocialMap> SocialMapOfArea(store::Db& db, const std::string& area_code);

// --- Publication ------------------------------------------------------------------------------
// Whether the beheerder published the social map (then /hsds/ is open without login).
Result<bool> IsPublished(store::Db& db);
// Needs Action::kManageSocialMap.
Result<void> SetPublished(store::Db& db, const accounts::Principal& who, bool published);

}  // namespace wk::socialmap
