// Reads in one database snapshot: WithReadSnapshot, and CachedRead for answers kept in a ReadCache
// (read_cache.h). Private to the web module.
#pragma once

#include <string>

#include "app.h"
#include "problem.h"
#include "read_cache.h"
#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::web {

// Runs `fn(db)` on a leased connection inside one read snapshot (one consistent view for all its
// queries); an error of the lease, the snapshot or `fn` becomes the error answer.
template <class Fn>
Response WithReadSnapshot(App& app, Request& req, Fn&& fn) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto snapshot = store::ReadTransaction::Begin(lease->db());
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  Result<Response> r = fn(lease->db());
  if (!r) return ErrorResponse(req, r.error());
  return std::move(*r);
}

// Runs `fn(db) -> Result<Response>` in one read snapshot, through `cache` (read_cache.h): `key` names the answer
// completely (route, normalised code, the query parameters the route reads). Only plain 200
// answers are kept; errors are computed every time.
template <class Fn>
Response CachedRead(App& app, ReadCache& cache, Request& req, const std::string& key, Fn&& fn) {
  if (auto hit = cache.Find(key)) {
    Response r = Response::Json(std::move(hit->body));
    r.content_type = std::move(hit->content_type);
    return r;
  }
  ReadCache::Stamp stamp;
  stamp.local = areas::ImportsCommittedHere();  // before the snapshot: see read_cache.h
  return WithReadSnapshot(app, req, [&](store::Db& db) -> Result<Response> {
    auto generation = areas::DataGeneration(db);  // first read: the answer's own snapshot
    if (!generation) return Fail(generation.error());
    stamp.generation = *generation;
    Result<Response> r = fn(db);
    if (r && r->status == 200 && r->headers.empty() && r->static_body.empty()) {
      cache.Store(key, stamp, ReadCache::Answer{r->content_type, r->body});
    }
    return r;
  });
}

}  // namespace wk::web
