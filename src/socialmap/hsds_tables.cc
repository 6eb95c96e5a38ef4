// The HSDS tables from the compiled-in datapackage.json and schemas (src/socialmap/hsds/schema/).
#include "hsds_tables.h"

#include <map>
#include <set>
#include <stdexcept>

#include "embedded_socialmap_hsds.h"

namespace wk::socialmap::hsds {
namespace {

// Tables with a socialmap_* table of their own (migration 0005).
const std::set<std::string, std::less<>> kModelled = {
    "organization", "service", "location", "address",  "service_at_location", "schedule",  "service_area",
    "contact",      "phone",   "language", "taxonomy", "taxonomy_term",       "attribute", "metadata"};

std::string_view Bytes(std::string_view file) {
  auto bytes = embedded::Find(embedded::socialmap_hsds(), file);
  if (!bytes) throw std::logic_error("hsds/schema/" + std::string(file) + " is not embedded");
  return *bytes;
}

struct Catalogue {
  nlohmann::ordered_json datapackage;
  std::map<std::string, nlohmann::json, std::less<>> schemas;  // by file name
  std::vector<Table> tables;
};

Format FormatOf(const nlohmann::ordered_json& field) {
  const std::string type = field.value("type", "string");
  if (type == "date") return Format::kDate;
  if (type == "time") return Format::kTime;
  if (type == "datetime") return Format::kDateTime;
  const std::string format = field.value("format", "");
  if (format == "uuid") return Format::kUuid;
  if (format == "email") return Format::kEmail;
  if (format == "uri") return Format::kUri;
  return Format::kNone;
}

FieldType TypeOf(const nlohmann::ordered_json& field) {
  const std::string type = field.value("type", "string");
  if (type == "number") return FieldType::kNumber;
  if (type == "integer") return FieldType::kInteger;
  if (type == "boolean") return FieldType::kBoolean;
  return FieldType::kString;
}

const Catalogue& All() {
  static const Catalogue all = [] {
    Catalogue c;
    c.datapackage = nlohmann::ordered_json::parse(Bytes("datapackage.json"));
    for (const auto& entry : embedded::socialmap_hsds()) {
      std::string_view path = entry.path;
      if (path.ends_with(".json") && path != "datapackage.json") {
        c.schemas.emplace(std::string(path), nlohmann::json::parse(entry.bytes()));
      }
    }
    for (const auto& resource : c.datapackage.at("resources")) {
      Table t;
      t.name = resource.at("name").get<std::string>();
      t.file = resource.at("path").get<std::string>();
      auto schema = c.schemas.find(t.name + ".json");
      if (schema == c.schemas.end()) throw std::logic_error("no schema for HSDS table " + t.name);
      t.schema = &schema->second;
      t.modelled = kModelled.contains(t.name);
      for (const auto& f : resource.at("schema").at("fields")) {
        Field field;
        field.name = f.at("name").get<std::string>();
        field.type = TypeOf(f);
        field.format = FormatOf(f);
        const auto& constraints = f.value("constraints", nlohmann::ordered_json::object());
        field.required = constraints.value("required", false);
        if (constraints.contains("enum")) field.allowed = constraints.at("enum").get<std::vector<std::string>>();
        t.fields.push_back(std::move(field));
      }
      c.tables.push_back(std::move(t));
    }
    return c;
  }();
  return all;
}

}  // namespace

const std::vector<Table>& Tables() {
  return All().tables;
}

const Table* FindTable(std::string_view name) {
  for (const Table& t : Tables()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const Table* FindTableByFile(std::string_view file) {
  for (const Table& t : Tables()) {
    if (t.file == file) return &t;
  }
  return nullptr;
}

const Field* FindField(const Table& table, std::string_view name) {
  for (const Field& f : table.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const nlohmann::ordered_json& DataPackage() {
  return All().datapackage;
}

const nlohmann::json* SchemaFile(std::string_view file) {
  const auto& schemas = All().schemas;
  auto it = schemas.find(file);
  return it == schemas.end() ? nullptr : &it->second;
}

const std::vector<Reference>& References() {
  using enum RefKind;
  // One row per reference column of HSDS 3.0 (ADR 13). kOwner where the row cannot stand without
  // the row it names; kOneOfOwners where HSDS spreads ownership over several optional columns;
  // kLink for cross-links, which the HSDS example package itself leaves dangling
  // (organization.parent_organization_id, location.organization_id, taxonomy_term.parent_id and
  // taxonomy_id, attribute.link_id, metadata.resource_id, contact.organization_id).
  static const std::vector<Reference> kReferences = {
      {"organization", "parent_organization_id", "organization", "", kLink},
      {"program", "organization_id", "organization", "", kOwner},
      {"service", "organization_id", "organization", "", kOwner},
      {"service", "program_id", "program", "", kLink},
      {"attribute", "taxonomy_term_id", "taxonomy_term", "", kOwner},
      {"attribute", "link_id", "", "link_entity", kLink},
      {"service_at_location", "service_id", "service", "", kOwner},
      {"service_at_location", "location_id", "location", "", kOwner},
      {"location", "organization_id", "organization", "", kLink},
      {"phone", "location_id", "location", "", kOneOfOwners},
      {"phone", "service_id", "service", "", kOneOfOwners},
      {"phone", "organization_id", "organization", "", kOneOfOwners},
      {"phone", "contact_id", "contact", "", kOneOfOwners},
      {"phone", "service_at_location_id", "service_at_location", "", kOneOfOwners},
      {"contact", "organization_id", "organization", "", kOneOfOwners},
      {"contact", "service_id", "service", "", kOneOfOwners},
      {"contact", "service_at_location_id", "service_at_location", "", kOneOfOwners},
      {"contact", "location_id", "location", "", kOneOfOwners},
      {"address", "location_id", "location", "", kOwner},
      {"schedule", "service_id", "service", "", kOneOfOwners},
      {"schedule", "location_id", "location", "", kOneOfOwners},
      {"schedule", "service_at_location_id", "service_at_location", "", kOneOfOwners},
      {"funding", "organization_id", "organization", "", kOneOfOwners},
      {"funding", "service_id", "service", "", kOneOfOwners},
      {"service_area", "service_id", "service", "", kOwner},
      {"required_document", "service_id", "service", "", kOwner},
      {"language", "service_id", "service", "", kOneOfOwners},
      {"language", "location_id", "location", "", kOneOfOwners},
      {"language", "phone_id", "phone", "", kOneOfOwners},
      {"accessibility", "location_id", "location", "", kOwner},
      {"taxonomy_term", "parent_id", "taxonomy_term", "", kLink},
      {"taxonomy_term", "taxonomy_id", "taxonomy", "", kLink},
      {"metadata", "resource_id", "", "resource_type", kLink},
      {"cost_option", "service_id", "service", "", kOwner},
      {"organization_identifier", "organization_id", "organization", "", kOwner},
  };
  return kReferences;
}

std::string_view TableLabel(std::string_view table) {
  static const std::map<std::string_view, std::string_view> kLabels = {
      {"organization", "organisatie"},
      {"program", "programma"},
      {"service", "dienst"},
      {"attribute", "attribuut"},
      {"service_at_location", "dienst op locatie"},
      {"location", "locatie"},
      {"phone", "telefoonnummer"},
      {"contact", "contactpersoon"},
      {"address", "adres"},
      {"schedule", "rooster"},
      {"funding", "financiering"},
      {"service_area", "werkgebied"},
      {"required_document", "benodigd document"},
      {"language", "taal"},
      {"accessibility", "toegankelijkheid"},
      {"taxonomy_term", "taxonomieterm"},
      {"metadata", "wijziging"},
      {"meta_table_description", "tabelbeschrijving"},
      {"cost_option", "kostenoptie"},
      {"organization_identifier", "organisatie-id"},
      {"taxonomy", "taxonomie"},
  };
  auto it = kLabels.find(table);
  return it == kLabels.end() ? table : it->second;
}

}  // namespace wk::socialmap::hsds
