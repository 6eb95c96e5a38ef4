// Small multiples: one small bar chart per indicator, the same areas in the same order in each, so
// the eye compares areas within a panel and finds the same area at the same place in every panel.
#include <algorithm>

#include "svg.h"

namespace wk::reports {
namespace {

constexpr double kGap = 20;
constexpr double kTitleSize = 13;
constexpr double kUnitSize = 11;
constexpr double kLabelSize = 12;
constexpr double kRow = 18;
constexpr double kBarHeight = 12;

std::string Describe(const SmallMultiples& chart) {
  std::string out = "Vergelijking van ";
  for (std::size_t i = 0; i < chart.areas.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == chart.areas.size() ? " en " : ", ") + chart.areas[i];
  }
  out += ".";
  for (const auto& p : chart.panels) {
    out += " " + p.title + (p.unit.empty() ? "" : " (" + p.unit + ")") + ":";
    for (std::size_t i = 0; i < chart.areas.size(); ++i) {
      auto v = i < p.values.size() ? p.values[i] : std::nullopt;
      out += (i ? ", " : " ") + chart.areas[i] + " " + svg::ValueLabel(v, p.decimals, p.unit);
    }
    out += ".";
  }
  return out;
}

}  // namespace

std::string RenderSmallMultiples(const SmallMultiples& chart) {
  using svg::Escape;
  using svg::Num;
  ChartText text = chart.text;
  text.unit.clear();  // each panel names its own
  svg::Frame frame(text, text.description.empty() ? Describe(chart) : text.description);

  const int columns = std::clamp(chart.columns, 1, 4);
  const double panel_w = (svg::kWidth - 2 * svg::kMargin - (columns - 1) * kGap) / columns;
  double label_w = 40;
  for (const auto& a : chart.areas)
    label_w = std::max(label_w, svg::TextWidth(a, kLabelSize) * 1.1 + 12);  // bold is wider
  label_w = std::min(label_w, panel_w * 0.5);
  const double panel_h = 40 + kRow * static_cast<double>(chart.areas.size());

  std::string body;
  double y = frame.top();
  for (std::size_t pi = 0; pi < chart.panels.size(); ++pi) {
    const auto& p = chart.panels[pi];
    const int col = static_cast<int>(pi % columns);
    if (pi > 0 && col == 0) y += panel_h + kGap;
    const double px = svg::kMargin + col * (panel_w + kGap);
    body += "<text x=\"" + Num(px) + "\" y=\"" + Num(y + 13) + "\" font-size=\"" + Num(kTitleSize) +
            "\" font-weight=\"bold\" fill=\"" + svg::kInk + "\">" + Escape(svg::Fit(p.title, panel_w, kTitleSize)) +
            "</text>\n";
    if (!p.unit.empty()) {
      body += "<text x=\"" + Num(px) + "\" y=\"" + Num(y + 29) + "\" font-size=\"" + Num(kUnitSize) + "\" fill=\"" +
              svg::kMuted + "\">Eenheid: " + Escape(svg::Fit(p.unit, panel_w - 60, kUnitSize)) + "</text>\n";
    }
    double lo = 0, hi = 0, value_w = svg::TextWidth(kChartMissing, kLabelSize);
    for (std::size_t i = 0; i < chart.areas.size(); ++i) {
      auto v = i < p.values.size() ? p.values[i] : std::nullopt;
      value_w = std::max(value_w, svg::TextWidth(svg::ValueLabel(v, p.decimals, p.unit), kLabelSize));
      if (v) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
    }
    const svg::Axis axis = svg::NiceAxis(lo, hi);
    const double x0 = px + label_w, x1 = px + panel_w - value_w - 8;
    auto x = [&](double v) { return x0 + axis.Fraction(v) * (x1 - x0); };
    const double rows_top = y + 36;
    body += "<line x1=\"" + Num(x(0)) + "\" y1=\"" + Num(rows_top) + "\" x2=\"" + Num(x(0)) + "\" y2=\"" +
            Num(rows_top + kRow * static_cast<double>(chart.areas.size())) + "\" stroke=\"" + svg::kMuted +
            "\" stroke-width=\"1\"/>\n";
    for (std::size_t i = 0; i < chart.areas.size(); ++i) {
      const double ry = rows_top + kRow * static_cast<double>(i);
      const bool highlight = i == 0;
      const std::string weight = highlight ? "\" font-weight=\"bold" : "";
      auto v = i < p.values.size() ? p.values[i] : std::nullopt;
      body += "<text x=\"" + Num(x0 - 5) + "\" y=\"" + Num(ry + 13) + "\" font-size=\"" + Num(kLabelSize) +
              "\" text-anchor=\"end" + weight + "\" fill=\"" + svg::kInk + "\">" +
              Escape(svg::Fit(chart.areas[i], label_w - 10, kLabelSize)) + "</text>\n";
      if (v) {
        double a = x(std::min(0.0, *v)), z = x(std::max(0.0, *v));
        body += "<rect x=\"" + Num(a) + "\" y=\"" + Num(ry + (kRow - kBarHeight) / 2) + "\" width=\"" +
                Num(std::max(z - a, 0.0)) + "\" height=\"" + Num(kBarHeight) + "\" fill=\"" +
                (highlight ? svg::kDark : svg::kLight) + "\" stroke=\"" + (highlight ? svg::kDark : svg::kLightEdge) +
                "\" stroke-width=\"1\"/>\n";
        body += "<text x=\"" + Num(z + 4) + "\" y=\"" + Num(ry + 13) + "\" font-size=\"" + Num(kLabelSize) + weight +
                "\" fill=\"" + svg::kInk + "\">" + Escape(svg::ValueLabel(v, p.decimals, p.unit)) + "</text>\n";
      } else {
        body += "<text x=\"" + Num(x(0) + 4) + "\" y=\"" + Num(ry + 13) + "\" font-size=\"" + Num(kLabelSize) +
                "\" font-style=\"italic\" fill=\"" + svg::kMuted + "\">" + kChartMissing + "</text>\n";
      }
    }
  }
  const double bottom = chart.panels.empty() ? y : y + panel_h;
  frame.body = std::move(body);
  return frame.Finish(bottom);
}

}  // namespace wk::reports
