// `wijkkompas export ...`: data out of Wijkkompas in open formats.
#include <CLI/CLI.hpp>

#include "context.h"

namespace wk::cli {

void RegisterExport(CLI::App& app, Context& ctx) {
  auto* export_cmd = app.add_subcommand("export", "Exporteer gegevens (sociale kaart als HSDS, CSV of XLSX)");
  export_cmd->require_subcommand(1);
  RegisterExportHsds(*export_cmd, ctx);
  RegisterExportSocialMap(*export_cmd, ctx);
}

}  // namespace wk::cli
