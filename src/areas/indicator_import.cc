// `import indicators`: any table of figures per area and year (the GGD health monitor, police
// figures, the Leefbaarometer, the municipality's own monitor, own counts), in long form
// (area_code, indicator, year, value) or wide form (area_code, year, <indicator>, ...), CSV or XLSX.
// Indicators outside the catalogue are defined by a metadata file (indicator_metadata.cc). The
// area code NL00 is the national value. '.' or an empty cell is missing, never 0.
// Everything is read and checked before the one write transaction. A re-import replaces, for each
// area (or the country) and year in the file, the values of earlier imports with the same source
// title (ADR 9); other sources stay.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "area_code.h"
#include "areas_store.h"
#include "catalogue.h"
#include "data_import.h"
#include "import_internal.h"
#include "indicator_metadata.h"
#include "indicators_store.h"
#include "table_reader.h"
#include "wk/core/text.h"
#include "wk/store/audit.h"

namespace wk::areas {
namespace {

struct ValueCell {
  std::string area;           // kNationalCode for the country
  std::size_t indicator = 0;  // index into IndicatorFile::indicators
  int year = 0;
  std::optional<double> value;
};

struct IndicatorFile {
  std::string file;
  std::vector<std::string> indicators;  // codes, in order of first appearance
  std::vector<IndicatorDef> define;     // custom indicators to define or redefine (from the metadata)
  std::vector<ValueCell> cells;
  std::vector<std::string> skipped;
};

// Columns that name an area rather than hold a figure; read past in both forms.
bool IsNameColumn(std::string_view column) {
  return column == "name" || column == "naam" || column == "regio" || column == "area_name";
}

std::unexpected<Error> Bad(const std::string& display, int line, std::string_view column, std::string message) {
  return Fail(ErrorCode::kBadInput, std::move(message), "kolom " + std::string(column),
              display + ":" + std::to_string(line));
}

// Reads a file and checks it against the catalogue, the metadata and the database (read only).
class Reader {
 public:
  Reader(store::Db& db, TableReader& table, const std::map<std::string, MetadataRow>& metadata,
         std::string metadata_name)
      : db_(db), table_(table), metadata_(metadata), metadata_name_(std::move(metadata_name)) {}

  Result<IndicatorFile> Read(const Progress& progress) {
    const std::string& display = table_.display_name();
    auto area_col = table_.Find("area_code");
    if (!area_col) area_col = table_.Find("gwb_code");
    auto year_col = table_.Find("year");
    auto indicator_col = table_.Find("indicator");
    auto value_col = table_.Find("value");
    const char* kForms =
        "; verwacht de lange vorm (area_code, indicator, year, value) of de brede vorm (area_code, year, "
        "<indicator>, ...).";
    if (!area_col) return Bad(display, 1, "area_code", std::string("Kolom area_code ontbreekt") + kForms);
    if (!year_col) return Bad(display, 1, "year", std::string("Kolom year ontbreekt") + kForms);
    if (indicator_col.has_value() != value_col.has_value()) {
      return Bad(display, 1, indicator_col ? "value" : "indicator",
                 std::string("Kolom ") + (indicator_col ? "value" : "indicator") + " ontbreekt" + kForms);
    }
    const bool long_form = indicator_col.has_value();
    // Wide form: every other column is an indicator.
    std::vector<std::pair<std::size_t, std::size_t>> wide;  // column -> indicator index
    for (std::size_t i = 0; i < table_.columns().size(); ++i) {
      std::string column = text::ToLowerAscii(table_.columns()[i]);
      if (i == *area_col || i == *year_col || (long_form && (i == *indicator_col || i == *value_col))) continue;
      if (column.empty() || IsNameColumn(column)) continue;
      if (long_form) {
        out_.skipped.push_back("kolom " + table_.columns()[i] + ": niet gebruikt in de lange vorm");
        continue;
      }
      if (seen_columns_.contains(column))
        return Bad(display, 1, table_.columns()[i], "Kolom staat twee keer in de kopregel.");
      seen_columns_.insert(column);
      auto index = IndicatorIndex(column, 1, table_.columns()[i]);
      if (!index) return Fail(index.error());
      wide.emplace_back(i, *index);
    }
    if (!long_form && wide.empty()) {
      return Bad(display, 1, "year", std::string("Geen kolommen met indicatoren") + kForms);
    }

    const std::int64_t total = table_.RowCount();
    std::int64_t done = 0;
    while (auto row = table_.Next()) {
      if (progress) progress(++done, total);
      const auto& cells = row->cells;
      if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) continue;
      auto area = Area(cells[*area_col], row->line, table_.columns()[*area_col]);
      if (!area) return Fail(area.error());
      auto year = Year(cells[*year_col], row->line, table_.columns()[*year_col]);
      if (!year) return Fail(year.error());
      if (long_form) {
        std::string code = text::ToLowerAscii(text::Trim(cells[*indicator_col]));
        if (code.empty()) return Bad(display, row->line, table_.columns()[*indicator_col], "De indicator ontbreekt.");
        auto index = IndicatorIndex(code, row->line, table_.columns()[*indicator_col]);
        if (!index) return Fail(index.error());
        if (auto v = Add(*area, *index, *year, cells[*value_col], row->line, table_.columns()[*value_col]); !v) {
          return Fail(v.error());
        }
      } else {
        for (auto [col, index] : wide) {
          if (auto v = Add(*area, index, *year, cells[col], row->line, table_.columns()[col]); !v)
            return Fail(v.error());
        }
      }
    }
    if (out_.cells.empty()) return Fail(ErrorCode::kBadInput, "Het bestand bevat geen cijfers.", {}, display);
    for (const auto& [code, row] : metadata_) {
      if (!used_.contains(code)) {
        out_.skipped.push_back(metadata_name_ + ":" + std::to_string(row.line) + ": indicator " + code +
                               " staat niet in het bestand");
      }
    }
    return std::move(out_);
  }

 private:
  // The index of the indicator `code`, checking on first sight that it may be imported.
  Result<std::size_t> IndicatorIndex(const std::string& code, int line, std::string_view column) {
    if (auto it = index_.find(code); it != index_.end()) return it->second;
    const std::string& display = table_.display_name();
    if (const IndicatorDef* def = FindIndicator(code)) {
      if (def->IsDerived()) {
        return Bad(display, line, column,
                   "Indicator " + code + " wordt door Wijkkompas berekend (" + def->numerator + " / " +
                       def->denominator + "); lever " + def->numerator + " en " + def->denominator + " aan.");
      }
    } else if (auto meta = metadata_.find(code); meta != metadata_.end()) {
      out_.define.push_back(meta->second.def);
      used_.insert(code);
    } else {
      auto known = sql::SelectCustomIndicator(db_, code);
      if (!known) return Fail(known.error());
      if (!*known) {
        return Bad(display, line, column,
                   "Onbekende indicator '" + code +
                       "': niet in de indicatorencatalogus en niet in het metadatabestand" +
                       (metadata_name_.empty() ? "" : " " + metadata_name_) +
                       "; geef code, label, unit, theme en direction op in een metadatabestand (" +
                       std::filesystem::path(display).stem().string() + ".meta.csv).");
      }
    }
    index_.emplace(code, out_.indicators.size());
    out_.indicators.push_back(code);
    return out_.indicators.size() - 1;
  }

  Result<std::string> Area(const std::string& cell, int line, std::string_view column) {
    std::string code = NormaliseAreaCode(cell);
    const std::string& display = table_.display_name();
    if (code.empty()) return Bad(display, line, column, "De gebiedscode ontbreekt.");
    if (code == kNationalCode) return code;
    if (auto it = known_areas_.find(code); it != known_areas_.end()) {
      if (it->second) return code;
    } else {
      if (!LevelOfCode(code)) {
        return Bad(
            display, line, column,
            "'" + cell + "' is geen CBS-gebiedscode; verwacht NL00, of bijvoorbeeld GM0344, WK034401 of BU03440101.");
      }
      auto found = sql::SelectArea(db_, code);
      if (!found) return Fail(found.error());
      known_areas_.emplace(code, found->has_value());
      if (*found) return code;
    }
    return Bad(display, line, column,
               "Onbekend gebied " + code + "; importeer eerst de CBS-kerncijfers of de grenzen waarin het staat.");
  }

  Result<int> Year(const std::string& cell, int line, std::string_view column) {
    auto year = text::ParseInt(text::Trim(cell));
    if (!year || *year < 1900 || *year > 2100) {
      return Bad(table_.display_name(), line, column, "'" + cell + "' is geen jaar; verwacht een jaar zoals 2023.");
    }
    return static_cast<int>(*year);
  }

  Result<void> Add(const std::string& area, std::size_t indicator, int year, const std::string& cell, int line,
                   std::string_view column) {
    std::optional<double> value;
    if (!cell.empty() && cell != ".") {
      value = ParseCbsNumber(cell);
      if (!value) {
        return Bad(table_.display_name(), line, column,
                   "'" + cell + "' is geen getal; verwacht een getal, of '.' of een lege cel als de waarde ontbreekt.");
      }
    }
    auto key = area + "|" + std::to_string(indicator) + "|" + std::to_string(year);
    if (auto [it, fresh] = line_of_.emplace(key, line); !fresh) {
      return Bad(table_.display_name(), line, column,
                 "De waarde van " + out_.indicators[indicator] + " voor " + area + " in " + std::to_string(year) +
                     " staat ook op regel " + std::to_string(it->second) + ".");
    }
    out_.cells.push_back(ValueCell{area, indicator, year, value});
    return {};
  }

  store::Db& db_;
  TableReader& table_;
  const std::map<std::string, MetadataRow>& metadata_;
  std::string metadata_name_;
  IndicatorFile out_;
  std::unordered_map<std::string, std::size_t> index_;
  std::set<std::string> seen_columns_;
  std::set<std::string> used_;
  std::unordered_map<std::string, bool> known_areas_;
  std::unordered_map<std::string, int> line_of_;
};

Result<ImportSummary> WriteIndicators(store::Db& db, const accounts::Principal& who, const IndicatorFile& file,
                                      const IndicatorImportOptions& options, const std::string& source_title) {
  ImportSummary summary;
  summary.file = file.file;
  summary.skipped = file.skipped;
  std::set<std::pair<std::string, int>> area_years;
  std::set<std::string> areas;
  for (const auto& c : file.cells) {
    area_years.emplace(c.area, c.year);
    summary.year = std::max(summary.year, c.year);
    if (c.area != kNationalCode) areas.insert(c.area);
  }

  Source source{0,
                source_title,
                options.publisher.empty() ? source_title : std::string(text::Trim(options.publisher)),
                summary.year,
                std::string(text::Trim(options.licence)),
                options.reliability};
  auto source_id = sql::InsertSourceOfKind(db, source, sql::kKindIndicators, file.file, store::NowUtc());
  if (!source_id) return Fail(source_id.error());
  for (const auto& def : file.define) {
    if (auto d = sql::UpsertCustomIndicator(db, def, *source_id); !d) return Fail(d.error());
  }
  for (const auto& [area, year] : area_years) {
    auto d = area == kNationalCode ? sql::DeleteNationalValuesOfKind(db, year, sql::kKindIndicators, source_title)
                                   : sql::DeleteAreaValuesOfKind(db, area, year, sql::kKindIndicators, source_title);
    if (!d) return Fail(d.error());
  }
  std::vector<bool> has_value(file.indicators.size(), false);
  for (const auto& c : file.cells) {
    const std::string& code = file.indicators[c.indicator];
    auto w = c.area == kNationalCode ? sql::UpsertNationalValue(db, code, c.year, c.value, *source_id)
                                     : sql::UpsertValue(db, c.area, code, c.year, c.value, *source_id);
    if (!w) return Fail(w.error());
    ++summary.values;
    if (c.value) {
      has_value[c.indicator] = true;
    } else {
      ++summary.missing;
    }
  }
  summary.areas = static_cast<int>(areas.size());
  summary.indicators = static_cast<int>(std::count(has_value.begin(), has_value.end(), true));

  nlohmann::json defined = nlohmann::json::array();
  for (const auto& def : file.define) defined.push_back(def.code);
  nlohmann::json detail = {{"file", file.file},
                           {"source", source_title},
                           {"reliability", options.reliability},
                           {"indicators", file.indicators},
                           {"defined", defined},
                           {"areas", summary.areas},
                           {"values", summary.values},
                           {"missing", summary.missing}};
  if (auto a = store::AppendAudit(db, who.AuditActor(), "import.indicators", "areas_source", std::to_string(*source_id),
                                  detail.dump());
      !a) {
    return Fail(a.error());
  }
  return summary;
}

}  // namespace

Result<ImportSummary> ImportIndicators(store::Db& db, const accounts::Principal& who, const std::string& path,
                                       const IndicatorImportOptions& options, const Progress& progress) {
  if (auto allowed = CheckImportPermission(who); !allowed) return Fail(allowed.error());
  std::string source_title(text::Trim(options.source));
  if (source_title.empty()) {
    return Fail(ErrorCode::kInvalid,
                "Geef de bron van de cijfers op, bijvoorbeeld 'GGD Gezondheidsmonitor Volwassenen en Ouderen 2022'.",
                "source");
  }
  if (auto r = CheckReliability(options.reliability); !r) return Fail(r.error());

  std::string file_name = std::filesystem::path(path).filename().string();
  auto metadata_path = MetadataPathFor(path, options.metadata_path);
  if (!metadata_path) return Fail(metadata_path.error());
  std::map<std::string, MetadataRow> metadata;
  std::string metadata_name;
  if (!metadata_path->empty()) {
    metadata_name = std::filesystem::path(*metadata_path).filename().string();
    auto read = ReadMetadata(*metadata_path, metadata_name);
    if (!read) return Fail(read.error());
    metadata = std::move(*read);
  }
  auto table = TableReader::Open(path, file_name);
  if (!table) return Fail(table.error());
  // Reads and checks everything (with reads of the database) before the write transaction.
  Reader reader(db, *table, metadata, metadata_name);
  auto file = reader.Read(progress);
  if (!file) return Fail(file.error());
  file->file = file_name;
  return WriteInOneTransaction(db, [&] { return WriteIndicators(db, who, *file, options, source_title); });
}

}  // namespace wk::areas
