// What the profile API and the report pages share: a database read in one snapshot, downloads
// with their file names, and the content types of the exports.
#pragma once

#include <string>
#include <string_view>

#include "app.h"
#include "problem.h"
#include "wk/reports/csv.h"

namespace wk::web {

inline constexpr const char* kCsvType = "text/csv; charset=utf-8; header=present";
inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kSvgType = "image/svg+xml; charset=utf-8";

// `body` as an attachment named `file_name` (ASCII: area codes, indicator codes, years).
Response Download(std::string body, std::string_view content_type, const std::string& file_name);

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

// "profiel-BU03440301-2024-plain.csv" for the plain variant, the name unchanged for Excel's.
std::string CsvFileName(std::string name, reports::CsvVariant variant);

}  // namespace wk::web
