// The area tree as the social map needs it (through areas' public functions). Private.
#pragma once

#include <string>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/core/error.h"

namespace wk::socialmap {

struct AreaFamily {
  areas::Area area;
  std::vector<std::string> related;  // the area, its ancestors and all its descendants
  std::vector<std::string> buurten;  // the buurten in it (itself for a buurt)
};
// kNotFound ("Gebied <code> bestaat niet.", field "area_code") for an unknown code.
Result<AreaFamily> FamilyOf(store::Db& db, const std::string& code);

}  // namespace wk::socialmap
