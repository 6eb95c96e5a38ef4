// The social map's socialmap commands (issue 4). Placeholder: registered by the part that builds them.
#include <CLI/CLI.hpp>

#include "context.h"

namespace wk::cli {

void RegisterImportSocialMap(CLI::App&, Context&) {}
void RegisterExportSocialMap(CLI::App&, Context&) {}

}  // namespace wk::cli
