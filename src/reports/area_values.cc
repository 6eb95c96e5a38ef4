#include "area_values.h"

#include "labels.h"

namespace wk::reports {

Result<const areas::IndicatorDef*> IndicatorByCode(store::Db& db, std::string_view code) {
  return areas::FindIndicator(db, code);
}

const areas::Figure* FindFigure(const std::vector<areas::Figure>& figures, std::string_view code) {
  for (const auto& f : figures) {
    if (f.def != nullptr && f.def->code == code) return &f;
  }
  return nullptr;
}

Result<AreaValue> ValueOf(store::Db& db, const areas::Area& area, const areas::IndicatorDef& def, int year) {
  auto figures = areas::Figures(db, area.code, year);
  if (!figures) return Fail(figures.error());
  AreaValue out{area, std::nullopt, {}, {}};
  out.area.bbox.reset();
  if (const areas::Figure* f = FindFigure(*figures, def.code)) {
    out.value = f->value;
    out.source = SourceText(f->source, f->source_title);
    out.publisher = f->source;
  }
  return out;
}

}  // namespace wk::reports
