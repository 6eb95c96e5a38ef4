// wijkkompas serve, wijkkompas migrate
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>

#include "context.h"
#include "demo.h"
#include "wk/store/migrations.h"
#include "wk/web/server.h"

namespace wk::cli {

void RegisterServe(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Start de webserver");
  AddDbOption(*cmd, ctx);
  struct Opts {
    web::ServeOptions serve;
    bool demo = false;
    bool quiet = false;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("--listen", opts->serve.listen, "Luisteradres ADRES:POORT")->capture_default_str();
  cmd->add_flag("--demo", opts->demo,
                "Op een lege database: laad de demogemeente Utrecht en maak de demobeheerder aan");
  cmd->add_option("--threads", opts->serve.threads,
                  "Aantal verzoek-threads (standaard: één per processorkern, minstens 2)");
  cmd->add_option("--tile-url", opts->serve.tile_url,
                  "Optionele kaarttegel-URL, bv. https://tiles.example/{z}/{x}/{y}.png (standaard geen: offline)");
  cmd->add_option("--trusted-proxy", opts->serve.trusted_proxy,
                  "Adres van een reverse proxy (nginx) waarvan X-Forwarded-Proto en X-Forwarded-For vertrouwd worden");
  cmd->add_flag("--secure-cookies", opts->serve.secure_cookies, "Cookies altijd met Secure (bij HTTPS zonder proxy)");
  cmd->add_option("--ready-file", opts->serve.ready_file,
                  "Schrijf het adres naar dit bestand zodra de server luistert");
  cmd->add_flag("--quiet", opts->quiet, "Geen toegangslog per verzoek");
  cmd->callback([&ctx, opts] {
    if (opts->quiet) spdlog::set_level(spdlog::level::warn);
    auto database = OpenDatabase(ctx);
    if (!database) {
      ctx.exit_code = 7;
      return;
    }
    if (opts->demo) {
      if (auto r = PrepareDemo(*database); !r) {
        ctx.exit_code = Report(r.error());
        return;
      }
    }
    if (auto r = web::Serve(*database, opts->serve); !r) ctx.exit_code = Report(r.error());
  });
}

void RegisterMigrate(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("migrate", "Werk het databaseschema bij (gebeurt ook bij het starten)");
  AddDbOption(*cmd, ctx);
  auto list = std::make_shared<bool>(false);
  cmd->add_flag("--list", *list, "Toon alle migraties en of ze zijn toegepast");
  cmd->callback([&ctx, list] {
    auto db = store::Db::Open(ctx.db_path);
    if (!db) {
      ctx.exit_code = Report(db.error());
      return;
    }
    auto applied = store::Migrate(**db);
    if (!applied) {
      ctx.exit_code = Report(applied.error());
      return;
    }
    std::printf("%d migratie(s) toegepast op %s\n", *applied, ctx.db_path.c_str());
    if (*list) {
      auto all = store::ListMigrations(**db);
      if (!all) {
        ctx.exit_code = Report(all.error());
        return;
      }
      for (const auto& m : *all)
        std::printf("  %04d %-40s %s\n", m.version, m.name.c_str(), m.applied ? "toegepast" : "open");
    }
  });
}

}  // namespace wk::cli
