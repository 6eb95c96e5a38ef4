// The column titles of the CBS StatLine table "Nabijheid voorzieningen" and the catalogue codes
// they map to (nabijheid_columns.csv, compiled in; codes documented in docs/adr/0009). Private.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wk::areas {

struct NabijheidColumn {
  std::string statline_title;  // as StatLine writes it, e.g. "Gezondheid en welzijn/Afstand tot apotheek (km)"
  std::string code;            // catalogue code, e.g. "nv_afst_apotheek"
};
// In the order of the StatLine table.
const std::vector<NabijheidColumn>& NabijheidColumns();
// The catalogue code of a StatLine title (white space runs count as one space), "" if unknown.
std::string NabijheidCode(std::string_view title);

}  // namespace wk::areas
