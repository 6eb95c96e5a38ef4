// The profile of an area as JSON, the answer of GET /api/v1/areas/{code}/profile (schema Profile
// in web/openapi.json). Missing values and comparisons that cannot be made are null, never 0.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "wk/profile/profile.h"

namespace wk::web {

nlohmann::json ProfileJson(const profile::Profile& profile);

}  // namespace wk::web
