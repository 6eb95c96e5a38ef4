#include "wk/core/text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace wk::text {

std::string FormatNumber(double value, int decimals) {
  if (!std::isfinite(value)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string raw = buf;
  bool negative = !raw.empty() && raw[0] == '-';
  if (negative) raw.erase(0, 1);
  auto dot = raw.find('.');
  std::string int_part = raw.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : raw.substr(dot + 1);
  if (negative && int_part.find_first_not_of('0') == std::string::npos &&
      frac.find_first_not_of('0') == std::string::npos) {
    negative = false;  // "-0,0" reads as an error
  }
  std::string grouped;
  int count = 0;
  for (auto it = int_part.rbegin(); it != int_part.rend(); ++it) {
    if (count > 0 && count % 3 == 0) grouped.insert(grouped.begin(), '.');
    grouped.insert(grouped.begin(), *it);
    ++count;
  }
  std::string out = negative ? "-" + grouped : grouped;
  if (!frac.empty()) out += "," + frac;
  return out;
}

std::string FormatPercent(double value, int decimals) {
  if (!std::isfinite(value)) return "–";
  return FormatNumber(value, decimals) + "%";
}

std::string_view Trim(std::string_view s) {
  auto is_space = [](std::string_view v, std::size_t i, bool front) -> std::size_t {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    // U+00A0 NO-BREAK SPACE is C2 A0 in UTF-8.
    if (front && c == 0xC2 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0xA0) return 2;
    if (!front && c == 0xA0 && i > 0 && static_cast<unsigned char>(v[i - 1]) == 0xC2) return 2;
    return 0;
  };
  while (!s.empty()) {
    std::size_t n = is_space(s, 0, true);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    std::size_t n = is_space(s, s.size() - 1, false);
    if (n == 0) break;
    s.remove_suffix(n);
  }
  return s;
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string FoldForSearch(std::string_view s) {
  // Latin-1 Supplement letters (U+00C0..U+00FF) are encoded C3 80..C3 BF; fold them to ASCII.
  static const char* kFold =
      "aaaaaaaceeeeiiii"   // C0..CF
      "dnooooo*ouuuuyts"   // D0..DF (D7 is ×)
      "aaaaaaaceeeeiiii"   // E0..EF
      "dnooooo/ouuuuyty";  // F0..FF (F7 is ÷)
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0xBF) {
        out += kFold[d - 0x80];
        ++i;
        continue;
      }
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::optional<double> ParseDouble(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> ParseInt(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  long long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace wk::text
