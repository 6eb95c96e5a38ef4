// The libmicrohttpd adapter: turns MHD's callbacks into Request/Response and back.
// The only file that includes <microhttpd.h>.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "router.h"
#include "wk/core/error.h"

namespace wk::web {

struct HttpLimits {
  std::size_t max_body_bytes = 16 * 1024 * 1024;  // larger bodies get 413
  // Per connection: request headers and MHD's buffers (bodies are streamed, answers sent from our
  // own memory). libmicrohttpd zeroes this pool for every request, so it is not oversized: 32 KiB
  // holds request headers of well over 16 KiB (nginx's default limit is 8 KiB per header line).
  unsigned connection_memory = 32 * 1024;
  unsigned idle_timeout_seconds = 30;  // read and idle timeout
  unsigned max_connections = 1024;
  unsigned max_connections_per_address = 256;
};

class HttpServer {
 public:
  // Binds to `listen` ("ADDR:PORT", "[::1]:PORT"; port 0 picks one) and serves with `threads`.
  static Result<std::unique_ptr<HttpServer>> Start(const Router& router, const std::string& listen, int threads,
                                                   const HttpLimits& limits, const std::string& trusted_proxy);
  ~HttpServer();
  // The actual port (useful after port 0).
  int port() const { return port_; }
  const std::string& address() const { return address_; }
  // Stops accepting, waits up to `grace_seconds` for requests in flight, then stops.
  void Shutdown(int grace_seconds);

  struct Impl;

 private:
  HttpServer() = default;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::string address_;
};

}  // namespace wk::web
