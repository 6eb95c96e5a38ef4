#include "wk/store/db.h"

#include <sqlite3.h>

#include <filesystem>

#include "wk/store/migrations.h"

namespace wk::store {

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(other.stmt_),
      bind_error_(std::move(other.bind_error_)),
      bind_failed_(other.bind_failed_),
      owned_(other.owned_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  db_->in_use_.erase(stmt_);
}

namespace {
const auto kTransient = SQLITE_TRANSIENT;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK && !bind_failed_) {
    bind_failed_ = true;
    bind_error_ = db_->LastError("bind");
  }
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK && !bind_failed_) {
    bind_failed_ = true;
    bind_error_ = db_->LastError("bind");
  }
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  // An empty view may have a null data pointer, which SQLite would bind as NULL: bind "" instead.
  const char* data = value.data() != nullptr ? value.data() : "";
  if (sqlite3_bind_text64(stmt_, index, data, value.size(), kTransient, SQLITE_UTF8) != SQLITE_OK && !bind_failed_) {
    bind_failed_ = true;
    bind_error_ = db_->LastError("bind");
  }
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), kTransient) != SQLITE_OK && !bind_failed_) {
    bind_failed_ = true;
    bind_error_ = db_->LastError("bind");
  }
  return *this;
}

Statement& Statement::Bind(int index, std::nullopt_t) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK && !bind_failed_) {
    bind_failed_ = true;
    bind_error_ = db_->LastError("bind");
  }
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_failed_) return Fail(bind_error_);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = db_->LastError(sqlite3_sql(stmt_));
  sqlite3_reset(stmt_);
  return Fail(std::move(e));
}

Result<void> Statement::Run() {
  while (true) {
    auto r = Step();
    if (!r) return Fail(r.error());
    if (!*r) return {};
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  bind_failed_ = false;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::int64_t Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}
double Statement::Double(int column) const {
  return sqlite3_column_double(stmt_, column);
}
std::string Statement::Text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::string_view Statement::TextView(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}
std::optional<double> Statement::OptDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}
std::optional<std::int64_t> Statement::OptInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}
std::optional<std::string> Statement::OptText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}
int Statement::ColumnCount() const {
  return sqlite3_column_count(stmt_);
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  if (path != ":memory:") {
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Fail(ErrorCode::kUnavailable, "Kan de map van de database niet aanmaken: " + ec.message(), {},
                  parent.string());
    }
  }
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    return Fail(ErrorCode::kUnavailable, "Kan de database niet openen: " + msg, {}, path);
  }
  std::unique_ptr<Db> db(new Db(raw, path));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  auto r = db->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
      "PRAGMA temp_store=MEMORY; "
      // 1 MiB of page cache per connection instead of SQLite's 2 MiB: a server holds one connection
      // per request thread, and the operating system caches the file for all of them anyway.
      // Large writes widen it for their duration (BulkWriteCache).
      "PRAGMA cache_size=-1024; "
      // Reads through a memory map of (up to) 1 GiB of the file: the pages come straight from the
      // operating system's cache, shared by all connections, without a read() and a copy each;
      // a search near a point touches a few thousand pages at random (issue 4's benchmark).
      "PRAGMA mmap_size=1073741824;");
  if (!r) return Fail(r.error());
  return db;
}

BulkWriteCache::BulkWriteCache(Db& db, int mib) : db_(db) {
  // A pragma that cannot fail on an open connection; a failure would only cost speed.
  (void)db_.Exec("PRAGMA cache_size=-" + std::to_string(mib * 1024));  // NOLINT(bugprone-unused-return-value)
}

BulkWriteCache::~BulkWriteCache() {
  (void)db_.Exec("PRAGMA cache_size=-1024");  // NOLINT(bugprone-unused-return-value)
}

Db::~Db() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<void> Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Error e = LastError(err ? err : "exec");
    sqlite3_free(err);
    return Fail(std::move(e));
  }
  return {};
}

namespace {

void CallTextTest(sqlite3_context* context, int, sqlite3_value** args) {
  const auto test = reinterpret_cast<Db::TextTest>(sqlite3_user_data(context));
  auto text = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
  };
  sqlite3_result_int(context, test(text(args[0]), text(args[1])) ? 1 : 0);
}

}  // namespace

Result<void> Db::DefineTextTest(const std::string& name, TextTest test) {
  if (text_tests_.contains(name)) return {};
  if (sqlite3_create_function_v2(db_, name.c_str(), 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                 reinterpret_cast<void*>(test), CallTextTest, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Fail(LastError(name));
  }
  text_tests_.insert(name);
  return {};
}

Result<Statement> Db::Prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
        SQLITE_OK) {
      return Fail(LastError(key));
    }
    it = cache_.emplace(std::move(key), stmt).first;
  }
  if (in_use_.contains(it->second)) {
    // The cached statement is borrowed already (e.g. a query loop that runs the same SQL inside):
    // give this caller a statement of its own.
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, it->first.data(), static_cast<int>(it->first.size()), &stmt, nullptr) != SQLITE_OK) {
      return Fail(LastError(it->first));
    }
    Statement own(this, stmt);
    own.owned_ = true;
    return own;
  }
  in_use_.insert(it->second);
  return Statement(this, it->second);
}

Result<void> Db::Ping() {
  auto st = Prepare("SELECT 1");
  if (!st) return Fail(st.error());
  auto row = st->Step();
  if (!row) return Fail(row.error());
  return {};
}

std::int64_t Db::LastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}
int Db::Changes() const {
  return sqlite3_changes(db_);
}

Error Db::LastError(std::string_view context) const {
  int rc = sqlite3_extended_errcode(db_);
  std::string msg = std::string(sqlite3_errmsg(db_)) + " [" + std::string(context.substr(0, 200)) + "]";
  ErrorCode code = ErrorCode::kInternal;
  if ((rc & 0xff) == SQLITE_CONSTRAINT) code = ErrorCode::kConflict;
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) code = ErrorCode::kUnavailable;
  return Error{code, msg, {}, {}};
}

Result<Transaction> Transaction::Begin(Db& db) {
  auto r = db.Exec("BEGIN IMMEDIATE");
  if (!r) return Fail(r.error());
  return Transaction(&db);
}

Transaction::~Transaction() {
  // A failed ROLLBACK leaves nothing to do: SQLite rolls back itself when the connection closes.
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");  // NOLINT(bugprone-unused-return-value)
}

Result<void> Transaction::Commit() {
  auto r = db_->Exec("COMMIT");
  if (!r) return r;
  db_ = nullptr;
  return {};
}

Result<ReadTransaction> ReadTransaction::Begin(Db& db) {
  auto st = db.Prepare("BEGIN");
  if (!st) return Fail(st.error());
  if (auto r = st->Run(); !r) return Fail(r.error());
  return ReadTransaction(&db);
}

ReadTransaction::~ReadTransaction() {
  if (db_ == nullptr) return;
  // Nothing was written, so COMMIT only ends the snapshot; should it fail, ROLLBACK does the same.
  auto st = db_->Prepare("COMMIT");
  if (!st || !st->Run()) (void)db_->Exec("ROLLBACK");  // NOLINT(bugprone-unused-return-value)
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool migrate) {
  std::unique_ptr<Database> database(new Database(path));
  auto first = Db::Open(path);
  if (!first) return Fail(first.error());
  if (migrate) {
    auto m = Migrate(**first);
    if (!m) return Fail(m.error());
  }
  database->idle_.push_back(std::move(*first));
  return database;
}

Result<Database::Lease> Database::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  auto db = Db::Open(path_);
  if (!db) return Fail(db.error());
  return Lease(this, std::move(*db));
}

Database::Lease::~Lease() {
  if (db_ == nullptr || owner_ == nullptr) return;
  std::lock_guard lock(owner_->mutex_);
  owner_->idle_.push_back(std::move(db_));
}

}  // namespace wk::store
