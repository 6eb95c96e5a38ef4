#include "languages.h"

#include <array>
#include <utility>

namespace wk::socialmap {
namespace {

// The common languages of Dutch cities (home languages of the larger migrant groups and the
// neighbouring countries); others are stored by code only.
constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kNames = {{
    {"nl", "Nederlands"}, {"en", "Engels"},    {"de", "Duits"},       {"fr", "Frans"},    {"es", "Spaans"},
    {"pt", "Portugees"},  {"it", "Italiaans"}, {"pl", "Pools"},       {"ro", "Roemeens"}, {"bg", "Bulgaars"},
    {"uk", "Oekraïens"},  {"ru", "Russisch"},  {"tr", "Turks"},       {"ar", "Arabisch"}, {"ber", "Berbers"},
    {"fa", "Perzisch"},   {"prs", "Dari"},     {"ps", "Pasjtoe"},     {"ti", "Tigrinya"}, {"so", "Somalisch"},
    {"zh", "Chinees"},    {"fy", "Fries"},     {"pap", "Papiaments"}, {"sr", "Servisch"}, {"srn", "Sranantongo"},
}};

}  // namespace

bool IsLanguageCode(std::string_view code) {
  if (code.size() != 2 && code.size() != 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

std::string_view LanguageName(std::string_view code) {
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return {};
}

}  // namespace wk::socialmap
