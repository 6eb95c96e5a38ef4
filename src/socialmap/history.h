// The history of parties and services as HSDS metadata rows (ADR 13): what each field of a
// resource holds, as text, and the writer that appends one row per created, changed or removed
// field in the transaction of the change. Private to the socialmap module.
//
// Field names are HSDS's where HSDS has the field ("fees_description", "state_province"), ours
// otherwise ("kind", "domains", "areas_served"). Lists of vocabulary codes are joined by ", ";
// booleans are "true"/"false"; numbers in their shortest form.
#pragma once

#include <string>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap {

struct Field {
  std::string name, value;
};

std::vector<Field> PartyFields(const Party& p);
std::vector<Field> ServiceFields(const Service& s);
std::vector<Field> LocationFields(const Location& l);
std::vector<Field> ScheduleFields(const Schedule& s);
std::vector<Field> PhoneFields(const Phone& p);
std::vector<Field> ContactFields(const Contact& c);

// Appends history rows, all with the same actor, date and time. `parent` is the party or service
// a child resource (location, schedule, phone, contact) belongs to, "" for the resource itself.
class HistoryWriter {
 public:
  HistoryWriter(store::Db& db, std::string by, std::string today, std::string now)
      : db_(db), by_(std::move(by)), today_(std::move(today)), now_(std::move(now)) {}

  // One "create" row per non-empty field.
  Result<void> Created(const std::string& type, const std::string& id, const std::vector<Field>& fields,
                       const std::string& parent = {});
  // One `action` row per field whose value differs ("update" for edits).
  Result<void> Changed(const std::string& type, const std::string& id, const std::vector<Field>& before,
                       const std::vector<Field>& after, const std::string& parent = {},
                       const std::string& action = "update");
  // One "delete" row per non-empty field of a removed child.
  Result<void> Removed(const std::string& type, const std::string& id, const std::vector<Field>& fields,
                       const std::string& parent);
  Result<void> Row(const std::string& type, const std::string& id, const std::string& action, const std::string& field,
                   const std::string& old_value, const std::string& new_value, const std::string& parent = {});

  // Rows written so far (a use case with none changed nothing).
  int rows() const { return rows_; }
  // The names of the fields written so far, without repeats, for the audit detail.
  const std::vector<std::string>& fields() const { return fields_; }
  // fields() joined by ", ": the audit detail of an update.
  std::string FieldList() const {
    std::string out;
    for (const std::string& f : fields_) out += (out.empty() ? "" : ", ") + f;
    return out;
  }

  // Created/Changed/Removed over a list of children matched by id.
  template <class T, class FieldsOf>
  Result<void> Children(const std::string& type, const std::vector<T>& before, const std::vector<T>& after,
                        FieldsOf fields_of, const std::string& parent) {
    for (const T& a : after) {
      const T* b = Find(before, a.id);
      auto r = b ? Changed(type, a.id, fields_of(*b), fields_of(a), parent) : Created(type, a.id, fields_of(a), parent);
      if (!r) return r;
    }
    for (const T& b : before) {
      if (Find(after, b.id) != nullptr) continue;
      if (auto r = Removed(type, b.id, fields_of(b), parent); !r) return r;
    }
    return {};
  }

 private:
  template <class T>
  static const T* Find(const std::vector<T>& list, const std::string& id) {
    for (const T& t : list) {
      if (t.id == id) return &t;
    }
    return nullptr;
  }

  store::Db& db_;
  std::string by_, today_, now_;
  int rows_ = 0;
  std::vector<std::string> fields_;
};

}  // namespace wk::socialmap
