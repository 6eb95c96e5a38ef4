// wijkkompas import hsds PATH [--check] and wijkkompas export hsds DIR: the social map in and out as
// Open Referral HSDS 3.0 (issue 4, ADR 13).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "context.h"
#include "wk/core/text.h"
#include "wk/socialmap/hsds.h"

namespace wk::cli {
namespace {

std::string Count(std::int64_t n) {
  return text::FormatNumber(static_cast<double>(n));
}

void PrintImport(const socialmap::HsdsImportSummary& s) {
  std::printf("  organisaties:  %s\n", Count(s.organizations).c_str());
  std::printf("  diensten:      %s\n", Count(s.services).c_str());
  std::printf("  locaties:      %s\n", Count(s.locations).c_str());
  std::printf("  overige rijen: %s\n", Count(s.other_rows).c_str());
  if (s.warnings.empty()) return;
  std::printf("  waarschuwingen: %s\n", Count(static_cast<std::int64_t>(s.warnings.size())).c_str());
  // A large package can warn about thousands of rows: show the first ones.
  constexpr std::size_t kShow = 20;
  for (std::size_t i = 0; i < s.warnings.size() && i < kShow; ++i) std::printf("    - %s\n", s.warnings[i].c_str());
  if (s.warnings.size() > kShow) {
    std::printf("    ... en nog %s\n", Count(static_cast<std::int64_t>(s.warnings.size() - kShow)).c_str());
  }
}

}  // namespace

void RegisterImportHsds(CLI::App& import, Context& ctx) {
  auto* cmd = import.add_subcommand(
      "hsds", "Importeer een sociale kaart in Open Referral HSDS 3.0 (tabular data package of HSDS-JSON)");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string path;
    bool check = false;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("PAKKET", opts->path,
                  "Map met datapackage.json en CSV-bestanden, de datapackage.json zelf, of een HSDS-JSON-bestand "
                  "(of een map daarvan)")
      ->required();
  cmd->add_flag("--check", opts->check,
                "Alleen controleren (schema's, formaten, verwijzingen binnen het pakket); niets importeren");
  cmd->callback([&ctx, opts] {
    if (opts->check) {
      auto summary = socialmap::ValidateHsds(opts->path);
      if (!summary) {
        ctx.exit_code = Report(summary.error());
        return;
      }
      std::printf("Gecontroleerd, in orde: %s (niets geïmporteerd)\n", summary->source.c_str());
      PrintImport(*summary);
      return;
    }
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto summary = socialmap::ImportHsds(db, CommandPrincipal(), opts->path, TerminalProgress("Importeren"));
      if (!summary) return Fail(summary.error());
      std::printf("Geïmporteerd: %s\n", summary->source.c_str());
      PrintImport(*summary);
      std::printf("Bron: het HSDS-pakket; HSDS is een standaard van Open Referral (CC BY-SA 4.0)\n");
      return {};
    });
  });
}

void RegisterExportHsds(CLI::App& export_cmd, Context& ctx) {
  auto* cmd = export_cmd.add_subcommand(
      "hsds", "Exporteer de sociale kaart als Open Referral HSDS 3.0 tabular data package (datapackage.json + CSV)");
  AddDbOption(*cmd, ctx);
  auto dir = std::make_shared<std::string>();
  cmd->add_option("MAP", *dir, "De map voor datapackage.json en de CSV-bestanden (wordt gemaakt als die ontbreekt)")
      ->required();
  cmd->callback([&ctx, dir] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto summary = socialmap::ExportHsds(db, CommandPrincipal(), *dir);
      if (!summary) return Fail(summary.error());
      std::printf("Geëxporteerd naar %s\n", dir->c_str());
      std::printf("  bestanden:     %s\n", Count(static_cast<std::int64_t>(summary->files.size())).c_str());
      std::printf("  rijen:         %s\n", Count(summary->rows).c_str());
      if (summary->key_figures_left_out > 0) {
        std::printf("  weggelaten:    %s sleutelfiguren zonder toestemming voor publicatie\n",
                    Count(summary->key_figures_left_out).c_str());
      }
      return {};
    });
  });
}

}  // namespace wk::cli
