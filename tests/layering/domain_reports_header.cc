// Must NOT compile: a domain module (profile) does not see reports, which sits above it.
#include "wk/reports/charts.h"

int main() { return 0; }
