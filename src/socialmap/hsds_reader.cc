// Reading an HSDS package from disk: the tabular form (datapackage.json + CSV) and the dispatch to
// the JSON form (hsds_json_reader.cc). See hsds_package.h.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hsds_csv.h"
#include "hsds_package.h"

namespace wk::socialmap::hsds {
namespace fs = std::filesystem;
namespace {

std::unexpected<Error> Bad(std::string message, std::string location, std::string field = {}) {
  return Fail(ErrorCode::kBadInput, std::move(message), std::move(field), std::move(location));
}

Result<std::string> ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Bad("Het bestand kan niet worden gelezen.", path.filename().string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A number as JSON writes one (optional '-', digits, optional fraction and exponent): "35",
// "4.1", "-2e3". No spaces, no '+', no decimal comma, no "nan".
std::optional<double> StrictNumber(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digits()) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return std::nullopt;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Reads one CSV resource of a package into `package`.
Result<void> ReadCsvResource(const Table& table, const fs::path& path, Package& package) {
  auto bytes = ReadBytes(path);
  if (!bytes) return Fail(bytes.error());
  const std::string file = path.filename().string();
  auto csv = ReadCsv(*bytes, file);
  if (!csv) return Fail(csv.error());
  std::vector<const Field*> fields;
  for (const auto& name : csv->header) fields.push_back(FindField(table, name));
  auto& rows = package.rows[table.name];
  for (auto& record : csv->records) {
    Row row;
    row.file = file;
    row.line = record.line;
    const std::string location = file + ":" + std::to_string(record.line);
    for (std::size_t c = 0; c < fields.size(); ++c) {
      std::string& text = record.fields[c];
      if (text.empty()) continue;  // an empty field is absent (HSDS CSV cannot tell "" from absent)
      if (fields[c] == nullptr) {
        row.extra[csv->header[c]] = std::move(text);
        continue;
      }
      auto value = ConvertCsvText(*fields[c], text, location);
      if (!value) return Fail(value.error());
      row.values[fields[c]->name] = std::move(*value);
    }
    rows.push_back(std::move(row));
  }
  return {};
}

// A resource path of a descriptor: relative, inside the package folder.
bool SafeRelativePath(std::string_view p) {
  if (p.empty() || p.starts_with('/') || p.find('\\') != std::string_view::npos) return false;
  for (const auto& part : fs::path(p)) {
    if (part == "..") return false;
  }
  return true;
}

Result<void> ReadDescriptor(const fs::path& descriptor, Package& package) {
  auto bytes = ReadBytes(descriptor);
  if (!bytes) return Fail(bytes.error());
  const std::string file = descriptor.filename().string();
  auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object() || !json.contains("resources") || !json["resources"].is_array()) {
    return Bad("Geen tabular data package: de lijst 'resources' ontbreekt.", file);
  }
  const fs::path folder = descriptor.parent_path();
  int index = 0;
  for (const auto& resource : json["resources"]) {
    const std::string where = file + "#/resources/" + std::to_string(index++);
    if (!resource.is_object() || !resource.contains("name") || !resource["name"].is_string() ||
        !resource.contains("path") || !resource["path"].is_string()) {
      return Bad("Een resource heeft geen naam of pad.", where);
    }
    const std::string name = resource["name"], path = resource["path"];
    const Table* table = FindTable(name);
    if (table == nullptr) {
      package.warnings.push_back(where + ": tabel '" + name + "' is geen HSDS 3.0-tabel en is niet ingelezen.");
      continue;
    }
    if (!SafeRelativePath(path)) return Bad("Het pad moet binnen de map van het pakket liggen.", where, "path");
    if (!fs::is_regular_file(folder / path)) return Bad("Het bestand " + path + " ontbreekt.", where, "path");
    if (package.rows.contains(table->name)) return Bad("Tabel " + name + " staat twee keer in het pakket.", where);
    if (auto r = ReadCsvResource(*table, folder / path, package); !r) return r;
  }
  return {};
}

Result<void> ReadJsonFile(const fs::path& path, Package& package) {
  auto bytes = ReadBytes(path);
  if (!bytes) return Fail(bytes.error());
  const std::string file = path.filename().string();
  auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return Bad("Geen geldige JSON.", file);
  return ReadJsonObjects(json, file, package);
}

bool IsDescriptor(const fs::path& file) {
  if (file.filename() == "datapackage.json") return true;
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto json = nlohmann::json::parse(ss.str(), nullptr, false);
  return json.is_object() && json.contains("resources") && !json.contains("id");
}

}  // namespace

std::string Row::Id() const {
  return Text("id");
}

std::string Row::Location() const {
  if (line > 0) return file + ":" + std::to_string(line);
  return file + "#" + pointer;
}

std::string Row::Text(std::string_view field) const {
  auto it = values.find(field);
  if (it == values.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : ValueText(*it);
}

std::int64_t Package::RowCount() const {
  std::int64_t n = 0;
  for (const auto& [table, list] : rows) n += static_cast<std::int64_t>(list.size());
  return n;
}

std::string ValueText(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (d == 0) return "0";  // also -0
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
    return std::string(buf, end);
  }
  return value.dump();
}

Result<nlohmann::json> ConvertCsvText(const Field& field, const std::string& text, const std::string& location) {
  switch (field.type) {
    case FieldType::kString: return nlohmann::json(text);
    case FieldType::kNumber: {
      auto d = StrictNumber(text);
      if (!d) return Bad("Geen getal: '" + text + "'.", location, field.name);
      return nlohmann::json(*d);
    }
    case FieldType::kInteger: {
      long long v = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size()) {
        return Bad("Geen geheel getal: '" + text + "'.", location, field.name);
      }
      return nlohmann::json(v);
    }
    case FieldType::kBoolean:
      if (text == "true") return nlohmann::json(true);
      if (text == "false") return nlohmann::json(false);
      return Bad("Geen waar/onwaar (true of false): '" + text + "'.", location, field.name);
  }
  return nlohmann::json(text);
}

Result<Package> ReadPackage(const std::string& path_text) {
  const fs::path path(path_text);
  Package package;
  package.source = path_text;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Fail(ErrorCode::kNotFound, "Het pakket bestaat niet: " + path_text + ".", "", path_text);
  }
  if (fs::is_directory(path)) {
    package.name = fs::absolute(path).lexically_normal().filename().string();
    if (package.name.empty()) package.name = fs::absolute(path).lexically_normal().parent_path().filename().string();
    if (fs::is_regular_file(path / "datapackage.json")) {
      if (auto r = ReadDescriptor(path / "datapackage.json", package); !r) return Fail(r.error());
      return package;
    }
    bool any_csv = false;
    for (const Table& table : Tables()) {
      if (!fs::is_regular_file(path / table.file)) continue;
      any_csv = true;
      if (auto r = ReadCsvResource(table, path / table.file, package); !r) return Fail(r.error());
    }
    if (any_csv) return package;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      return Bad("Geen HSDS-pakket: geen datapackage.json, HSDS-CSV-bestanden of JSON-bestanden in de map.",
                 package.name);
    }
    for (const auto& file : files) {
      if (auto r = ReadJsonFile(file, package); !r) return Fail(r.error());
    }
    return package;
  }
  package.name = path.filename().string();
  if (path.extension() != ".json") {
    return Bad("Geef een map, een datapackage.json of een HSDS-JSON-bestand.", package.name);
  }
  if (IsDescriptor(path)) {
    package.name = fs::absolute(path).lexically_normal().parent_path().filename().string();
    if (auto r = ReadDescriptor(path, package); !r) return Fail(r.error());
    return package;
  }
  if (auto r = ReadJsonFile(path, package); !r) return Fail(r.error());
  return package;
}

}  // namespace wk::socialmap::hsds
