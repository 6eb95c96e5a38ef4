// Mustache templates (web/templates/*.mustache, compiled in). Logic-less, HTML-escaped by default.
// Handlers build an nlohmann::json and render a named template into the page layout.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "http.h"

namespace wk::web {

// Renders templates/<name>.mustache with `data`. Every template is also available as a partial
// ({{> name}}). Throws std::runtime_error on an unknown template or a template syntax error (a bug).
std::string RenderTemplate(std::string_view name, const nlohmann::json& data);

// Renders `name` inside layout.mustache: title, navigation for the logged-in user, CSRF token
// (as {{csrf}} for forms), flash message. `data` is the page's own data.
Response RenderPage(const Request& request, const std::string& title, std::string_view name, const nlohmann::json& data,
                    int status = 200);

}  // namespace wk::web
