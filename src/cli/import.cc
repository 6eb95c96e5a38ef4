// wijkkompas import cbs|boundaries
#include <CLI/CLI.hpp>

#include "context.h"

namespace wk::cli {

void RegisterImport(CLI::App& app, Context& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace wk::cli
