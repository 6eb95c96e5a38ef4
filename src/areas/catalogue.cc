#include "catalogue.h"

#include <array>
#include <stdexcept>
#include <unordered_map>

#include "embedded_areas_catalogue.h"
#include "gdal_util.h"
#include "table_reader.h"
#include "wk/core/text.h"

namespace wk::areas {
namespace {

constexpr std::array<std::string_view, 12> kUnits = {"aantal",
                                                     "%",
                                                     "per 1 000 inwoners",
                                                     "aantal inwoners per km2",
                                                     "x 1 000 euro",
                                                     "kWh",
                                                     "m3",
                                                     "km",
                                                     "ha",
                                                     "per huishouden",
                                                     "per km2",
                                                     "code"};

// The themes in the order a professional reads an area (ADR 9): people and households first, then
// living, means and care, the neighbourhood's facilities and safety, and the physical context last.
// "overig" is for imported figures that fit none of the others; the catalogue itself never uses it.
constexpr std::array<std::string_view, 14> kThemes = {"bevolking",
                                                      "huishoudens",
                                                      "wonen",
                                                      "inkomen",
                                                      "werk en uitkeringen",
                                                      "zorg en welzijn",
                                                      "voorzieningen",
                                                      "veiligheid",
                                                      "onderwijs",
                                                      "energie",
                                                      "mobiliteit",
                                                      "bedrijven",
                                                      "oppervlakte en stedelijkheid",
                                                      "overig"};

// gwb_code_10/gwb_code_8 are the code in two spellings, ind_wbi flags boundary changes, pst_mvp
// and pst_dekp are the most common postcode and how well it covers the area: none is a measure.
constexpr std::array<std::string_view, 9> kIdentification = {"gwb_code_10", "gwb_code_8", "regio",   "gm_naam", "recs",
                                                             "gwb_code",    "ind_wbi",    "pst_mvp", "pst_dekp"};

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view v) {
  for (auto x : list) {
    if (x == v) return true;
  }
  return false;
}

}  // namespace

std::span<const std::string_view> KnownUnits() {
  return kUnits;
}
std::span<const std::string_view> KnownThemes() {
  return kThemes;
}

std::optional<double> ParseTrendThreshold(std::string_view text) {
  if (text::Trim(text).empty()) return kDefaultTrendThreshold;
  auto value = text::ParseDouble(text::Trim(text));
  if (!value || *value < 0 || *value > 100) return std::nullopt;
  return *value;
}

std::optional<Direction> ParseDirection(std::string_view text) {
  if (text == "higher" || text == "hoger") return Direction::kHigherIsBetter;
  if (text == "lower" || text == "lager") return Direction::kLowerIsBetter;
  if (text == "neutral" || text == "neutraal") return Direction::kNeutral;
  return std::nullopt;
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kHigherIsBetter: return "higher";
    case Direction::kLowerIsBetter: return "lower";
    case Direction::kNeutral: break;
  }
  return "neutral";
}

bool IsKnownTheme(std::string_view theme) {
  return Contains(kThemes, theme);
}

bool IsIdentificationColumn(std::string_view column) {
  return Contains(kIdentification, text::ToLowerAscii(column));
}

Result<std::vector<IndicatorDef>> ParseCatalogue(std::string_view csv_bytes) {
  gdal::MemFile file(csv_bytes, "indicators.csv");
  auto reader = TableReader::Open(file.path(), "indicators.csv");
  if (!reader) return Fail(reader.error());
  const char* kColumns[] = {"code",     "label",      "group",           "unit",      "theme",       "direction",
                            "decimals", "key_figure", "trend_threshold", "numerator", "denominator", "scale"};
  std::array<std::size_t, 12> idx{};
  for (std::size_t i = 0; i < idx.size(); ++i) {
    auto at = reader->Find(kColumns[i]);
    if (!at)
      return Fail(ErrorCode::kBadInput, "Kolom ontbreekt.", std::string("kolom ") + kColumns[i], "indicators.csv:1");
    idx[i] = *at;
  }
  std::vector<IndicatorDef> out;
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<int> lines;
  while (auto row = reader->Next()) {
    auto cell = [&](int c) -> const std::string& { return row->cells[idx[static_cast<std::size_t>(c)]]; };
    std::string where = "indicators.csv:" + std::to_string(row->line);
    auto bad = [&](int c, std::string msg) {
      return Fail(ErrorCode::kBadInput, std::move(msg), std::string("kolom ") + kColumns[c], where);
    };
    IndicatorDef d;
    d.code = cell(0);
    d.label = cell(1);
    d.group = cell(2);
    d.unit = cell(3);
    d.theme = cell(4);
    if (d.code.empty()) return bad(0, "Code ontbreekt.");
    if (seen.contains(d.code)) return bad(0, "Code '" + d.code + "' staat er twee keer in.");
    if (d.label.empty()) return bad(1, "Label ontbreekt.");
    if (!Contains(kUnits, d.unit)) return bad(3, "Onbekende eenheid '" + d.unit + "'.");
    if (!Contains(kThemes, d.theme)) return bad(4, "Onbekend thema '" + d.theme + "'.");
    auto direction = ParseDirection(cell(5));
    if (!direction) return bad(5, "Verwacht higher, lower of neutral.");
    d.direction = *direction;
    auto decimals = text::ParseInt(cell(6));
    if (!decimals || *decimals < 0 || *decimals > 6) return bad(6, "Verwacht een aantal decimalen van 0 tot 6.");
    d.decimals = static_cast<int>(*decimals);
    if (cell(7) != "yes" && cell(7) != "no") return bad(7, "Verwacht yes of no.");
    d.key_figure = cell(7) == "yes";
    auto threshold = ParseTrendThreshold(cell(8));
    if (!threshold) return bad(8, kBadTrendThreshold);
    d.trend_threshold = *threshold;
    d.numerator = cell(9);
    d.denominator = cell(10);
    if (d.numerator.empty() != d.denominator.empty()) return bad(9, "Teller en noemer horen samen.");
    if (!d.numerator.empty()) {
      auto scale = text::ParseDouble(cell(11));
      if (!scale || *scale <= 0) return bad(11, "Verwacht een schaal groter dan 0.");
      d.scale = *scale;
    } else if (!cell(11).empty()) {
      return bad(11, "Een schaal hoort alleen bij een afgeleide indicator.");
    }
    seen.emplace(d.code, out.size());
    lines.push_back(row->line);
    out.push_back(std::move(d));
  }
  // Inputs of derived shares must be stored indicators of the catalogue.
  for (std::size_t i = 0; i < out.size(); ++i) {
    const IndicatorDef& d = out[i];
    for (const std::string* input : {&d.numerator, &d.denominator}) {
      if (input->empty()) continue;
      auto it = seen.find(*input);
      if (it == seen.end() || out[it->second].IsDerived()) {
        return Fail(ErrorCode::kBadInput, "'" + *input + "' is geen opgeslagen indicator uit de catalogus.",
                    input == &d.numerator ? "kolom numerator" : "kolom denominator",
                    "indicators.csv:" + std::to_string(lines[i]));
      }
    }
  }
  return out;
}

const std::vector<IndicatorDef>& Catalogue() {
  static const std::vector<IndicatorDef> catalogue = [] {
    auto bytes = embedded::Find(embedded::areas_catalogue(), "indicators.csv");
    if (!bytes) throw std::logic_error("indicators.csv is not embedded");
    auto parsed = ParseCatalogue(*bytes);
    // The file is ours and tested row by row: a failure here is a bug, not an input error.
    if (!parsed) throw std::logic_error("indicators.csv: " + parsed.error().Describe());
    return std::move(*parsed);
  }();
  return catalogue;
}

const IndicatorDef* FindIndicator(std::string_view code) {
  static const std::unordered_map<std::string_view, const IndicatorDef*> index = [] {
    std::unordered_map<std::string_view, const IndicatorDef*> m;
    for (const auto& d : Catalogue()) m.emplace(d.code, &d);
    return m;
  }();
  auto it = index.find(code);
  return it == index.end() ? nullptr : it->second;
}

std::string FormatValue(const IndicatorDef& def, double value) {
  if (def.unit == "%") return text::FormatPercent(value, def.decimals);
  std::string number = text::FormatNumber(value, def.decimals);
  if (def.unit.empty() || def.unit == "aantal") return number;
  if (def.unit == "euro") return "€ " + number;
  return number + " " + def.unit;
}

}  // namespace wk::areas
