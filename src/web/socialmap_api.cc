// Our own API of the social map, /api/v1/socialmap/... (issue 4, ADR 13): parties and services
// (list, create, read, replace, verify, archive), their history, the re-check list, search with the
// filters of socialmap::SearchQuery, and whether the social map is published. web/openapi.json
// describes it; tests/integration/socialmap_api.test.mjs checks the answers against it.
//
// Thin adapters over socialmap.h and search.h: parse, call the use case, map the result. Auth as
// every /api/v1/ route (API token, or session cookie with the CSRF token for writes).
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "app.h"
#include "cached_read.h"
#include "problem.h"
#include "socialmap_api_json.h"
#include "wk/core/text.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::web {
namespace {

using nlohmann::json;
namespace sm = socialmap;

constexpr int kMaxPerPage = 100;
constexpr std::string_view kBase = "/api/v1/socialmap";

// An error of a use case, with the field named as the JSON member.
Response ApiError(const Request& req, Error error) {
  error.field = ApiField(error.field);
  return ErrorResponse(req, error);
}

// Runs a writing use case `fn(db) -> Result<json>` on a leased connection (the use case opens its
// own transaction); `status` for success (200, or 201 with a Location for creation).
template <class Fn>
Response Write(App& app, Request& req, int status, Fn&& fn) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  Result<json> r = fn(lease->db());
  if (!r) return ApiError(req, r.error());
  Response resp = Response::Json(r->dump(), status);
  if (status == 201) resp.Header("Location", std::string(req.path) + "/" + r->value("id", ""));
  return resp;
}

// Runs a reading `fn(db) -> Result<json>` (or Result<std::string> of JSON text) in a read snapshot.
template <class Fn>
Response Read(App& app, Request& req, Fn&& fn) {
  return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
    auto r = fn(db);
    if (!r) {
      Error e = r.error();
      e.field = ApiField(e.field);
      return Fail(std::move(e));
    }
    if constexpr (std::is_same_v<std::decay_t<decltype(*r)>, std::string>) {
      return Response::Json(std::move(*r));
    } else {
      return Response::Json(r->dump());
    }
  });
}

Result<int> IntQuery(const Request& req, std::string_view name, int fallback, int min, int max) {
  auto raw = req.Query(name);
  if (!raw || text::Trim(*raw).empty()) return fallback;
  auto n = text::ParseInt(*raw);
  if (!n || *n < min || *n > max) {
    return Fail(ErrorCode::kInvalid,
                std::string(name) + " moet een geheel getal van " + std::to_string(min) + " tot en met " +
                    std::to_string(max) + " zijn.",
                std::string(name));
  }
  return static_cast<int>(*n);
}

Result<std::optional<bool>> BoolQuery(const Request& req, std::string_view name) {
  auto raw = req.Query(name);
  if (!raw || raw->empty()) return std::optional<bool>();
  if (*raw == "true") return std::optional<bool>(true);
  if (*raw == "false") return std::optional<bool>(false);
  return Fail(ErrorCode::kInvalid, std::string(name) + " moet true of false zijn.", std::string(name));
}

struct Paging {
  int page = 1;
  int per_page = 20;
};
Result<Paging> PagingOf(const Request& req) {
  auto page = IntQuery(req, "page", 1, 1, 100000);
  if (!page) return Fail(page.error());
  auto per_page = IntQuery(req, "per_page", 20, 1, kMaxPerPage);
  if (!per_page) return Fail(per_page.error());
  return Paging{*page, *per_page};
}

// All values of a repeatable parameter, each also split on commas: ?law=wmo&law=zvw or ?law=wmo,zvw.
std::vector<std::string> Values(const Request& req, std::string_view name) {
  std::vector<std::string> out;
  auto [from, to] = req.query.equal_range(std::string(name));
  for (auto it = from; it != to; ++it) {
    for (const auto& part : text::Split(it->second, ',')) {
      std::string v(text::Trim(part));
      if (!v.empty()) out.push_back(std::move(v));
    }
  }
  return out;
}

// Vocabulary codes of one taxonomy, appended to `into`; kInvalid naming the parameter otherwise.
Result<void> Codes(const Request& req, std::string_view name, std::string_view taxonomy,
                   std::vector<std::string>& into) {
  for (auto& code : Values(req, name)) {
    if (sm::FindTerm(taxonomy, code) == nullptr) {
      return Fail(ErrorCode::kInvalid, "Onbekende waarde '" + code + "' voor " + std::string(name) + ".",
                  std::string(name));
    }
    into.push_back(std::move(code));
  }
  return {};
}

// The search of GET /services: q (a need in plain words, through ParseNeed), text (plain full
// text), then the explicit filters on top. The answer as JSON text.
Result<std::string> SearchServices(store::Db& db, const Request& req) {
  auto paging = PagingOf(req);
  if (!paging) return Fail(paging.error());
  sm::SearchQuery q;
  std::vector<sm::MatchReason> understood;
  const std::string need(text::Trim(req.Query("q").value_or("")));
  if (!need.empty()) {
    auto parsed = sm::ParseNeed(db, need);
    if (!parsed) return Fail(parsed.error());
    q = std::move(parsed->query);
    understood = std::move(parsed->understood);
  }
  if (auto t = std::string(text::Trim(req.Query("text").value_or(""))); !t.empty()) {
    q.text = q.text.empty() ? t : q.text + " " + t;
  }
  if (auto r = Codes(req, "domain", sm::kDomainTaxonomy, q.domains); !r) return Fail(r.error());
  if (auto r = Codes(req, "law", sm::kLawTaxonomy, q.laws); !r) return Fail(r.error());
  if (auto r = Codes(req, "target_group", sm::kTargetGroupTaxonomy, q.target_groups); !r) return Fail(r.error());
  if (auto r = Codes(req, "access_route", sm::kAccessTaxonomy, q.access_routes); !r) return Fail(r.error());
  auto formal = BoolQuery(req, "formal");
  if (!formal) return Fail(formal.error());
  if (*formal) q.formal = *formal;
  if (auto area = req.Query("area"); area && !area->empty()) q.area_served = std::string(text::Trim(*area));
  if (req.Query("age").has_value()) {
    auto age = IntQuery(req, "age", 0, 0, 130);
    if (!age) return Fail(age.error());
    q.age = *age;
  }
  if (auto at = req.Query("open_at"); at && !at->empty()) {
    auto t = sm::ParseLocalTime(*at);
    if (!t) return Fail(ErrorCode::kInvalid, "open_at moet een tijdstip zijn als 2026-12-01T10:30.", "open_at");
    q.open_at = *t;
  }
  if (auto near = req.Query("near"); near && !near->empty()) {
    auto parts = text::Split(*near, ',');
    std::optional<double> lat, lon;
    if (parts.size() == 2) lat = text::ParseDouble(parts[0]), lon = text::ParseDouble(parts[1]);
    if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
      return Fail(ErrorCode::kInvalid, "near moet 'breedtegraad,lengtegraad' zijn (WGS84), zoals 52.09,5.12.", "near");
    }
    q.near_lat = lat;
    q.near_lon = lon;
  }
  if (auto area = req.Query("near_area"); area && !area->empty()) q.near_area = std::string(text::Trim(*area));
  if (auto radius = req.Query("radius_km"); radius && !radius->empty()) {
    auto km = text::ParseDouble(*radius);
    if (!km || *km <= 0 || *km > 300) {
      return Fail(ErrorCode::kInvalid, "radius_km moet een getal groter dan 0 en hoogstens 300 zijn.", "radius_km");
    }
    q.radius_km = *km;
  }
  q.limit = paging->per_page;
  q.offset = (paging->page - 1) * paging->per_page;
  auto found = sm::Search(db, q);
  if (!found) return Fail(found.error());
  return SearchAnswerJsonText(*found, paging->page, paging->per_page, understood);
}

Result<json> ListParties(store::Db& db, const Request& req) {
  auto paging = PagingOf(req);
  if (!paging) return Fail(paging.error());
  sm::PartyFilter f;
  f.name_contains = std::string(text::Trim(req.Query("q").value_or("")));
  if (auto kind = req.Query("kind"); kind && !kind->empty()) {
    f.kind = sm::ParsePartyKind(*kind);
    if (!f.kind) {
      return Fail(ErrorCode::kInvalid, "kind moet organisatie, initiatief, informele-groep of sleutelfiguur zijn.",
                  "kind");
    }
  }
  f.area_code = std::string(text::Trim(req.Query("area").value_or("")));
  auto archived = BoolQuery(req, "include_archived");
  if (!archived) return Fail(archived.error());
  f.include_archived = archived->value_or(false);
  f.limit = paging->per_page;
  f.offset = (paging->page - 1) * paging->per_page;
  auto parties = sm::ListParties(db, f);
  if (!parties) return Fail(parties.error());
  json items = json::array();
  for (const auto& p : *parties) items.push_back(PartyJson(p));
  return json{{"page", paging->page}, {"per_page", paging->per_page}, {"items", std::move(items)}};
}

// The optional body of verify: {"source": "..."}.
Result<std::string> SourceOf(const Request& req) {
  auto body = JsonBody(req.body);
  if (!body) return Fail(body.error());
  auto it = body->find("source");
  if (it == body->end() || it->is_null()) return std::string();
  if (!it->is_string()) return Fail(ErrorCode::kInvalid, "source moet tekst zijn.", "source");
  return it->get<std::string>();
}

// The optional body of archive: {"archived": true|false}, true when absent.
Result<bool> ArchivedOf(const Request& req) {
  auto body = JsonBody(req.body);
  if (!body) return Fail(body.error());
  auto it = body->find("archived");
  if (it == body->end() || it->is_null()) return true;
  if (!it->is_boolean()) return Fail(ErrorCode::kInvalid, "archived moet true of false zijn.", "archived");
  return it->get<bool>();
}

json Changes(const std::vector<sm::Change>& changes) {
  json items = json::array();
  for (const auto& c : changes) items.push_back(ChangeJson(c));
  return json{{"changes", std::move(items)}};
}

void RegisterPartyRoutes(Router& router, App& app, const Access& read, const Access& edit) {
  const std::string base = std::string(kBase) + "/parties";
  router.Get(base, read,
             [&app](Request& req) { return Read(app, req, [&](store::Db& db) { return ListParties(db, req); }); });
  router.Post(base, edit, [&app](Request& req) {
    return Write(app, req, 201, [&](store::Db& db) -> Result<json> {
      auto body = JsonBody(req.body);
      if (!body) return Fail(body.error());
      auto party = PartyFromJson(*body);
      if (!party) return Fail(party.error());
      auto created = sm::CreateParty(db, *req.principal, *party);
      if (!created) return Fail(created.error());
      return PartyJson(*created);
    });
  });
  router.Get(base + "/{id}", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto p = sm::GetParty(db, req.Param("id"));
      if (!p) return Fail(p.error());
      return PartyJson(*p);
    });
  });
  router.Add(Method::kPut, base + "/{id}", edit, [&app](Request& req) {
    return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
      auto body = JsonBody(req.body);
      if (!body) return Fail(body.error());
      auto party = PartyFromJson(*body);
      if (!party) return Fail(party.error());
      party->id = req.Param("id");
      auto updated = sm::UpdateParty(db, *req.principal, *party);
      if (!updated) return Fail(updated.error());
      return PartyJson(*updated);
    });
  });
  router.Post(base + "/{id}/verify", edit, [&app](Request& req) {
    return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
      auto source = SourceOf(req);
      if (!source) return Fail(source.error());
      auto p = sm::VerifyParty(db, *req.principal, req.Param("id"), *source);
      if (!p) return Fail(p.error());
      return PartyJson(*p);
    });
  });
  router.Post(base + "/{id}/archive", edit, [&app](Request& req) {
    return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
      auto archived = ArchivedOf(req);
      if (!archived) return Fail(archived.error());
      auto p = sm::ArchiveParty(db, *req.principal, req.Param("id"), *archived);
      if (!p) return Fail(p.error());
      return PartyJson(*p);
    });
  });
  router.Get(base + "/{id}/history", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto p = sm::GetParty(db, req.Param("id"));
      if (!p) return Fail(p.error());
      auto h = sm::History(db, p->id);
      if (!h) return Fail(h.error());
      return Changes(*h);
    });
  });
  router.Get(base + "/{id}/services", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto archived = BoolQuery(req, "include_archived");
      if (!archived) return Fail(archived.error());
      auto p = sm::GetParty(db, req.Param("id"));
      if (!p) return Fail(p.error());
      auto services = sm::ServicesOfParty(db, p->id, archived->value_or(false));
      if (!services) return Fail(services.error());
      json items = json::array();
      for (const auto& s : *services) items.push_back(ServiceJson(s));
      return json{{"items", std::move(items)}};
    });
  });
}

void RegisterServiceRoutes(Router& router, App& app, const Access& read, const Access& edit) {
  const std::string base = std::string(kBase) + "/services";
  router.Get(base, read,
             [&app](Request& req) { return Read(app, req, [&](store::Db& db) { return SearchServices(db, req); }); });
  router.Post(base, edit, [&app](Request& req) {
    return Write(app, req, 201, [&](store::Db& db) -> Result<json> {
      auto body = JsonBody(req.body);
      if (!body) return Fail(body.error());
      auto service = ServiceFromJson(*body);
      if (!service) return Fail(service.error());
      auto created = sm::CreateService(db, *req.principal, *service);
      if (!created) return Fail(created.error());
      return ServiceJson(*created);
    });
  });
  router.Get(base + "/{id}", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto s = sm::GetService(db, req.Param("id"));
      if (!s) return Fail(s.error());
      return ServiceJson(*s);
    });
  });
  router.Add(Method::kPut, base + "/{id}", edit, [&app](Request& req) {
    return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
      auto body = JsonBody(req.body);
      if (!body) return Fail(body.error());
      auto service = ServiceFromJson(*body);
      if (!service) return Fail(service.error());
      service->id = req.Param("id");
      auto updated = sm::UpdateService(db, *req.principal, *service);
      if (!updated) return Fail(updated.error());
      return ServiceJson(*updated);
    });
  });
  router.Post(base + "/{id}/verify", edit, [&app](Request& req) {
    return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
      auto source = SourceOf(req);
      if (!source) return Fail(source.error());
      auto s = sm::VerifyService(db, *req.principal, req.Param("id"), *source);
      if (!s) return Fail(s.error());
      return ServiceJson(*s);
    });
  });
  router.Post(base + "/{id}/archive", edit, [&app](Request& req) {
    return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
      auto archived = ArchivedOf(req);
      if (!archived) return Fail(archived.error());
      auto s = sm::ArchiveService(db, *req.principal, req.Param("id"), *archived);
      if (!s) return Fail(s.error());
      return ServiceJson(*s);
    });
  });
  router.Get(base + "/{id}/history", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto s = sm::GetService(db, req.Param("id"));
      if (!s) return Fail(s.error());
      auto h = sm::History(db, s->id);
      if (!h) return Fail(h.error());
      return Changes(*h);
    });
  });
}

}  // namespace

void RegisterSocialMapApiRoutes(Router& router, App& app) {
  const Access read = Access::Needs(accounts::Action::kReadSocialMap);
  const Access edit = Access::Needs(accounts::Action::kEditSocialMap);
  RegisterPartyRoutes(router, app, read, edit);
  RegisterServiceRoutes(router, app, read, edit);

  router.Get(std::string(kBase) + "/recheck", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto items = sm::RecheckList(db, std::string(text::Trim(req.Query("today").value_or(""))));
      if (!items) return Fail(items.error());
      json list = json::array();
      for (const auto& i : *items) list.push_back(RecheckJson(i));
      return json{{"items", std::move(list)}};
    });
  });

  // Whether /hsds/ is open without login; changing it needs kManageSocialMap.
  router.Get(std::string(kBase) + "/publication", read, [&app](Request& req) {
    return Read(app, req, [&](store::Db& db) -> Result<json> {
      auto published = sm::IsPublished(db);
      if (!published) return Fail(published.error());
      return json{{"published", *published}};
    });
  });
  router.Add(Method::kPut, std::string(kBase) + "/publication", Access::Needs(accounts::Action::kManageSocialMap),
             [&app](Request& req) {
               return Write(app, req, 200, [&](store::Db& db) -> Result<json> {
                 auto body = JsonBody(req.body);
                 if (!body) return Fail(body.error());
                 auto it = body->find("published");
                 if (it == body->end() || !it->is_boolean()) {
                   return Fail(ErrorCode::kInvalid, "published moet true of false zijn.", "published");
                 }
                 if (auto r = sm::SetPublished(db, *req.principal, it->get<bool>()); !r) return Fail(r.error());
                 return json{{"published", it->get<bool>()}};
               });
             });
}

}  // namespace wk::web
