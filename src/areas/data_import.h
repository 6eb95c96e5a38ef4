// Pieces shared by the imports of issue 3 (`import indicators`, `import cbs-nabijheid`). Private.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas {

// The code of the national row ("Nederland") in CBS tables and in `import indicators` files.
inline constexpr std::string_view kNationalCode = "NL00";

// An area code as a file gives it, trimmed and in upper case ("bu03440111 " -> "BU03440111").
std::string NormaliseAreaCode(std::string_view cell);

// A year 1900..2099 in a file name, standing apart from other digits:
// "nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv" -> 2023; nullopt when there is none.
std::optional<int> AnyYearFromFileName(std::string_view name);

// kInvalid (field "reliability") unless `grade` is "" or one of ReliabilityGrades().
Result<void> CheckReliability(std::string_view grade);

// An area named in an imported file (code well-formed, name as the file gives it).
struct NamedArea {
  std::string code;
  std::string name;
  std::string gm_name;  // the gemeente's name when the file has it, else ""
};
// Inside the caller's transaction: creates the areas that the database does not know yet, and
// their missing parents (a gemeente named after gm_name, else after its code, as ImportCbs does).
// Known areas keep their names: names from the CBS kerncijfers win. Returns how many were created.
Result<int> CreateUnknownAreas(store::Db& db, const std::vector<NamedArea>& areas);

}  // namespace wk::areas
