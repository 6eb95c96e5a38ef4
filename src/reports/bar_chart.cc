// Horizontal bar charts: one row per bar, its label left, its value written right of the bar.
// Horizontal because area names are long, and values in Dutch notation fit beside each bar.
#include <algorithm>

#include "svg.h"

namespace wk::reports {
namespace {

constexpr double kLabelSize = 13;
constexpr double kValueSize = 12;
constexpr double kTickSize = 11;
constexpr double kRow = 20;
constexpr double kBarHeight = 14;
constexpr double kGroupGap = 6;
constexpr std::size_t kListAll = 20;  // up to this many bars the description names every value

std::string Describe(const BarChart& chart) {
  std::size_t count = 0;
  for (const auto& g : chart.groups) count += g.bars.size();
  std::string out = "Staafdiagram";
  if (!chart.text.unit.empty()) out += " (eenheid: " + chart.text.unit + ")";
  out += ". ";
  auto value = [&](const Bar& b) { return svg::ValueLabel(b.value, chart.decimals, chart.text.unit); };
  if (count <= kListAll) {
    for (const auto& g : chart.groups) {
      if (!g.label.empty()) out += g.label + ": ";
      for (std::size_t i = 0; i < g.bars.size(); ++i) {
        out += (i ? ", " : "") + g.bars[i].label + " " + value(g.bars[i]);
      }
      out += ". ";
    }
  } else {
    // Too many to list: the highest, the lowest and the highlighted ones.
    std::vector<const Bar*> with_value;
    for (const auto& g : chart.groups) {
      for (const auto& b : g.bars) {
        if (b.value) with_value.push_back(&b);
      }
    }
    out += std::to_string(count) + " waarden";
    if (std::size_t missing = count - with_value.size(); missing > 0) {
      out += ", waarvan " + std::to_string(missing) + (missing == 1 ? " ontbreekt" : " ontbreken");
    }
    out += ". ";
    if (!with_value.empty()) {
      auto [lo, hi] = std::minmax_element(with_value.begin(), with_value.end(),
                                          [](const Bar* a, const Bar* b) { return *a->value < *b->value; });
      out += "Hoogste: " + (*hi)->label + " " + value(**hi) + ". Laagste: " + (*lo)->label + " " + value(**lo) + ". ";
    }
    for (const auto& g : chart.groups) {
      for (const auto& b : g.bars) {
        if (b.highlight) out += b.label + ": " + value(b) + ". ";
      }
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

void SortBarsDescending(std::vector<Bar>& bars) {
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    if (a.value && b.value) return *a.value > *b.value;
    return a.value.has_value() && !b.value.has_value();
  });
}

std::string RenderBarChart(const BarChart& chart) {
  using svg::Escape;
  using svg::Num;
  svg::Frame frame(chart.text, chart.text.description.empty() ? Describe(chart) : chart.text.description);
  const std::string& unit = chart.text.unit;

  double lo = 0, hi = 0, label_w = 60, value_w = svg::TextWidth(kChartMissing, kValueSize);
  for (const auto& g : chart.groups) {
    for (const auto& b : g.bars) {
      label_w = std::max(label_w, svg::TextWidth(b.label, kLabelSize) * (b.highlight ? 1.1 : 1) + 12);
      value_w = std::max(value_w, svg::TextWidth(svg::ValueLabel(b.value, chart.decimals, unit), kValueSize));
      if (b.value) {
        lo = std::min(lo, *b.value);
        hi = std::max(hi, *b.value);
      }
    }
  }
  label_w = std::min(label_w, 260.0);
  value_w += 10;
  const svg::Axis axis = svg::NiceAxis(lo, hi);
  const double x0 = svg::kMargin + label_w, x1 = svg::kWidth - svg::kMargin - value_w;
  auto x = [&](double v) { return x0 + axis.Fraction(v) * (x1 - x0); };

  // Rows first (their height decides the grid's), grid and ticks behind them afterwards.
  std::string rows;
  double y = frame.top();
  for (std::size_t gi = 0; gi < chart.groups.size(); ++gi) {
    const auto& g = chart.groups[gi];
    if (gi > 0) y += kGroupGap;
    if (!g.label.empty()) {
      rows += "<text x=\"" + Num(svg::kMargin) + "\" y=\"" + Num(y + 14) + "\" font-size=\"" + Num(kLabelSize) +
              "\" font-weight=\"bold\" fill=\"" + svg::kInk + "\">" +
              Escape(svg::Fit(g.label, svg::kWidth - 2 * svg::kMargin, kLabelSize)) + "</text>\n";
      y += kRow;
    }
    for (const auto& b : g.bars) {
      const std::string weight = b.highlight ? "\" font-weight=\"bold" : "";
      rows += "<text x=\"" + Num(x0 - 6) + "\" y=\"" + Num(y + 14) + "\" font-size=\"" + Num(kLabelSize) +
              "\" text-anchor=\"end" + weight + "\" fill=\"" + svg::kInk + "\">" +
              Escape(svg::Fit(b.label, label_w - 10, kLabelSize)) + "</text>\n";
      if (b.value) {
        double a = x(std::min(0.0, *b.value)), z = x(std::max(0.0, *b.value));
        rows += "<rect x=\"" + Num(a) + "\" y=\"" + Num(y + (kRow - kBarHeight) / 2) + "\" width=\"" +
                Num(std::max(z - a, 0.0)) + "\" height=\"" + Num(kBarHeight) + "\" fill=\"" +
                (b.highlight ? svg::kDark : svg::kLight) + "\" stroke=\"" +
                (b.highlight ? svg::kDark : svg::kLightEdge) + "\" stroke-width=\"1\"/>\n";
        rows += "<text x=\"" + Num(x(std::max(0.0, *b.value)) + 4) + "\" y=\"" + Num(y + 14) + "\" font-size=\"" +
                Num(kValueSize) + weight + "\" fill=\"" + svg::kInk + "\">" +
                Escape(svg::ValueLabel(b.value, chart.decimals, unit)) + "</text>\n";
      } else {
        rows += "<text x=\"" + Num(x(0) + 4) + "\" y=\"" + Num(y + 14) + "\" font-size=\"" + Num(kValueSize) +
                "\" font-style=\"italic\" fill=\"" + svg::kMuted + "\">" + kChartMissing + "</text>\n";
      }
      y += kRow;
    }
  }
  const double bottom = y;

  std::string grid;
  for (double t : axis.Ticks()) {
    const bool zero = t == 0;
    grid += "<line x1=\"" + Num(x(t)) + "\" y1=\"" + Num(frame.top()) + "\" x2=\"" + Num(x(t)) + "\" y2=\"" +
            Num(bottom) + "\" stroke=\"" + (zero ? svg::kMuted : svg::kGrid) + "\" stroke-width=\"1\"/>\n";
    grid += "<text x=\"" + Num(x(t)) + "\" y=\"" + Num(bottom + 14) + "\" font-size=\"" + Num(kTickSize) +
            "\" text-anchor=\"middle\" fill=\"" + svg::kMuted + "\">" +
            Escape(svg::ValueLabel(t, axis.decimals, unit)) + "</text>\n";
  }
  frame.body = grid + rows;
  return frame.Finish(bottom + 18);
}

}  // namespace wk::reports
