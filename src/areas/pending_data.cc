// Placeholders for the issue 3 section 1 work (indicator registry, national values, `import
// indicators`, `import cbs-nabijheid`). Replaced by their implementations; delete this file then.
#include "wk/areas/areas.h"

namespace wk::areas {
namespace {
std::unexpected<Error> NotYet() { return Fail(ErrorCode::kInternal, "Nog niet beschikbaar."); }
}  // namespace

const std::vector<std::string>& Themes() {
  static const std::vector<std::string> themes;
  return themes;
}
Result<std::vector<const IndicatorDef*>> Indicators(store::Db&) { return NotYet(); }
Result<const IndicatorDef*> FindIndicator(store::Db&, std::string_view) { return NotYet(); }
Result<std::vector<Figure>> NationalFigures(store::Db&, int) { return NotYet(); }
Result<ImportSummary> ImportIndicators(store::Db&, const accounts::Principal&, const std::string&,
                                       const IndicatorImportOptions&, const Progress&) {
  return NotYet();
}
Result<ImportSummary> ImportCbsNabijheid(store::Db&, const accounts::Principal&, const std::string&,
                                         std::optional<int>, const Progress&) {
  return NotYet();
}

}  // namespace wk::areas
