// Must compile: reports sits above the domain modules and includes their public headers.
#include "wk/areas/areas.h"
#include "wk/profile/profile.h"
#include "wk/reports/charts.h"
#include "wk/reports/export.h"

int main() { return wk::reports::RenderBarChart({}).empty() ? 1 : 0; }
