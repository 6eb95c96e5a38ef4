// The JSON form of HSDS (examples_json/, the /hsds/ API's answers): an organization, service,
// service_at_location, location, taxonomy or taxonomy_term object with its nested objects, or a
// list page whose `contents` holds such objects. Each object becomes a row of its table, as in the
// tabular form; the nesting supplies the links a CSV row carries itself (a phone listed under a
// service gets service_id, an attribute link_id and link_entity, metadata resource_id and
// resource_type; a service's nested `organization` gives its organization_id). Which key nests
// which table is read from the schemas ($ref), not listed here.
//
// The same object may appear more than once (the example service lists one phone under the
// service, its location and its contact): rows with the same id are merged, each occurrence adding
// the fields the earlier ones lacked; a different value for a field already set is a warning and
// the first value stays.
#include <map>

#include "hsds_package.h"

namespace wk::socialmap::hsds {
namespace {

std::unexpected<Error> Bad(std::string message, std::string location, std::string field = {}) {
  return Fail(ErrorCode::kBadInput, std::move(message), std::move(field), std::move(location));
}

// "phone.json" -> the phone table.
const Table* RefTable(const nlohmann::json& schema_node) {
  if (!schema_node.is_object() || !schema_node.contains("$ref") || !schema_node["$ref"].is_string()) return nullptr;
  std::string ref = schema_node["$ref"];
  if (ref.ends_with(".json")) ref.resize(ref.size() - 5);
  return FindTable(ref);
}

// The table of a top-level object, from the file name (organization_full.json, service_list.json,
// location.json) or, failing that, from keys only that table has.
const Table* TableOfFile(std::string_view file) {
  std::string stem(file.substr(0, file.rfind('.')));
  for (std::string_view suffix : {"_full", "_list"}) {
    if (stem.ends_with(suffix)) stem.resize(stem.size() - suffix.size());
  }
  return FindTable(stem);
}

const Table* TableOfKeys(const nlohmann::json& object) {
  if (object.contains("location_type")) return FindTable("location");
  if (object.contains("service") && object.contains("location")) return FindTable("service_at_location");
  if (object.contains("status")) return FindTable("service");
  if (object.contains("taxonomy_detail") || object.contains("term_uri")) return FindTable("taxonomy_term");
  if (object.contains("services") || object.contains("year_incorporated") || object.contains("tax_status") ||
      object.contains("website")) {
    return FindTable("organization");
  }
  return nullptr;
}

class Flattener {
 public:
  Flattener(std::string file, Package& package) : file_(std::move(file)), package_(package) {
    for (const auto& [table, rows] : package_.rows) {
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto id = rows[i].Id(); !id.empty()) index_[table].emplace(id, i);
      }
    }
  }

  // Adds `object` (and what it nests) as a row of `table`; `links` are fields to set when the
  // object lacks them (its link to the object it is nested in). Returns the object's id ("" if none).
  Result<std::string> Add(const nlohmann::json& object, const Table& table, const std::string& pointer,
                          const nlohmann::json& links) {
    if (!object.is_object())
      return Bad("Verwacht een object (" + std::string(TableLabel(table.name)) + ").", Where(pointer));
    const auto& properties = table.schema->at("properties");
    Row row;
    row.file = file_;
    row.pointer = pointer.empty() ? "/" : pointer;
    const std::string id = object.contains("id") && object["id"].is_string() ? object["id"].get<std::string>() : "";
    struct Nested {
      const nlohmann::json* value;
      const Table* table;
      std::string key;
      bool many;
    };
    std::vector<Nested> nested;
    for (const auto& [key, value] : object.items()) {
      auto prop = properties.find(key);
      if (prop == properties.end()) {
        if (!value.is_null()) row.extra[key] = value.is_string() ? value.get<std::string>() : value.dump();
        continue;
      }
      if (const Table* child = RefTable(*prop); child != nullptr) {
        if (!value.is_null()) nested.push_back({&value, child, key, false});
        continue;
      }
      if (prop->value("type", "") == "array" && prop->contains("items")) {
        const Table* child = RefTable((*prop)["items"]);
        if (child != nullptr) {
          if (!value.is_array()) return Bad("Verwacht een lijst.", Where(pointer), key);
          nested.push_back({&value, child, key, true});
          continue;
        }
      }
      if (!value.is_null()) row.values[key] = value;
    }
    for (const auto& [field, value] : links.items()) {
      if (!row.values.contains(field) && FindField(table, field) != nullptr) row.values[field] = value;
    }
    // Nested single objects name what this row links to (service.organization -> organization_id).
    for (const auto& n : nested) {
      if (n.many) continue;
      auto child_id = Add(*n.value, *n.table, pointer + "/" + n.key, nlohmann::json::object());
      if (!child_id) return child_id;
      std::string field = n.key + "_id";
      if (FindField(table, field) == nullptr) field = n.table->name + "_id";  // taxonomy_detail -> taxonomy_id
      if (!child_id->empty() && FindField(table, field) != nullptr && !row.values.contains(field)) {
        row.values[field] = *child_id;
      }
    }
    Store(table, std::move(row), id);
    // Nested lists belong to this row: each child gets the link back to it.
    for (const auto& n : nested) {
      if (!n.many) continue;
      nlohmann::json child_links = nlohmann::json::object();
      if (!id.empty()) {
        if (n.table->name == "attribute") {
          child_links = {{"link_id", id}, {"link_entity", table.name}};
        } else if (n.table->name == "metadata") {
          child_links = {{"resource_id", id}, {"resource_type", table.name}};
        } else {
          child_links[table.name + "_id"] = id;
        }
      }
      for (std::size_t i = 0; i < n.value->size(); ++i) {
        auto r = Add((*n.value)[i], *n.table, pointer + "/" + n.key + "/" + std::to_string(i), child_links);
        if (!r) return r;
      }
    }
    return id;
  }

 private:
  std::string Where(const std::string& pointer) const { return file_ + "#" + (pointer.empty() ? "/" : pointer); }

  void Store(const Table& table, Row row, const std::string& id) {
    auto& rows = package_.rows[table.name];
    if (id.empty()) {
      rows.push_back(std::move(row));
      return;
    }
    auto& index = index_[table.name];
    auto found = index.find(id);
    if (found == index.end()) {
      index.emplace(id, rows.size());
      rows.push_back(std::move(row));
      return;
    }
    Row& first = rows[found->second];
    for (nlohmann::json Row::*part : {&Row::values, &Row::extra}) {
      for (const auto& [field, value] : (row.*part).items()) {
        auto have = (first.*part).find(field);
        if (have == (first.*part).end()) {
          (first.*part)[field] = value;
        } else if (*have != value) {
          package_.warnings.push_back(row.Location() + ": " + std::string(TableLabel(table.name)) + " " + id +
                                      " staat er al met een andere waarde voor " + field + " (" + first.Location() +
                                      "); die eerste waarde geldt.");
        }
      }
    }
  }

  std::string file_;
  Package& package_;
  std::map<std::string, std::map<std::string, std::size_t>, std::less<>> index_;
};

}  // namespace

Result<void> ReadJsonObjects(const nlohmann::json& document, const std::string& file, Package& package) {
  Flattener flattener(file, package);
  const Table* named = TableOfFile(file);
  auto add = [&](const nlohmann::json& object, const std::string& pointer) -> Result<void> {
    const Table* table = named != nullptr ? named : TableOfKeys(object);
    if (table == nullptr) {
      return Bad(
          "Onbekend HSDS-object: noem het bestand naar de tabel (zoals organization_full.json of "
          "service_list.json).",
          file + "#" + (pointer.empty() ? "/" : pointer));
    }
    auto id = flattener.Add(object, *table, pointer, nlohmann::json::object());
    if (!id) return Fail(id.error());
    return {};
  };
  if (document.is_object() && document.contains("contents") && document["contents"].is_array()) {
    const auto& contents = document["contents"];
    for (std::size_t i = 0; i < contents.size(); ++i) {
      if (auto r = add(contents[i], "/contents/" + std::to_string(i)); !r) return r;
    }
    return {};
  }
  if (document.is_object() && document.contains("id")) return add(document, "");
  // base.json (the API's root), tabular.json and other files that hold no HSDS object.
  package.warnings.push_back(file + ": bevat geen HSDS-object (geen id en geen contents) en is overgeslagen.");
  return {};
}

}  // namespace wk::socialmap::hsds
