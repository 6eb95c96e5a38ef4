#include "data_import.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "area_code.h"
#include "areas_store.h"
#include "wk/core/text.h"

namespace wk::areas {

// The grades are a judgement of the source by whoever imports it, so a professional can weigh a
// figure: they say how far a number may be taken at face value (ADR 9, docs/handleiding.md).
const std::vector<ReliabilityGrade>& ReliabilityGrades() {
  static const std::vector<ReliabilityGrade> grades = {
      {"hoog",
       "Officiële statistiek of registratie met een vaste methode en voldoende waarnemingen (CBS, een "
       "registratie van de gemeente): het cijfer mag zonder voorbehoud gebruikt en vergeleken worden."},
      {"redelijk",
       "Steekproef of enquête met een bekende methode (GGD-monitor, Leefbaarometer): bruikbaar, maar "
       "kleine verschillen tussen buurten kunnen toeval zijn."},
      {"laag",
       "Weinig waarnemingen, eigen tellingen of een onbekende methode: alleen als aanwijzing gebruiken, "
       "niet als bewijs."},
      {"onbekend", "De betrouwbaarheid is niet beoordeeld: vraag de leverancier van de cijfers."},
  };
  return grades;
}

Result<void> CheckReliability(std::string_view grade) {
  if (grade.empty()) return {};
  for (const auto& g : ReliabilityGrades()) {
    if (g.grade == grade) return {};
  }
  return Fail(ErrorCode::kInvalid,
              "Onbekende betrouwbaarheid '" + std::string(grade) + "'; kies hoog, redelijk, laag of onbekend.",
              "reliability");
}

std::string NormaliseAreaCode(std::string_view cell) {
  std::string out(text::Trim(cell));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::optional<int> AnyYearFromFileName(std::string_view name) {
  static const std::regex kPattern("(^|[^0-9])((19|20)[0-9]{2})([^0-9]|$)");
  std::string s(name);
  std::smatch m;
  if (!std::regex_search(s, m, kPattern)) return std::nullopt;
  return std::stoi(m[2].str());
}

Result<int> CreateUnknownAreas(store::Db& db, const std::vector<NamedArea>& areas) {
  std::map<std::string, Area> create;
  std::set<std::string> known;
  auto is_known = [&](const std::string& code) -> Result<bool> {
    if (known.contains(code) || create.contains(code)) return true;
    auto found = sql::SelectArea(db, code);
    if (!found) return Fail(found.error());
    if (*found) known.insert(code);
    return found->has_value();
  };
  for (const auto& a : areas) {
    auto k = is_known(a.code);
    if (!k) return Fail(k.error());
    if (*k) continue;
    create.emplace(a.code, AreaFromCode(a.code, a.name.empty() ? a.code : a.name));
  }
  // Missing parents of the areas to create; a parent listed in the file has been handled above.
  std::map<std::string, std::string> gm_names;
  for (const auto& a : areas) {
    if (!a.gm_name.empty()) gm_names.emplace("GM" + a.code.substr(2, 4), a.gm_name);
  }
  std::vector<std::string> fresh;
  for (const auto& [code, area] : create) fresh.push_back(code);
  for (const auto& code : fresh) {
    for (std::string parent = ParentCode(code); !parent.empty(); parent = ParentCode(parent)) {
      auto k = is_known(parent);
      if (!k) return Fail(k.error());
      if (*k) break;
      auto gm = gm_names.find(parent);
      create.emplace(parent, AreaFromCode(parent, gm != gm_names.end() ? gm->second : parent));
    }
  }
  // Gemeenten first, then wijken, then buurten, so every parent exists before its children.
  std::vector<const Area*> ordered;
  for (const auto& [code, area] : create) ordered.push_back(&area);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Area* a, const Area* b) { return a->level < b->level; });
  for (const Area* a : ordered) {
    if (auto u = sql::UpsertArea(db, *a, false); !u) return Fail(u.error());
  }
  return static_cast<int>(ordered.size());
}

}  // namespace wk::areas
