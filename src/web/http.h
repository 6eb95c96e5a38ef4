// Our own small HTTP types. libmicrohttpd stays inside mhd_server.cc; nothing else sees its C API.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/accounts/principal.h"

namespace wk::web {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };
std::string_view MethodName(Method m);

struct Request {
  Method method = Method::kGet;
  std::string path;  // decoded path, without query
  std::string raw_query;
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // names lower-cased
  std::map<std::string, std::string> cookies;
  std::multimap<std::string, std::string> form;  // application/x-www-form-urlencoded or multipart fields
  std::string body;                              // raw body (JSON requests); empty for forms
  std::string remote_address;
  bool https = false;                         // served over TLS, directly or via the trusted proxy
  std::map<std::string, std::string> params;  // path parameters from the route pattern
  std::string request_id;                     // short id, in the access log and on the 500 page

  // Set by the auth middleware: the logged-in principal, the session's CSRF token.
  std::optional<accounts::Principal> principal;
  std::string csrf_token;
  std::string session_token_hash;
  bool via_api_token = false;

  std::string Header(std::string_view name) const;  // lower-case name; "" if absent
  std::optional<std::string> Query(std::string_view name) const;
  std::optional<std::string> Form(std::string_view name) const;
  std::string Param(std::string_view name) const;
  std::optional<std::int64_t> IntParam(std::string_view name) const;
  bool WantsJson() const;  // API path or Accept: application/json
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  // Set instead of `body` for bytes that live as long as the program (embedded assets): sent
  // without copying.
  std::string_view static_body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie may repeat)

  static Response Html(std::string body, int status = 200);
  static Response Json(std::string body, int status = 200);
  static Response Text(std::string body, int status = 200);
  static Response Redirect(std::string location, int status = 303);
  Response& Header(std::string name, std::string value);
};

using Handler = std::function<Response(Request&)>;
using Next = std::function<Response(Request&)>;
// Middleware sees the request before the handler and the response after it.
using Middleware = std::function<Response(Request&, const Next&)>;

}  // namespace wk::web
