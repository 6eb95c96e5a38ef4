#include "wk/cli/cli.h"

#include <pwd.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "context.h"
#include "wk/core/text.h"

namespace wk::cli {

void AddDbOption(CLI::App& command, Context& ctx) {
  command.add_option("--db", ctx.db_path, "Databasebestand (SQLite)")->capture_default_str();
}

std::unique_ptr<store::Database> OpenDatabase(const Context& ctx) {
  auto db = store::Database::Open(ctx.db_path);
  if (!db) {
    Report(db.error());
    return nullptr;
  }
  return std::move(*db);
}

int ExitCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
    case ErrorCode::kBadInput: return 2;
    case ErrorCode::kNotFound: return 3;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kPermissionDenied: return 4;
    case ErrorCode::kConflict: return 5;
    case ErrorCode::kTooManyRequests: return 6;
    case ErrorCode::kUnavailable: return 7;
    case ErrorCode::kInternal: return 1;
  }
  return 1;
}

int Report(const Error& error) {
  std::fprintf(stderr, "fout: %s\n", error.Describe().c_str());
  return ExitCode(error.code);
}

accounts::Principal CommandPrincipal() {
  std::string name = "onbekend";
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) name = pw->pw_name;
  return accounts::CliPrincipal(name);
}

bool StderrIsTerminal() {
  return isatty(STDERR_FILENO) == 1;
}

std::function<void(std::int64_t, std::int64_t)> TerminalProgress(std::string label) {
  if (!StderrIsTerminal()) return {};
  return [label = std::move(label), last = -1](std::int64_t done, std::int64_t total) mutable {
    int pct = total > 0 ? static_cast<int>(done * 100 / total) : 0;
    if (pct == last && done != total) return;
    last = pct;
    std::fprintf(stderr, "\r%s: %3d%% (%s/%s)", label.c_str(), pct,
                 text::FormatNumber(static_cast<double>(done)).c_str(),
                 text::FormatNumber(static_cast<double>(total)).c_str());
    if (done >= total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  };
}

int Main(int argc, char** argv) {
  CLI::App app{"Wijkkompas: wijkgericht werken — onderzoeken, verbinden, uitvoeren en evalueren.", "wijkkompas"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "wijkkompas 0.1.0");
  Context ctx;
  RegisterServe(app, ctx);
  RegisterMigrate(app, ctx);
  RegisterUser(app, ctx);
  RegisterImport(app, ctx);
  RegisterAreas(app, ctx);
  RegisterProfile(app, ctx);
  RegisterExport(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return ctx.exit_code;
}

}  // namespace wk::cli
