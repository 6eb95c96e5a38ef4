#include "svg.h"

#include <charconv>
#include <cmath>

#include "wk/core/text.h"

namespace wk::reports::svg {

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        out += c;
    }
  }
  return out;
}

std::string Num(double v) {
  double rounded = std::round(v * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 1);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

namespace {
// Code points of UTF-8 text (continuation bytes not counted).
std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}
}  // namespace

double TextWidth(std::string_view utf8, double font_size) {
  return static_cast<double>(CodePoints(utf8)) * font_size * 0.55;
}

std::string Fit(std::string_view utf8, double max_width, double font_size) {
  if (TextWidth(utf8, font_size) <= max_width) return std::string(utf8);
  auto keep = static_cast<std::size_t>(std::max(1.0, std::floor(max_width / (font_size * 0.55)) - 1));
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    bool starts = (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80;
    if (starts && n++ == keep) break;
    out += utf8[i];
  }
  return out + "…";
}

std::string ValueLabel(std::optional<double> value, int decimals, std::string_view unit) {
  if (!value) return kChartMissing;
  return unit == "%" ? text::FormatPercent(*value, decimals) : text::FormatNumber(*value, decimals);
}

std::vector<double> Axis::Ticks() const {
  std::vector<double> out;
  if (step <= 0) return out;
  // Counted in steps from lo, so rounding never drops the last tick.
  auto n = static_cast<int>(std::llround((hi - lo) / step));
  for (int i = 0; i <= n; ++i) out.push_back(lo + i * step);
  return out;
}

Axis NiceAxis(double lo, double hi, int target) {
  Axis a;
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi == lo) hi = lo + 1;
  double raw = (hi - lo) / std::max(1, target);
  double power = std::pow(10, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  a.step = step;
  a.lo = std::floor(lo / step) * step;
  a.hi = std::ceil(hi / step) * step;
  a.decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return a;
}

std::string IdPrefix(const ChartText& text) {
  std::string out;
  for (char c : text.id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') out += c;
  }
  return out.empty() ? "grafiek" : out;
}

namespace {
constexpr double kTitleSize = 16;
constexpr double kUnitSize = 13;
constexpr double kSourceSize = 12;
constexpr double kLineHeight = 20;

// The title in at most two lines, broken at spaces; a longer one is cut with "…".
std::vector<std::string> TitleLines(std::string_view title) {
  const double max = kWidth - 2 * kMargin;
  if (TextWidth(title, kTitleSize) <= max) return {std::string(title)};
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title[i] == ' ' && TextWidth(title.substr(0, i), kTitleSize) <= max) cut = i;
  }
  if (cut == std::string_view::npos) return {Fit(title, max, kTitleSize)};
  return {std::string(title.substr(0, cut)), Fit(title.substr(cut + 1), max, kTitleSize)};
}
}  // namespace

Frame::Frame(const ChartText& text, std::string description)
    : text_(text), description_(std::move(description)), id_(IdPrefix(text)) {
  top_ = kMargin - 2 + kLineHeight * static_cast<double>(TitleLines(text_.title).size()) +
         (text_.unit.empty() ? 0 : kLineHeight) + 12;
}

std::string Frame::Finish(double body_bottom) const {
  const double height = std::ceil(body_bottom + 36);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(kWidth) + " " + Num(height) +
                    "\" width=\"" + Num(kWidth) + "\" height=\"" + Num(height) + "\" role=\"img\" aria-labelledby=\"" +
                    id_ + "-title " + id_ + "-desc\" font-family=\"sans-serif\">\n";
  out += "<title id=\"" + id_ + "-title\">" + Escape(text_.title) + "</title>\n";
  out += "<desc id=\"" + id_ + "-desc\">" + Escape(description_) + "</desc>\n";
  out += "<rect width=\"" + Num(kWidth) + "\" height=\"" + Num(height) + "\" fill=\"#ffffff\"/>\n";
  double y = kMargin - 2;
  for (const auto& line : TitleLines(text_.title)) {
    y += kLineHeight - 4;
    out += "<text x=\"" + Num(kMargin) + "\" y=\"" + Num(y) + "\" font-size=\"" + Num(kTitleSize) +
           "\" font-weight=\"bold\" fill=\"" + kInk + "\">" + Escape(line) + "</text>\n";
    y += 4;
  }
  if (!text_.unit.empty()) {
    y += kLineHeight - 4;
    out += "<text x=\"" + Num(kMargin) + "\" y=\"" + Num(y) + "\" font-size=\"" + Num(kUnitSize) + "\" fill=\"" +
           kMuted + "\">Eenheid: " + Escape(text_.unit) + "</text>\n";
  }
  out += body;
  out += "<text x=\"" + Num(kMargin) + "\" y=\"" + Num(body_bottom + 24) + "\" font-size=\"" + Num(kSourceSize) +
         "\" fill=\"" + kMuted + "\">Bron: " + Escape(text_.source.empty() ? "onbekend" : text_.source) + "</text>\n";
  out += "</svg>\n";
  return out;
}

}  // namespace wk::reports::svg
