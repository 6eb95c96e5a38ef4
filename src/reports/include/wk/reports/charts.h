// Charts drawn as SVG by the server, so that pages (inline or as <img>) and reports share them.
// Pure functions over plain data: the same input gives the same bytes, on any machine.
//
// Every chart carries its title, the unit of its values and a source line under it ("Bron: CBS,
// Kerncijfers wijken en buurten 2024"); it is role="img" with <title> and <desc> (named by
// aria-labelledby); it reads in black and white (every value is written beside its bar or point,
// the highlighted area is dark with a bold label, lines differ by dash style and marker); numbers
// are in Dutch notation (wk::text::FormatNumber); a missing value is written "ontbreekt" and never
// drawn as 0; the size is given as a viewBox so the chart scales to its container; all text is
// escaped. No style attributes or <style> elements (the pages' CSP forbids inline style), only
// presentation attributes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace wk::reports {

// What a missing value reads as in a chart.
inline constexpr const char* kChartMissing = "ontbreekt";

// The words around a chart.
struct ChartText {
  // Prefix of the chart's element ids ("<id>-title", "<id>-desc", ...): make it unique within a
  // page that inlines several charts. Letters, digits and '-' only; "grafiek" when empty.
  std::string id;
  std::string title;  // "Leeftijdsopbouw, Kanaleneiland, 2024"
  // The unit of the values ("%", "aantal", "x 1 000 euro"), printed under the title as
  // "Eenheid: ..."; "%" is also written after every value ("12,5%").
  std::string unit;
  std::string source;  // "CBS, Kerncijfers wijken en buurten 2024"; printed as "Bron: ..."
  // The text of <desc> for screen readers; when empty the chart writes one from its data.
  std::string description;
};

// --- Horizontal bars -------------------------------------------------------------------------

struct Bar {
  std::string label;            // "Kanaleneiland"
  std::optional<double> value;  // missing: written "ontbreekt", no bar
  bool highlight = false;       // the area the chart is about: dark bar, bold label
};
// Bars under a heading, e.g. the age band "65 jaar of ouder" with a bar for the buurt, its wijk
// and its gemeente. A chart of one group leaves its label empty.
struct BarGroup {
  std::string label;
  std::vector<Bar> bars;
};
struct BarChart {
  ChartText text;
  std::vector<BarGroup> groups;
  int decimals = 0;  // of the value labels; the axis picks its own
};
// The bars start at 0 (negative values extend left of it); one shared scale for all groups.
std::string RenderBarChart(const BarChart& chart);

// Highest value first, missing last; equal values keep their order (stable).
void SortBarsDescending(std::vector<Bar>& bars);

// --- Lines over the years --------------------------------------------------------------------

struct LinePoint {
  int year = 0;
  std::optional<double> value;  // missing: a gap in the line, "ontbreekt" in the table
};
struct LineSeries {
  std::string label;  // "Kanaleneiland", "Gemeente Utrecht"
  std::vector<LinePoint> points;
};
struct LineChart {
  ChartText text;
  // The first series is the area (solid, thick, round markers); the others are comparisons
  // (dashed with square markers, dotted with diamonds, dash-dot with triangles). At most four.
  std::vector<LineSeries> series;
  int decimals = 0;
};
// Years on the x-axis at their distance in time; the y-axis starts at 0 unless values are
// negative. Under the plot a table gives each line's sample, name and value under every year; the
// area's values also stand above its points where no other point is in the way.
std::string RenderLineChart(const LineChart& chart);

// --- Small multiples: two to four areas side by side ------------------------------------------

// One indicator: a small bar chart with one bar per area, in SmallMultiples::areas order.
struct Panel {
  std::string title;  // "Aandeel 65 jaar of ouder"
  std::string unit;   // "%"
  int decimals = 0;
  std::vector<std::optional<double>> values;  // one per area; missing: "ontbreekt"
};
struct SmallMultiples {
  ChartText text;                  // text.unit is unused: each panel names its own
  std::vector<std::string> areas;  // the areas compared; the first is highlighted in every panel
  std::vector<Panel> panels;
  int columns = 2;  // panels per row (1 to 4)
};
// Each panel has its own scale from 0; the areas keep the same order in every panel.
std::string RenderSmallMultiples(const SmallMultiples& chart);

}  // namespace wk::reports
