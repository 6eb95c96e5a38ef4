// Every indicator the database knows: the compiled-in catalogue and the custom indicators that
// `import indicators` defined (areas_indicator). Callers keep `const IndicatorDef*` (Figure::def,
// LevelValues::indicators) beyond one request, so a custom definition read from the database is
// interned in a process-wide registry and never freed: the same definition always yields the same
// pointer, a redefinition a new one (the old one stays valid for whoever still holds it).
#include <memory>
#include <mutex>
#include <unordered_map>

#include "catalogue.h"
#include "indicators_store.h"
#include "wk/areas/areas.h"

namespace wk::areas {
namespace {

bool SameDefinition(const IndicatorDef& a, const IndicatorDef& b) {
  return a.code == b.code && a.label == b.label && a.group == b.group && a.unit == b.unit && a.theme == b.theme &&
         a.direction == b.direction && a.decimals == b.decimals && a.trend_threshold == b.trend_threshold &&
         a.custom == b.custom;
}

class Registry {
 public:
  const IndicatorDef* Intern(IndicatorDef def) {
    std::lock_guard lock(mutex_);
    auto& versions = defs_[def.code];
    for (const auto& known : versions) {
      if (SameDefinition(*known, def)) return known.get();
    }
    versions.push_back(std::make_unique<IndicatorDef>(std::move(def)));
    return versions.back().get();
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<std::unique_ptr<IndicatorDef>>> defs_;
};

Registry& TheRegistry() {
  // Never destroyed: pointers handed out stay valid until the process ends, also during static
  // destruction.
  static Registry* registry = new Registry;
  return *registry;
}

}  // namespace

const std::vector<std::string>& Themes() {
  static const std::vector<std::string> themes(KnownThemes().begin(), KnownThemes().end());
  return themes;
}

Result<std::vector<const IndicatorDef*>> Indicators(store::Db& db) {
  auto custom = sql::SelectCustomIndicators(db);
  if (!custom) return Fail(custom.error());
  std::vector<const IndicatorDef*> out;
  out.reserve(Catalogue().size() + custom->size());
  for (const auto& def : Catalogue()) out.push_back(&def);
  for (auto& def : *custom) {
    // A catalogue code is never stored as custom (the import refuses it); should one appear, the
    // catalogue's definition wins.
    if (FindIndicator(def.code) != nullptr) continue;
    out.push_back(TheRegistry().Intern(std::move(def)));
  }
  return out;
}

Result<const IndicatorDef*> FindIndicator(store::Db& db, std::string_view code) {
  if (const IndicatorDef* def = FindIndicator(code)) return def;
  auto custom = sql::SelectCustomIndicator(db, code);
  if (!custom) return Fail(custom.error());
  if (!*custom) return Fail(ErrorCode::kNotFound, "Indicator " + std::string(code) + " bestaat niet.", "indicator");
  return TheRegistry().Intern(std::move(**custom));
}

}  // namespace wk::areas
