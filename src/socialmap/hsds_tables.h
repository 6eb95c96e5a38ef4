// The HSDS 3.0 tables as data (ADR 13): names, CSV files and field order from the compiled-in
// datapackage.json, types and requirements from the compiled-in JSON Schemas, and the rule for the
// references between tables. Private to socialmap.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wk::socialmap::hsds {

// The format a string field must have (checked by us: valijson ignores `format`).
enum class Format { kNone, kUuid, kEmail, kUri, kDate, kTime, kDateTime };

enum class FieldType { kString, kNumber, kInteger, kBoolean };

struct Field {
  std::string name;
  FieldType type = FieldType::kString;
  Format format = Format::kNone;
  // Required in the tabular form: the schema's `required` plus its `tabular_required`
  // (datapackage.json's constraints.required says the same).
  bool required = false;
  std::vector<std::string> allowed;  // enum, empty = any
};

struct Table {
  std::string name;           // "service"
  std::string file;           // "services.csv"
  std::vector<Field> fields;  // datapackage.json order: the column order of an export
  // The table's JSON Schema (`properties` also names the nested objects of the JSON form).
  const nlohmann::json* schema = nullptr;
  // Stored in a socialmap_* table of its own; the others are kept row by row in socialmap_hsds_row.
  bool modelled = false;
};

// All 21 tables in datapackage.json order (parents before children: organization, program,
// service, ...). Built once from the embedded files; a broken embedded file is a bug (throws).
const std::vector<Table>& Tables();
const Table* FindTable(std::string_view name);
const Table* FindTableByFile(std::string_view file);
const Field* FindField(const Table& table, std::string_view name);

// The embedded datapackage.json, parsed in file order.
const nlohmann::ordered_json& DataPackage();
// An embedded schema by file name ("attribute.json"), for valijson's $ref resolution.
const nlohmann::json* SchemaFile(std::string_view file);

// --- References between tables (the rule of ADR 13, "HSDS references") ------------------------
enum class RefKind {
  // The row belongs to the row it names: when set it must exist (in the package or the database).
  kOwner,
  // One of several owner columns (a phone of a service, a location or a contact): of those set, at
  // least one must exist; the others that name nothing become warnings.
  kOneOfOwners,
  // A cross-link; naming nothing is a warning (the HSDS example package has several).
  kLink,
};
struct Reference {
  std::string_view table;         // "service"
  std::string_view field;         // "organization_id"
  std::string_view target;        // "organization"; "" = the table named by `target_field` of the row
  std::string_view target_field;  // attribute.link_entity, metadata.resource_type
  RefKind kind;
};
const std::vector<Reference>& References();

// The Dutch name of a table for messages: "organisatie", "dienst", "locatie", ...
std::string_view TableLabel(std::string_view table);

}  // namespace wk::socialmap::hsds
