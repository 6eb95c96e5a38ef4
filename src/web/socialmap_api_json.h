// The JSON of /api/v1/socialmap (schemas SocialMapParty, SocialMapService, ... in web/openapi.json):
// the model of wk/socialmap/model.h with English snake_case names, both ways. Private to web.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "wk/core/error.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"

namespace wk::web {

nlohmann::json PartyJson(const socialmap::Party& party);
nlohmann::json ServiceJson(const socialmap::Service& service);
// The same as text (what ServiceJson(service).dump() gives), written without building the tree.
std::string ServiceJsonText(const socialmap::Service& service);
nlohmann::json ChangeJson(const socialmap::Change& change);
nlohmann::json RecheckJson(const socialmap::RecheckItem& item);
// A search hit as JSON text (a json tree's dump() with its keys in order).
std::string HitJsonText(const socialmap::SearchHit& hit);
// The answer of GET /socialmap/services as JSON text: hits, page, per_page, total and how the
// need was read (understood). Written without building a tree: a third of the answer's time.
std::string SearchAnswerJsonText(const socialmap::SearchResult& found, int page, int per_page,
                                 const std::vector<socialmap::MatchReason>& understood);

// A request body as a party or service: the editable fields (read-only ones such as id,
// created_at or verification other than its source are ignored). kInvalid with `field` naming
// the JSON member ("phones[1].number") when a member has the wrong type or an unknown code.
Result<socialmap::Party> PartyFromJson(const nlohmann::json& body);
Result<socialmap::Service> ServiceFromJson(const nlohmann::json& body);

// The request body as a JSON object ({} when empty); kInvalid when it is not one.
Result<nlohmann::json> JsonBody(const std::string& body);

// The name of the JSON member for a field a use case names (the model's form field names).
std::string ApiField(std::string_view field);

}  // namespace wk::web
