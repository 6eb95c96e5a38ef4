// The indicator catalogue (indicators.csv, compiled in): parsing and its rules. Private.
//
// Columns: code, label, group, unit, theme, direction (higher|lower|neutral), decimals,
// key_figure (yes|no), trend_threshold (percent; empty = 2), numerator, denominator, scale. A row with numerator and
// denominator is a derived share: value = numerator / denominator × scale, missing when an input is missing or the
// denominator is 0.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"

namespace wk::areas {

// The units the catalogue may use, as CBS's Toelichting writes them ("[aantal]" -> "aantal").
std::span<const std::string_view> KnownUnits();
// The themes, in the order pages show them.
std::span<const std::string_view> KnownThemes();

// Whether `theme` is one of KnownThemes().
bool IsKnownTheme(std::string_view theme);

inline constexpr double kDefaultTrendThreshold = 2.0;
inline constexpr const char* kBadTrendThreshold = "Verwacht een drempel voor de trend in procenten, van 0 tot 100.";
// A trend threshold in percent ("2", "0.5"); empty = kDefaultTrendThreshold; nullopt when not a
// number from 0 to 100.
std::optional<double> ParseTrendThreshold(std::string_view text);
// "higher", "lower", "neutral" (also Dutch "hoger", "lager", "neutraal"); nullopt otherwise.
std::optional<Direction> ParseDirection(std::string_view text);
std::string_view DirectionName(Direction direction);  // "higher", "lower", "neutral"

// Parses and checks a catalogue file: every row has a code, label, known unit and theme, a valid
// direction and decimals; codes are unique; a derived row's inputs are stored (not derived)
// indicators of the catalogue. kBadInput naming the line and column otherwise.
Result<std::vector<IndicatorDef>> ParseCatalogue(std::string_view csv_bytes);

// CBS columns that identify a row rather than measure something; the importer reads or skips them.
bool IsIdentificationColumn(std::string_view column);

}  // namespace wk::areas
