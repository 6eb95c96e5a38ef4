// The command line: `wijkkompas serve|migrate|import|user ...`.
#pragma once

namespace wk::cli {

// Parses the arguments, runs the command, returns the process exit code
// (0 ok, 1 internal error, 2 invalid input, 3 not found, 4 not allowed, 5 conflict, 7 unavailable).
int Main(int argc, char** argv);

}  // namespace wk::cli
