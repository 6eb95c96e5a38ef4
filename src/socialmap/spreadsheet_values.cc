#include "spreadsheet_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap::sheet {
namespace {

std::unexpected<Error> Invalid(std::string message) {
  return Fail(ErrorCode::kInvalid, std::move(message));
}

std::string Quoted(std::string_view value) {
  return "'" + std::string(value) + "'";
}

// The Dutch word for a term of each taxonomy, in "'x' is geen <word>".
std::string_view TermWord(std::string_view taxonomy) {
  if (taxonomy == kDomainTaxonomy) return "domein";
  if (taxonomy == kLawTaxonomy) return "wet";
  if (taxonomy == kAccessTaxonomy) return "toegang";
  if (taxonomy == kTargetGroupTaxonomy) return "doelgroep";
  return "waarde";
}

// Common languages by their Dutch (and English) names; any two-letter code is accepted as is.
struct Language {
  std::string_view name, code;
};
constexpr std::array<Language, 30> kLanguages = {{
    {"nederlands", "nl"}, {"engels", "en"},    {"duits", "de"},     {"frans", "fr"},    {"spaans", "es"},
    {"portugees", "pt"},  {"italiaans", "it"}, {"pools", "pl"},     {"roemeens", "ro"}, {"bulgaars", "bg"},
    {"turks", "tr"},      {"arabisch", "ar"},  {"koerdisch", "ku"}, {"perzisch", "fa"}, {"farsi", "fa"},
    {"dari", "fa"},       {"pashto", "ps"},    {"tigrinya", "ti"},  {"tigrinia", "ti"}, {"amhaars", "am"},
    {"somalisch", "so"},  {"russisch", "ru"},  {"oekraiens", "uk"}, {"chinees", "zh"},  {"hindi", "hi"},
    {"urdu", "ur"},       {"fries", "fy"},     {"english", "en"},   {"dutch", "nl"},    {"arabic", "ar"},
}};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string Normalise(std::string_view s) {
  std::string folded = text::FoldForSearch(s);
  std::string out;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> SplitValues(std::string_view cell) {
  std::string all(cell);
  std::replace(all.begin(), all.end(), ';', ',');
  std::vector<std::string> out;
  for (const std::string& part : text::Split(all, ',')) {
    std::string_view trimmed = text::Trim(part);
    if (!trimmed.empty()) out.emplace_back(trimmed);
  }
  return out;
}

Result<std::vector<std::string>> ParseTerms(std::string_view taxonomy, std::string_view cell) {
  std::vector<std::string> codes;
  for (const std::string& value : SplitValues(cell)) {
    const std::string want = Normalise(value);
    const auto& terms = Terms(taxonomy);
    auto it = std::find_if(terms.begin(), terms.end(),
                           [&](const Term& t) { return Normalise(t.code) == want || Normalise(t.name) == want; });
    if (it == terms.end()) {
      std::string choices;
      for (const Term& t : terms) choices += (choices.empty() ? "" : ", ") + t.code;
      return Invalid(Quoted(value) + " is geen " + std::string(TermWord(taxonomy)) + "; kies uit " + choices + ".");
    }
    if (std::find(codes.begin(), codes.end(), it->code) == codes.end()) codes.push_back(it->code);
  }
  return codes;
}

Result<std::optional<int>> ParseAge(std::string_view cell) {
  std::string_view v = text::Trim(cell);
  if (v.empty()) return std::optional<int>();
  std::string_view number = v;
  if (number.ends_with("jaar")) number = text::Trim(number.substr(0, number.size() - 4));
  if (number.ends_with('+')) number.remove_suffix(1);
  auto n = AllDigits(number) && number.size() <= 3 ? text::ParseInt(number) : std::nullopt;
  if (!n || *n > 120) return Invalid(Quoted(v) + " is geen leeftijd in jaren (0 tot 120).");
  return std::optional<int>(static_cast<int>(*n));
}

Result<std::optional<double>> ParseCoordinate(std::string_view cell, bool latitude) {
  std::string v(text::Trim(cell));
  if (v.empty()) return std::optional<double>();
  std::string dotted = v;
  std::replace(dotted.begin(), dotted.end(), ',', '.');
  auto d = text::ParseDouble(dotted);
  const double limit = latitude ? 90 : 180;
  if (!d || !std::isfinite(*d) || std::abs(*d) > limit) {
    return Invalid(Quoted(v) + " is geen " + (latitude ? "breedtegraad" : "lengtegraad") + " (WGS84, tussen -" +
                   std::to_string(static_cast<int>(limit)) + " en " + std::to_string(static_cast<int>(limit)) +
                   ", bv. " + (latitude ? "52,0907" : "5,1214") + ").");
  }
  return std::optional<double>(*d);
}

Result<std::string> ParsePostalCode(std::string_view cell) {
  std::string compact;
  for (char c : text::Trim(cell)) {
    if (c != ' ') compact += c;
  }
  bool ok = compact.size() == 6 && compact[0] >= '1' && compact[0] <= '9' && AllDigits(compact.substr(0, 4)) &&
            std::isalpha(static_cast<unsigned char>(compact[4])) &&
            std::isalpha(static_cast<unsigned char>(compact[5]));
  if (!ok) return Invalid(Quoted(text::Trim(cell)) + " is geen postcode (zoals 3581 KP).");
  std::string letters = compact.substr(4);
  for (char& c : letters) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return compact.substr(0, 4) + " " + letters;
}

Result<std::vector<std::string>> ParseLanguages(std::string_view cell) {
  std::vector<std::string> codes;
  for (const std::string& value : SplitValues(cell)) {
    std::string want = Normalise(value);
    std::string code;
    if (want.size() == 2 && std::all_of(want.begin(), want.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      code = want;
    } else {
      auto it = std::find_if(kLanguages.begin(), kLanguages.end(), [&](const Language& l) { return l.name == want; });
      if (it == kLanguages.end()) {
        return Invalid(Quoted(value) +
                       " is geen taal; gebruik een taalcode (nl, en, ar, tr) of een naam als Nederlands of Arabisch.");
      }
      code = it->code;
    }
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

Result<PartyKind> ParseKind(std::string_view cell) {
  const std::string want = Normalise(cell);
  for (PartyKind kind :
       {PartyKind::kOrganisatie, PartyKind::kInitiatief, PartyKind::kInformeleGroep, PartyKind::kSleutelfiguur}) {
    if (want != Normalise(PartyKindCode(kind)) && want != Normalise(PartyKindLabel(kind))) continue;
    if (kind == PartyKind::kSleutelfiguur) {
      return Invalid(
          "sleutelfiguren komen niet uit een spreadsheet: voeg ze toe op de pagina van de sociale kaart, met hun "
          "toestemming.");
    }
    return kind;
  }
  return Invalid(Quoted(text::Trim(cell)) +
                 " is geen soort partij; kies uit organisatie, initiatief of informele groep.");
}

Result<bool> ParseFormal(std::string_view cell) {
  const std::string want = Normalise(cell);
  for (std::string_view yes : {"formeel", "ja", "j", "1", "true", "waar", "yes"}) {
    if (want == yes) return true;
  }
  for (std::string_view no : {"informeel", "nee", "n", "0", "false", "onwaar", "no"}) {
    if (want == no) return false;
  }
  return Invalid(Quoted(text::Trim(cell)) + " is niet formeel of informeel; schrijf formeel, informeel, ja of nee.");
}

Result<std::string> ParseEmail(std::string_view cell) {
  std::string_view v = text::Trim(cell);
  auto at = v.find('@');
  bool ok = at != std::string_view::npos && at > 0 && v.find('@', at + 1) == std::string_view::npos &&
            v.find('.', at + 2) != std::string_view::npos && !v.ends_with('.') &&
            v.find_first_of(" ,;<>") == std::string_view::npos;
  if (!ok) return Invalid(Quoted(v) + " is geen e-mailadres (zoals info@example.nl).");
  return std::string(v);
}

Result<std::string> ParseWebsite(std::string_view cell) {
  std::string v(text::Trim(cell));
  std::string lower = text::ToLowerAscii(v);
  if (!lower.starts_with("http://") && !lower.starts_with("https://")) v = "https://" + v;
  auto host_start = v.find("://") + 3;
  auto host = std::string_view(v).substr(host_start, v.find('/', host_start) - host_start);
  bool ok = host.find('.') != std::string_view::npos && !host.starts_with('.') && !host.ends_with('.') &&
            v.find_first_of(" <>\"") == std::string::npos;
  if (!ok) return Invalid(Quoted(text::Trim(cell)) + " is geen webadres (zoals www.example.nl).");
  return v;
}

Result<std::string> ParsePhone(std::string_view cell) {
  std::string_view v = text::Trim(cell);
  std::size_t digits = 0;
  bool ok = true;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string_view(" +-()./").find(c) == std::string_view::npos) {
      ok = false;
    }
  }
  if (!ok || digits < 3 || digits > 15) return Invalid(Quoted(v) + " is geen telefoonnummer (zoals 030 000 00 01).");
  return std::string(v);
}

std::string Unescape(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && std::string_view("=+-@").find(cell[1]) != std::string_view::npos) {
    cell.remove_prefix(1);
  }
  return std::string(cell);
}

}  // namespace wk::socialmap::sheet
