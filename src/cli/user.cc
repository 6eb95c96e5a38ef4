// wijkkompas user add|passwd|list|disable
#include <CLI/CLI.hpp>

#include "context.h"

namespace wk::cli {

void RegisterUser(CLI::App& app, Context& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace wk::cli
