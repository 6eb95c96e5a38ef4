// wijkkompas import socialmap FILE --mapping MAP [--check] | export socialmap FILE [--excel]: the
// social map from and to a spreadsheet (CSV or XLSX), with the same use cases as the web pages.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "context.h"
#include "wk/core/text.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::cli {
namespace {

void PrintSummary(const socialmap::SpreadsheetImportSummary& s, bool check) {
  std::printf("  partijen:      %lld nieuw, %lld al op de kaart\n", static_cast<long long>(s.parties_created),
              static_cast<long long>(s.parties_reused));
  std::printf("  diensten:      %lld nieuw, %lld overgeslagen\n", static_cast<long long>(s.services_created),
              static_cast<long long>(s.services_skipped));
  for (const std::string& w : s.warnings) std::printf("    - %s\n", w.c_str());
  if (check) std::printf("Er is niets geïmporteerd (--check).\n");
}

void AddImport(CLI::App& import, Context& ctx) {
  auto* cmd = import.add_subcommand(
      "socialmap", "Importeer een sociale kaart uit een spreadsheet (CSV met , of ;, of XLSX; één rij per aanbod)");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string file, mapping;
    bool check = false, suggest = false;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("FILE", opts->file, "De spreadsheet (.csv of .xlsx)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--mapping", opts->mapping,
                  "Mappingbestand: CSV 'kolom,veld' per kolom, '=waarde,veld' voor een vaste waarde");
  cmd->add_flag("--check", opts->check, "Alleen controleren: meld geweigerde regels, schrijf niets");
  cmd->add_flag("--suggest-mapping", opts->suggest,
                "Druk een voorgestelde mapping af op basis van de kopregel (om te bewaren en aan te passen)");
  cmd->callback([&ctx, opts] {
    if (opts->suggest) {
      auto header = socialmap::SpreadsheetHeader(opts->file);
      if (!header) {
        ctx.exit_code = Report(header.error());
        return;
      }
      std::fputs(socialmap::WriteMapping(socialmap::SuggestMapping(*header)).c_str(), stdout);
      return;
    }
    if (opts->mapping.empty()) {
      ctx.exit_code = Report(Error{ErrorCode::kInvalid,
                                   "Geef een mappingbestand met --mapping (of maak er een met --suggest-mapping).",
                                   "--mapping",
                                   {}});
      return;
    }
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto mapping = socialmap::ReadMapping(opts->mapping);
      if (!mapping) return Fail(mapping.error());
      const std::string name = std::filesystem::path(opts->file).filename().string();
      if (opts->check) {
        auto summary = socialmap::CheckSpreadsheet(db, CommandPrincipal(), opts->file, *mapping);
        if (!summary) return Fail(summary.error());
        std::printf("Gecontroleerd: %s, alle regels zijn in orde\n", name.c_str());
        PrintSummary(*summary, true);
        return {};
      }
      auto summary =
          socialmap::ImportSpreadsheet(db, CommandPrincipal(), opts->file, *mapping, TerminalProgress("Importeren"));
      if (!summary) return Fail(summary.error());
      std::printf("Geïmporteerd: %s\n", name.c_str());
      PrintSummary(*summary, false);
      return {};
    });
  });
}

void AddExport(CLI::App& export_cmd, Context& ctx) {
  auto* cmd = export_cmd.add_subcommand(
      "socialmap", "Exporteer de sociale kaart als spreadsheet (CSV of XLSX; één rij per actief aanbod)");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string file;
    bool excel = false;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("FILE", opts->file, "Het doelbestand: .csv of .xlsx")->required();
  cmd->add_flag("--excel", opts->excel, "CSV voor Nederlandse Excel: ; als scheidingsteken, BOM, decimale komma");
  cmd->callback([&ctx, opts] {
    const std::string ext = text::ToLowerAscii(std::filesystem::path(opts->file).extension().string());
    if (ext != ".csv" && ext != ".xlsx") {
      ctx.exit_code = Report(Error{ErrorCode::kInvalid, "Het doelbestand moet eindigen op .csv of .xlsx.", "FILE", {}});
      return;
    }
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto bytes = ext == ".xlsx" ? socialmap::ExportServicesXlsx(db, CommandPrincipal())
                                  : socialmap::ExportServicesCsv(db, CommandPrincipal(), opts->excel);
      if (!bytes) return Fail(bytes.error());
      std::ofstream out(opts->file, std::ios::binary | std::ios::trunc);
      out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
      out.close();
      if (!out) return Fail(ErrorCode::kBadInput, "Kan het bestand niet schrijven.", {}, opts->file);
      std::printf("Geëxporteerd: %s\n", opts->file.c_str());
      return {};
    });
  });
}

}  // namespace

void RegisterImportSocialMap(CLI::App& import, Context& ctx) {
  AddImport(import, ctx);
}
void RegisterExportSocialMap(CLI::App& export_cmd, Context& ctx) {
  AddExport(export_cmd, ctx);
}

}  // namespace wk::cli
