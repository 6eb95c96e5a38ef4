// wijkkompas import cbs|cbs-nabijheid|indicators|boundaries
#include <CLI/CLI.hpp>
#include <cstdio>

#include "context.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"

namespace wk::cli {
namespace {

std::string Count(std::int64_t n) {
  return text::FormatNumber(static_cast<double>(n));
}

void PrintSkipped(const std::vector<std::string>& skipped) {
  if (skipped.empty()) return;
  std::printf("  overgeslagen:  %s\n", Count(static_cast<std::int64_t>(skipped.size())).c_str());
  // A national boundary file can skip thousands of features: show the first ones.
  constexpr std::size_t kShow = 20;
  for (std::size_t i = 0; i < skipped.size() && i < kShow; ++i) std::printf("    - %s\n", skipped[i].c_str());
  if (skipped.size() > kShow)
    std::printf("    ... en nog %s\n", Count(static_cast<std::int64_t>(skipped.size() - kShow)).c_str());
}

void RegisterImportCbs(CLI::App& import, Context& ctx) {
  auto* cmd = import.add_subcommand(
      "cbs", "Importeer de CBS-kerncijfers wijken en buurten (CSV met , of ;, of XLSX) voor één jaar");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string file;
    std::optional<int> year;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("FILE", opts->file, "Het CBS-bestand (kwb-2024...csv of .xlsx)")->required();
  cmd->add_option("--year", opts->year, "Jaar van de cijfers (standaard uit de bestandsnaam, zoals kwb-2024)");
  cmd->callback([&ctx, opts] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto summary = areas::ImportCbs(db, CommandPrincipal(), opts->file, opts->year, TerminalProgress("Inlezen"));
      if (!summary) return Fail(summary.error());
      std::printf("Geïmporteerd: %s (jaar %d)\n", summary->file.c_str(), summary->year);
      std::printf("  gebieden:      %s\n", Count(summary->areas).c_str());
      std::printf("  indicatoren:   %s met waarden\n", Count(summary->indicators).c_str());
      std::printf("  waarden:       %s, waarvan %s ontbrekend ('.' bij het CBS)\n", Count(summary->values).c_str(),
                  Count(summary->missing).c_str());
      PrintSkipped(summary->skipped);
      std::printf("Bron: CBS, Kerncijfers wijken en buurten %d (CC BY 4.0)\n", summary->year);
      return {};
    });
  });
}

void PrintValues(const areas::ImportSummary& summary) {
  std::printf("  gebieden:      %s\n", Count(summary.areas).c_str());
  std::printf("  indicatoren:   %s met waarden\n", Count(summary.indicators).c_str());
  std::printf("  waarden:       %s, waarvan %s ontbrekend\n", Count(summary.values).c_str(),
              Count(summary.missing).c_str());
  PrintSkipped(summary.skipped);
}

void RegisterImportNabijheid(CLI::App& import, Context& ctx) {
  auto* cmd = import.add_subcommand(
      "cbs-nabijheid", "Importeer de CBS-tabel Nabijheid voorzieningen (StatLine-download, CSV) voor één jaar");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string file;
    std::optional<int> year;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("FILE", opts->file, "De StatLine-download (CSV met ;)")->required();
  cmd->add_option("--year", opts->year, "Jaar van de cijfers (standaard uit de bestandsnaam)");
  cmd->callback([&ctx, opts] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto summary =
          areas::ImportCbsNabijheid(db, CommandPrincipal(), opts->file, opts->year, TerminalProgress("Inlezen"));
      if (!summary) return Fail(summary.error());
      std::printf("Geïmporteerd: %s (jaar %d)\n", summary->file.c_str(), summary->year);
      PrintValues(*summary);
      std::printf("Bron: CBS, Nabijheid voorzieningen %d (CC BY 4.0)\n", summary->year);
      return {};
    });
  });
}

void RegisterImportIndicators(CLI::App& import, Context& ctx) {
  auto* cmd = import.add_subcommand(
      "indicators",
      "Importeer eigen cijfers per gebied en jaar (GGD, politie, eigen monitor; CSV of XLSX, lange of brede vorm)");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string file;
    areas::IndicatorImportOptions options;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("FILE", opts->file,
                  "Het bestand: area_code, indicator, year, value (lang) of area_code, year, <indicator>, ... (breed)")
      ->required();
  cmd->add_option("--source", opts->options.source, "Bron van de cijfers, bv. \"GGD Gezondheidsmonitor 2022\"")
      ->required();
  cmd->add_option("--publisher", opts->options.publisher, "Wie de cijfers uitgeeft (standaard de bron)");
  cmd->add_option("--reliability", opts->options.reliability, "Betrouwbaarheid: hoog, redelijk, laag of onbekend");
  cmd->add_option("--licence", opts->options.licence, "Licentie van de cijfers, bv. \"CC BY 4.0\"");
  cmd->add_option("--meta", opts->options.metadata_path,
                  "Metadatabestand (code, label, unit, theme, direction, decimals, trend_threshold); standaard "
                  "<naam>.meta.csv naast het bestand");
  cmd->callback([&ctx, opts] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      auto summary =
          areas::ImportIndicators(db, CommandPrincipal(), opts->file, opts->options, TerminalProgress("Inlezen"));
      if (!summary) return Fail(summary.error());
      std::printf("Geïmporteerd: %s (nieuwste jaar %d)\n", summary->file.c_str(), summary->year);
      PrintValues(*summary);
      std::printf("Bron: %s", opts->options.source.c_str());
      if (!opts->options.reliability.empty()) std::printf(" (betrouwbaarheid: %s)", opts->options.reliability.c_str());
      std::printf("\n");
      return {};
    });
  });
}

void RegisterImportBoundaries(CLI::App& import, Context& ctx) {
  auto* cmd = import.add_subcommand("boundaries", "Importeer grenzen van gebieden (GeoJSON, GeoPackage, Shapefile)");
  AddDbOption(*cmd, ctx);
  struct Opts {
    std::string file;
    areas::BoundaryOptions options;
    std::optional<int> year;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("FILE", opts->file, "Het grenzenbestand")->required();
  cmd->add_option("--year", opts->year, "Jaar van de grenzen");
  cmd->add_option("--code-field", opts->options.code_field,
                  "Veld met de gebiedscode (standaard geraden: BU_CODE, WK_CODE, GM_CODE, WKC, statcode, KODE, ...)");
  cmd->add_option("--code-prefix", opts->options.code_prefix,
                  "Voorvoegsel voor de code, bv. BU0344 wanneer het veld alleen 0111 bevat");
  cmd->add_option("--name-field", opts->options.name_field, "Veld met de naam (standaard geraden)");
  cmd->add_flag("--create-missing", opts->options.create_missing,
                "Maak onbekende gebieden aan uit code en naam (de ouder volgt uit de code)");
  cmd->callback([&ctx, opts] {
    WithDb(ctx, [&](store::Db& db) -> Result<void> {
      opts->options.year = opts->year;
      auto summary =
          areas::ImportBoundaries(db, CommandPrincipal(), opts->file, opts->options, TerminalProgress("Inlezen"));
      if (!summary) return Fail(summary.error());
      std::printf("Geïmporteerd: %s\n", summary->file.c_str());
      std::printf("  features:      %s\n", Count(summary->features).c_str());
      std::printf("  gekoppeld:     %s\n", Count(summary->linked).c_str());
      std::printf("  aangemaakt:    %s\n", Count(summary->created).c_str());
      PrintSkipped(summary->skipped);
      return {};
    });
  });
}

}  // namespace

void RegisterImport(CLI::App& app, Context& ctx) {
  auto* import = app.add_subcommand(
      "import", "Importeer gegevens (CBS-kerncijfers, nabijheid, eigen cijfers, grenzen, sociale kaart)");
  import->require_subcommand(1);
  RegisterImportCbs(*import, ctx);
  RegisterImportNabijheid(*import, ctx);
  RegisterImportIndicators(*import, ctx);
  RegisterImportBoundaries(*import, ctx);
  RegisterImportHsds(*import, ctx);
  RegisterImportSocialMap(*import, ctx);
}

}  // namespace wk::cli
