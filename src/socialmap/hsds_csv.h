// The CSV of HSDS tabular data packages (ADR 13): a strict RFC 4180 reader and the one writer rule
// of our exports. Private to socialmap.
//
// Why not wk/core/csv.h or GDAL: HSDS text fields contain line breaks, and an export must read
// back to the same bytes, so quoting, line ends and line numbers must be exact.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"

namespace wk::socialmap::hsds {

struct CsvRecord {
  // The row number a spreadsheet shows: the header is 1, the first record 2. A quoted field with
  // line breaks does not count extra (the spreadsheet shows the record as one row).
  int line = 0;
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;  // for locations: "services.csv"
  std::vector<std::string> header;
  std::vector<CsvRecord> records;  // blank lines left out (their row numbers are counted)
};

// Reads UTF-8 CSV with a header row: fields separated by ',', optionally quoted with '"' ("" is a
// quote inside a quoted field; quoted fields may hold ',' and line breaks), records ended by CRLF
// or LF (the last one may lack it). A leading UTF-8 BOM is dropped. Strict: kBadInput at
// "<file>:<line>" for invalid UTF-8, a quote that is not closed, text after a closing quote, a
// quote inside an unquoted field, an empty or repeated header name, or a record with another
// number of fields than the header.
Result<CsvTable> ReadCsv(std::string_view bytes, const std::string& file);

// Appends one record as our exports write it: a field is quoted only when it contains ',', '"',
// CR or LF (quotes doubled inside), the record ends with "\n".
void AppendCsvRecord(std::string& out, const std::vector<std::string>& fields);

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace wk::socialmap::hsds
