// wijkkompas user add|passwd|list|disable: the accounts use cases on the command line, acting as
// beheerder and audited as "cli:<system user>".
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "context.h"
#include "wk/accounts/users.h"

namespace wk::cli {
namespace {

// Reads one line from the terminal on standard input with echo off.
std::string ReadHidden(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  std::fflush(stderr);
  termios old_mode{};
  tcgetattr(STDIN_FILENO, &old_mode);
  termios quiet = old_mode;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_mode);
  std::fprintf(stderr, "\n");
  return line;
}

// The password from --password, or asked twice on the terminal. Refuses to read a password from
// a pipe: that is how passwords end up in shell histories and logs.
Result<std::string> PasswordFrom(const std::string& given, bool was_given) {
  if (was_given) return given;
  if (isatty(STDIN_FILENO) != 1) {
    return Fail(ErrorCode::kInvalid,
                "Geen wachtwoord opgegeven en de invoer is geen terminal: gebruik --password of start de opdracht in "
                "een terminal.",
                "--password");
  }
  std::string first = ReadHidden("Wachtwoord: ");
  std::string second = ReadHidden("Herhaal het wachtwoord: ");
  if (first != second) return Fail(ErrorCode::kInvalid, "De twee wachtwoorden zijn niet gelijk.", "wachtwoord");
  return first;
}

struct UserOpts {
  std::string name;
  std::string role;
  std::string password;
};

void AddCommand(CLI::App& group, Context& ctx) {
  auto opts = std::make_shared<UserOpts>();
  auto* cmd = group.add_subcommand("add", "Voeg een gebruiker toe");
  cmd->add_option("NAME", opts->name, "Gebruikersnaam")->required();
  cmd->add_option("--role", opts->role, "Rol: beheerder, coordinator, wijkwerker, netwerkpartner of lezer")->required();
  auto* pw = cmd->add_option("--password", opts->password, "Wachtwoord (anders gevraagd op de terminal)");
  AddDbOption(*cmd, ctx);
  cmd->callback([&ctx, opts, pw] {
    auto password = PasswordFrom(opts->password, pw->count() > 0);
    if (!password) {
      ctx.exit_code = Report(password.error());
      return;
    }
    auto database = OpenDatabase(ctx);
    if (!database) return void(ctx.exit_code = 7);
    auto lease = database->Acquire();
    if (!lease) return void(ctx.exit_code = Report(lease.error()));
    auto user = accounts::AddUser(lease->db(), CommandPrincipal(), {opts->name, opts->role, *password});
    if (!user) return void(ctx.exit_code = Report(user.error()));
    std::printf("Gebruiker %s toegevoegd met rol %s.\n", user->name.c_str(),
                std::string(accounts::RoleLabel(user->role)).c_str());
  });
}

void PasswdCommand(CLI::App& group, Context& ctx) {
  auto opts = std::make_shared<UserOpts>();
  auto* cmd =
      group.add_subcommand("passwd", "Stel een nieuw wachtwoord in voor een gebruiker (die overal wordt uitgelogd)");
  cmd->add_option("NAME", opts->name, "Gebruikersnaam")->required();
  auto* pw = cmd->add_option("--password", opts->password, "Nieuw wachtwoord (anders gevraagd op de terminal)");
  AddDbOption(*cmd, ctx);
  cmd->callback([&ctx, opts, pw] {
    auto database = OpenDatabase(ctx);
    if (!database) return void(ctx.exit_code = 7);
    auto lease = database->Acquire();
    if (!lease) return void(ctx.exit_code = Report(lease.error()));
    auto actor = CommandPrincipal();
    auto user = accounts::FindUserByName(lease->db(), actor, opts->name);
    if (!user) return void(ctx.exit_code = Report(user.error()));
    auto password = PasswordFrom(opts->password, pw->count() > 0);
    if (!password) return void(ctx.exit_code = Report(password.error()));
    if (auto r = accounts::ResetPassword(lease->db(), actor, user->id, *password); !r) {
      return void(ctx.exit_code = Report(r.error()));
    }
    std::printf("Nieuw wachtwoord ingesteld voor %s.\n", user->name.c_str());
  });
}

void ListCommand(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("list", "Toon alle gebruikers");
  AddDbOption(*cmd, ctx);
  cmd->callback([&ctx] {
    auto database = OpenDatabase(ctx);
    if (!database) return void(ctx.exit_code = 7);
    auto lease = database->Acquire();
    if (!lease) return void(ctx.exit_code = Report(lease.error()));
    auto users = accounts::ListUsers(lease->db(), CommandPrincipal());
    if (!users) return void(ctx.exit_code = Report(users.error()));
    std::printf("%-32s %-16s %-14s %s\n", "NAAM", "ROL", "STATUS", "AANGEMAAKT");
    for (const auto& u : *users) {
      std::printf("%-32s %-16s %-14s %s\n", u.name.c_str(), std::string(accounts::RoleName(u.role)).c_str(),
                  u.disabled ? "uitgeschakeld" : "actief", u.created_at.c_str());
    }
  });
}

void DisableCommand(CLI::App& group, Context& ctx) {
  auto name = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("disable", "Schakel een gebruiker uit (sessies en API-tokens stoppen)");
  cmd->add_option("NAME", *name, "Gebruikersnaam")->required();
  AddDbOption(*cmd, ctx);
  cmd->callback([&ctx, name] {
    auto database = OpenDatabase(ctx);
    if (!database) return void(ctx.exit_code = 7);
    auto lease = database->Acquire();
    if (!lease) return void(ctx.exit_code = Report(lease.error()));
    auto actor = CommandPrincipal();
    auto user = accounts::FindUserByName(lease->db(), actor, *name);
    if (!user) return void(ctx.exit_code = Report(user.error()));
    if (auto r = accounts::DisableUser(lease->db(), actor, user->id); !r)
      return void(ctx.exit_code = Report(r.error()));
    std::printf("Gebruiker %s is uitgeschakeld.\n", user->name.c_str());
  });
}

}  // namespace

void RegisterUser(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("user", "Beheer gebruikers: add, passwd, list, disable");
  group->require_subcommand(1);
  AddCommand(*group, ctx);
  PasswdCommand(*group, ctx);
  ListCommand(*group, ctx);
  DisableCommand(*group, ctx);
}

}  // namespace wk::cli
