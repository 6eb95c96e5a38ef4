// How findings name an indicator in Dutch (phrases.csv, compiled in), and how they write its
// numbers. Private.
//
// Columns: code, subject, clause.
//   subject  a noun phrase with its article: "het aandeel inwoners van 65 jaar of ouder"; used as
//            "In <buurt> is <subject> <x>" and "In <buurt> is <subject> gestegen van <a> naar <b>".
//   clause   optional, what follows "In <buurt> " when that reads better than the subject, with
//            {x} where the number goes: "is {x} van de inwoners 65 jaar of ouder".
// An indicator without a row gets a subject built from its label: a CBS distance "Afstand tot X"
// reads "de gemiddelde afstand tot X", a Nabijheid count "Aantal X binnen 1 km" reads "het
// gemiddelde aantal X binnen 1 km", anything else (a custom indicator, say) "de waarde van
// ‘<label>’".
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "wk/areas/areas.h"
#include "wk/core/error.h"

namespace wk::profile {

struct Phrase {
  std::string subject;
  std::string clause;  // "" = "is <subject> {x}"
};

// Parses and checks a phrases file: a code, a subject, and a clause that is empty or holds {x}
// exactly once; codes unique. kBadInput naming the line and column otherwise.
Result<std::unordered_map<std::string, Phrase>> ParsePhrases(std::string_view csv_bytes);
// The compiled-in phrases by indicator code.
const std::unordered_map<std::string, Phrase>& Phrases();

// The phrase of `def`: its row, or the fallback from its label (above; "de waarde van ‘<label>’"
// with the group in brackets when there is one) and no clause.
Phrase PhraseOf(const areas::IndicatorDef& def);

// `value` as a finding sentence says it (units in words, unlike areas::FormatValue for tables):
// in Dutch notation with the indicator's decimals and unit: "9,5%", "2.340 kWh",
// "312 duizend euro", "1,2 km", "8 per 1.000 inwoners"; a count ("aantal") without a unit.
std::string FormatInSentence(const areas::IndicatorDef& def, double value);

}  // namespace wk::profile
