// SQL of IndicatorOverChildren (child_values.cc): the children of an area with the stored values
// of up to two indicators in one year, in one query. Private to the areas module.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas::sql {

struct ChildInputs {
  Area area;                    // without bbox
  std::optional<double> first;  // value of `first` (missing: NULL or no row)
  std::optional<double> second;
  bool first_stored = false;  // a row exists for `first` (its value may be NULL)
  bool second_stored = false;
};
// Every child of `parent` (by code) with its values of indicators `first` and `second` in `year`.
Result<std::vector<ChildInputs>> SelectChildValues(store::Db& db, std::string_view parent, int year,
                                                   std::string_view first, std::string_view second);

}  // namespace wk::areas::sql
