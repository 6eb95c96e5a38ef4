#include "indicator_metadata.h"

#include <array>
#include <filesystem>

#include "catalogue.h"
#include "table_reader.h"
#include "wk/core/text.h"

namespace wk::areas {
namespace {

// Codes appear in URLs and file headers: keep them plain.
bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > 40 || !(code[0] >= 'a' && code[0] <= 'z')) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string ThemeList() {
  std::string out;
  for (auto theme : KnownThemes()) {
    if (!out.empty()) out += ", ";
    out += theme;
  }
  return out;
}

}  // namespace

Result<std::string> MetadataPathFor(const std::string& data_path, const std::string& given) {
  namespace fs = std::filesystem;
  if (!given.empty()) {
    if (!fs::is_regular_file(given)) {
      return Fail(ErrorCode::kBadInput, "Het metadatabestand bestaat niet.", "meta",
                  fs::path(given).filename().string());
    }
    return given;
  }
  fs::path beside = fs::path(data_path).parent_path() / (fs::path(data_path).stem().string() + ".meta.csv");
  return fs::is_regular_file(beside) ? beside.string() : std::string();
}

Result<std::map<std::string, MetadataRow>> ReadMetadata(const std::string& path, const std::string& display_name) {
  auto reader = TableReader::Open(path, display_name);
  if (!reader) return Fail(reader.error());
  constexpr std::array<const char*, 5> kRequired = {"code", "label", "unit", "theme", "direction"};
  std::array<std::size_t, 5> idx{};
  for (std::size_t i = 0; i < kRequired.size(); ++i) {
    auto at = reader->Find(kRequired[i]);
    if (!at) {
      return Fail(ErrorCode::kBadInput,
                  "Kolom ontbreekt; een metadatabestand heeft de kolommen code, label, unit, theme, direction en "
                  "eventueel group, decimals en trend_threshold.",
                  std::string("kolom ") + kRequired[i], display_name + ":1");
    }
    idx[i] = *at;
  }
  auto group_col = reader->Find("group");
  auto decimals_col = reader->Find("decimals");
  auto threshold_col = reader->Find("trend_threshold");

  std::map<std::string, MetadataRow> out;
  while (auto row = reader->Next()) {
    const auto& cells = row->cells;
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) continue;
    std::string where = display_name + ":" + std::to_string(row->line);
    auto bad = [&](std::string_view column, std::string message) {
      return Fail(ErrorCode::kBadInput, std::move(message), "kolom " + std::string(column), where);
    };
    MetadataRow m;
    m.line = row->line;
    IndicatorDef& d = m.def;
    d.custom = true;
    d.code = text::ToLowerAscii(cells[idx[0]]);
    d.label = cells[idx[1]];
    d.unit = cells[idx[2]];
    d.theme = text::ToLowerAscii(cells[idx[3]]);
    if (d.code.empty()) return bad("code", "Code ontbreekt.");
    if (!IsValidCode(d.code)) {
      return bad("code", "Code '" + cells[idx[0]] +
                             "' is ongeldig; gebruik kleine letters, cijfers en _, beginnend met een letter "
                             "(bijvoorbeeld ggd_eenzaam).");
    }
    if (FindIndicator(d.code) != nullptr) {
      return bad("code", "Indicator " + d.code + " staat al in de indicatorencatalogus en heeft geen metadata nodig.");
    }
    if (auto it = out.find(d.code); it != out.end()) {
      return bad("code", "Code " + d.code + " staat ook op regel " + std::to_string(it->second.line) + ".");
    }
    if (d.label.empty()) return bad("label", "Label ontbreekt.");
    if (d.unit.empty()) return bad("unit", "Eenheid ontbreekt (bijvoorbeeld %, aantal of per 1 000 inwoners).");
    if (!IsKnownTheme(d.theme)) {
      return bad("theme", "Onbekend thema '" + cells[idx[3]] + "'; kies uit: " + ThemeList() + ".");
    }
    auto direction = ParseDirection(text::ToLowerAscii(cells[idx[4]]));
    if (!direction) {
      return bad("direction", "Onbekende richting '" + cells[idx[4]] +
                                  "'; verwacht higher (hoger is beter), lower (lager is beter) of neutral.");
    }
    d.direction = *direction;
    if (group_col) d.group = cells[*group_col];
    d.decimals = 1;
    if (decimals_col && !cells[*decimals_col].empty()) {
      auto decimals = text::ParseInt(cells[*decimals_col]);
      if (!decimals || *decimals < 0 || *decimals > 6) {
        return bad("decimals", "Verwacht een aantal decimalen van 0 tot 6.");
      }
      d.decimals = static_cast<int>(*decimals);
    }
    if (threshold_col) {
      auto threshold = ParseTrendThreshold(cells[*threshold_col]);
      if (!threshold) return bad("trend_threshold", kBadTrendThreshold);
      d.trend_threshold = *threshold;
    }
    out.emplace(d.code, std::move(m));
  }
  return out;
}

}  // namespace wk::areas
