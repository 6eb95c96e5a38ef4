#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>

#include "app.h"
#include "mhd_server.h"
#include "wk/web/server.h"

namespace wk::web {

Result<void> Serve(store::Database& database, const ServeOptions& options) {
  // Block the stop signals in every thread (the server's threads inherit this mask), so that
  // only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  App app{database, options};
  Router router = BuildRouter(app);
  auto server = HttpServer::Start(router, options.listen, options.threads, HttpLimits{}, options.trusted_proxy);
  if (!server) return Fail(server.error());
  std::printf("Wijkkompas luistert op http://%s (stoppen: Ctrl+C)\n", (*server)->address().c_str());
  std::fflush(stdout);
  spdlog::info("serving on http://{} with {} threads, database {}", (*server)->address(), options.threads,
               database.path());
  if (!options.ready_file.empty()) {
    std::ofstream(options.ready_file) << "http://" << (*server)->address() << "\n";
  }
  int sig = 0;
  sigwait(&stop_signals, &sig);
  spdlog::info("signal {} received: finishing requests in flight, then stopping", sig);
  (*server)->Shutdown(10);
  spdlog::info("stopped");
  return {};
}

}  // namespace wk::web
