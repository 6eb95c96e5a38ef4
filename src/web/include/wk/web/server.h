// The web application: pages, JSON API and static assets, served by libmicrohttpd.
#pragma once

#include <string>

#include "wk/core/error.h"

namespace wk::store {
class Database;
}

namespace wk::web {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";  // ADDR:PORT; port 0 picks a free port
  int threads = 0;              // request threads (libmicrohttpd's thread pool); 0: one per CPU core (at least 2)
  std::string tile_url;         // optional map tile URL template; none by default (offline)
  std::string trusted_proxy;    // address of a reverse proxy whose X-Forwarded-Proto is believed
  bool secure_cookies = false;  // always mark cookies Secure (when served over HTTPS directly)
  int session_idle_minutes = 120;
  int session_absolute_hours = 12;
  std::string ready_file;  // if set, the listening address is written here once serving
};

// Serves until SIGINT or SIGTERM, then lets in-flight requests finish and returns.
// Prints "Wijkkompas luistert op http://ADDR:PORT" on standard output when ready.
Result<void> Serve(store::Database& database, const ServeOptions& options);

}  // namespace wk::web
