// Must NOT compile: a domain module does not see the public header of a module above it.
#include "wk/web/server.h"

int main() { return 0; }
