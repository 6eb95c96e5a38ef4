#include "area_code.h"

#include <algorithm>

#include "wk/core/text.h"

namespace wk::areas {

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kGemeente: return "gemeente";
    case Level::kWijk: return "wijk";
    case Level::kBuurt: return "buurt";
  }
  return "";
}

std::string_view LevelLabel(Level level) {
  switch (level) {
    case Level::kGemeente: return "Gemeente";
    case Level::kWijk: return "Wijk";
    case Level::kBuurt: return "Buurt";
  }
  return "";
}

std::string_view ChildLevelLabelPlural(Level level) {
  switch (level) {
    case Level::kGemeente: return "Wijken";
    case Level::kWijk: return "Buurten";
    case Level::kBuurt: return "";
  }
  return "";
}

std::optional<Level> LevelOfCode(std::string_view code) {
  // GM + 4 digits; a wijk adds 2 and a buurt 2 more characters, digits or capital letters
  // (Amsterdam numbers its wijken WK0363AA, WK0363AB, ...).
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto alnum = [&](char c) { return digit(c) || (c >= 'A' && c <= 'Z'); };
  if (code.size() < 6 || !std::all_of(code.begin() + 2, code.begin() + 6, digit)) return std::nullopt;
  if (!std::all_of(code.begin() + 6, code.end(), alnum)) return std::nullopt;
  std::string_view prefix = code.substr(0, 2);
  std::size_t n = code.size() - 2;
  if (prefix == "GM" && n == 4) return Level::kGemeente;
  if (prefix == "WK" && n == 6) return Level::kWijk;
  if (prefix == "BU" && n == 8) return Level::kBuurt;
  return std::nullopt;
}

std::string ParentCode(std::string_view code) {
  auto level = LevelOfCode(code);
  if (!level) return "";
  switch (*level) {
    case Level::kGemeente: return "";
    case Level::kWijk: return "GM" + std::string(code.substr(2, 4));
    case Level::kBuurt: return "WK" + std::string(code.substr(2, 6));
  }
  return "";
}

std::optional<Level> ParseLevel(std::string_view name) {
  std::string n = text::ToLowerAscii(text::Trim(name));
  if (n == "gemeente") return Level::kGemeente;
  if (n == "wijk") return Level::kWijk;
  if (n == "buurt") return Level::kBuurt;
  return std::nullopt;
}

Area AreaFromCode(const std::string& code, std::string name) {
  Area a;
  a.code = code;
  a.level = LevelOfCode(code).value_or(Level::kBuurt);
  a.parent_code = ParentCode(code);
  a.name = std::move(name);
  return a;
}

}  // namespace wk::areas
