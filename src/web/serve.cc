#include <malloc.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <thread>

#include "app.h"
#include "mhd_server.h"
#include "wk/web/server.h"

namespace wk::web {

Result<void> Serve(store::Database& database, const ServeOptions& options) {
  // glibc gives every thread that allocates its own malloc arena (64 MB of address space each,
  // several MB resident after rendering pages). Request work is short and allocation-light, so two
  // arenas shared by all threads keep the resident memory down at no measurable cost in speed.
  mallopt(M_ARENA_MAX, 2);
  // Block the stop signals in every thread (the server's threads inherit this mask), so that
  // only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  ServeOptions effective = options;
  if (effective.threads <= 0) {
    // Request work is short and never waits on the network (slow work has its own pool), so more
    // threads than cores only add memory: each keeps a database connection and parsed templates.
    effective.threads = std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  }
  App app{database, effective};
  Router router = BuildRouter(app);
  auto server = HttpServer::Start(router, effective.listen, effective.threads, HttpLimits{}, effective.trusted_proxy);
  if (!server) return Fail(server.error());
  std::printf("Wijkkompas luistert op http://%s (stoppen: Ctrl+C)\n", (*server)->address().c_str());
  std::fflush(stdout);
  spdlog::info("serving on http://{} with {} threads, database {}", (*server)->address(), effective.threads,
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
