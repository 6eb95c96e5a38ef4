#include "figures_view.h"

#include <set>

#include "wk/core/text.h"

namespace wk::web {

std::string FormatFigure(const areas::Figure& figure) {
  if (!figure.value || figure.def == nullptr) return kMissingValue;
  return areas::FormatValue(*figure.def, *figure.value);
}

std::vector<KeyFigureRow> KeyFigureRows(const std::vector<areas::Figure>& figures) {
  std::set<std::string, std::less<>> codes;
  for (const auto& f : figures) {
    if (f.def != nullptr) codes.insert(f.def->code);
  }
  // A share goes beside its count when that count is in the list too.
  auto is_paired_share = [&](const areas::Figure& f) {
    return !f.def->numerator.empty() && codes.contains(f.def->numerator);
  };
  std::vector<KeyFigureRow> rows;
  for (const auto& f : figures) {
    if (f.def == nullptr || is_paired_share(f)) continue;
    KeyFigureRow row{f.def->code, f.def->label, FormatFigure(f), !f.value, std::nullopt, false};
    for (const auto& s : figures) {
      if (s.def != nullptr && s.def->numerator == f.def->code && is_paired_share(s)) {
        row.share = FormatFigure(s);
        row.share_missing = !s.value;
        break;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string SourceLine(const std::vector<areas::Figure>& figures) {
  for (const auto& f : figures) {
    if (f.source.empty()) continue;
    return f.source_title.empty() ? "Bron: " + f.source : "Bron: " + f.source + ", " + f.source_title;
  }
  return "Bron: CBS";
}

std::optional<double> FigureValue(const std::vector<areas::Figure>& figures, std::string_view code) {
  for (const auto& f : figures) {
    if (f.def != nullptr && f.def->code == code) return f.value;
  }
  return std::nullopt;
}

}  // namespace wk::web
