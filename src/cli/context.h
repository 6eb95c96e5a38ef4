// Shared by the command implementations: options common to all commands, exit codes, output.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"
#include "wk/store/db.h"

namespace CLI {
class App;
}

namespace wk::cli {

inline constexpr const char* kDefaultDb = "wijkkompas-data/wijkkompas.db";

struct Context {
  std::string db_path = kDefaultDb;
  int exit_code = 0;
};

// Adds --db PATH to a command.
void AddDbOption(CLI::App& command, Context& ctx);

// Opens (and migrates) the database named by --db; prints the error and returns null on failure.
std::unique_ptr<store::Database> OpenDatabase(const Context& ctx);

// Opens the database and runs `body(store::Db&) -> Result<void>` on a connection; any failure is
// printed and becomes the command's exit code.
template <class F>
void WithDb(Context& ctx, F body);

// Prints "fout: <error>" on stderr and returns the exit code for the error.
int Report(const Error& error);
int ExitCode(ErrorCode code);

// The principal of a command: the OS user, acting as beheerder, audited as "cli:<user>".
accounts::Principal CommandPrincipal();

// Whether standard error is a terminal (to show progress).
bool StderrIsTerminal();
// A progress printer for long work on a terminal: "\r<label>: 40% (4.000/10.000)"; no-op otherwise.
std::function<void(std::int64_t, std::int64_t)> TerminalProgress(std::string label);

// Registration of the command groups (one file each).
void RegisterServe(CLI::App& app, Context& ctx);    // serve.cc
void RegisterMigrate(CLI::App& app, Context& ctx);  // serve.cc
void RegisterUser(CLI::App& app, Context& ctx);     // user.cc
void RegisterImport(CLI::App& app, Context& ctx);   // import.cc
void RegisterAreas(CLI::App& app, Context& ctx);    // areas.cc
void RegisterProfile(CLI::App& app, Context& ctx);  // profile.cc
void RegisterExport(CLI::App& app, Context& ctx);   // export.cc
// The social map's commands under `import` and `export`.
void RegisterImportHsds(CLI::App& import, Context& ctx);           // hsds.cc: import hsds
void RegisterExportHsds(CLI::App& export_cmd, Context& ctx);       // hsds.cc: export hsds
void RegisterImportSocialMap(CLI::App& import, Context& ctx);      // socialmap.cc: import socialmap
void RegisterExportSocialMap(CLI::App& export_cmd, Context& ctx);  // socialmap.cc: export socialmap

template <class F>
void WithDb(Context& ctx, F body) {
  auto database = OpenDatabase(ctx);
  if (!database) {
    ctx.exit_code = 7;
    return;
  }
  auto lease = database->Acquire();
  if (!lease) {
    ctx.exit_code = Report(lease.error());
    return;
  }
  if (auto r = body(lease->db()); !r) ctx.exit_code = Report(r.error());
}

}  // namespace wk::cli
