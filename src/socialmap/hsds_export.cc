// ExportHsds (hsds.h): the social map as an HSDS 3.0 tabular data package, deterministic so that
// export -> import -> export gives the same bytes (ADR 13):
// - every table of datapackage.json gets its CSV file (a header only when it has no rows), rows
//   sorted by id (byte order), columns in datapackage.json order followed by the custom columns of
//   the rows (in name order; datapackage.json then lists them as string fields);
// - a field is quoted only when it contains ',', '"', CR or LF; "\n" line ends; no BOM; numbers in
//   their shortest form;
// - what may not leave Wijkkompas is left out, with everything that names it (cascading): archived
//   parties and services, key figures without consent to publish, and their services, locations,
//   contacts, phones, schedules, attributes, history rows and kept rows;
// - own party and service columns become attributes of wijkkompas-partij (hsds_own_fields.h), and
//   the project taxonomies and terms that exported attributes use are written with them;
// - a daily schedule becomes its HSDS equivalent (WriteDailyAsHsds).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "hsds_csv.h"
#include "hsds_own_fields.h"
#include "hsds_store.h"
#include "hsds_validate.h"
#include "wk/socialmap/hsds.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

namespace fs = std::filesystem;
using hsds::StoredRow;
using hsds::Table;

using Rows = std::map<std::string, std::vector<StoredRow>, std::less<>>;  // by table name

// References that do not make a row leave with what it names: an organization is not owned by its
// parent, a service not by its program, a term not by its parent or taxonomy.
bool Cascades(const hsds::Reference& ref) {
  return ref.table != "organization" && ref.table != "taxonomy_term" &&
         !(ref.table == "service" && ref.field == "program_id");
}

// The ids of what is left out, and how many key figures.
struct LeftOut {
  std::set<std::string> ids;
  std::int64_t key_figures = 0;
};

LeftOut Leave(Rows& rows) {
  LeftOut out;
  for (const StoredRow& party : rows["organization"]) {
    const bool archived = party.own.contains("archived_at");
    const bool key_figure = party.own.value("kind", "") == "sleutelfiguur";
    const bool published = party.own.value("consent_publish", false);
    if (key_figure && !published) ++out.key_figures;
    if (archived || (key_figure && !published)) out.ids.insert(party.Id());
  }
  for (const StoredRow& service : rows["service"]) {
    if (service.own.contains("archived_at")) out.ids.insert(service.Id());
  }
  // Until nothing changes: a phone names a contact that names a left-out service, ...
  for (bool changed = true; changed;) {
    changed = false;
    for (const hsds::Reference& ref : hsds::References()) {
      if (!Cascades(ref)) continue;
      for (const StoredRow& row : rows[std::string(ref.table)]) {
        const std::string id = row.Id();
        if (!out.ids.contains(id) && out.ids.contains(row.Text(ref.field))) {
          out.ids.insert(id);
          changed = true;
        }
      }
    }
  }
  for (auto& [table, list] : rows) {
    std::erase_if(list, [&](const StoredRow& r) { return out.ids.contains(r.Id()); });
  }
  return out;
}

// Own columns as attributes; attribute rows of the same terms from elsewhere give way to them.
void AddOwnFieldAttributes(Rows& rows) {
  // The use cases record who verified a service by user name where there is no email address;
  // HSDS's assurer_email must be one, so such a name travels as the geverifieerd-door attribute.
  for (StoredRow& service : rows["service"]) {
    const std::string by = service.Text("assurer_email");
    if (!by.empty() && !hsds::IsEmail(by)) {
      service.values.erase("assurer_email");
      service.own["assurer_email"] = by;
    }
  }
  auto& attributes = rows["attribute"];
  std::erase_if(attributes, [](const StoredRow& r) { return hsds::IsOwnFieldTerm(r.Text("taxonomy_term_id")); });
  for (std::string_view table : {"organization", "service"}) {
    for (const StoredRow& row : rows[std::string(table)]) {
      for (auto& attribute : hsds::OwnFieldAttributes(row, table)) attributes.push_back(std::move(attribute));
    }
  }
}

// The project taxonomies and terms that the exported attributes use (compiled in, not in the
// database unless someone stored them there).
void AddUsedVocabulary(Rows& rows) {
  std::set<std::string> have_terms, have_taxonomies;
  for (const auto& r : rows["taxonomy_term"]) have_terms.insert(r.Id());
  for (const auto& r : rows["taxonomy"]) have_taxonomies.insert(r.Id());
  std::set<std::string> used_taxonomies;
  for (const StoredRow& attribute : rows["attribute"]) {
    const Term* term = FindTermById(attribute.Text("taxonomy_term_id"));
    if (term == nullptr) continue;
    const Taxonomy* taxonomy = nullptr;
    for (const auto& t : Taxonomies()) {
      if (t.name == term->taxonomy) taxonomy = &t;
    }
    if (taxonomy == nullptr) continue;
    if (have_terms.insert(term->id).second) {
      StoredRow row;
      row.values = {{"id", term->id},     {"code", term->code},
                    {"name", term->name}, {"taxonomy", taxonomy->name},
                    {"language", "nl"},   {"taxonomy_id", taxonomy->id}};
      if (!term->description.empty()) row.values["description"] = term->description;
      rows["taxonomy_term"].push_back(std::move(row));
    }
    if (have_taxonomies.insert(taxonomy->id).second) {
      StoredRow row;
      row.values = {{"id", taxonomy->id}, {"name", taxonomy->name}};
      if (!taxonomy->description.empty()) row.values["description"] = taxonomy->description;
      rows["taxonomy"].push_back(std::move(row));
    }
  }
}

// HSDS 3.0 knows FREQ=WEEKLY and MONTHLY only. A daily schedule (interval 1) is the same as weekly
// on every day (or on its BYDAY days), or monthly on its BYMONTHDAY days; one every few days has
// no HSDS form and stays DAILY (our import takes it back with a warning).
void WriteDailyAsHsds(std::vector<StoredRow>& schedules) {
  for (StoredRow& s : schedules) {
    if (s.Text("freq") != "DAILY") continue;
    const std::string interval = s.Text("interval");
    if (!interval.empty() && interval != "1") continue;
    const bool days = !s.Text("byday").empty(), month_days = !s.Text("bymonthday").empty();
    if (days && month_days) continue;
    if (month_days) {
      s.values["freq"] = "MONTHLY";
    } else {
      s.values["freq"] = "WEEKLY";
      if (!days) s.values["byday"] = "MO,TU,WE,TH,FR,SA,SU";
    }
  }
}

// The custom column names of a table's rows, in name order.
std::vector<std::string> ExtraColumns(const std::vector<StoredRow>& rows) {
  std::set<std::string> names;
  for (const auto& r : rows) {
    for (const auto& [name, value] : r.extra.items()) names.insert(name);
  }
  return {names.begin(), names.end()};
}

std::string TableCsv(const Table& table, std::vector<StoredRow>& rows, const std::vector<std::string>& extra) {
  std::sort(rows.begin(), rows.end(), [](const StoredRow& a, const StoredRow& b) { return a.Id() < b.Id(); });
  std::string out;
  std::vector<std::string> header;
  for (const auto& f : table.fields) header.push_back(f.name);
  header.insert(header.end(), extra.begin(), extra.end());
  hsds::AppendCsvRecord(out, header);
  std::vector<std::string> fields;
  for (const StoredRow& row : rows) {
    fields.clear();
    for (const auto& f : table.fields) fields.push_back(row.Text(f.name));
    for (const auto& name : extra) {
      auto it = row.extra.find(name);
      fields.push_back(it == row.extra.end() ? std::string() : hsds::ValueText(*it));
    }
    hsds::AppendCsvRecord(out, fields);
  }
  return out;
}

Result<void> WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) {
    return Fail(ErrorCode::kBadInput, "Het bestand kan niet worden geschreven.", "", path.string());
  }
  return {};
}

}  // namespace

Result<HsdsExportSummary> ExportHsds(store::Db& db, const accounts::Principal& who, const std::string& dir) {
  if (!accounts::Can(who, accounts::Action::kReadSocialMap)) {
    return Fail(ErrorCode::kPermissionDenied, "U mag de sociale kaart niet inzien.");
  }
  Rows rows;
  {
    auto snapshot = store::ReadTransaction::Begin(db);  // one consistent state of all tables
    if (!snapshot) return Fail(snapshot.error());
    for (const Table& table : hsds::Tables()) {
      auto read = hsds::ReadRows(db, table);
      if (!read) return Fail(read.error());
      rows[table.name] = std::move(*read);
    }
  }
  HsdsExportSummary summary;
  summary.key_figures_left_out = Leave(rows).key_figures;
  AddOwnFieldAttributes(rows);
  AddUsedVocabulary(rows);
  WriteDailyAsHsds(rows["schedule"]);

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    return Fail(ErrorCode::kBadInput, "De map kan niet worden gemaakt: " + ec.message() + ".", "", dir);
  }
  nlohmann::ordered_json datapackage = hsds::DataPackage();
  std::vector<std::pair<std::string, std::string>> files;  // name, bytes
  for (std::size_t i = 0; i < hsds::Tables().size(); ++i) {
    const Table& table = hsds::Tables()[i];
    auto& list = rows[table.name];
    const auto extra = ExtraColumns(list);
    for (const auto& name : extra) {
      datapackage["resources"][i]["schema"]["fields"].push_back({{"name", name}, {"type", "string"}});
    }
    files.emplace_back(table.file, TableCsv(table, list, extra));
    summary.rows += static_cast<std::int64_t>(list.size());
  }
  files.insert(files.begin(), {"datapackage.json", datapackage.dump(4) + "\n"});
  for (const auto& [name, bytes] : files) {
    if (auto r = WriteFile(fs::path(dir) / name, bytes); !r) return Fail(r.error());
    summary.files.push_back(name);
  }
  return summary;
}

}  // namespace wk::socialmap
