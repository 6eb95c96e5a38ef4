// What the profile API and the report pages share: downloads with their file names and the
// content types of the exports.
#pragma once

#include <string>
#include <string_view>

#include "app.h"
#include "cached_read.h"
#include "wk/reports/csv.h"

namespace wk::web {

inline constexpr const char* kCsvType = "text/csv; charset=utf-8; header=present";
inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kSvgType = "image/svg+xml; charset=utf-8";

// `body` as an attachment named `file_name` (ASCII: area codes, indicator codes, years).
Response Download(std::string body, std::string_view content_type, const std::string& file_name);

// "profiel-BU03440301-2024-plain.csv" for the plain variant, the name unchanged for Excel's.
std::string CsvFileName(std::string name, reports::CsvVariant variant);

}  // namespace wk::web
