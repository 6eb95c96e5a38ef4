// How areas and sources are named in charts and exports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "table.h"
#include "wk/areas/areas.h"
#include "wk/reports/export.h"

namespace wk::reports {

// An area with its level, once: "Gemeente Utrecht", "Wijk 03 Overvecht" (CBS names of wijken
// already start with "Wijk"), "Buurt Kanaleneiland-Zuid".
std::string AreaLabel(areas::Level level, std::string_view name);

// "CBS, Kerncijfers wijken en buurten 2024"; the publisher alone without a title; "" without both.
std::string SourceText(std::string_view publisher, std::string_view title);

// Distinct sources in order of first appearance, with the publisher that decides the licence.
struct SourceList {
  struct Entry {
    std::string text, publisher;
  };
  std::vector<Entry> entries;
  void Add(std::string_view publisher, std::string_view title) { AddText(SourceText(publisher, title), publisher); }
  // A source already written as SourceText; "" is left out.
  void AddText(std::string_view text, std::string_view publisher);
  // "CBS, Kerncijfers wijken en buurten 2023; CBS, Kerncijfers wijken en buurten 2024"
  std::string Joined() const;
};

// The rows of the sheet "Bron": what the file holds, its sources and their licences, the missing-
// value rule, the date of export and the Wijkkompas version.
std::vector<AboutLine> AboutLines(std::string_view content, const SourceList& sources, const ExportInfo& info,
                                  const std::vector<AboutLine>& extra = {});

}  // namespace wk::reports
