// Line charts of an indicator over the years: the area's line and up to three comparison lines,
// told apart in black and white by dash style and marker, each point carrying its value.
#include <algorithm>
#include <cmath>
#include <set>

#include "svg.h"

namespace wk::reports {
namespace {

constexpr double kPlotHeight = 200;
constexpr double kValueSize = 11;
constexpr double kTickSize = 11;
constexpr double kNameSize = 12;
constexpr double kTableRow = 20;
constexpr double kSample = 36;  // length of a line's sample in the table
constexpr double kInset = 28;   // room inside the plot for the first and last year's labels

struct Style {
  const char* dash;  // stroke-dasharray, "" for solid
  double width;
  const char* colour;
  const char* marker_name;  // for the description of the legend
};
constexpr Style kStyles[] = {
    {"", 3, svg::kDark, "doorgetrokken lijn met rondjes"},
    {"7 4", 2, svg::kMuted, "gestreepte lijn met vierkantjes"},
    {"2 3", 2, svg::kMuted, "gestippelde lijn met ruitjes"},
    {"9 3 2 3", 2, svg::kMuted, "streep-stippellijn met driehoekjes"},
};
constexpr std::size_t kMaxSeries = std::size(kStyles);

std::string Marker(std::size_t style, double x, double y) {
  using svg::Num;
  const std::string fill = std::string("\" fill=\"") + kStyles[style].colour + "\"/>\n";
  switch (style) {
    case 0: return "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"4.5" + fill;
    case 1: return "<rect x=\"" + Num(x - 4) + "\" y=\"" + Num(y - 4) + "\" width=\"8\" height=\"8" + fill;
    case 2:
      return "<path d=\"M" + Num(x) + " " + Num(y - 5.5) + "L" + Num(x + 5.5) + " " + Num(y) + "L" + Num(x) + " " +
             Num(y + 5.5) + "L" + Num(x - 5.5) + " " + Num(y) + "Z" + fill;
    default:
      return "<path d=\"M" + Num(x) + " " + Num(y - 5) + "L" + Num(x + 5) + " " + Num(y + 4) + "L" + Num(x - 5) + " " +
             Num(y + 4) + "Z" + fill;
  }
}

std::string Describe(const LineChart& chart, std::size_t series) {
  std::string out = "Lijndiagram";
  if (!chart.text.unit.empty()) out += " (eenheid: " + chart.text.unit + ")";
  out += ".";
  for (std::size_t i = 0; i < series; ++i) {
    const auto& s = chart.series[i];
    out += " " + s.label + " (" + kStyles[i].marker_name + "):";
    for (std::size_t j = 0; j < s.points.size(); ++j) {
      out += (j ? ", " : " ") + std::to_string(s.points[j].year) + " " +
             svg::ValueLabel(s.points[j].value, chart.decimals, chart.text.unit);
    }
    out += ".";
  }
  return out;
}

}  // namespace

std::string RenderLineChart(const LineChart& chart) {
  using svg::Escape;
  using svg::Num;
  const std::size_t n = std::min(chart.series.size(), kMaxSeries);
  svg::Frame frame(chart.text, chart.text.description.empty() ? Describe(chart, n) : chart.text.description);
  const std::string& unit = chart.text.unit;

  std::set<int> years;
  double lo = 0, hi = 0, name_w = 0;
  for (std::size_t i = 0; i < n; ++i) {
    name_w = std::max(name_w, svg::TextWidth(chart.series[i].label, kNameSize) * 1.1);
    for (const auto& p : chart.series[i].points) {
      years.insert(p.year);
      if (p.value) {
        lo = std::min(lo, *p.value);
        hi = std::max(hi, *p.value);
      }
    }
  }
  const svg::Axis axis = svg::NiceAxis(lo, hi);
  // The left column holds the y-axis labels above and the names of the lines in the table below.
  const double column = std::clamp(name_w + kSample + 14, 150.0, 250.0);
  const double left = svg::kMargin + column, right = svg::kWidth - svg::kMargin - 8;
  const double top = frame.top() + 10, bottom = top + kPlotHeight;
  const int first = years.empty() ? 0 : *years.begin(), last = years.empty() ? 0 : *years.rbegin();
  auto x = [&](int year) {
    if (first == last) return (left + right) / 2;
    return left + kInset + (right - left - 2 * kInset) * (year - first) / static_cast<double>(last - first);
  };
  auto y = [&](double v) { return bottom - axis.Fraction(v) * kPlotHeight; };

  std::string body;
  for (double t : axis.Ticks()) {
    body += "<line x1=\"" + Num(left) + "\" y1=\"" + Num(y(t)) + "\" x2=\"" + Num(right) + "\" y2=\"" + Num(y(t)) +
            "\" stroke=\"" + (t == 0 ? svg::kMuted : svg::kGrid) + "\" stroke-width=\"1\"/>\n";
    body += "<text x=\"" + Num(left - 6) + "\" y=\"" + Num(y(t) + 4) + "\" font-size=\"" + Num(kTickSize) +
            "\" text-anchor=\"end\" fill=\"" + svg::kMuted + "\">" + Escape(svg::ValueLabel(t, axis.decimals, unit)) +
            "</text>\n";
  }
  for (int year : years) {
    body += "<text x=\"" + Num(x(year)) + "\" y=\"" + Num(bottom + 16) + "\" font-size=\"" + Num(kTickSize) +
            "\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"" + svg::kInk + "\">" + std::to_string(year) +
            "</text>\n";
  }

  // Comparison lines first, so that the area's own line lies on top.
  for (std::size_t k = n; k-- > 0;) {
    const Style& style = kStyles[k];
    std::string d;
    bool pen_down = false;
    for (const auto& p : chart.series[k].points) {
      if (!p.value) {
        pen_down = false;
        continue;
      }
      d += (pen_down ? "L" : "M") + Num(x(p.year)) + " " + Num(y(*p.value));
      pen_down = true;
    }
    if (!d.empty()) {
      body += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + style.colour + "\" stroke-width=\"" + Num(style.width) +
              "\"" + (*style.dash ? std::string(" stroke-dasharray=\"") + style.dash + "\"" : "") +
              " stroke-linejoin=\"round\"/>\n";
    }
    for (const auto& p : chart.series[k].points) {
      if (p.value) body += Marker(k, x(p.year), y(*p.value));
    }
  }
  // The area's values also beside its points, where no other point is in the way.
  if (n > 0) {
    for (const auto& p : chart.series[0].points) {
      if (!p.value) continue;
      const double ly = y(*p.value) - 10;
      bool blocked = false;
      for (std::size_t k = 1; k < n; ++k) {
        for (const auto& q : chart.series[k].points) {
          if (q.year == p.year && q.value && std::abs(y(*q.value) - ly) < 14) blocked = true;
        }
      }
      if (blocked) continue;
      body += "<text x=\"" + Num(x(p.year)) + "\" y=\"" + Num(ly) + "\" font-size=\"" + Num(kValueSize) +
              "\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"" + svg::kInk + "\">" +
              Escape(svg::ValueLabel(p.value, chart.decimals, unit)) + "</text>\n";
    }
  }

  // Under the plot, a table: per line its sample, its name and its value under each year.
  double row_y = bottom + 26;
  for (std::size_t k = 0; k < n; ++k) {
    const Style& style = kStyles[k];
    const double cy = row_y + kTableRow / 2;
    body += "<line x1=\"" + Num(svg::kMargin) + "\" y1=\"" + Num(cy) + "\" x2=\"" + Num(svg::kMargin + kSample) +
            "\" y2=\"" + Num(cy) + "\" stroke=\"" + style.colour + "\" stroke-width=\"" + Num(style.width) + "\"" +
            (*style.dash ? std::string(" stroke-dasharray=\"") + style.dash + "\"" : "") + "/>\n";
    body += Marker(k, svg::kMargin + kSample / 2, cy);
    const std::string weight = k == 0 ? "\" font-weight=\"bold" : "";
    body += "<text x=\"" + Num(svg::kMargin + kSample + 8) + "\" y=\"" + Num(cy + 4) + "\" font-size=\"" +
            Num(kNameSize) + weight + "\" fill=\"" + svg::kInk + "\">" +
            Escape(svg::Fit(chart.series[k].label, column - kSample - 14, kNameSize)) + "</text>\n";
    for (const auto& p : chart.series[k].points) {
      body += "<text x=\"" + Num(x(p.year)) + "\" y=\"" + Num(cy + 4) + "\" font-size=\"" + Num(kValueSize) +
              "\" text-anchor=\"middle" + (p.value ? weight : "\" font-style=\"italic") + "\" fill=\"" +
              (p.value ? svg::kInk : svg::kMuted) + "\">" + Escape(svg::ValueLabel(p.value, chart.decimals, unit)) +
              "</text>\n";
    }
    row_y += kTableRow;
  }
  frame.body = std::move(body);
  return frame.Finish(row_y);
}

}  // namespace wk::reports
