// Reading areas, figures and boundaries. Derived shares (catalogue rows with numerator and
// denominator) are computed here from the stored values of the same area (or the country) and
// year; a derived value is missing when an input is missing or the denominator is 0.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "area_code.h"
#include "areas_store.h"
#include "import_internal.h"
#include "indicators_store.h"
#include "wk/core/text.h"

namespace wk::areas {
namespace {

std::unexpected<Error> UnknownArea(std::string_view code) {
  return Fail(ErrorCode::kNotFound, "Gebied " + std::string(code) + " bestaat niet.", "code");
}

using ValueMap = std::unordered_map<std::string, sql::StoredValue>;

ValueMap ToMap(std::vector<sql::StoredValue> values) {
  ValueMap map;
  for (auto& v : values) map.emplace(v.indicator, std::move(v));
  return map;
}

Result<ValueMap> LoadValues(store::Db& db, std::string_view code, int year) {
  auto values = sql::SelectValues(db, code, year);
  if (!values) return Fail(values.error());
  return ToMap(std::move(*values));
}

// The figure for `def` from the stored values, or nullopt when nothing about it is stored.
std::optional<Figure> MakeFigure(const IndicatorDef& def, const ValueMap& values, int year) {
  Figure f;
  f.def = &def;
  f.year = year;
  if (!def.IsDerived()) {
    auto it = values.find(def.code);
    if (it == values.end()) return std::nullopt;
    f.value = it->second.value;
    f.source = it->second.publisher;
    f.source_title = it->second.source_title;
    f.reliability = it->second.reliability;
    return f;
  }
  auto num = values.find(def.numerator);
  auto den = values.find(def.denominator);
  if (num == values.end() || den == values.end()) return std::nullopt;
  if (num->second.value && den->second.value && *den->second.value != 0) {
    f.value = *num->second.value / *den->second.value * def.scale;
  }
  // A derived share is as good as its numerator's source (the denominator is a CBS count).
  f.source = num->second.publisher;
  f.source_title = num->second.source_title;
  f.reliability = num->second.reliability;
  return f;
}

// The figures of every indicator the database knows (catalogue, then custom) that has a stored
// value or is derived from stored values.
Result<std::vector<Figure>> FiguresOf(store::Db& db, const ValueMap& values, int year) {
  auto defs = Indicators(db);
  if (!defs) return Fail(defs.error());
  std::vector<Figure> out;
  for (const IndicatorDef* def : *defs) {
    if (auto f = MakeFigure(*def, values, year)) out.push_back(std::move(*f));
  }
  return out;
}

std::string ToUpperAscii(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

nlohmann::json Properties(const Area& a) {
  return {{"code", a.code}, {"name", a.name}, {"level", std::string(LevelName(a.level))}};
}

std::string FeatureJson(const sql::Shape& shape) {
  // The stored geometry is GeoJSON already; splice it in rather than parse and re-serialise it.
  return R"({"type":"Feature","id":)" + nlohmann::json(shape.area.code).dump() + R"(,"properties":)" +
         Properties(shape.area).dump() + R"(,"geometry":)" + shape.geojson + "}";
}

std::atomic<std::uint64_t> g_imports_committed_here{0};

}  // namespace

Result<void> CheckImportPermission(const accounts::Principal& who) {
  if (!accounts::Can(who, accounts::Action::kImportData)) {
    return Fail(ErrorCode::kPermissionDenied, kNoImportPermission);
  }
  return {};
}

Result<void> BumpDataGeneration(store::Db& db) {
  return sql::BumpGeneration(db);
}

void NoteImportCommitted() {
  g_imports_committed_here.fetch_add(1, std::memory_order_acq_rel);
}

std::uint64_t ImportsCommittedHere() {
  return g_imports_committed_here.load(std::memory_order_acquire);
}

Result<std::int64_t> DataGeneration(store::Db& db) {
  return sql::SelectGeneration(db);
}

Result<Area> GetArea(store::Db& db, std::string_view code) {
  auto area = sql::SelectArea(db, code);
  if (!area) return Fail(area.error());
  if (!*area) return UnknownArea(code);
  return std::move(**area);
}

Result<std::vector<Area>> Municipalities(store::Db& db) {
  return sql::SelectMunicipalities(db);
}

Result<std::vector<Area>> Children(store::Db& db, std::string_view code) {
  return sql::SelectChildren(db, code);
}

Result<std::vector<Area>> Ancestors(store::Db& db, std::string_view code) {
  // One query for the whole chain (area first), instead of one per level.
  auto lineage = sql::SelectLineage(db, code);
  if (!lineage) return Fail(lineage.error());
  if (lineage->empty()) return UnknownArea(code);
  std::vector<Area> out(std::make_move_iterator(lineage->rbegin()), std::make_move_iterator(lineage->rend() - 1));
  return out;
}

Result<std::vector<Area>> SearchAreas(store::Db& db, std::string_view query, int limit) {
  std::string_view q = text::Trim(query);
  if (q.empty()) return std::vector<Area>{};
  limit = std::clamp(limit, 1, 100);
  return sql::SelectSearch(db, text::FoldForSearch(q), ToUpperAscii(q), limit);
}

Result<std::vector<int>> Years(store::Db& db, std::string_view code) {
  return sql::SelectYears(db, code);
}

Result<std::vector<Figure>> KeyFigures(store::Db& db, std::string_view code, std::optional<int> year) {
  if (auto area = GetArea(db, code); !area) return Fail(area.error());
  if (!year) {
    auto years = sql::SelectYears(db, code);
    if (!years) return Fail(years.error());
    if (years->empty()) return std::vector<Figure>{};
    year = years->front();
  }
  auto values = LoadValues(db, code, *year);
  if (!values) return Fail(values.error());
  std::vector<Figure> out;
  for (const auto& def : Catalogue()) {
    if (!def.key_figure) continue;
    auto f = MakeFigure(def, *values, *year);
    if (!f) {
      // A key figure is always listed; without data it reads as missing.
      f = Figure{&def, *year, std::nullopt, "", "", ""};
    }
    out.push_back(std::move(*f));
  }
  return out;
}

Result<std::vector<Figure>> Figures(store::Db& db, std::string_view code, int year) {
  if (auto area = GetArea(db, code); !area) return Fail(area.error());
  auto values = LoadValues(db, code, year);
  if (!values) return Fail(values.error());
  return FiguresOf(db, *values, year);
}

Result<std::vector<Figure>> NationalFigures(store::Db& db, int year) {
  auto values = sql::SelectNationalValues(db, year);
  if (!values) return Fail(values.error());
  if (values->empty()) return std::vector<Figure>{};
  return FiguresOf(db, ToMap(std::move(*values)), year);
}

Result<std::string> BoundaryGeoJson(store::Db& db, std::string_view code) {
  auto shape = sql::SelectShape(db, code);
  if (!shape) return Fail(shape.error());
  if (!*shape) {
    if (auto area = GetArea(db, code); !area) return Fail(area.error());
    return Fail(ErrorCode::kNotFound, "Van gebied " + std::string(code) + " is geen grens bekend.", "code");
  }
  return FeatureJson(**shape);
}

Result<std::string> ChildrenGeoJson(store::Db& db, std::string_view code) {
  if (auto area = GetArea(db, code); !area) return Fail(area.error());
  auto shapes = sql::SelectChildShapes(db, code);
  if (!shapes) return Fail(shapes.error());
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < shapes->size(); ++i) {
    if (i > 0) out += ',';
    out += FeatureJson((*shapes)[i]);
  }
  out += "]}";
  return out;
}

}  // namespace wk::areas
