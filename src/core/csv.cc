#include "wk/core/csv.h"

#include "wk/core/text.h"

namespace wk::csv {
namespace {

// The cells of one line; nullopt when a quote is not closed.
std::optional<std::vector<std::string>> SplitLine(std::string_view line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c != '"') {
        cells.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return cells;
}

}  // namespace

Result<std::size_t> CsvFile::Column(std::string_view column) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return i;
  }
  return Fail(ErrorCode::kBadInput, "Kolom ontbreekt.", "kolom " + std::string(column), name + ":1");
}

Result<CsvFile> ParseCsv(std::string_view bytes, std::string name) {
  CsvFile file;
  file.name = std::move(name);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  int line_no = 0;
  while (!bytes.empty()) {
    auto end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++line_no;
    std::string where = file.name + ":" + std::to_string(line_no);
    if (text::Trim(line).empty()) {
      if (line_no == 1) return Fail(ErrorCode::kBadInput, "De kopregel ontbreekt.", "", where);
      continue;
    }
    auto cells = SplitLine(line);
    if (!cells) return Fail(ErrorCode::kBadInput, "Een aanhalingsteken wordt niet gesloten.", "", where);
    for (auto& cell : *cells) cell = std::string(text::Trim(cell));
    if (line_no == 1) {
      file.header = std::move(*cells);
      continue;
    }
    if (cells->size() != file.header.size()) {
      return Fail(ErrorCode::kBadInput,
                  "Verwacht " + std::to_string(file.header.size()) + " kolommen, gevonden " +
                      std::to_string(cells->size()) + ".",
                  "", where);
    }
    file.rows.push_back({line_no, std::move(*cells)});
  }
  if (file.header.empty()) return Fail(ErrorCode::kBadInput, "Het bestand is leeg.", "", file.name + ":1");
  return file;
}

}  // namespace wk::csv
