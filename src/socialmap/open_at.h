// Private helpers of the "open at" filter (open_at.cc) shared with the search.
#pragma once

#include <string>

#include "wk/socialmap/search.h"

namespace wk::socialmap {

// "di 1 dec 10:30": a local time as the search's reasons show it (Dutch abbreviations).
std::string FormatLocalTimeShort(const LocalTime& t);

}  // namespace wk::socialmap
