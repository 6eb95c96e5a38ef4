// Text helpers shared by all modules: Dutch number formatting, trimming, case folding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wk::text {

// Dutch number notation: thousands with '.', decimals with ','. FormatNumber(367947) == "367.947",
// FormatNumber(12.5, 1) == "12,5", FormatNumber(-0.04, 1) == "0,0" (no negative zero).
std::string FormatNumber(double value, int decimals = 0);
// FormatPercent(12.5, 1) == "12,5%" (Dutch style has no space before %).
std::string FormatPercent(double value, int decimals = 1);

// Removes ASCII white space (and non-breaking spaces) at both ends.
std::string_view Trim(std::string_view s);
// ASCII lower case; other bytes unchanged.
std::string ToLowerAscii(std::string_view s);
// Lower case with Latin diacritics folded ("Zuilen-Oost é" -> "zuilen-oost e"): for search keys.
std::string FoldForSearch(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
std::vector<std::string> Split(std::string_view s, char sep);

// Parses a whole string as a number, allowing surrounding spaces; nullopt if it is not one.
std::optional<double> ParseDouble(std::string_view s);
std::optional<long long> ParseInt(std::string_view s);

// Escapes text for HTML element content and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace wk::text
