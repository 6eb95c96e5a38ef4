// The social map out to a spreadsheet: one row per active service, the mapping fields as columns
// (so that the export imports again with a mapping of each field to itself), as CSV or XLSX.
// Key figures without consent to publish never leave Wijkkompas (ADR 13).
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "wk/accounts/principal.h"
#include "wk/core/text.h"
#include "wk/socialmap/opening_hours.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::socialmap {
namespace {

// A cell: text, or a number (ages, coordinates) that XLSX stores as a number.
struct Cell {
  std::string text;
  std::optional<double> number;
};
using Row = std::vector<Cell>;

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : "; ") + v;
  return out;
}

// The shortest text of a number with a decimal point ("52.1123", "65").
std::string Shortest(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.7g", v);
  return buf;
}

Cell Number(std::optional<double> v) {
  if (!v) return {};
  return {Shortest(*v), *v};
}

// The value of each mapping field for one service of one party, in MappingFields() order.
Row ServiceRow(const Party& party, const Service& s) {
  const Location none;
  const Location& loc = s.locations.empty() ? none : s.locations.front();
  auto first_phone = [](const std::vector<Phone>& phones) -> std::string {
    return phones.empty() ? "" : phones.front().number;
  };
  auto age = [](std::optional<int> a) { return Number(a ? std::optional<double>(*a) : std::nullopt); };
  const std::map<std::string_view, Cell> values = {
      {"party_name", {party.name}},
      {"party_kind", {std::string(PartyKindCode(party.kind))}},
      {"party_formal", {party.formal ? "formeel" : "informeel"}},
      {"party_website", {party.website}},
      {"party_email", {party.email}},
      {"party_phone", {first_phone(party.phones)}},
      {"service_name", {s.name}},
      {"description", {s.description}},
      {"target_groups", {Join(s.target_groups)}},
      {"domains", {Join(s.domains)}},
      {"laws", {Join(s.laws)}},
      {"access_routes", {Join(s.access_routes)}},
      {"eligibility", {s.eligibility}},
      {"minimum_age", age(s.minimum_age)},
      {"maximum_age", age(s.maximum_age)},
      {"cost", {s.cost}},
      {"application_process", {s.application_process}},
      {"wait_time", {s.wait_time}},
      {"languages", {Join(s.languages)}},
      {"location_name", {loc.name}},
      {"address", {loc.address_1}},
      {"postal_code", {loc.postal_code}},
      {"city", {loc.city}},
      {"province", {loc.province}},
      {"latitude", Number(loc.latitude)},
      {"longitude", Number(loc.longitude)},
      {"transportation", {loc.transportation}},
      {"opening_hours", {FormatOpeningHours(s.schedules)}},
      {"areas_served", {Join(s.areas_served)}},
      {"phone", {first_phone(s.phones)}},
      {"email", {s.email}},
      {"website", {s.url}},
      {"source", {s.verification.source.empty() ? party.verification.source : s.verification.source}},
  };
  Row row;
  for (const MappingField& f : MappingFields()) {
    auto it = values.find(f.name);
    row.push_back(it == values.end() ? Cell{} : it->second);
  }
  return row;
}

// Every active service of every active party that may leave Wijkkompas, by party and service name.
Result<std::vector<Row>> ServiceRows(store::Db& db, const accounts::Principal& who) {
  if (!accounts::Can(who, accounts::Action::kReadSocialMap)) {
    return Fail(ErrorCode::kPermissionDenied, "U mag de sociale kaart niet inzien.");
  }
  std::vector<Party> parties;
  PartyFilter filter;
  for (filter.offset = 0;; filter.offset += filter.limit) {
    auto page = ListParties(db, filter);
    if (!page) return Fail(page.error());
    parties.insert(parties.end(), page->begin(), page->end());
    if (static_cast<int>(page->size()) < filter.limit) break;
  }
  auto by_name = [](const auto& a, const auto& b) {
    return std::pair(text::FoldForSearch(a.name), a.id) < std::pair(text::FoldForSearch(b.name), b.id);
  };
  std::sort(parties.begin(), parties.end(), by_name);
  std::vector<Row> rows;
  for (const Party& head : parties) {
    auto party = GetParty(db, head.id);
    if (!party) return Fail(party.error());
    if (party->archived) continue;
    if (party->kind == PartyKind::kSleutelfiguur && !(party->consent && party->consent->publish)) continue;
    auto services = ServicesOfParty(db, party->id);
    if (!services) return Fail(services.error());
    std::sort(services->begin(), services->end(), by_name);
    for (const Service& s : *services) {
      if (s.archived || s.status != ServiceStatus::kActive) continue;
      rows.push_back(ServiceRow(*party, s));
    }
  }
  return rows;
}

// RFC 4180 quoting; in the Excel flavour a leading = + - @ gets an apostrophe so that Excel does
// not run the cell as a formula (the import takes the apostrophe off again).
std::string CsvCell(std::string_view v, bool excel) {
  std::string cell(v);
  if (excel && !cell.empty() && std::string_view("=+-@").find(cell.front()) != std::string_view::npos) {
    cell.insert(0, 1, '\'');
  }
  const char sep = excel ? ';' : ',';
  if (cell.find_first_of(std::string("\"\r\n") + sep) == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A temporary file for libxlsxwriter (1.1.4 writes only to files), removed with this object.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "wijkkompas-socialmap-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

Result<std::string> ExportServicesCsv(store::Db& db, const accounts::Principal& who, bool excel) {
  auto rows = ServiceRows(db, who);
  if (!rows) return Fail(rows.error());
  const std::string sep = excel ? ";" : ",";
  std::string out = excel ? "\xEF\xBB\xBF" : "";
  std::string header;
  for (const MappingField& f : MappingFields()) header += (header.empty() ? "" : sep) + f.name;
  out += header + "\r\n";
  for (const Row& row : *rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string text = row[i].text;
      // Dutch Excel reads "52,1123" as a number; the import takes both.
      if (excel && row[i].number) std::replace(text.begin(), text.end(), '.', ',');
      line += (i == 0 ? "" : sep) + CsvCell(text, excel);
    }
    out += line + "\r\n";
  }
  return out;
}

Result<std::string> ExportServicesXlsx(store::Db& db, const accounts::Principal& who) {
  auto rows = ServiceRows(db, who);
  if (!rows) return Fail(rows.error());
  TempFile file;
  if (file.path().empty()) return Fail(ErrorCode::kInternal, "Kan geen tijdelijk bestand maken voor de export.");
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) return Fail(ErrorCode::kInternal, "Kan het Excel-bestand niet maken.");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "Sociale kaart");
  const auto& fields = MappingFields();
  for (std::size_t c = 0; c < fields.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), fields[c].name.c_str(), bold);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
  }
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const Row& row = (*rows)[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto rr = static_cast<lxw_row_t>(r + 1);
      const auto cc = static_cast<lxw_col_t>(c);
      if (row[c].number) {
        worksheet_write_number(sheet, rr, cc, *row[c].number, nullptr);
      } else if (!row[c].text.empty()) {
        worksheet_write_string(sheet, rr, cc, row[c].text.c_str(), nullptr);
      }
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows->size()), static_cast<lxw_col_t>(fields.size() - 1));
  lxw_worksheet* source = workbook_add_worksheet(wb, "Bron");
  const std::string count = std::to_string(rows->size());
  const std::pair<const char*, std::string> facts[] = {
      {"Wat", "Sociale kaart uit Wijkkompas: één rij per actief aanbod"},
      {"Geëxporteerd op", Today()},
      {"Aantal rijen", count},
      {"Weggelaten", "Gearchiveerde partijen en diensten, en sleutelfiguren zonder toestemming om te publiceren"},
      {"Opnieuw importeren", "wijkkompas import socialmap met een mapping die elke kolom naar het eigen veld zet"},
  };
  for (std::size_t i = 0; i < std::size(facts); ++i) {
    worksheet_write_string(source, static_cast<lxw_row_t>(i), 0, facts[i].first, bold);
    worksheet_write_string(source, static_cast<lxw_row_t>(i), 1, facts[i].second.c_str(), nullptr);
  }
  worksheet_set_column(source, 0, 0, 22, nullptr);
  worksheet_set_column(source, 1, 1, 90, nullptr);
  if (workbook_close(wb) != LXW_NO_ERROR) return Fail(ErrorCode::kInternal, "Kan het Excel-bestand niet schrijven.");
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace wk::socialmap
