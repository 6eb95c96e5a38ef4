// The indicator catalogue (indicators.csv, compiled in): parsing and its rules. Private.
//
// Columns: code, label, group, unit, theme, direction (higher|lower|neutral), decimals,
// key_figure (yes|no), numerator, denominator, scale. A row with numerator and denominator is a
// derived share: value = numerator / denominator × scale, missing when an input is missing or
// the denominator is 0.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"

namespace wk::areas {

// The units the catalogue may use, as CBS's Toelichting writes them ("[aantal]" -> "aantal").
std::span<const std::string_view> KnownUnits();
// The themes, in the order pages show them.
std::span<const std::string_view> KnownThemes();

// Parses and checks a catalogue file: every row has a code, label, known unit and theme, a valid
// direction and decimals; codes are unique; a derived row's inputs are stored (not derived)
// indicators of the catalogue. kBadInput naming the line and column otherwise.
Result<std::vector<IndicatorDef>> ParseCatalogue(std::string_view csv_bytes);

// CBS columns that identify a row rather than measure something; the importer reads or skips them.
bool IsIdentificationColumn(std::string_view column);

}  // namespace wk::areas
