#include "wk/reports/csv.h"

#include <cmath>
#include <cstdio>

namespace wk::reports {

std::optional<CsvVariant> ParseCsvVariant(std::string_view name) {
  if (name == "excel") return CsvVariant::kExcel;
  if (name == "plain") return CsvVariant::kPlain;
  return std::nullopt;
}

CsvWriter::CsvWriter(CsvVariant variant) : variant_(variant) {
  if (variant_ == CsvVariant::kExcel) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::Separator() {
  if (row_started_) out_ += variant_ == CsvVariant::kExcel ? ';' : ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::Text(std::string_view value) {
  Separator();
  std::string cell;
  if (variant_ == CsvVariant::kExcel && !value.empty() &&
      (value.front() == '=' || value.front() == '+' || value.front() == '-' || value.front() == '@')) {
    cell = "'";
  }
  cell += value;
  const char sep = variant_ == CsvVariant::kExcel ? ';' : ',';
  if (cell.find_first_of(std::string{sep, '"', '\r', '\n'}) == std::string::npos) {
    out_ += cell;
    return *this;
  }
  out_ += '"';
  for (char c : cell) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

CsvWriter& CsvWriter::Number(std::optional<double> value, int decimals) {
  Separator();
  if (!value || !std::isfinite(*value)) return *this;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, *value);
  std::string s = buf;
  if (s.find_first_not_of("-0.") == std::string::npos && s.front() == '-') s.erase(0, 1);  // no "-0.0"
  if (variant_ == CsvVariant::kExcel) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  out_ += s;
  return *this;
}

CsvWriter& CsvWriter::EndRow() {
  out_ += "\r\n";
  row_started_ = false;
  return *this;
}

}  // namespace wk::reports
