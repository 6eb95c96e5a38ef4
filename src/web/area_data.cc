#include "area_data.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "wk/core/text.h"

namespace wk::web {

std::string NormalizeAreaCode(std::string_view code) {
  std::string out(text::Trim(code));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

Result<std::optional<int>> ParseYear(const std::optional<std::string>& raw, std::string_view field) {
  if (!raw || text::Trim(*raw).empty()) return std::optional<int>();
  auto year = text::ParseInt(*raw);
  if (!year || *year < 1900 || *year > 2999) {
    return Fail(ErrorCode::kInvalid, "Het jaar moet een jaartal zijn, zoals 2024.", std::string(field));
  }
  return std::optional<int>(static_cast<int>(*year));
}

Result<int> ChooseYear(const std::vector<int>& years, std::optional<int> wanted, std::string_view field) {
  if (years.empty()) return Fail(ErrorCode::kNotFound, "Er zijn nog geen cijfers voor dit gebied.");
  if (!wanted) return *std::max_element(years.begin(), years.end());
  if (std::find(years.begin(), years.end(), *wanted) != years.end()) return *wanted;
  std::string list;
  for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
  return Fail(ErrorCode::kInvalid,
              "Er zijn geen cijfers van " + std::to_string(*wanted) + " voor dit gebied. Beschikbaar: " + list + ".",
              std::string(field));
}

nlohmann::json AreaJson(const areas::Area& area) {
  nlohmann::json j = {
      {"code", area.code},
      {"name", area.name},
      {"level", areas::LevelName(area.level)},
      {"parent_code", area.parent_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(area.parent_code)},
      {"bbox", nullptr},
  };
  if (area.bbox) j["bbox"] = {area.bbox->min_lon, area.bbox->min_lat, area.bbox->max_lon, area.bbox->max_lat};
  return j;
}

std::string_view DirectionName(areas::Direction direction) {
  switch (direction) {
    case areas::Direction::kNeutral: return "neutral";
    case areas::Direction::kHigherIsBetter: return "higher_is_better";
    case areas::Direction::kLowerIsBetter: return "lower_is_better";
  }
  return "neutral";
}

nlohmann::json FigureJson(const areas::Figure& figure) {
  nlohmann::json j = nlohmann::json::object();
  if (figure.def != nullptr) {
    const auto& d = *figure.def;
    j = {{"code", d.code},
         {"label", d.label},
         {"unit", d.unit},
         {"theme", d.theme},
         {"direction", DirectionName(d.direction)},
         {"decimals", d.decimals},
         {"key_figure", d.key_figure}};
    if (!d.numerator.empty()) {
      j["derived"] = {{"numerator", d.numerator}, {"denominator", d.denominator}, {"scale", d.scale}};
    }
  }
  j["year"] = figure.year;
  j["value"] = figure.value ? nlohmann::json(*figure.value) : nlohmann::json(nullptr);
  j["source"] = figure.source;
  j["source_title"] = figure.source_title;
  return j;
}

}  // namespace wk::web
