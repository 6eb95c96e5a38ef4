// Template data of the social map's read pages: a party, a service, their verification and
// history, the points for the map, and the Sociale kaart tab of the area page.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"
#include "wk/socialmap/socialmap.h"

namespace wk::store {
class Db;
}

namespace wk::web {

std::string PartyHref(const std::string& id);    // "/sociale-kaart/partij/<id>"
std::string ServiceHref(const std::string& id);  // "/sociale-kaart/dienst/<id>"

// {text, outdated, never}: "Laatst gecontroleerd op 3 december 2026 door anna." or "Nog nooit
// gecontroleerd."; outdated marks "Mogelijk verouderd".
nlohmann::json VerificationJson(const socialmap::Verification& v);

// Rows of the history table: {date, by, field, old, new}, newest first as given.
nlohmann::json HistoryJson(const std::vector<socialmap::Change>& changes);

// [{label, description}] of vocabulary codes of one taxonomy (unknown codes as they are).
nlohmann::json TermsJson(std::string_view taxonomy, const std::vector<std::string>& codes);

// "Nederlands" for "nl"; the code itself when not in the small table of languages.
std::string LanguageName(std::string_view code);

// [{code, name, href}] of area codes; an unknown code keeps its code as its name.
Result<nlohmann::json> AreaLinksJson(store::Db& db, const std::vector<std::string>& codes);

// A list row of a party: {id, name, href, kind, formal, archived, outdated, ...}.
nlohmann::json PartyRowJson(const socialmap::Party& p);
// A list row of a service: {id, name, href, party_name, party_href, status, address, laws, ...}.
nlohmann::json ServiceRowJson(const socialmap::Service& s);

// The whole party page's details (not its services or history).
Result<nlohmann::json> PartyJson(store::Db& db, const socialmap::Party& p);
// The whole service page's details (not its history).
Result<nlohmann::json> ServiceJson(store::Db& db, const socialmap::Service& s);

// The map of a page (socialmap.js): the points of the services' locations with a name, address
// and link, and the outlines of the buurten they lie in (plus `extra_area`, e.g. the area of the
// tab). {points (JSON text), areas (JSON text of geometry URLs), has_points}.
nlohmann::json MapJson(const std::vector<socialmap::Service>& services, const std::string& extra_area = {});

// The Sociale kaart tab of the area page: parties and services active in or serving the area,
// their map, and the link to the search of this area.
Result<nlohmann::json> SocialMapTabJson(store::Db& db, const std::string& area_code, const std::string& area_name);

}  // namespace wk::web
