// Shared by the social map's pages (socialmap_pages.cc: overview, re-check list, parties;
// socialmap_service_pages.cc: services). Private to those files and the area page's tab.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app.h"
#include "socialmap_forms.h"
#include "wk/core/error.h"

namespace wk::web {

// Registered by RegisterSocialMapPages.
void RegisterSocialMapServicePages(Router& router, App& app);

// The areas the area picker offers: the user's team areas with their wijken and buurten, or,
// without teams, the gemeenten (with their wijken and buurten when there are at most three, as in
// the demo). At most a few thousand.
Result<std::vector<AreaChoice>> AreaChoicesFor(store::Db& db, const accounts::Principal& who);

// data["flash"] for a known ?gelukt=<code> of the social map's pages (fixed texts only).
void AddSocialMapFlash(nlohmann::json& data, const Request& req);

// Whether the logged-in user may edit (kEditSocialMap) or manage (kManageSocialMap) the social map.
bool CanEditSocialMap(const Request& req);
bool CanManageSocialMap(const Request& req);

// Tile layer data for a map element ({tile_url, tile_attribution}), empty without a tile server.
nlohmann::json TileJson(const App& app);

// The posted form without the CSRF token.
FormValues PostedValues(const Request& req);

// Where a button that acts and comes back should go: the posted "terug" when it is a local path,
// else `fallback`; `flash` is added as ?gelukt=.
std::string BackTo(const Request& req, const std::string& fallback, std::string_view flash);

}  // namespace wk::web
