// The social map's model (issue 4, ADR 13): parties and the services they offer, modelled on Open
// Referral HSDS 3.0. Field names follow HSDS where HSDS has the field; what HSDS lacks (party kind,
// formal, areas served, source, consent of key figures) is ours and travels as HSDS attributes.
//
// Vocabulary values (domains, laws, access routes, target groups) are the `code`s of the terms of
// the project taxonomies (vocabulary.h): "wmo", "via-huisarts", "ouderen".
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace wk::socialmap {

enum class PartyKind { kOrganisatie, kInitiatief, kInformeleGroep, kSleutelfiguur };
std::string_view PartyKindCode(PartyKind kind);                  // "organisatie", "informele-groep", ...
std::string_view PartyKindLabel(PartyKind kind);                 // Dutch UI label: "Informele groep"
std::optional<PartyKind> ParsePartyKind(std::string_view code);  // inverse of PartyKindCode

// A phone number of a party or service. `number` as typed ("030 123 45 67").
struct Phone {
  std::string id;  // HSDS id; empty when new
  std::string number;
  std::string description;  // "Algemeen", "Spoed", ...
};

// A contact role of a party or service: a function, not a resident's private details.
struct Contact {
  std::string id;
  std::string name;  // may be a role name ("Coördinator vrijwilligers")
  std::string title;
  std::string email;
};

// Consent of a key figure (sleutelfiguur) to be on the social map.
struct Consent {
  std::string date;      // YYYY-MM-DD the consent was given
  std::string purpose;   // what it was given for ("contact over buurtactiviteiten")
  bool publish = false;  // may appear in exports and /hsds/
};

// Trust of an entry: where it comes from and when it was last checked.
struct Verification {
  std::string source;        // "Website gemeente Utrecht", "Gesprek met coördinator", ...
  std::string assured_date;  // YYYY-MM-DD last verified, "" = never
  std::string assurer;       // who verified (HSDS assurer_email: email or user name)
  bool outdated = false;     // not verified for 12 months (or never): "mogelijk verouderd"
};

struct Party {
  std::string id;  // HSDS organization id (UUID); empty when new
  std::string name;
  std::string alternate_name;
  std::string description;
  PartyKind kind = PartyKind::kOrganisatie;
  bool formal = true;
  std::string website;
  std::string email;
  std::vector<Phone> phones;
  std::vector<Contact> contacts;
  std::vector<std::string> domains;       // vocabulary codes of wijkkompas-domein
  std::vector<std::string> areas_served;  // CBS area codes
  std::optional<Consent> consent;         // key figures only (required for them)
  Verification verification;
  bool archived = false;
  std::string created_at, updated_at;  // ISO 8601 UTC
};

// Where a service is offered: a location with address, WGS84 point and the buurt it lies in.
struct Location {
  std::string id;  // HSDS location id
  std::string name;
  std::string address_1;    // street and number
  std::string postal_code;  // "3581 KP"
  std::string city;
  std::string province;  // HSDS state_province ("Utrecht"): HSDS requires it, so it is required with an address
  std::optional<double> latitude, longitude;  // WGS84
  std::string area_code;                      // buurt from the point (read only; set by the use cases)
  std::string transportation;                 // how to get there ("Bus 3, halte Vechtplein")
};

// An opening time or recurring session (RFC 5545 as HSDS splits it).
struct Schedule {
  std::string id;
  std::string freq;  // "WEEKLY", "DAILY", "MONTHLY"
  int interval = 1;
  std::string byday;                 // "MO,WE" or "1MO,-1FR" (MONTHLY)
  std::string bymonthday;            // "1,15"
  std::string opens_at;              // "09:00"
  std::string closes_at;             // "12:00"
  std::string valid_from, valid_to;  // YYYY-MM-DD, "" = open-ended
  std::string dtstart;               // YYYY-MM-DD, anchor for interval > 1
  std::string description;           // "Elke dinsdagochtend inloop"
  std::string location_id;           // where (one of the service's locations), "" = all of them
};

enum class ServiceStatus { kActive, kInactive, kDefunct, kTemporarilyClosed };
std::string_view ServiceStatusCode(ServiceStatus s);   // HSDS: "active", "inactive", "defunct", "temporarily closed"
std::string_view ServiceStatusLabel(ServiceStatus s);  // "Actief", "Niet actief", "Opgeheven", "Tijdelijk gesloten"
std::optional<ServiceStatus> ParseServiceStatus(std::string_view code);

struct Service {
  std::string id;          // HSDS service id; empty when new
  std::string party_id;    // HSDS organization_id
  std::string party_name;  // read only
  std::string name;
  std::string alternate_name;
  std::string description;
  std::vector<std::string> target_groups;  // vocabulary codes of wijkkompas-doelgroep
  std::vector<std::string> domains;        // wijkkompas-domein
  std::vector<std::string> laws;           // wijkkompas-wet; empty = no law finances it
  std::vector<std::string> access_routes;  // wijkkompas-toegang
  std::string eligibility;                 // HSDS eligibility_description
  std::optional<int> minimum_age, maximum_age;
  std::string cost;                 // HSDS fees_description ("Gratis", "€ 2,50 per keer")
  std::string application_process;  // how to apply
  std::string wait_time;
  std::vector<std::string> languages;  // ISO 639-1 codes: "nl", "ar", "tr"
  std::string url, email;
  ServiceStatus status = ServiceStatus::kActive;
  std::vector<Location> locations;
  std::vector<Schedule> schedules;
  std::vector<std::string> areas_served;  // CBS codes (HSDS service_area, extent_type wijkkompas-gebied)
  std::vector<Phone> phones;
  std::vector<Contact> contacts;
  Verification verification;
  bool archived = false;
  std::string created_at, updated_at;
};

// One change of one field (HSDS metadata).
struct Change {
  std::string resource_id;
  std::string resource_type;  // "organization", "service", "location", ...
  std::string date;           // YYYY-MM-DD (HSDS last_action_date)
  std::string changed_at;     // ISO 8601 UTC when made in Wijkkompas, "" when imported
  std::string action;         // "create", "update", "verify", "archive", "import"
  std::string field;          // HSDS field name ("name", "fees_description", ...)
  std::string old_value, new_value;
  std::string by;  // user name, "cli:<user>" or the importer's name
};

}  // namespace wk::socialmap
