// What the social map's use cases share: the permission check and the ids of new rows. Private.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "uuid.h"
#include "wk/accounts/principal.h"
#include "wk/core/error.h"

namespace wk::socialmap {

// kPermissionDenied "U hebt geen toestemming om dit te doen." unless the role allows `action`.
Result<void> CheckPermission(const accounts::Principal& who, accounts::Action action);

// Gives every row of `rows` an id: a row without one gets a new UUID; a row keeps an id it had
// before the edit (in `before`) and a new id the caller chose (a UUID no other row of the table
// has, checked with `taken(id) -> Result<bool>`). Any other id is kInvalid on "<list>[i].id".
template <class T, class Taken>
Result<void> AssignIds(std::vector<T>& rows, const std::vector<T>& before, const std::string& list, Taken taken) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    T& row = rows[i];
    const std::string field = list + "[" + std::to_string(i) + "].id";
    if (row.id.empty()) {
      row.id = NewUuid();
    } else {
      bool ours = false;
      for (const T& b : before) ours = ours || b.id == row.id;
      if (!ours) {
        if (!IsUuid(row.id)) return Fail(ErrorCode::kInvalid, "Dit id is geen UUID.", field);
        auto used = taken(row.id);
        if (!used) return Fail(used.error());
        if (*used) return Fail(ErrorCode::kInvalid, "Dit id hoort bij een andere regel.", field);
      }
    }
    if (!seen.insert(row.id).second) return Fail(ErrorCode::kInvalid, "Dit id komt twee keer voor.", field);
  }
  return {};
}

}  // namespace wk::socialmap
