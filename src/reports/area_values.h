// Reading single indicator values of areas through the public areas API, for charts and exports.
#pragma once

#include <string_view>

#include "wk/areas/areas.h"
#include "wk/core/error.h"
#include "wk/reports/export.h"

namespace wk::reports {

// A catalogue or custom indicator by code. kNotFound "Indicator x bestaat niet." (field "indicator").
Result<const areas::IndicatorDef*> IndicatorByCode(store::Db& db, std::string_view code);

// The figure of `code` among `figures`, or nullptr.
const areas::Figure* FindFigure(const std::vector<areas::Figure>& figures, std::string_view code);

// The value of `def` for `area` in `year` (missing when not stored, '.' or an input is missing).
Result<AreaValue> ValueOf(store::Db& db, const areas::Area& area, const areas::IndicatorDef& def, int year);

}  // namespace wk::reports
