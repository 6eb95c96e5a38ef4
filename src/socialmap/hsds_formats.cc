// The string formats of HSDS fields that valijson does not check (it ignores `format`). The rules
// are those of JSON Schema's formats: uuid (RFC 9562 text form, any version), email (RFC 5321
// addr-spec, simplified: local@domain with a dotted domain), uri (RFC 3986 absolute URI),
// date and date-time (RFC 3339), time (HSDS: HH:MM, seconds and a Z or offset optional).
#include <cstdlib>

#include "hsds_validate.h"

namespace wk::socialmap::hsds {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// `n` digits at `s[i]` as a number, or -1.
int Digits(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (std::size_t k = i; k < i + n; ++k) {
    if (!IsDigit(s[k])) return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

bool LeapYear(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// HH:MM[:SS[.fff]] from the start of `s`; returns the length read, 0 if none.
std::size_t TimeOfDay(std::string_view s, bool seconds_required) {
  int h = Digits(s, 0, 2), m = Digits(s, 3, 2);
  if (h < 0 || h > 23 || s.size() < 5 || s[2] != ':' || m < 0 || m > 59) return 0;
  std::size_t i = 5;
  if (i < s.size() && s[i] == ':') {
    int sec = Digits(s, i + 1, 2);
    if (sec < 0 || sec > 60) return 0;  // 60: a leap second
    i += 3;
    if (i < s.size() && s[i] == '.') {
      std::size_t start = ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
      if (i == start) return 0;
    }
  } else if (seconds_required) {
    return 0;
  }
  return i;
}

// "", "Z" or "+HH:MM" / "-HH:MM" (the whole of `s`).
bool Offset(std::string_view s, bool required) {
  if (s.empty()) return !required;
  if (s == "Z" || s == "z") return true;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  int h = Digits(s, 1, 2), m = Digits(s, 4, 2);
  return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

}  // namespace

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsHex(s[i])) return false;
  }
  return true;
}

bool IsEmail(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  for (char c : local) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == ',' || c == ';' ||
        c == ':' || c == '\\' || c == '"' || c == '[' || c == ']') {
      return false;
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  if (domain.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= domain.size()) {
    auto end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      const bool ok = IsAlpha(c) || IsDigit(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80;
      if (!ok) return false;
    }
    start = end + 1;
  }
  return true;
}

bool IsUri(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsAlpha(s[0]) || colon + 1 == s.size()) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    if (!IsAlpha(s[i]) && !IsDigit(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
  }
  for (std::size_t i = colon + 1; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' ||
        c == '^' || c == '`') {
      return false;
    }
    if (c == '%' && (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))) return false;
  }
  return true;
}

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int max = kDays[m - 1] + (m == 2 && LeapYear(y) ? 1 : 0);
  return d <= max;
}

bool IsTime(std::string_view s) {
  const std::size_t n = TimeOfDay(s, /*seconds_required=*/false);
  return n > 0 && Offset(s.substr(n), /*required=*/false);
}

bool IsDateTime(std::string_view s) {
  if (s.size() < 11 || (s[10] != 'T' && s[10] != 't') || !IsDate(s.substr(0, 10))) return false;
  std::string_view rest = s.substr(11);
  const std::size_t n = TimeOfDay(rest, /*seconds_required=*/true);
  return n > 0 && Offset(rest.substr(n), /*required=*/true);
}

}  // namespace wk::socialmap::hsds
