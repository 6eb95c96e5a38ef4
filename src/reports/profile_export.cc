// The profile of an area as a table: one row per indicator with every comparison of the profile
// (docs/adr/0008), the findings about it, and its source. The CSV and the XLSX share these rows.
#include <map>

#include "labels.h"
#include "table.h"
#include "wk/core/text.h"
#include "wk/reports/export.h"

namespace wk::reports {
namespace {

std::string_view MovementName(profile::Movement m) {
  switch (m) {
    case profile::Movement::kUp: return "stijgend";
    case profile::Movement::kDown: return "dalend";
    case profile::Movement::kStable: return "stabiel";
  }
  return "";
}

std::string_view JudgementName(profile::Judgement j) {
  switch (j) {
    case profile::Judgement::kFavourable: return "gunstig";
    case profile::Judgement::kUnfavourable: return "ongunstig";
    case profile::Judgement::kNeither: return "";
  }
  return "";
}

// The sources of the profile: each indicator's, then the country's.
SourceList Sources(const profile::Profile& p) {
  SourceList list;
  for (const auto& ip : p.indicators) list.Add(ip.source, ip.source_title);
  for (const auto& ip : p.indicators) {
    if (ip.national) list.Add(ip.national_source, "");
  }
  return list;
}

// An empty cell of a comparison that cannot be made (no note: the value's own cell has it).
Cell NoNumber(int decimals) {
  return {Cell::Kind::kNumber, {}, {}, decimals, {}};
}

void AddTrendColumns(std::vector<Column>& cols, const std::string& excel, const std::string& plain) {
  cols.push_back({"Trend " + excel + ": vanaf jaar", "trend_" + plain + "_from_year", 10});
  cols.push_back({"Trend " + excel + ": verandering", "trend_" + plain + "_change", 12});
  cols.push_back({"Trend " + excel + ": verandering (%)", "trend_" + plain + "_percent", 12});
  cols.push_back({"Trend " + excel + ": richting", "trend_" + plain + "_direction", 10});
  cols.push_back({"Trend " + excel + ": oordeel", "trend_" + plain + "_judgement", 10});
}

void AddTrendCells(std::vector<Cell>& row, const std::optional<profile::Trend>& t, int decimals) {
  if (!t) {
    row.insert(row.end(), {Cell::Integer({}), NoNumber(decimals), NoNumber(1), Cell::Text(""), Cell::Text("")});
    return;
  }
  row.push_back(Cell::Integer(t->from_year));
  row.push_back(Cell::Number(t->change, decimals));
  row.push_back(t->percent ? Cell::Number(t->percent, 1) : NoNumber(1));
  row.push_back(Cell::Text(std::string(MovementName(t->movement))));
  row.push_back(Cell::Text(std::string(JudgementName(t->judgement))));
}

Sheet ProfileSheet(const profile::Profile& p) {
  Sheet s;
  s.name = "Profiel";
  s.columns = {{"Code indicator", "indicator", 12},
               {"Indicator", "label", 40},
               {"Thema", "theme", 14},
               {"Eenheid", "unit", 12},
               {"Jaar", "year", 7},
               {"Waarde", "value", 12}};
  // The parents as the profile lists them, from the gemeente down (all indicators have the same).
  std::vector<std::pair<std::string, std::string>> parents;  // label, level name
  if (!p.indicators.empty()) {
    for (const auto& parent : p.indicators.front().parents) {
      parents.emplace_back(AreaLabel(parent.level, parent.name), std::string(areas::LevelName(parent.level)));
    }
  }
  for (const auto& [label, level] : parents) s.columns.push_back({label, level, 14});
  s.columns.push_back({"Nederland", "national", 12});
  s.columns.push_back({"Vergeleken gebieden (aantal)", "peers", 11});
  s.columns.push_back({"Rang", "rank", 8});
  s.columns.push_back({"Percentiel", "percentile", 10});
  s.columns.push_back({"z-score", "z_score", 9});
  s.columns.push_back({"Vergeleken gebieden in Nederland (aantal)", "national_peers", 11});
  s.columns.push_back({"Rang in Nederland", "national_rank", 9});
  s.columns.push_back({"Percentiel in Nederland", "national_percentile", 10});
  std::string direct = parents.empty() ? "ouder" : parents.back().first;
  s.columns.push_back({"Verschil met " + direct, "difference_parent", 12});
  s.columns.push_back({"Verschil met " + direct + " (%)", "difference_parent_percent", 12});
  AddTrendColumns(s.columns, "sinds vorig jaar", "previous");
  AddTrendColumns(s.columns, "sinds eerste jaar", "first");
  s.columns.push_back({"Opvallend (regels)", "notable", 14});
  s.columns.push_back({"Bevindingen", "findings", 60});
  s.columns.push_back({"Bron", "source", 36});
  s.columns.push_back({"Licentie", "licence", 11});
  s.columns.push_back({"Betrouwbaarheid", "reliability", 14});
  s.columns.push_back({"Opmerking", "note", 30});

  std::map<std::string, std::string> findings;  // indicator -> its sentences, best first
  for (const auto& f : p.findings) {
    auto& text = findings[f.indicator];
    text += (text.empty() ? "" : " ") + f.Sentence();
  }
  for (const auto& ip : p.indicators) {
    const auto& def = *ip.def;
    std::vector<Cell> row = {Cell::Text(def.code), Cell::Text(def.label), Cell::Text(def.theme),
                             Cell::Text(def.unit), Cell::Integer(p.year), Cell::Number(ip.value, def.decimals)};
    for (std::size_t i = 0; i < parents.size(); ++i) {
      auto v = i < ip.parents.size() ? ip.parents[i].value : std::nullopt;
      row.push_back(Cell::Number(v, def.decimals));
    }
    row.push_back(ip.national ? Cell::Number(ip.national, def.decimals) : NoNumber(def.decimals));
    auto peer_cells = [&](const std::optional<profile::PeerStats>& ps, bool z) {
      row.push_back(Cell::Integer(ps ? std::optional<double>(ps->peers) : std::nullopt));
      row.push_back(Cell::Integer(ps ? std::optional<double>(ps->rank) : std::nullopt));
      row.push_back(ps ? Cell::Number(ps->percentile, 1) : NoNumber(1));
      if (z) row.push_back(ps && ps->z_score ? Cell::Number(ps->z_score, 2) : NoNumber(2));
    };
    peer_cells(ip.peers, true);
    peer_cells(ip.national_peers, false);
    row.push_back(ip.from_parent ? Cell::Number(ip.from_parent->absolute, def.decimals) : NoNumber(def.decimals));
    row.push_back(ip.from_parent && ip.from_parent->percent ? Cell::Number(ip.from_parent->percent, 1) : NoNumber(1));
    AddTrendCells(row, ip.since_previous, def.decimals);
    AddTrendCells(row, ip.since_first, def.decimals);
    std::string notable;
    for (const auto& rule : ip.notable) notable += (notable.empty() ? "" : ", ") + rule;
    row.push_back(Cell::Text(notable));
    auto f = findings.find(def.code);
    row.push_back(Cell::Text(f == findings.end() ? "" : f->second));
    row.push_back(Cell::Text(SourceText(ip.source, ip.source_title)));
    row.push_back(Cell::Text(LicenceOf(ip.source)));
    row.push_back(Cell::Text(ip.reliability));
    row.push_back(Cell::Text(ip.value ? "" : kMissingNote));
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet FindingsSheet(const profile::Profile& p) {
  Sheet s;
  s.name = "Bevindingen";
  s.columns = {
      {"Rang", "rank", 6}, {"Bevinding", "finding", 100}, {"Code indicator", "indicator", 12}, {"Regel", "rule", 16}};
  int rank = 0;
  for (const auto& f : p.findings) {
    s.rows.push_back({Cell::Integer(++rank), Cell::Text(f.Sentence()), Cell::Text(f.indicator), Cell::Text(f.rule)});
  }
  return s;
}

std::string Content(const profile::Profile& p) {
  return "Wijkprofiel van " + AreaLabel(p.area.level, p.area.name) + " (" + p.area.code + "), " +
         std::to_string(p.year);
}

}  // namespace

std::string ProfileCsv(const profile::Profile& profile, CsvVariant variant) {
  return SheetCsv(ProfileSheet(profile), variant);
}

Result<std::string> ProfileXlsx(const profile::Profile& profile, const ExportInfo& info) {
  std::vector<AboutLine> definitions = {
      {"Vergeleken gebieden",
       "Gebieden van hetzelfde niveau in de gemeente, het gebied zelf meegeteld; gebieden "
       "zonder waarde tellen niet mee."},
      {"Rang en percentiel",
       "Rang 1 is de hoogste waarde; gelijke waarden delen de beste rang. Percentiel = "
       "(gebieden met een lagere waarde + de helft van die met een gelijke) / aantal × 100."},
      {"z-score", "(waarde − gemiddelde) / standaardafwijking van de vergeleken gebieden (populatie)."},
      {"Trend",
       "Stijgend of dalend als de relatieve verandering groter is dan de drempel van de indicator "
       "(standaard 2%), anders stabiel."},
  };
  return WorkbookXlsx({ProfileSheet(profile), FindingsSheet(profile)},
                      AboutLines(Content(profile), Sources(profile), info, definitions));
}

std::string ProfileFileName(const profile::Profile& profile, std::string_view extension) {
  return "profiel-" + profile.area.code + "-" + std::to_string(profile.year) + "." + std::string(extension);
}

}  // namespace wk::reports
