#include "router.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

Response Echo(Request& req) {
  std::string out;
  for (const auto& [k, v] : req.params) out += k + "=" + v + ";";
  return Response::Text(out);
}

struct RouteCase {
  Method method;
  const char* path;
  int status;
  const char* body;
};

TEST(Router, MatchesPatternsWithTypedParameters) {
  Router r;
  r.Get("/gebied/{code}", Access::Public(), Echo);
  r.Get("/api/v1/users/{id:int}", Access::Public(), Echo);
  r.Post("/api/v1/users/{id:int}/disable", Access::Public(), Echo);
  r.Get("/", Access::Public(), [](Request&) { return Response::Text("home"); });
  const RouteCase cases[] = {
      {Method::kGet, "/", 200, "home"},
      {Method::kGet, "/gebied/WK034403", 200, "code=WK034403;"},
      {Method::kGet, "/gebied/WK034403/", 200, "code=WK034403;"},
      {Method::kHead, "/gebied/GM0344", 200, "code=GM0344;"},
      {Method::kGet, "/api/v1/users/12", 200, "id=12;"},
      {Method::kGet, "/api/v1/users/abc", 404, nullptr},
      {Method::kPost, "/api/v1/users/12/disable", 200, "id=12;"},
      {Method::kGet, "/api/v1/users/12/disable", 405, nullptr},
      {Method::kGet, "/bestaat/niet", 404, nullptr},
  };
  for (const auto& c : cases) {
    Request req;
    req.method = c.method;
    req.path = c.path;
    Response resp = r.Dispatch(req);
    EXPECT_EQ(resp.status, c.status) << c.path;
    if (c.body != nullptr) {
      EXPECT_EQ(resp.body, c.body) << c.path;
    }
  }
}

TEST(Router, NotFoundOnTheApiIsAProblemDocument) {
  Router r;
  Request req;
  req.path = "/api/v1/nothing";
  Response resp = r.Dispatch(req);
  EXPECT_EQ(resp.status, 404);
  EXPECT_EQ(resp.content_type, "application/problem+json");
  EXPECT_NE(resp.body.find("\"status\":404"), std::string::npos);
}

TEST(Router, MiddlewareWrapsHandlersInOrder) {
  Router r;
  r.Use([](Request& req, const Next& next) {
    Response resp = next(req);
    resp.body = "[" + resp.body + "]";
    return resp;
  });
  r.Use([](Request& req, const Next& next) {
    Response resp = next(req);
    resp.body = "(" + resp.body + ")";
    return resp;
  });
  r.Get("/x", Access::Public(), [](Request&) { return Response::Text("x"); });
  Request req;
  req.path = "/x";
  EXPECT_EQ(r.Dispatch(req).body, "[(x)]");
}

}  // namespace
}  // namespace wk::web
