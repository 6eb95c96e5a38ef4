// How statistics read on pages and in downloads: Dutch number notation, the key-figures table
// (counts beside their shares), and the phrase for values CBS keeps secret or does not know yet.
// Pure functions over areas::Figure, so they are tested without a database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "wk/areas/areas.h"

namespace wk::web {

// What a page shows instead of a missing value ('.' in the CBS file: secret or not yet known; or
// nothing loaded). Never "0". Pages explain it (the "missing" partial).
inline constexpr const char* kMissingValue = "ontbreekt";

// The indicator code of the number of inhabitants (CBS "a_inw").
inline constexpr const char* kInhabitantsCode = "a_inw";

// areas::FormatValue, or kMissingValue when the value is missing.
std::string FormatFigure(const areas::Figure& figure);

// One line of the key-figures table: a figure and, when the list also holds a derived share whose
// numerator is this figure ("p_65_oo" = a_65_oo / a_inw), that share beside it.
struct KeyFigureRow {
  std::string code;
  std::string label;
  std::string value;  // formatted, or kMissingValue
  bool value_missing = false;
  std::optional<std::string> share;  // formatted share, or kMissingValue; empty when there is none
  bool share_missing = false;
};
// Pairs counts with their shares, in the order of `figures`; a share whose count is not in the
// list gets a row of its own.
std::vector<KeyFigureRow> KeyFigureRows(const std::vector<areas::Figure>& figures);

// "Bron: CBS, Kerncijfers wijken en buurten 2024" from the figures' source, or "Bron: CBS" when
// the figures do not name one.
std::string SourceLine(const std::vector<areas::Figure>& figures);

// The value of indicator `code` among `figures`, if present and not missing.
std::optional<double> FigureValue(const std::vector<areas::Figure>& figures, std::string_view code);

}  // namespace wk::web
