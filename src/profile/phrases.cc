#include "phrases.h"

#include <array>
#include <stdexcept>

#include "embedded_profile_data.h"
#include "wk/core/csv.h"
#include "wk/core/text.h"

namespace wk::profile {
namespace {

constexpr std::string_view kFile = "phrases.csv";
constexpr std::string_view kPlaceholder = "{x}";

// How a unit of the catalogue (areas/catalogue.cc) follows a number in a sentence.
struct UnitText {
  std::string_view unit, text;
};
constexpr std::array<UnitText, 12> kUnitTexts = {{{"aantal", ""},
                                                  {"%", "%"},
                                                  {"per 1 000 inwoners", " per 1.000 inwoners"},
                                                  {"aantal inwoners per km2", " inwoners per km²"},
                                                  {"x 1 000 euro", " duizend euro"},
                                                  {"kWh", " kWh"},
                                                  {"m3", " m³"},
                                                  {"km", " km"},
                                                  {"ha", " ha"},
                                                  {"per huishouden", " per huishouden"},
                                                  {"per km2", " per km²"},
                                                  {"code", ""}}};

std::size_t Count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

Result<std::unordered_map<std::string, Phrase>> ParsePhrases(std::string_view csv_bytes) {
  auto file = csv::ParseCsv(csv_bytes, std::string(kFile));
  if (!file) return Fail(file.error());
  const char* kColumns[] = {"code", "subject", "clause"};
  std::array<std::size_t, 3> at{};
  for (std::size_t i = 0; i < at.size(); ++i) {
    auto c = file->Column(kColumns[i]);
    if (!c) return Fail(c.error());
    at[i] = *c;
  }
  std::unordered_map<std::string, Phrase> out;
  for (const auto& row : file->rows) {
    auto bad = [&](int c, std::string message) {
      return Fail(ErrorCode::kBadInput, std::move(message), std::string("kolom ") + kColumns[c],
                  std::string(kFile) + ":" + std::to_string(row.line));
    };
    const std::string& code = row.cells[at[0]];
    Phrase phrase{row.cells[at[1]], row.cells[at[2]]};
    if (code.empty()) return bad(0, "Code ontbreekt.");
    if (phrase.subject.empty()) return bad(1, "Onderwerp ontbreekt.");
    if (!phrase.clause.empty() && Count(phrase.clause, kPlaceholder) != 1) {
      return bad(2, "Verwacht {x} precies één keer, of laat leeg.");
    }
    if (!out.emplace(code, std::move(phrase)).second) return bad(0, "Code '" + code + "' staat er twee keer in.");
  }
  return out;
}

const std::unordered_map<std::string, Phrase>& Phrases() {
  static const std::unordered_map<std::string, Phrase> phrases = [] {
    auto bytes = embedded::Find(embedded::profile_data(), "phrases.csv");
    if (!bytes) throw std::logic_error("phrases.csv is not embedded");
    auto parsed = ParsePhrases(*bytes);
    // The file is ours and tested: a failure here is a bug, not an input error.
    if (!parsed) throw std::logic_error("phrases.csv: " + parsed.error().Describe());
    return std::move(*parsed);
  }();
  return phrases;
}

Phrase PhraseOf(const areas::IndicatorDef& def) {
  const auto& phrases = Phrases();
  if (auto it = phrases.find(def.code); it != phrases.end()) return it->second;
  std::string_view label = def.label;
  // CBS's distances (kerncijfers and Nabijheid voorzieningen) are averages over the inhabitants,
  // and so are its counts of facilities within a radius (RulesApplyTo).
  if (!def.custom && def.unit == "km" && label.starts_with("Afstand tot ")) {
    return Phrase{"de gemiddelde afstand tot " + std::string(label.substr(12)), ""};
  }
  if (!def.custom && def.unit == "aantal" && def.code.starts_with("nv_") && label.starts_with("Aantal ")) {
    return Phrase{"het gemiddelde aantal " + std::string(label.substr(7)), ""};
  }
  std::string subject = "de waarde van \xE2\x80\x98" + def.label + "\xE2\x80\x99";
  if (!def.group.empty()) subject += " (" + def.group + ")";
  return Phrase{subject, ""};
}

std::string FormatInSentence(const areas::IndicatorDef& def, double value) {
  std::string number = text::FormatNumber(value, def.decimals);
  for (const auto& u : kUnitTexts) {
    if (u.unit == def.unit) return number + std::string(u.text);
  }
  return def.unit.empty() ? number : number + " " + def.unit;
}

}  // namespace wk::profile
