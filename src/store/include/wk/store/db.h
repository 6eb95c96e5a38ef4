// The embedded SQLite database: connections, prepared statements, transactions.
//
// Threading: a Db (one connection) is used by one thread at a time. A Database hands out
// connections from a pool, so each request thread leases its own. WAL mode lets readers run
// while one writer writes; busy_timeout makes a writer wait instead of failing at once.
// All SQL lives in the modules' *_store.cc files and in src/store (see STYLE.md, rule 7).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "wk/core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace wk::store {

class Db;

// A prepared statement, borrowed from its connection's cache. Binding is 1-based like SQLite.
// It is reset (and its bindings cleared) when it goes out of scope, ready for the next use.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, std::nullopt_t);
  Statement& BindBlob(int index, std::string_view bytes);
  template <class T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : Bind(index, std::nullopt);
  }
  // Binds the arguments to ?1, ?2, ... in order.
  template <class... Args>
  Statement& BindAll(const Args&... args) {
    int i = 0;
    (Bind(++i, args), ...);
    return *this;
  }

  // Advances to the next row: true if there is one, false when done.
  Result<bool> Step();
  // Steps until done; for statements that return no rows.
  Result<void> Run();
  // Makes the statement ready to run again with new bindings, for a loop that reuses one
  // statement (an import's inner loop) instead of borrowing it from the cache per row.
  void Reset();

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  // The text without a copy: valid until the next Step, Reset or another column call on it.
  std::string_view TextView(int column) const;
  std::optional<double> OptDouble(int column) const;
  std::optional<std::int64_t> OptInt(int column) const;
  std::optional<std::string> OptText(int column) const;
  int ColumnCount() const;

 private:
  friend class Db;
  Statement(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Db* db_;
  sqlite3_stmt* stmt_;
  Error bind_error_;
  bool bind_failed_ = false;
  bool owned_ = false;  // a private statement, finalized on destruction (the cached one was busy)
};

// One SQLite connection with its statement cache.
class Db {
 public:
  // Opens (creating if needed) the database file, with WAL, foreign keys and a busy timeout.
  // The folder of the file is created if it does not exist. ":memory:" gives a private database.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results (schema, pragmas).
  Result<void> Exec(std::string_view sql);
  // A statement from the cache, prepared on first use. Errors if the SQL does not compile.
  Result<Statement> Prepare(std::string_view sql);

  // Whether the database answers a trivial query (for /healthz).
  Result<void> Ping();

  // A test on two texts that a statement can call per row: `name(a, b)` is 1 when `test(a, b)`
  // holds, else 0 (NULL counts as ""). Defined on this connection once, on first use; define it
  // before preparing the statements that call it.
  using TextTest = bool (*)(std::string_view a, std::string_view b);
  Result<void> DefineTextTest(const std::string& name, TextTest test);

  std::int64_t LastInsertId() const;
  int Changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // The error of the last failing call, mapped: a constraint violation is kConflict,
  // SQLITE_BUSY is kUnavailable, anything else kInternal.
  Error LastError(std::string_view context) const;

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::unordered_set<sqlite3_stmt*> in_use_;
  std::unordered_set<std::string> text_tests_;
  friend class Statement;
};

// For a large write, such as an import of a national table: a page cache of `mib` MiB on the
// connection while this lives, the normal 1 MiB after. A transaction that touches more pages than
// the cache holds otherwise re-reads its own changed pages from the WAL again and again.
class BulkWriteCache {
 public:
  explicit BulkWriteCache(Db& db, int mib = 64);
  ~BulkWriteCache();
  BulkWriteCache(const BulkWriteCache&) = delete;
  BulkWriteCache& operator=(const BulkWriteCache&) = delete;

 private:
  Db& db_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
// Nested use is not supported: a use case opens exactly one transaction.
class Transaction {
 public:
  static Result<Transaction> Begin(Db& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> Commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;
};

// A read snapshot for a request that runs several queries: BEGIN (deferred) on construction, COMMIT
// on destruction. The queries see one consistent state of the database and share one set of
// locks instead of taking them per statement. For reads only: a write needs Transaction.
class ReadTransaction {
 public:
  static Result<ReadTransaction> Begin(Db& db);
  ReadTransaction(ReadTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  ReadTransaction& operator=(ReadTransaction&&) = delete;
  ~ReadTransaction();

 private:
  explicit ReadTransaction(Db* db) : db_(db) {}
  Db* db_;
};

// A pool of connections to one database file. Thread-safe.
class Database {
 public:
  // Opens the first connection and applies pending migrations (see migrations.h).
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool migrate = true);

  // A connection for the calling thread's current work; returned to the pool when the lease dies.
  class Lease {
   public:
    Lease(Database* owner, std::unique_ptr<Db> db) : owner_(owner), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Db& operator*() { return *db_; }
    Db* operator->() { return db_.get(); }
    Db& db() { return *db_; }

   private:
    Database* owner_;
    std::unique_ptr<Db> db_;
  };
  Result<Lease> Acquire();
  const std::string& path() const { return path_; }

 private:
  explicit Database(std::string path) : path_(std::move(path)) {}
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Db>> idle_;
};

}  // namespace wk::store
