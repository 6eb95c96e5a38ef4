// What every export says about itself: source, licence, date, version.
#include <chrono>
#include <ctime>

#include "labels.h"
#include "wk/core/text.h"

#ifndef WK_VERSION
#error "WK_VERSION is set by src/reports/CMakeLists.txt"
#endif

namespace wk::reports {

std::string_view Version() {
  return WK_VERSION;
}

ExportInfo ExportInfoNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &local);
  return {date, std::string(Version())};
}

// CBS publishes its statistics under CC BY 4.0 (https://www.cbs.nl/nl-nl/over-ons/website/copyright).
std::string LicenceOf(std::string_view publisher) {
  return publisher == "CBS" ? "CC BY 4.0" : "";
}

std::string AreaLabel(areas::Level level, std::string_view name) {
  std::string_view level_label = areas::LevelLabel(level);
  if (text::StartsWith(text::ToLowerAscii(name), text::ToLowerAscii(level_label))) return std::string(name);
  return std::string(level_label) + " " + std::string(name);
}

std::string SourceText(std::string_view publisher, std::string_view title) {
  if (title.empty()) return std::string(publisher);
  if (publisher.empty()) return std::string(title);
  return std::string(publisher) + ", " + std::string(title);
}

void SourceList::AddText(std::string_view text, std::string_view publisher) {
  if (text.empty()) return;
  for (const auto& e : entries) {
    if (e.text == text) return;
  }
  entries.push_back({std::string(text), std::string(publisher)});
}

std::string SourceList::Joined() const {
  std::string out;
  for (const auto& e : entries) out += (out.empty() ? "" : "; ") + e.text;
  return out;
}

std::vector<AboutLine> AboutLines(std::string_view content, const SourceList& sources, const ExportInfo& info,
                                  const std::vector<AboutLine>& extra) {
  std::vector<AboutLine> out = {{"Inhoud", std::string(content)}};
  if (sources.entries.empty()) out.push_back({"Bron", "onbekend"});
  for (const auto& e : sources.entries) {
    std::string licence = LicenceOf(e.publisher);
    out.push_back({"Bron", e.text});
    out.push_back({"Licentie", licence.empty() ? "onbekend: vraag de bron (" + e.text + ")"
                                               : licence + " (" + e.publisher +
                                                     "): hergebruik toegestaan met bronvermelding, "
                                                     "https://creativecommons.org/licenses/by/4.0/deed.nl"});
  }
  out.push_back({"Ontbrekende waarden",
                 "Een lege cel met een notitie: de waarde is geheim of (nog) niet bekend bij "
                 "de bron. Een ontbrekende waarde is nooit 0 en telt in geen vergelijking mee."});
  for (const auto& e : extra) out.push_back(e);
  out.push_back({"Geëxporteerd op", info.date});
  out.push_back({"Wijkkompas-versie", info.version});
  return out;
}

}  // namespace wk::reports
