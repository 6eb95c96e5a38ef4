// Placeholder implementations; replaced by the areas work.
#include "wk/areas/areas.h"
