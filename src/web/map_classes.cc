#include "map_classes.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace wk::web {
namespace {

// ColorBrewer 2.0 (Cynthia Brewer, Penn State), sequential 5-class "Blues" and "OrRd": marked
// there as colour-blind safe and print friendly. Lightest first.
constexpr std::array<std::string_view, kMapClasses> kBlues = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};
constexpr std::array<std::string_view, kMapClasses> kOrangeRed = {"#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33",
                                                                  "#b30000"};

}  // namespace

std::optional<ClassMethod> ParseClassMethod(std::string_view name) {
  if (name == "kwantielen") return ClassMethod::kQuantile;
  if (name == "gelijk") return ClassMethod::kEqualInterval;
  return std::nullopt;
}

std::string_view ClassMethodName(ClassMethod method) {
  return method == ClassMethod::kQuantile ? "kwantielen" : "gelijk";
}

std::string_view ClassColour(int index, areas::Direction direction) {
  index = std::clamp(index, 0, kMapClasses - 1);
  switch (direction) {
    case areas::Direction::kNeutral: return kBlues[index];
    case areas::Direction::kLowerIsBetter: return kOrangeRed[index];                     // high values: darker
    case areas::Direction::kHigherIsBetter: return kOrangeRed[kMapClasses - 1 - index];  // low values: darker
  }
  return kBlues[index];
}

std::string ClassSwatch(int index, areas::Direction direction) {
  index = std::clamp(index, 0, kMapClasses - 1);
  switch (direction) {
    case areas::Direction::kNeutral: return "sw-b" + std::to_string(index);
    case areas::Direction::kLowerIsBetter: return "sw-o" + std::to_string(index);
    case areas::Direction::kHigherIsBetter: return "sw-o" + std::to_string(kMapClasses - 1 - index);
  }
  return "sw-b" + std::to_string(index);
}

Classification Classify(const std::vector<std::optional<double>>& values, ClassMethod method,
                        areas::Direction direction) {
  Classification out;
  out.of.resize(values.size());
  std::vector<double> sorted;
  for (const auto& v : values) {
    if (v) sorted.push_back(*v);
  }
  out.missing = static_cast<int>(values.size() - sorted.size());
  if (sorted.empty()) return out;
  std::sort(sorted.begin(), sorted.end());
  const double n = static_cast<double>(sorted.size());
  const double min = sorted.front(), max = sorted.back();
  const double width = (max - min) / kMapClasses;

  auto class_of = [&](double v) {
    if (method == ClassMethod::kQuantile) {
      auto below = std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin();
      return std::min(kMapClasses - 1, static_cast<int>(std::floor(kMapClasses * static_cast<double>(below) / n)));
    }
    if (width == 0) return 0;
    return std::min(kMapClasses - 1, static_cast<int>(std::floor((v - min) / width)));
  };

  std::array<MapClass, kMapClasses> all{};
  for (int i = 0; i < kMapClasses; ++i) {
    all[i].index = i;
    all[i].colour = std::string(ClassColour(i, direction));
    all[i].swatch = ClassSwatch(i, direction);
    if (method == ClassMethod::kEqualInterval) {
      all[i].low = min + width * i;
      all[i].high = i == kMapClasses - 1 ? max : min + width * (i + 1);
    }
  }
  for (double v : sorted) {
    MapClass& c = all[class_of(v)];
    if (method == ClassMethod::kQuantile) {
      if (c.count == 0) c.low = v;  // sorted: the first is the lowest
      c.high = v;
    }
    ++c.count;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i]) out.of[i] = class_of(*values[i]);
  }
  for (const auto& c : all) {
    if (c.count > 0) out.classes.push_back(c);
  }
  return out;
}

}  // namespace wk::web
