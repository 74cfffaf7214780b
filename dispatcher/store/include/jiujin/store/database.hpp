#pragma once
// A thin RAII wrapper over libsqlite3: one connection (Database), one prepared statement
// (Statement), one transaction (Transaction). Every SQLite code becomes a StoreError here.
// Not thread-safe: one Database per thread, as SQLite connections are used in Jiujin.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "jiujin/store/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace jiujin::store {

class Database;

class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQL's ?1, ?2 ….
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, double value);
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  /// Runs one step: true when a row is ready, false when done, or the error.
  StoreResult<bool> step();
  /// Steps to completion (for statements that return no rows) and resets for reuse.
  StoreStatus run();
  /// Clears the bindings and rewinds, ready for the next execution.
  void reset();

  std::int64_t integer(int column) const;
  std::string text(int column) const;
  bool isNull(int column) const;
  /// True for a default-constructed (or moved-from) statement.
  bool empty() const { return statement_ == nullptr; }

 private:
  friend class Database;
  Statement(sqlite3_stmt* statement, Database* database) : statement_(statement), database_(database) {}
  sqlite3_stmt* statement_ = nullptr;
  Database* database_ = nullptr;
};

class Database {
 public:
  enum class Mode { OpenExisting, CreateIfMissing };

  static StoreResult<Database> open(const std::filesystem::path& path, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs one or more statements that return no rows.
  StoreStatus exec(std::string_view sql);
  StoreResult<Statement> prepare(std::string_view sql);
  /// The single integer a query such as "PRAGMA user_version" returns.
  StoreResult<std::int64_t> queryInteger(std::string_view sql);
  /// True while a transaction is open (SQLite leaves one open after some failed COMMITs).
  bool inTransaction() const;
  /// True when SQLite could only open the file for reading (its permissions say so).
  bool isReadOnly() const;

  /// Copies this whole database into `target` with SQLite's online backup API, in one step:
  /// one consistent moment of this database, without blocking a WAL database's writer.
  StoreStatus copyInto(Database& target);

  /// The StoreError for SQLite result code `rc` on this connection, with context.
  StoreError errorFor(int rc, std::string_view doing) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

/// BEGIN IMMEDIATE … COMMIT; rolls back unless committed (also after a failed COMMIT).
class Transaction {
 public:
  static StoreResult<Transaction> begin(Database& db);
  ~Transaction();
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  StoreStatus commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;
};

}  // namespace jiujin::store
