// From spreadsheet rows to the model: a mapping bound to a sheet's header, and one row read into
// a party and a service, with every refusal of the row as "regel N: veld X: reason". Private to
// socialmap (the spreadsheet import and its tests).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "spreadsheet_reader.h"
#include "wk/core/error.h"
#include "wk/socialmap/model.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap::sheet {

// Where each mapped field takes its value from: a column of the sheet or a fixed value.
class Binding {
 public:
  // kBadInput naming the sheet when a mapped column is not in its header (all of them listed).
  static Result<Binding> Bind(const Mapping& mapping, const Sheet& sheet);

  // The field's value in `row` ("" when not mapped), without an export's formula apostrophe.
  std::string Value(const SheetRow& row, std::string_view field) const;
  // What a message calls the field: the column's header, or "<label> (vaste waarde)".
  std::string Label(std::string_view field) const;
  bool Mapped(std::string_view field) const { return sources_.contains(field); }

 private:
  struct Source {
    std::optional<std::size_t> column;
    std::string fixed;
    std::string label;
  };
  std::map<std::string, Source, std::less<>> sources_;
};

// One row read: the party it names (only the fields of this row) and its service (party_id
// empty; locations, schedules, phones filled from the row).
struct Entry {
  int line = 0;
  Party party;
  Service service;
};

// Looks up areas served by code or name, once per distinct value of an import.
class AreaLookup {
 public:
  explicit AreaLookup(store::Db& db) : db_(db) {}
  // The CBS code of `value` (a code, or the name of exactly one area; "Wijk 03 Overvecht" is
  // also found as "Overvecht"), or kInvalid with the reason.
  Result<std::string> Code(const std::string& value);

 private:
  store::Db& db_;
  std::map<std::string, Result<std::string>> cache_;
};

// Reads one row. Every refusal is appended to `refusals` ("regel 7: veld Wet: 'wmoo' is geen
// wet; kies uit ..."); returns nullopt when there was any.
std::optional<Entry> ReadRow(const Binding& binding, AreaLookup& areas, const SheetRow& row,
                             std::vector<std::string>& refusals);

// "regel 7: veld Wet: " + reason.
std::string Refusal(int line, const std::string& label, const std::string& reason);

}  // namespace wk::socialmap::sheet
