// Building blocks of the charts: escaping, locale-free coordinates, a rough text width, a "nice"
// axis, and the frame every chart shares (svg element, title, desc, unit line, source line).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/reports/charts.h"

namespace wk::reports::svg {

// Text for XML content and attribute values: & < > " ' escaped, control characters dropped (they
// are not allowed in XML 1.0).
std::string Escape(std::string_view s);
// A coordinate with at most one decimal, '.' as decimal point whatever the locale ("12.5", "3").
std::string Num(double v);
// The width in pixels a sans-serif text of `font_size` takes, roughly (0.55 em per character,
// counted in code points). Good enough to size label columns; never used for exact placement.
double TextWidth(std::string_view utf8, double font_size);
// `s` cut to at most `max_width` pixels at `font_size`, ending in "…" when cut.
std::string Fit(std::string_view utf8, double max_width, double font_size);

// A value label in Dutch notation: "12,5%" for unit "%", else "1.234,5"; "ontbreekt" when missing.
std::string ValueLabel(std::optional<double> value, int decimals, std::string_view unit);

// An axis from lo to hi (lo <= 0 <= hi when the data allow) with ticks at a step of 1, 2 or 5
// times a power of ten, about `target` of them.
struct Axis {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;  // of the tick labels
  std::vector<double> Ticks() const;
  double Fraction(double v) const { return hi == lo ? 0 : (v - lo) / (hi - lo); }
};
Axis NiceAxis(double lo, double hi, int target = 5);

// The chart's id prefix: ChartText::id reduced to letters, digits and '-', "grafiek" when empty.
std::string IdPrefix(const ChartText& text);

inline constexpr double kWidth = 640;
inline constexpr double kMargin = 16;
inline constexpr const char* kInk = "#1a1a1a";        // text
inline constexpr const char* kMuted = "#4d4d4d";      // secondary text (7:1 on white)
inline constexpr const char* kGrid = "#d9d9d9";       // grid lines
inline constexpr const char* kDark = "#1d3a5f";       // the highlighted area
inline constexpr const char* kLight = "#9fb4cc";      // other areas (light grey in black and white)
inline constexpr const char* kLightEdge = "#5d7690";  // their outline, so a light bar shows on paper

// Writes the frame around a chart's body. Usage: Frame f(text, description); f.body += ...;
// std::string svg = f.Finish(height_of_body).
class Frame {
 public:
  // `description`: ChartText::description, or the one the chart wrote from its data.
  Frame(const ChartText& text, std::string description);
  // y where the body starts (below title and unit line).
  double top() const { return top_; }
  const std::string& id() const { return id_; }
  std::string body;
  // The whole svg: the body ends at `body_bottom`; the source line goes under it.
  std::string Finish(double body_bottom) const;

 private:
  ChartText text_;
  std::string description_;
  std::string id_;
  double top_ = 0;
};

}  // namespace wk::reports::svg
