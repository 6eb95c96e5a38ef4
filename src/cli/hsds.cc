// The social map's hsds commands (issue 4). Placeholder: registered by the part that builds them.
#include <CLI/CLI.hpp>

#include "context.h"

namespace wk::cli {

void RegisterImportHsds(CLI::App&, Context&) {}
void RegisterExportHsds(CLI::App&, Context&) {}

}  // namespace wk::cli
