// RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180), read strictly; see hsds_csv.h.
#include "hsds_csv.h"

#include <set>

namespace wk::socialmap::hsds {
namespace {

std::unexpected<Error> Bad(const std::string& file, int line, std::string message) {
  return Fail(ErrorCode::kBadInput, std::move(message), "", file + ":" + std::to_string(line));
}

// The line (counted as in hsds_csv.h) of the first invalid UTF-8 byte, or 0 when valid.
int FirstInvalidUtf8Line(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return 0;
  // Rare path: find the record of the bad byte by validating record by record.
  int line = 1;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    const bool end = i == bytes.size() || (!quoted && bytes[i] == '\n');
    if (i < bytes.size() && bytes[i] == '"') quoted = !quoted;
    if (!end) continue;
    if (!IsValidUtf8(bytes.substr(start, i - start))) return line;
    start = i + 1;
    ++line;
  }
  return line;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(extra) >= n) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

Result<CsvTable> ReadCsv(std::string_view bytes, const std::string& file) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (int bad = FirstInvalidUtf8Line(bytes); bad != 0) return Bad(file, bad, "Het bestand is geen geldige UTF-8.");

  CsvTable table;
  table.file = file;
  std::vector<std::string> fields;
  std::string field;
  bool quoted_seen = false;  // the record has a quoted field (so `""` alone is not a blank line)
  int line = 1;              // the record being read
  std::size_t i = 0;
  const std::size_t n = bytes.size();

  auto end_record = [&]() -> Result<void> {
    fields.push_back(std::move(field));
    field.clear();
    const bool blank = fields.size() == 1 && fields[0].empty() && !quoted_seen;
    quoted_seen = false;
    if (table.header.empty() && line == 1) {
      if (blank) return Bad(file, line, "De kopregel ontbreekt.");
      std::set<std::string_view> seen;
      for (const auto& name : fields) {
        if (name.empty()) return Bad(file, line, "Een kolom in de kopregel heeft geen naam.");
        if (!seen.insert(name).second) return Bad(file, line, "Kolom " + name + " staat twee keer in de kopregel.");
      }
      table.header = std::move(fields);
    } else if (!blank) {
      if (fields.size() != table.header.size()) {
        return Bad(file, line,
                   "De rij heeft " + std::to_string(fields.size()) + " velden, de kopregel " +
                       std::to_string(table.header.size()) + ".");
      }
      table.records.push_back({line, std::move(fields)});
    }
    fields.clear();
    ++line;
    return {};
  };

  if (n == 0) return Bad(file, 1, "Het bestand is leeg.");
  while (i < n) {
    char c = bytes[i];
    if (c == '"' && field.empty()) {
      // A quoted field: up to the closing quote, "" is one quote.
      const int opened = line;
      quoted_seen = true;
      ++i;
      bool closed = false;
      while (i < n) {
        if (bytes[i] == '"') {
          if (i + 1 < n && bytes[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        field += bytes[i++];
      }
      if (!closed) return Bad(file, opened, "Een aanhalingsteken wordt niet gesloten.");
      if (i < n && bytes[i] != ',' && bytes[i] != '\n' && !(bytes[i] == '\r' && i + 1 < n && bytes[i + 1] == '\n') &&
          !(bytes[i] == '\r' && i + 1 == n)) {
        return Bad(file, line, "Tekst na een sluitend aanhalingsteken; zet het hele veld tussen aanhalingstekens.");
      }
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\n' || (c == '\r' && i + 1 < n && bytes[i + 1] == '\n') || (c == '\r' && i + 1 == n)) {
      i += c == '\r' && i + 1 < n ? 2 : 1;
      if (auto r = end_record(); !r) return Fail(r.error());
    } else if (c == '"') {
      return Bad(file, line, "Een aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens.");
    } else if (c == '\r') {
      return Bad(file, line, "Een losse CR midden in een rij; zet het veld tussen aanhalingstekens.");
    } else {
      field += c;
      ++i;
    }
  }
  // The last record may lack its line end.
  if (!field.empty() || !fields.empty() || quoted_seen) {
    if (auto r = end_record(); !r) return Fail(r.error());
  }
  if (table.header.empty()) return Bad(file, 1, "De kopregel ontbreekt.");
  return table;
}

void AppendCsvRecord(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += '\n';
}

}  // namespace wk::socialmap::hsds
