// Languages a service is offered in: ISO 639-1 codes with their Dutch names for the languages
// most spoken in Dutch neighbourhoods (HSDS language.name). Private to the socialmap module.
#pragma once

#include <string_view>

namespace wk::socialmap {

// Whether `code` has the form of an ISO 639 code: two lower-case letters (639-1: "nl", "ar") or
// three for a language 639-1 lacks (639-3: "ber" Berbers, "pap" Papiaments).
bool IsLanguageCode(std::string_view code);

// The Dutch name of a language ("nl" -> "Nederlands", "ar" -> "Arabisch"); "" when the code is
// not in the table (the code is then stored without a name).
std::string_view LanguageName(std::string_view code);

}  // namespace wk::socialmap
