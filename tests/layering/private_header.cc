// Must NOT compile: areas does not see the web module's private headers (docs/adr/0001).
#include "router.h"

int main() { return 0; }
