// Must NOT compile: reports does not see the web module above it (docs/adr/0001, 0011).
#include "wk/web/server.h"

int main() { return 0; }
