// Shared by the auth middleware and the account, admin and token pages/API: cookie names and
// attributes, the session policy from the server options, form state for templates.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app.h"
#include "wk/accounts/auth.h"
#include "wk/core/error.h"

namespace wk::web {

inline constexpr std::string_view kSessionCookie = "wk_session";
// Before login there is no session to hold the CSRF token: it lives in this cookie and is also
// sent in the form ("double submit"). A cross-site page can neither read nor set it.
inline constexpr std::string_view kPreSessionCsrfCookie = "wk_csrf";

accounts::SessionPolicy SessionPolicyOf(const ServeOptions& options);

// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure when the request came over HTTPS
// (directly or via the trusted proxy) or the server was told to. max_age 0 deletes the cookie;
// a negative max_age gives a cookie that lasts until the browser closes.
std::string CookieHeader(const Request& req, const App& app, std::string_view name, std::string_view value,
                         long long max_age_seconds);

// Where to go after login: `next` if it is a path on this site ("/gebied/GM0344?x=1"), else "/".
std::string SafeNext(std::string_view next);

// Percent-encodes a string for a query parameter.
std::string UrlEncode(std::string_view s);

// The state of one form for its template:
//   {"id": form_id, "values": {field: typed value}, "errors": {field: message},
//    "summary": [{"href": "#<form_id>-<field>", "message": ...}], "has_errors": bool}
// `keep` lists the fields whose typed values are shown again (never passwords). An error without a
// field is listed in the summary and points at the form itself.
nlohmann::json FormState(const Request& req, std::string_view form_id, std::initializer_list<std::string_view> keep,
                         const Error* error = nullptr);

// Sets data["flash"] to the confirmation for a known ?gelukt=<code> (fixed texts only, never
// echoed input); leaves it unset otherwise, so the layout shows no empty message box.
void AddFlash(nlohmann::json& data, const Request& req);

// Registered by RegisterAuthRoutes (auth_pages.cc).
void RegisterAdminRoutes(Router& router, App& app);    // admin_pages.cc: /beheer..., /auditlog
void RegisterAuthApiRoutes(Router& router, App& app);  // auth_api.cc: /api/v1/me, /api/v1/tokens

}  // namespace wk::web
