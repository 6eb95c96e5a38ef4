#include "problem.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

namespace wk::web {
namespace {

struct StatusCase {
  ErrorCode code;
  int status;
};

TEST(HttpStatus, MapsEveryErrorCodeToOneStatus) {
  const StatusCase cases[] = {
      {ErrorCode::kInvalid, 422},         {ErrorCode::kBadInput, 422},         {ErrorCode::kNotFound, 404},
      {ErrorCode::kUnauthenticated, 401}, {ErrorCode::kPermissionDenied, 403}, {ErrorCode::kConflict, 409},
      {ErrorCode::kTooManyRequests, 429}, {ErrorCode::kUnavailable, 503},      {ErrorCode::kInternal, 500},
  };
  for (const auto& c : cases) EXPECT_EQ(HttpStatus(c.code), c.status) << ErrorCodeName(c.code);
}

TEST(ErrorResponse, AnInternalErrorShowsAReferenceThatIsAlsoLogged) {
  std::ostringstream log;
  auto logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  Request req;
  req.path = "/gebied/GM0344";
  req.request_id = "5f3a9c01000042";
  Response page = ErrorResponse(req, Error{ErrorCode::kInternal, "sqlite: disk I/O error", {}, {}});
  spdlog::set_default_logger(previous);

  EXPECT_EQ(page.status, 500);
  EXPECT_NE(page.body.find("<code>5f3a9c01000042</code>"), std::string::npos);
  EXPECT_NE(page.body.find("Er ging iets mis aan onze kant"), std::string::npos);
  EXPECT_EQ(page.body.find("disk I/O error"), std::string::npos) << "internal details stay in the log";
  EXPECT_NE(log.str().find("5f3a9c01000042"), std::string::npos);
  EXPECT_NE(log.str().find("disk I/O error"), std::string::npos);
}

TEST(ErrorResponse, ApiErrorsAreProblemDocumentsWithTheField) {
  Request req;
  req.path = "/api/v1/areas/GM0344/indicators";
  Response r = ErrorResponse(req, Error{ErrorCode::kInvalid, "Het jaar moet een getal zijn.", "year", {}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_NE(r.body.find(R"("errors":[{"detail":"Het jaar moet een getal zijn.","field":"year"}])"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(R"("instance":"/api/v1/areas/GM0344/indicators")"), std::string::npos);
}

TEST(ErrorResponse, ForbiddenPagesExplainTheRoleInDutch) {
  Request req;
  req.path = "/beheer";
  Response r = ErrorResponse(req, Error{ErrorCode::kPermissionDenied, "Alleen een beheerder mag dit.", {}, {}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Geen toegang"), std::string::npos);
  EXPECT_NE(r.body.find("Uw rol geeft geen toegang tot deze pagina."), std::string::npos);
}

}  // namespace
}  // namespace wk::web
