// An HSDS package read into memory: rows of the HSDS tables with typed values and where each row
// came from (ADR 13). Reading (hsds_reader.cc, hsds_json_reader.cc) and checking
// (hsds_validate.cc) happen before anything is written. Private to socialmap.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hsds_tables.h"
#include "wk/core/error.h"

namespace wk::socialmap::hsds {

struct Row {
  // The HSDS fields of the table that the row has, typed as the schema says (string, number);
  // an empty CSV field is absent. Only scalar fields: nested objects of the JSON form are rows of
  // their own tables.
  nlohmann::json values = nlohmann::json::object();
  // Columns the table's schema does not know (custom columns), as text; kept in `extra`.
  nlohmann::json extra = nlohmann::json::object();
  // Where the row came from: "services.csv" and its line, or "service_full.json" and a JSON
  // pointer ("/service_at_locations/0/location").
  std::string file;
  int line = 0;
  std::string pointer;

  std::string Id() const;  // values["id"] or ""
  // "services.csv:3" or "service_full.json#/phones/0": the location of an error.
  std::string Location() const;
  // A string value, "" when absent.
  std::string Text(std::string_view field) const;
};

struct Package {
  std::string source;  // the path as given
  std::string name;    // what the source attribute of new parties says: the package's folder or file name
  // Rows by table name ("service"), in file order.
  std::map<std::string, std::vector<Row>, std::less<>> rows;
  std::vector<std::string> warnings;  // Dutch

  std::int64_t RowCount() const;
};

// The text of a typed value as an export writes it: strings as they are, numbers in their shortest
// form that reads back to the same double ("35", "4.1", "1e+21"), booleans true/false, null "".
std::string ValueText(const nlohmann::json& value);

// Converts CSV text to the field's type; kBadInput ("Geen getal: 'x'.") at `location`, field named.
Result<nlohmann::json> ConvertCsvText(const Field& field, const std::string& text, const std::string& location);

// Reads a package without checking it beyond its syntax and types:
// - a directory holding datapackage.json, or that file: the resources it lists (CSV);
// - a directory of HSDS CSV files named as in HSDS (organizations.csv, ...) without a descriptor;
// - a .json file, or a directory of them, holding HSDS objects (an organization or service with
//   nested objects, a list page with `contents`), flattened into the tables.
// kBadInput with file, line (or pointer) and field for a file that cannot be read as expected;
// kNotFound when the path does not exist.
Result<Package> ReadPackage(const std::string& path);

// Flattens the HSDS JSON objects of one file into `package` (hsds_json_reader.cc). `file` is the
// name used in locations; `kind` the table of the top-level object(s), "" = guess from the name.
Result<void> ReadJsonObjects(const nlohmann::json& document, const std::string& file, Package& package);

}  // namespace wk::socialmap::hsds
