// Small helpers for the social map's *_store.cc files: run a statement, read rows. Private.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/store/db.h"

namespace wk::socialmap::sql {

// Text for an optional HSDS column: "" becomes NULL.
inline std::optional<std::string_view> OrNull(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return s;
}

template <class... Args>
Result<void> Run(store::Db& db, std::string_view sql, const Args&... args) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  return st->BindAll(args...).Run();
}

// Every row of the statement, each read by `read(const Statement&)`.
template <class Read, class... Args>
auto Rows(store::Db& db, std::string_view sql, Read read, const Args&... args)
    -> Result<std::vector<decltype(read(std::declval<const store::Statement&>()))>> {
  using Row = decltype(read(std::declval<const store::Statement&>()));
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->BindAll(args...);
  std::vector<Row> out;
  while (true) {
    auto more = st->Step();
    if (!more) return Fail(more.error());
    if (!*more) break;
    out.push_back(read(*st));
  }
  return out;
}

// The first column of every row as text.
template <class... Args>
Result<std::vector<std::string>> Texts(store::Db& db, std::string_view sql, const Args&... args) {
  return Rows(
      db, sql, [](const store::Statement& st) { return st.Text(0); }, args...);
}

// Whether the statement returns a row.
template <class... Args>
Result<bool> Any(store::Db& db, std::string_view sql, const Args&... args) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->BindAll(args...);
  return st->Step();
}

// A JSON array of strings, for `IN (SELECT value FROM json_each(?))`.
std::string JsonArray(const std::vector<std::string>& values);

}  // namespace wk::socialmap::sql
