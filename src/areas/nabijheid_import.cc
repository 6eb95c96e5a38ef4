// Import of the CBS StatLine table "Nabijheid voorzieningen" (distance to and number of
// facilities per area), exactly as StatLine exports it: UTF-8 with BOM, ';'-separated, every cell
// quoted, values padded with spaces ("     0.7", "GM0344    "), '.' for secret or not yet known,
// long column titles ("Detailhandel/Winkels dagelijkse boodschappen/Afstand tot grote supermarkt
// (km)") and a national row "Nederland" (NL00). The titles map to catalogue codes through the
// compiled-in nabijheid_columns.csv (ADR 9). Re-importing a year replaces, for each area (and the
// country) in the file, its earlier Nabijheid values of that year; other sources stay.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

#include "area_code.h"
#include "areas_store.h"
#include "data_import.h"
#include "embedded_areas_catalogue.h"
#include "gdal_util.h"
#include "import_internal.h"
#include "indicators_store.h"
#include "nabijheid.h"
#include "table_reader.h"
#include "wk/core/text.h"
#include "wk/store/audit.h"

namespace wk::areas {
namespace {

// StatLine's identification columns.
constexpr std::string_view kNameColumn = "Wijken en buurten";
constexpr std::string_view kGemeenteColumn = "Regioaanduiding/Gemeentenaam (naam)";
constexpr std::string_view kKindColumn = "Regioaanduiding/Soort regio (omschrijving)";
constexpr std::string_view kCodeColumn = "Regioaanduiding/Codering (code)";

std::unexpected<Error> BadCell(const TableReader& t, int line, std::string_view column, std::string message) {
  return Fail(ErrorCode::kBadInput, std::move(message), "kolom " + std::string(column),
              t.display_name() + ":" + std::to_string(line));
}

bool IsIdentification(std::string_view title) {
  return title == kNameColumn || title.starts_with("Regioaanduiding/");
}

Result<NabijheidFile> ParseTable(TableReader& table, const Progress& progress) {
  NabijheidFile out;
  auto code_col = table.Find(kCodeColumn);
  auto name_col = table.Find(kNameColumn);
  if (!code_col || !name_col) {
    return Fail(ErrorCode::kBadInput,
                "Kolom ontbreekt in de kopregel; verwacht de StatLine-download 'Nabijheid voorzieningen' met de "
                "kolommen 'Wijken en buurten' en 'Regioaanduiding/Codering (code)'.",
                "kolom " + std::string(code_col ? kNameColumn : kCodeColumn), table.display_name() + ":1");
  }
  auto gm_col = table.Find(kGemeenteColumn);
  auto kind_col = table.Find(kKindColumn);

  std::vector<std::size_t> value_cols;
  std::unordered_map<std::string, std::size_t> seen_codes;
  for (std::size_t i = 0; i < table.columns().size(); ++i) {
    const std::string& title = table.columns()[i];
    if (title.empty() || IsIdentification(title)) continue;
    std::string code = NabijheidCode(title);
    if (code.empty()) {
      out.skipped.push_back("kolom '" + title + "': niet in de indicatorencatalogus");
      continue;
    }
    if (!seen_codes.emplace(code, i).second) return BadCell(table, 1, title, "Kolom staat twee keer in de kopregel.");
    value_cols.push_back(i);
    out.indicators.push_back(code);
  }

  std::unordered_map<std::string, int> line_of_code;
  const std::int64_t total = table.RowCount();
  std::int64_t done = 0;
  while (auto row = table.Next()) {
    if (progress) progress(++done, total);
    const auto& cells = row->cells;
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) {
      out.skipped.push_back("regel " + std::to_string(row->line) + ": lege regel");
      continue;
    }
    std::string code = NormaliseAreaCode(cells[*code_col]);
    const bool national = code == kNationalCode;
    auto level = LevelOfCode(code);
    if (!national && !level) {
      return BadCell(table, row->line, kCodeColumn,
                     "'" + cells[*code_col] +
                         "' is geen CBS-gebiedscode; verwacht NL00, of bijvoorbeeld GM0344, WK034401 of BU03440101.");
    }
    if (kind_col && !national) {
      auto kind_level = ParseLevel(cells[*kind_col]);
      if (!kind_level || *kind_level != *level) {
        return BadCell(table, row->line, kKindColumn,
                       "Soort regio '" + cells[*kind_col] + "' past niet bij code " + code + " (een " +
                           std::string(LevelName(*level)) + ").");
      }
    }
    if (auto [it, fresh] = line_of_code.emplace(code, row->line); !fresh) {
      return BadCell(table, row->line, kCodeColumn,
                     "Gebied " + code + " staat ook op regel " + std::to_string(it->second) + ".");
    }
    std::vector<std::optional<double>> values;
    values.reserve(value_cols.size());
    for (std::size_t col : value_cols) {
      const std::string& cell = cells[col];
      if (cell.empty() || cell == ".") {
        values.emplace_back();
        continue;
      }
      auto number = ParseCbsNumber(cell);
      if (!number) {
        return BadCell(table, row->line, table.columns()[col],
                       "'" + cell + "' is geen getal; verwacht een getal, of '.' als de waarde onbekend is.");
      }
      values.emplace_back(*number);
    }
    if (national) {
      out.national = std::move(values);
      continue;
    }
    NabijheidRow parsed;
    parsed.line = row->line;
    parsed.area = NamedArea{code, cells[*name_col], gm_col ? cells[*gm_col] : ""};
    parsed.values = std::move(values);
    out.rows.push_back(std::move(parsed));
  }
  if (out.rows.empty() && !out.national) {
    return Fail(ErrorCode::kBadInput, "Het bestand bevat geen gebieden.", {}, table.display_name());
  }
  return out;
}

}  // namespace

Result<NabijheidFile> ReadNabijheidFile(const std::string& path, std::optional<int> year, const Progress& progress) {
  std::string file_name = std::filesystem::path(path).filename().string();
  auto chosen = ImportYear(year, AnyYearFromFileName(file_name), file_name,
                           "met het jaar (zoals nabijheid-voorzieningen-2023.csv)");
  if (!chosen) return Fail(chosen.error());
  auto table = TableReader::Open(path, file_name);
  if (!table) return Fail(table.error());
  auto parsed = ParseTable(*table, progress);
  if (!parsed) return Fail(parsed.error());
  parsed->file = file_name;
  parsed->year = *chosen;
  return parsed;
}

Result<ImportSummary> WriteNabijheid(store::Db& db, const accounts::Principal& who, const NabijheidFile& file) {
  ImportSummary summary;
  summary.file = file.file;
  summary.year = file.year;
  summary.skipped = file.skipped;

  std::vector<NamedArea> named;
  named.reserve(file.rows.size());
  for (const auto& r : file.rows) named.push_back(r.area);
  auto created = CreateUnknownAreas(db, named);
  if (!created) return Fail(created.error());

  Source source{0, "Nabijheid voorzieningen " + std::to_string(file.year), "CBS", file.year, "CC BY 4.0", ""};
  auto source_id = sql::InsertSourceOfKind(db, source, sql::kKindCbsNabijheid, file.file, store::NowUtc());
  if (!source_id) return Fail(source_id.error());

  std::vector<bool> has_value(file.indicators.size(), false);
  auto count = [&](const std::vector<std::optional<double>>& values) {
    for (std::size_t v = 0; v < values.size(); ++v) {
      ++summary.values;
      if (values[v]) {
        has_value[v] = true;
      } else {
        ++summary.missing;
      }
    }
  };
  for (const auto& r : file.rows) {
    if (auto d = sql::DeleteAreaValuesOfKind(db, r.area.code, file.year, sql::kKindCbsNabijheid, std::nullopt); !d) {
      return Fail(d.error());
    }
    for (std::size_t v = 0; v < r.values.size(); ++v) {
      if (auto w = sql::UpsertValue(db, r.area.code, file.indicators[v], file.year, r.values[v], *source_id); !w) {
        return Fail(w.error());
      }
    }
    count(r.values);
  }
  if (file.national) {
    if (auto d = sql::DeleteNationalValuesOfKind(db, file.year, sql::kKindCbsNabijheid, std::nullopt); !d) {
      return Fail(d.error());
    }
    for (std::size_t v = 0; v < file.national->size(); ++v) {
      if (auto w = sql::UpsertNationalValue(db, file.indicators[v], file.year, (*file.national)[v], *source_id); !w) {
        return Fail(w.error());
      }
    }
    count(*file.national);
  }
  summary.areas = static_cast<int>(file.rows.size());
  summary.indicators = static_cast<int>(std::count(has_value.begin(), has_value.end(), true));

  nlohmann::json detail = {{"file", file.file},
                           {"year", file.year},
                           {"areas", summary.areas},
                           {"created", *created},
                           {"national", file.national.has_value()},
                           {"values", summary.values},
                           {"missing", summary.missing}};
  if (auto a = store::AppendAudit(db, who.AuditActor(), "import.cbs-nabijheid", "areas_source",
                                  std::to_string(*source_id), detail.dump());
      !a) {
    return Fail(a.error());
  }
  return summary;
}

namespace {

// Collapses runs of white space, so "Binnen 3  km" (as StatLine writes two of its titles) and
// "Binnen 3 km" are the same title.
std::string NormaliseTitle(std::string_view title) {
  std::string out;
  bool space = false;
  for (char c : text::Trim(title)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

const std::vector<NabijheidColumn>& NabijheidColumns() {
  static const std::vector<NabijheidColumn> columns = [] {
    auto bytes = embedded::Find(embedded::areas_catalogue(), "nabijheid_columns.csv");
    if (!bytes) throw std::logic_error("nabijheid_columns.csv is not embedded");
    gdal::MemFile file(*bytes, "nabijheid_columns.csv");
    auto reader = TableReader::Open(file.path(), "nabijheid_columns.csv");
    if (!reader) throw std::logic_error("nabijheid_columns.csv: " + reader.error().Describe());
    auto title = reader->Find("statline_title");
    auto code = reader->Find("code");
    if (!title || !code) throw std::logic_error("nabijheid_columns.csv: columns statline_title, code expected");
    std::vector<NabijheidColumn> out;
    while (auto row = reader->Next()) out.push_back({row->cells[*title], row->cells[*code]});
    return out;
  }();
  return columns;
}

std::string NabijheidCode(std::string_view title) {
  static const std::unordered_map<std::string, std::string> index = [] {
    std::unordered_map<std::string, std::string> m;
    for (const auto& c : NabijheidColumns()) m.emplace(NormaliseTitle(c.statline_title), c.code);
    return m;
  }();
  auto it = index.find(NormaliseTitle(title));
  return it == index.end() ? std::string() : it->second;
}

Result<ImportSummary> ImportCbsNabijheid(store::Db& db, const accounts::Principal& who, const std::string& path,
                                         std::optional<int> year, const Progress& progress) {
  if (auto allowed = CheckImportPermission(who); !allowed) return Fail(allowed.error());
  auto file = ReadNabijheidFile(path, year, progress);
  if (!file) return Fail(file.error());
  return WriteInOneTransaction(db, [&] { return WriteNabijheid(db, who, *file); });
}

}  // namespace wk::areas
