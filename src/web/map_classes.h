// The classes of a choropleth map: which class each area's value falls in, the bounds of each
// class and its colour. The one place where classes are computed (ADR 0012): the map's legend, the
// colours of the shapes and the table beside the map all come from one Classification, rendered
// by the server, so they cannot disagree. Pure functions, tested without a database.
//
// Quantiles (the default): with n values (missing ones left out), a value v goes to class
//   floor(k × (number of values below v) / n),
// so every class holds about n / k areas, and equal values always share a class (a class may stay
// empty when many values are equal). A class's bounds are the lowest and highest value in it.
// Equal intervals: the range min..max cut into k intervals of equal width; v goes to
//   min(k - 1, floor((v - min) / width)); the bounds are the interval edges.
// Colours: a sequential ColorBrewer palette of 5 (single hue, safe for colour blindness, readable
// as grey when printed). Blue for neutral indicators, darker = higher. Orange-red for indicators
// with a favourable direction, darker = less favourable (so for "higher is better" the palette runs
// the other way): the eye goes to where attention may be needed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"

namespace wk::web {

enum class ClassMethod { kQuantile, kEqualInterval };
inline constexpr int kMapClasses = 5;

// "kwantielen" / "gelijk": the values of the map form's `indeling` parameter; nullopt otherwise.
std::optional<ClassMethod> ParseClassMethod(std::string_view name);
std::string_view ClassMethodName(ClassMethod method);

struct MapClass {
  int index = 0;   // 0 = lowest values
  double low = 0;  // bounds (see above)
  double high = 0;
  int count = 0;       // areas in the class
  std::string colour;  // "#rrggbb"
  std::string swatch;  // CSS class with that colour as background ("sw-b0".."sw-b4", "sw-o0".."sw-o4")
};

struct Classification {
  std::vector<MapClass> classes;       // non-empty classes only, lowest values first
  std::vector<std::optional<int>> of;  // per input value: its class index; empty when missing
  int missing = 0;                     // inputs without a value
};

// Classes of `values` (missing values are left out and get no class) in kMapClasses classes.
// Without any value there are no classes.
Classification Classify(const std::vector<std::optional<double>>& values, ClassMethod method,
                        areas::Direction direction);

// The colour of class `index` (0..kMapClasses-1) for an indicator with `direction`.
std::string_view ClassColour(int index, areas::Direction direction);
// The CSS class of app.css that paints that colour (the CSP allows no style attributes).
std::string ClassSwatch(int index, areas::Direction direction);

}  // namespace wk::web
