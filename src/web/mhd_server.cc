#include "mhd_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "problem.h"
#include "wk/core/text.h"

namespace wk::web {

// A few threads for slow routes (Route::slow): the request's connection is suspended meanwhile.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void Submit(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

 private:
  void Run() {
    while (true) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, and nothing left to do
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

struct HttpServer::Impl {
  const Router* router = nullptr;
  std::unique_ptr<WorkerPool> workers;
  HttpLimits limits;
  std::string trusted_proxy;
  MHD_Daemon* daemon = nullptr;
  std::atomic<int> in_flight{0};
  std::atomic<std::uint64_t> counter{0};
  std::uint32_t id_prefix = 0;
};

namespace {

// Per-request state, from the first call of the access handler to the completion callback.
struct Pending {
  HttpServer::Impl* impl = nullptr;
  Request request;
  MHD_PostProcessor* post = nullptr;
  std::multimap<std::string, std::string>::iterator current_field = request.form.end();  // see CollectPost
  bool too_large = false;
  bool counted = false;
  // Slow routes: the answer computed on the worker pool, queued when the connection resumes.
  bool dispatched = false;
  std::optional<Response> response;
};

Response DispatchSafely(const Router& router, Request& req) {
  try {
    return router.Dispatch(req);
  } catch (const std::exception& e) {
    return ErrorResponse(req, Error{ErrorCode::kInternal, e.what(), {}, {}});
  }
}

Method ParseMethod(const char* m) {
  std::string_view s = m;
  if (s == "GET") return Method::kGet;
  if (s == "HEAD") return Method::kHead;
  if (s == "POST") return Method::kPost;
  if (s == "PUT") return Method::kPut;
  if (s == "PATCH") return Method::kPatch;
  if (s == "DELETE") return Method::kDelete;
  if (s == "OPTIONS") return Method::kOptions;
  return Method::kOther;
}

MHD_Result CollectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto* req = static_cast<Request*>(cls);
  req->headers[text::ToLowerAscii(key)] = value ? value : "";
  return MHD_YES;
}

MHD_Result CollectCookie(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<Request*>(cls)->cookies[key] = value ? value : "";
  return MHD_YES;
}

MHD_Result CollectQuery(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<Request*>(cls)->query.emplace(key, value ? value : "");
  return MHD_YES;
}

MHD_Result CollectPost(void* cls, MHD_ValueKind, const char* key, const char* filename, const char* /*content_type*/,
                       const char* /*transfer_encoding*/, const char* data, uint64_t off, size_t size) {
  auto* p = static_cast<Pending*>(cls);
  auto& form = p->request.form;
  // A value may arrive in pieces, and libmicrohttpd may first call with an empty piece at offset 0
  // and then again at offset 0 with the data. So a piece continues the current field when it has
  // the same name and starts where the value so far ends; otherwise a new field begins. An uploaded
  // file's name is kept as the field "<key>.filename".
  const bool continues =
      p->current_field != form.end() && p->current_field->first == key && off == p->current_field->second.size();
  if (continues) {
    p->current_field->second.append(data, size);
  } else {
    if (filename != nullptr) form.emplace(std::string(key) + ".filename", filename);
    p->current_field = form.emplace(key, std::string(data, size));
  }
  return MHD_YES;
}

std::string ClientAddress(MHD_Connection* conn) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info == nullptr || info->client_addr == nullptr) return "?";
  char buf[INET6_ADDRSTRLEN] = {};
  const sockaddr* sa = info->client_addr;
  if (sa->sa_family == AF_INET) {
    // By hand: glibc's inet_ntop formats IPv4 through sprintf, 7 % of a cached API answer's work.
    const auto* b = reinterpret_cast<const unsigned char*>(&reinterpret_cast<const sockaddr_in*>(sa)->sin_addr);
    std::string out;
    out.reserve(15);
    for (int i = 0; i < 4; ++i) {
      if (i > 0) out += '.';
      out += std::to_string(b[i]);
    }
    return out;
  } else if (sa->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
  }
  return buf;
}

MHD_Result Queue(MHD_Connection* conn, const Response& resp, Method method) {
  MHD_Response* r = nullptr;
  if (!resp.static_body.empty()) {
    r = MHD_create_response_from_buffer(resp.static_body.size(), const_cast<char*>(resp.static_body.data()),
                                        MHD_RESPMEM_PERSISTENT);
  } else {
    r = MHD_create_response_from_buffer(resp.body.size(), const_cast<char*>(resp.body.data()), MHD_RESPMEM_MUST_COPY);
  }
  (void)method;
  MHD_add_response_header(r, "Content-Type", resp.content_type.c_str());
  for (const auto& [k, v] : resp.headers) MHD_add_response_header(r, k.c_str(), v.c_str());
  MHD_Result ok = MHD_queue_response(conn, static_cast<unsigned>(resp.status), r);
  MHD_destroy_response(r);
  return ok;
}

MHD_Result OnRequest(void* cls, MHD_Connection* conn, const char* url, const char* method, const char* /*version*/,
                     const char* upload_data, size_t* upload_data_size, void** con_cls) {
  auto* impl = static_cast<HttpServer::Impl*>(cls);
  auto* p = static_cast<Pending*>(*con_cls);
  if (p == nullptr) {
    // First call: headers only. Queueing a response now would make libmicrohttpd close the
    // connection afterwards, so we only set up and answer on a later call (keeps keep-alive).
    p = new Pending();
    p->impl = impl;
    p->counted = true;
    impl->in_flight.fetch_add(1);
    *con_cls = p;
    Request& req = p->request;
    req.method = ParseMethod(method);
    req.path = url;
    MHD_get_connection_values(conn, MHD_HEADER_KIND, CollectHeader, &req);
    MHD_get_connection_values(conn, MHD_COOKIE_KIND, CollectCookie, &req);
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, CollectQuery, &req);
    req.remote_address = ClientAddress(conn);
    if (!impl->trusted_proxy.empty() && req.remote_address == impl->trusted_proxy) {
      req.https = req.Header("x-forwarded-proto") == "https";
      std::string fwd = req.Header("x-forwarded-for");
      if (!fwd.empty()) req.remote_address = std::string(text::Trim(fwd.substr(0, fwd.find(','))));
    }
    // "%08x%06llx" of prefix and counter, without printf's format parsing on every request.
    static constexpr char kHex[] = "0123456789abcdef";
    const std::uint64_t n =
        (static_cast<std::uint64_t>(impl->id_prefix) << 24) | (impl->counter.fetch_add(1) & 0xffffff);
    req.request_id.assign(14, '0');
    for (int i = 0; i < 14; ++i) req.request_id[13 - i] = kHex[(n >> (4 * i)) & 15];
    std::string ct = req.Header("content-type");
    if (ct.starts_with("application/x-www-form-urlencoded") || ct.starts_with("multipart/form-data")) {
      p->post = MHD_create_post_processor(conn, 64 * 1024, CollectPost, p);
    }
    auto len = text::ParseInt(req.Header("content-length"));
    if (len && *len > 0 && static_cast<std::size_t>(*len) > impl->limits.max_body_bytes) p->too_large = true;
    return MHD_YES;
  }
  if (*upload_data_size > 0) {
    if (!p->too_large) {
      if (p->post != nullptr) {
        if (MHD_post_process(p->post, upload_data, *upload_data_size) != MHD_YES) p->too_large = true;
      } else {
        p->request.body.append(upload_data, *upload_data_size);
      }
      if (p->request.body.size() > impl->limits.max_body_bytes) p->too_large = true;
    }
    *upload_data_size = 0;
    return MHD_YES;
  }
  Request& req = p->request;
  if (p->response) return Queue(conn, *p->response, req.method);  // resumed after slow work
  if (p->dispatched) return MHD_YES;                              // still working
  p->dispatched = true;
  if (p->too_large) {
    return Queue(conn, ErrorResponse(req, Error{ErrorCode::kInvalid, "Het verzoek is te groot.", {}, {}}, 413),
                 req.method);
  }
  if (impl->router->IsSlow(req)) {
    MHD_suspend_connection(conn);
    impl->workers->Submit([impl, p, conn] {
      p->response = DispatchSafely(*impl->router, p->request);
      MHD_resume_connection(conn);
    });
    return MHD_YES;
  }
  return Queue(conn, DispatchSafely(*impl->router, req), req.method);
}

void OnCompleted(void* /*cls*/, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode) {
  auto* p = static_cast<Pending*>(*con_cls);
  if (p == nullptr) return;
  if (p->post != nullptr) MHD_destroy_post_processor(p->post);
  if (p->counted) p->impl->in_flight.fetch_sub(1);
  delete p;
  *con_cls = nullptr;
}

void LogMhd(void* /*cls*/, const char* fm, va_list ap) {
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fm, ap);
  std::string_view s = buf;
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  spdlog::warn("http: {}", s);
}

bool ParseListen(const std::string& listen, sockaddr_storage* out, socklen_t* len, std::string* host, int* port) {
  std::string h;
  std::string p;
  if (!listen.empty() && listen.front() == '[') {
    auto close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':') return false;
    h = listen.substr(1, close - 1);
    p = listen.substr(close + 2);
  } else {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) return false;
    h = listen.substr(0, colon);
    p = listen.substr(colon + 1);
  }
  auto port_num = text::ParseInt(p);
  if (!port_num || *port_num < 0 || *port_num > 65535) return false;
  if (h.empty() || h == "localhost") h = "127.0.0.1";
  std::memset(out, 0, sizeof *out);
  auto* v4 = reinterpret_cast<sockaddr_in*>(out);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(out);
  if (inet_pton(AF_INET, h.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(*port_num));
    *len = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, h.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(*port_num));
    *len = sizeof(sockaddr_in6);
  } else {
    return false;
  }
  *host = h;
  *port = static_cast<int>(*port_num);
  return true;
}

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const Router& router, const std::string& listen, int threads,
                                                      const HttpLimits& limits, const std::string& trusted_proxy) {
  sockaddr_storage addr{};
  socklen_t addr_len = 0;
  std::string host;
  int port = 0;
  if (!ParseListen(listen, &addr, &addr_len, &host, &port)) {
    return Fail(ErrorCode::kInvalid, "Ongeldig luisteradres '" + listen + "': verwacht ADRES:POORT, bv. 127.0.0.1:8080",
                "--listen");
  }
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->impl_ = std::make_unique<Impl>();
  Impl* impl = server->impl_.get();
  impl->router = &router;
  impl->limits = limits;
  impl->trusted_proxy = trusted_proxy;
  impl->id_prefix = std::random_device{}();
  impl->workers = std::make_unique<WorkerPool>(2);
  unsigned flags =
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC;
  if (addr.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  impl->daemon = MHD_start_daemon(
      flags, 0, nullptr, nullptr, &OnRequest, impl, MHD_OPTION_EXTERNAL_LOGGER, &LogMhd, nullptr, MHD_OPTION_SOCK_ADDR,
      reinterpret_cast<sockaddr*>(&addr), MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(threads < 1 ? 1 : threads),
      MHD_OPTION_CONNECTION_TIMEOUT, limits.idle_timeout_seconds, MHD_OPTION_CONNECTION_LIMIT, limits.max_connections,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.max_connections_per_address, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      static_cast<size_t>(limits.connection_memory), MHD_OPTION_NOTIFY_COMPLETED, &OnCompleted, impl,
      MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
  if (impl->daemon == nullptr) {
    return Fail(ErrorCode::kUnavailable,
                "Kan niet luisteren op " + listen + " (is de poort al in gebruik, of het adres onbekend?)", "--listen");
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
  server->port_ = info != nullptr ? info->port : port;
  server->address_ = (addr.ss_family == AF_INET6 ? "[" + host + "]" : host) + ":" + std::to_string(server->port_);
  return server;
}

void HttpServer::Shutdown(int grace_seconds) {
  if (impl_ == nullptr || impl_->daemon == nullptr) return;
  MHD_quiesce_daemon(impl_->daemon);  // stop accepting; connections in progress go on
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(grace_seconds);
  while (impl_->in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Let slow work finish (its connection resumes into a still-running daemon), then stop.
  impl_->workers.reset();
  MHD_stop_daemon(impl_->daemon);
  impl_->daemon = nullptr;
}

HttpServer::~HttpServer() {
  Shutdown(0);
}

}  // namespace wk::web
