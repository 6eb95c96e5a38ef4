// Checking an HSDS package: required fields, types, the JSON Schema (valijson), formats, unique
// ids, references. See hsds_validate.h and ADR 13.
// valijson throws (VALIJSON_USE_EXCEPTIONS, set by its CMake target) on a schema it cannot parse:
// ours are compiled in, so that is a bug, not an input error.
#include "hsds_validate.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap::hsds {
namespace {

// Required free-text fields that may be empty: HSDS requires the column, but an empty description
// or an empty previous value is a real value, and CSV writes it as an empty field.
const std::set<std::pair<std::string_view, std::string_view>> kMayBeEmpty = {
    {"organization", "description"},  {"program", "description"},     {"taxonomy", "description"},
    {"taxonomy_term", "description"}, {"metadata", "previous_value"}, {"metadata", "replacement_value"},
};

// Values outside an HSDS enumeration that we take anyway, with a warning: RFC 5545's DAILY, which
// the model and the "open at" search understand and HSDS 3.0 (and 3.1) leave out. Our export
// writes a daily schedule as WEEKLY on every day where it can (hsds_export.cc), so only an interval
// of several days travels as DAILY.
const std::set<std::tuple<std::string_view, std::string_view, std::string_view>> kTolerated = {
    {"schedule", "freq", "DAILY"}};

// Optional in HSDS but required where we store it: an address belongs to a location
// (socialmap_address.location_id is NOT NULL).
const std::set<std::pair<std::string_view, std::string_view>> kStoredRequired = {{"address", "location_id"}};

std::unexpected<Error> Bad(const Row& row, std::string field, std::string message) {
  return Fail(ErrorCode::kBadInput, std::move(message), std::move(field), row.Location());
}

// The compiled JSON Schema of each table; $ref to another table's file resolves to the embedded one.
const valijson::Schema& SchemaOf(const Table& table) {
  static const auto compiled = [] {
    std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> out;
    auto fetch = [](const std::string& uri) -> const nlohmann::json* {
      return SchemaFile(uri.substr(0, uri.find('#')));
    };
    auto release = [](const nlohmann::json*) {};  // the documents are static
    for (const Table& t : Tables()) {
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(*t.schema);
      parser.populateSchema(adapter, *schema, fetch, release);
      out.emplace(t.name, std::move(schema));
    }
    return out;
  }();
  return *compiled.find(table.name)->second;
}

std::string Shown(const nlohmann::json& value) {
  return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

Result<void> CheckType(const Row& row, const Field& field, const nlohmann::json& value) {
  switch (field.type) {
    case FieldType::kString:
      if (!value.is_string()) return Bad(row, field.name, "Verwacht tekst; gevonden: " + value.dump() + ".");
      break;
    case FieldType::kNumber:
      if (!value.is_number()) return Bad(row, field.name, "Verwacht een getal; gevonden: " + Shown(value) + ".");
      break;
    case FieldType::kInteger:
      if (!value.is_number_integer()) {
        return Bad(row, field.name, "Verwacht een geheel getal; gevonden: " + Shown(value) + ".");
      }
      break;
    case FieldType::kBoolean:
      if (!value.is_boolean()) return Bad(row, field.name, "Verwacht true of false; gevonden: " + Shown(value) + ".");
      break;
  }
  return {};
}

Result<void> CheckFormat(const Row& row, const Field& field, const std::string& text) {
  switch (field.format) {
    case Format::kNone: return {};
    case Format::kUuid:
      if (!IsUuid(text)) return Bad(row, field.name, "Geen geldige UUID: '" + text + "'.");
      return {};
    case Format::kEmail:
      if (!IsEmail(text)) return Bad(row, field.name, "Geen geldig e-mailadres: '" + text + "'.");
      return {};
    case Format::kUri:
      if (!IsUri(text)) return Bad(row, field.name, "Geen geldige URI (zoals https://example.org): '" + text + "'.");
      return {};
    case Format::kDate:
      if (!IsDate(text)) return Bad(row, field.name, "Geen geldige datum (JJJJ-MM-DD): '" + text + "'.");
      return {};
    case Format::kTime:
      if (!IsTime(text)) return Bad(row, field.name, "Geen geldige tijd (UU:MM of UU:MM:SS): '" + text + "'.");
      return {};
    case Format::kDateTime:
      if (!IsDateTime(text)) {
        return Bad(row, field.name, "Geen geldig tijdstip (JJJJ-MM-DDTUU:MM:SSZ): '" + text + "'.");
      }
      return {};
  }
  return {};
}

Result<void> CheckRow(const Table& table, Row& row, valijson::Validator& validator,
                      std::vector<std::string>& warnings) {
  for (const Field& field : table.fields) {
    if (!field.required || row.values.contains(field.name)) continue;
    if (kMayBeEmpty.contains({table.name, field.name})) {
      row.values[field.name] = "";
      continue;
    }
    return Bad(row, field.name, "Verplicht veld ontbreekt.");
  }
  for (const auto& [t, f] : kStoredRequired) {
    if (t == table.name && !row.values.contains(f)) {
      return Bad(row, std::string(f),
                 "Verplicht veld ontbreekt: een " + std::string(TableLabel(t)) + " hoort bij een " +
                     std::string(TableLabel("location")) + ".");
    }
  }
  nlohmann::json for_schema = row.values;  // what valijson sees: without tolerated values
  for (const Field& field : table.fields) {
    auto it = row.values.find(field.name);
    if (it == row.values.end()) continue;
    if (auto r = CheckType(row, field, *it); !r) return r;
    if (!field.allowed.empty() && it->is_string()) {
      const std::string text = *it;
      if (kTolerated.contains({table.name, field.name, text})) {
        warnings.push_back(row.Location() + ": " + field.name + " " + text + " staat niet in HSDS 3.0; overgenomen " +
                           "zoals RFC 5545 het bedoelt.");
        for_schema.erase(field.name);
        continue;
      }
      if (std::find(field.allowed.begin(), field.allowed.end(), text) == field.allowed.end()) {
        std::string list;
        for (const auto& a : field.allowed) list += (list.empty() ? "" : ", ") + a;
        return Bad(row, field.name, "Waarde '" + text + "' is niet toegestaan; toegestaan: " + list + ".");
      }
    }
  }
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(for_schema);
  if (!validator.validate(SchemaOf(table), target, &results)) {
    valijson::ValidationResults::Error error;
    results.popError(error);
    std::string field;
    if (error.context.size() > 1) field = error.context[1].substr(1, error.context[1].size() - 2);  // "[status]"
    return Bad(row, field, "Voldoet niet aan het HSDS-schema: " + error.description);
  }
  for (const Field& field : table.fields) {
    auto it = row.values.find(field.name);
    if (it == row.values.end() || !it->is_string()) continue;
    if (auto r = CheckFormat(row, field, it->get<std::string>()); !r) return r;
  }
  return {};
}

// The ids of the package per table, and the project vocabulary (compiled in, always present).
class Resolver {
 public:
  Resolver(const Package& package, const ExistsOutside& exists) : exists_(exists) {
    for (const auto& [table, rows] : package.rows) {
      for (const Row& row : rows) ids_[table].insert(row.Id());
    }
  }
  Result<bool> Exists(std::string_view table, const std::string& id) {
    auto in_package = ids_.find(table);
    if (in_package != ids_.end() && in_package->second.contains(id)) return true;
    if (table == "taxonomy_term" && FindTermById(id) != nullptr) return true;
    if (table == "taxonomy") {
      for (const auto& t : Taxonomies()) {
        if (t.id == id) return true;
      }
    }
    if (!exists_) return false;
    return exists_(table, id);
  }

 private:
  const ExistsOutside& exists_;
  std::map<std::string, std::set<std::string>, std::less<>> ids_;
};

std::string Dangling(std::string_view target, const std::string& id) {
  return "Verwijst naar " + std::string(TableLabel(target)) + " '" + id + "', die niet in het pakket of de sociale " +
         "kaart staat.";
}

Result<void> CheckReferences(Package& package, const ExistsOutside& exists) {
  Resolver resolver(package, exists);
  for (const Table& table : Tables()) {
    auto rows = package.rows.find(table.name);
    if (rows == package.rows.end()) continue;
    for (const Row& row : rows->second) {
      struct Unresolved {
        std::string_view field, target;
        std::string id;
      };
      std::vector<Unresolved> owners_missing;
      bool owner_found = false;
      std::vector<std::string> warnings;
      for (const Reference& ref : References()) {
        if (ref.table != table.name) continue;
        const std::string id = row.Text(ref.field);
        if (id.empty()) continue;
        std::string_view target = ref.target;
        std::string named;
        if (target.empty()) {
          named = row.Text(ref.target_field);
          if (FindTable(named) == nullptr) {
            warnings.push_back(row.Location() + ": " + std::string(ref.field) + " is niet gecontroleerd: " +
                               std::string(ref.target_field) + " '" + named + "' is geen HSDS-tabel.");
            continue;
          }
          target = named;
        }
        auto found = resolver.Exists(target, id);
        if (!found) return Fail(found.error());
        if (ref.kind == RefKind::kOneOfOwners) {
          if (*found) {
            owner_found = true;
          } else {
            owners_missing.push_back({ref.field, target, id});
          }
          continue;
        }
        if (*found) continue;
        if (ref.kind == RefKind::kOwner) return Bad(row, std::string(ref.field), Dangling(target, id));
        warnings.push_back(row.Location() + ": " + std::string(ref.field) + " verwijst naar " +
                           std::string(TableLabel(target)) + " '" + id + "', die niet in het pakket staat; de " +
                           "verwijzing blijft bewaard.");
      }
      if (!owners_missing.empty()) {
        const auto& first = owners_missing.front();
        if (!owner_found) return Bad(row, std::string(first.field), Dangling(first.target, first.id));
        for (const auto& m : owners_missing) {
          warnings.push_back(row.Location() + ": " + std::string(m.field) + " verwijst naar " +
                             std::string(TableLabel(m.target)) + " '" + m.id + "', die niet in het pakket staat; " +
                             "de verwijzing blijft bewaard.");
        }
      }
      for (auto& w : warnings) package.warnings.push_back(std::move(w));
    }
  }
  return {};
}

}  // namespace

Result<void> CheckPackage(Package& package, const ExistsOutside& exists) {
  if (package.RowCount() == 0) {
    return Fail(ErrorCode::kBadInput, "Geen HSDS-gegevens gevonden.", "", package.name);
  }
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  for (const Table& table : Tables()) {
    auto rows = package.rows.find(table.name);
    if (rows == package.rows.end()) continue;
    std::map<std::string, std::string> seen;  // id -> location
    for (Row& row : rows->second) {
      if (auto r = CheckRow(table, row, validator, package.warnings); !r) return r;
      auto [it, fresh] = seen.emplace(row.Id(), row.Location());
      if (!fresh) return Bad(row, "id", "Id '" + row.Id() + "' komt twee keer voor; eerder op " + it->second + ".");
    }
  }
  return CheckReferences(package, exists);
}

}  // namespace wk::socialmap::hsds
