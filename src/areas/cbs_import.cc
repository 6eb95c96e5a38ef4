// Import of CBS "Kerncijfers wijken en buurten" (KWB). Conventions of CBS that shape this code:
// - '.' marks a value that is secret or not yet known: stored as missing (NULL), never as 0.
// - `recs` says Gemeente, Wijk or Buurt; `gwb_code` is the area code (see area_code.h), `regio`
//   its name. The national KWB table also has a row for Nederland, which is no area of ours.
// The whole file is read and checked before anything is written, so bad input changes nothing.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>

#include "area_code.h"
#include "areas_store.h"
#include "catalogue.h"
#include "import_internal.h"
#include "table_reader.h"
#include "wk/core/text.h"
#include "wk/store/audit.h"

namespace wk::areas {
namespace {

std::unexpected<Error> BadCell(const TableReader& t, int line, std::string_view column, std::string message) {
  return Fail(ErrorCode::kBadInput, std::move(message), "kolom " + std::string(column),
              t.display_name() + ":" + std::to_string(line));
}

Result<CbsFile> ParseTable(TableReader& table, const Progress& progress, std::int64_t total) {
  CbsFile out;
  auto code_col = table.Find("gwb_code");
  if (!code_col) code_col = table.Find("gwb_code_10");
  auto name_col = table.Find("regio");
  auto recs_col = table.Find("recs");
  auto gm_col = table.Find("gm_naam");
  for (auto [col, name] : {std::pair{code_col, "gwb_code"}, std::pair{name_col, "regio"}}) {
    if (!col) {
      return Fail(ErrorCode::kBadInput,
                  "Kolom ontbreekt in de kopregel; verwacht de kolommen van de CBS-kerncijfers wijken en buurten "
                  "(gwb_code, regio, recs, a_inw, ...).",
                  std::string("kolom ") + name, table.display_name() + ":1");
    }
  }
  // Which columns hold values, and which are set aside (with the reason, for the summary).
  std::vector<std::size_t> value_cols;
  std::set<std::string> seen_columns;
  for (std::size_t i = 0; i < table.columns().size(); ++i) {
    std::string column = text::ToLowerAscii(table.columns()[i]);
    if (column.empty() || IsIdentificationColumn(column)) continue;
    if (!seen_columns.insert(column).second) {
      return BadCell(table, 1, column, "Kolom staat twee keer in de kopregel.");
    }
    const IndicatorDef* def = FindIndicator(column);
    if (def == nullptr) {
      out.skipped.push_back("kolom " + column + ": niet in de indicatorencatalogus");
    } else if (def->IsDerived()) {
      out.skipped.push_back("kolom " + column + ": wordt door Wijkkompas berekend");
    } else {
      value_cols.push_back(i);
      out.indicators.push_back(def->code);
    }
  }

  std::unordered_map<std::string, int> line_of_code;
  std::int64_t done = 0;
  while (auto row = table.Next()) {
    if (progress) progress(++done, total);
    const auto& cells = row->cells;
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) {
      out.skipped.push_back("regel " + std::to_string(row->line) + ": lege regel");
      continue;
    }
    std::string code = cells[*code_col];
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string recs = recs_col ? cells[*recs_col] : "";
    if (code == "NL00" || code == "NL01" || text::ToLowerAscii(recs) == "land") {
      out.skipped.push_back("regel " + std::to_string(row->line) + ": landelijke rij " + code +
                            " (geen gemeente, wijk of buurt)");
      continue;
    }
    auto level = LevelOfCode(code);
    if (!level) {
      return BadCell(
          table, row->line, table.columns()[*code_col],
          "'" + cells[*code_col] + "' is geen CBS-gebiedscode; verwacht bijvoorbeeld GM0344, WK034401 of BU03440101.");
    }
    if (recs_col) {
      auto recs_level = ParseLevel(recs);
      if (!recs_level) {
        return BadCell(table, row->line, "recs",
                       "Onbekende soort regio '" + recs + "'; verwacht Gemeente, Wijk of Buurt.");
      }
      if (*recs_level != *level) {
        return BadCell(
            table, row->line, "recs",
            "Soort regio '" + recs + "' past niet bij code " + code + " (een " + std::string(LevelName(*level)) + ").");
      }
    }
    if (auto [it, fresh] = line_of_code.emplace(code, row->line); !fresh) {
      return BadCell(table, row->line, table.columns()[*code_col],
                     "Gebied " + code + " staat ook op regel " + std::to_string(it->second) + ".");
    }
    CbsRow parsed;
    parsed.line = row->line;
    parsed.area.code = code;
    parsed.area.name = cells[*name_col];
    parsed.area.level = *level;
    parsed.area.parent_code = ParentCode(code);
    if (parsed.area.name.empty()) return BadCell(table, row->line, "regio", "De naam van het gebied ontbreekt.");
    if (gm_col) parsed.gm_name = cells[*gm_col];
    parsed.values.reserve(value_cols.size());
    for (std::size_t v = 0; v < value_cols.size(); ++v) {
      const std::string& cell = cells[value_cols[v]];
      if (cell.empty() || cell == ".") {
        parsed.values.emplace_back();
        continue;
      }
      auto number = ParseCbsNumber(cell);
      if (!number) {
        return BadCell(table, row->line, table.columns()[value_cols[v]],
                       "'" + cell + "' is geen getal; verwacht een getal, of '.' als de waarde onbekend is.");
      }
      parsed.values.emplace_back(*number);
    }
    out.rows.push_back(std::move(parsed));
  }
  if (out.rows.empty()) {
    return Fail(ErrorCode::kBadInput, "Het bestand bevat geen gemeenten, wijken of buurten.", {}, table.display_name());
  }
  return out;
}

}  // namespace

std::optional<int> YearFromFileName(std::string_view name) {
  static const std::regex kPattern("kwb[-_ ]?((19|20)[0-9]{2})", std::regex::icase);
  std::string s(name);
  std::smatch m;
  if (!std::regex_search(s, m, kPattern)) return std::nullopt;
  return std::stoi(m[1].str());
}

std::optional<double> ParseCbsNumber(std::string_view s) {
  s = text::Trim(s);
  if (s.find(',') != std::string_view::npos && s.find('.') == std::string_view::npos &&
      std::count(s.begin(), s.end(), ',') == 1) {
    std::string dotted(s);
    std::replace(dotted.begin(), dotted.end(), ',', '.');
    return text::ParseDouble(dotted);
  }
  return text::ParseDouble(s);
}

Result<int> ImportYear(std::optional<int> given, std::optional<int> found, const std::string& file_name,
                       std::string_view how_to_name) {
  std::optional<int> year = given ? given : found;
  if (!year) {
    return Fail(ErrorCode::kInvalid,
                "Geen jaar gevonden: geef het jaar op met --year, of gebruik een bestandsnaam " +
                    std::string(how_to_name) + ".",
                "year", file_name);
  }
  if (*year < 1900 || *year > 2100) {
    return Fail(ErrorCode::kInvalid, "Het jaar moet tussen 1900 en 2100 liggen.", "year", file_name);
  }
  return *year;
}

Result<CbsFile> ReadCbsFile(const std::string& path, std::optional<int> year, const Progress& progress) {
  std::string file_name = std::filesystem::path(path).filename().string();
  auto chosen = ImportYear(year, YearFromFileName(file_name), file_name, "met 'kwb-JJJJ' (zoals kwb-2024.csv)");
  if (!chosen) return Fail(chosen.error());
  auto table = TableReader::Open(path, file_name);
  if (!table) return Fail(table.error());
  auto parsed = ParseTable(*table, progress, table->RowCount());
  if (!parsed) return Fail(parsed.error());
  parsed->file = file_name;
  parsed->year = *chosen;
  return parsed;
}

Result<ImportSummary> WriteCbs(store::Db& db, const accounts::Principal& who, const CbsFile& file) {
  ImportSummary summary;
  summary.file = file.file;
  summary.year = file.year;
  summary.skipped = file.skipped;

  // Parents that are neither in the file nor in the database are created with a provisional name
  // (the gemeente name from gm_naam, else the code), so a partial table still forms a tree.
  std::set<std::string> in_file;
  for (const auto& r : file.rows) in_file.insert(r.area.code);
  std::map<std::string, Area> missing_parents;
  for (const auto& r : file.rows) {
    for (std::string parent = r.area.parent_code; !parent.empty(); parent = ParentCode(parent)) {
      if (in_file.contains(parent) || missing_parents.contains(parent)) break;
      auto known = sql::SelectArea(db, parent);
      if (!known) return Fail(known.error());
      if (*known) break;
      const bool gemeente = LevelOfCode(parent) == Level::kGemeente;
      missing_parents.emplace(parent, AreaFromCode(parent, gemeente && !r.gm_name.empty() ? r.gm_name : parent));
    }
  }

  Source source{0, "Kerncijfers wijken en buurten " + std::to_string(file.year), "CBS", file.year, "CC BY 4.0"};
  auto source_id = sql::InsertSource(db, source, file.file, store::NowUtc());
  if (!source_id) return Fail(source_id.error());

  // Gemeenten first, then wijken, then buurten, so every parent exists before its children.
  std::vector<const Area*> areas;
  for (const auto& [code, area] : missing_parents) areas.push_back(&area);
  for (const auto& r : file.rows) areas.push_back(&r.area);
  std::stable_sort(areas.begin(), areas.end(), [](const Area* a, const Area* b) { return a->level < b->level; });
  for (const Area* a : areas) {
    // Names from CBS statistics win over names from boundary files.
    if (auto u = sql::UpsertArea(db, *a, true); !u) return Fail(u.error());
  }
  std::vector<bool> indicator_has_value(file.indicators.size(), false);
  auto writer = sql::ValueWriter::Prepare(db);
  if (!writer) return Fail(writer.error());
  for (const auto& r : file.rows) {
    if (auto d = sql::DeleteCbsYear(db, r.area.code, file.year); !d) return Fail(d.error());
    for (std::size_t v = 0; v < r.values.size(); ++v) {
      if (auto w = writer->Write(r.area.code, file.indicators[v], file.year, r.values[v], *source_id); !w) {
        return Fail(w.error());
      }
      ++summary.values;
      if (r.values[v]) {
        indicator_has_value[v] = true;
      } else {
        ++summary.missing;
      }
    }
  }
  summary.areas = static_cast<int>(file.rows.size() + missing_parents.size());
  summary.indicators = static_cast<int>(std::count(indicator_has_value.begin(), indicator_has_value.end(), true));

  nlohmann::json detail = {{"file", file.file},
                           {"year", file.year},
                           {"areas", summary.areas},
                           {"values", summary.values},
                           {"missing", summary.missing}};
  if (auto a = store::AppendAudit(db, who.AuditActor(), "import.cbs", "areas_source", std::to_string(*source_id),
                                  detail.dump());
      !a) {
    return Fail(a.error());
  }
  return summary;
}

Result<ImportSummary> ImportCbs(store::Db& db, const accounts::Principal& who, const std::string& path,
                                std::optional<int> year, const Progress& progress) {
  if (auto allowed = CheckImportPermission(who); !allowed) return Fail(allowed.error());
  // Read and check everything before the write transaction starts.
  auto file = ReadCbsFile(path, year, progress);
  if (!file) return Fail(file.error());
  return WriteInOneTransaction(db, [&] { return WriteCbs(db, who, *file); });
}

}  // namespace wk::areas
