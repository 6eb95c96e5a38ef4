// Reading the values of one spreadsheet cell for the social map import: vocabulary terms, ages,
// coordinates, postcodes, languages, ... Each function returns the value or kInvalid with a Dutch
// reason that names the value ("'wmoo' is geen wet; kies uit wmo, zvw, ..."); the importer puts
// "regel N: veld X: " before it. Private to socialmap (the import and its tests).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::socialmap::sheet {

// Folded (lower case, no diacritics), every run of characters other than letters and digits one
// space: "E-mail (organisatie)" -> "e mail organisatie". For comparing names people type.
std::string Normalise(std::string_view s);

// The parts of a cell with several values, split on ';' and ',', trimmed, empty parts left out.
std::vector<std::string> SplitValues(std::string_view cell);

// Terms of a project taxonomy (vocabulary.h) by code or Dutch name, case and diacritics folded
// ("Wmo", "wmo", "Via de huisarts", "via-huisarts"); returns their codes without repeats.
Result<std::vector<std::string>> ParseTerms(std::string_view taxonomy, std::string_view cell);

// A whole number of years 0..120 ("18", "18 jaar", "18+"); nullopt for an empty cell.
Result<std::optional<int>> ParseAge(std::string_view cell);

// A WGS84 coordinate with a decimal point or comma; nullopt for an empty cell. `latitude` picks
// the range (-90..90 or -180..180) and the word in the message.
Result<std::optional<double>> ParseCoordinate(std::string_view cell, bool latitude);

// A Dutch postcode, written as "3581 KP" ("3581kp" is fine too).
Result<std::string> ParsePostalCode(std::string_view cell);

// ISO 639-1 codes from codes or Dutch names ("nl, Arabisch" -> {"nl", "ar"}).
Result<std::vector<std::string>> ParseLanguages(std::string_view cell);

// A party kind by code or label; a key figure (sleutelfiguur) is refused: key figures need their
// consent recorded, which a spreadsheet does not carry.
Result<PartyKind> ParseKind(std::string_view cell);
// "formeel"/"informeel", "ja"/"nee", "1"/"0", "true"/"false".
Result<bool> ParseFormal(std::string_view cell);

// Light checks that catch typing errors: an email address with one '@' and a dot after it; a
// website (https:// is added when the scheme is missing); a phone number with 3 to 15 digits.
Result<std::string> ParseEmail(std::string_view cell);
Result<std::string> ParseWebsite(std::string_view cell);
Result<std::string> ParsePhone(std::string_view cell);

// A cell without the apostrophe that spreadsheet exports put before a value starting with = + - @
// (so that Excel does not read it as a formula; see the export).
std::string Unescape(std::string_view cell);

}  // namespace wk::socialmap::sheet
