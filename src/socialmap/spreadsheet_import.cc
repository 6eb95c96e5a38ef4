// `import socialmap`: a social map kept in a spreadsheet, one row per service, read with a column
// mapping. All or nothing (issue 4): every row is checked first, by the import's own rules and by
// the model's (CleanParty, CleanService), and any refusal stops the import with the list of all
// refused rows; otherwise one transaction writes every party and service and one audit entry.
#include <algorithm>
#include <map>
#include <optional>
#include <variant>

#include "model_validation.h"
#include "model_write.h"
#include "spreadsheet_reader.h"
#include "spreadsheet_rows.h"
#include "spreadsheet_values.h"
#include "use_case.h"
#include "wk/core/text.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/spreadsheet.h"
#include "wk/store/audit.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

using sheet::Entry;

// At most this many refused rows are listed; the count says how many there were.
constexpr std::size_t kMaxListed = 200;

// The mapping field behind a field name of the model's errors ("phones[0].number" -> "phones"
// -> "phone"), per kind of record.
std::string_view MappedField(std::string_view model_field, bool party) {
  std::string base;
  for (std::size_t i = 0; i < model_field.size(); ++i) {
    if (model_field[i] == '[') {
      i = model_field.find(']', i);
      if (i == std::string_view::npos) break;
      continue;
    }
    base += model_field[i];
  }
  static const std::map<std::string, std::string_view, std::less<>> kParty = {
      {"name", "party_name"},       {"kind", "party_kind"},   {"formal", "party_formal"},
      {"website", "party_website"}, {"email", "party_email"}, {"phones.number", "party_phone"},
      {"phones", "party_phone"},    {"domains", "domains"},   {"areas_served", "areas_served"},
      {"source", "source"}};
  static const std::map<std::string, std::string_view, std::less<>> kService = {
      {"name", "service_name"},
      {"description", "description"},
      {"target_groups", "target_groups"},
      {"domains", "domains"},
      {"laws", "laws"},
      {"access_routes", "access_routes"},
      {"eligibility", "eligibility"},
      {"minimum_age", "minimum_age"},
      {"maximum_age", "maximum_age"},
      {"cost", "cost"},
      {"application_process", "application_process"},
      {"wait_time", "wait_time"},
      {"languages", "languages"},
      {"url", "website"},
      {"email", "email"},
      {"phones", "phone"},
      {"phones.number", "phone"},
      {"areas_served", "areas_served"},
      {"schedules", "opening_hours"},
      {"locations", "address"},
      {"locations.name", "location_name"},
      {"locations.address_1", "address"},
      {"locations.postal_code", "postal_code"},
      {"locations.city", "city"},
      {"locations.province", "province"},
      {"locations.latitude", "latitude"},
      {"locations.longitude", "longitude"},
      {"locations.transportation", "transportation"},
      {"source", "source"}};
  const auto& table = party ? kParty : kService;
  if (auto it = table.find(base); it != table.end()) return it->second;
  if (base.starts_with("schedules")) return "opening_hours";
  return {};
}

std::string ModelRefusal(const sheet::Binding& binding, int line, const Error& e, bool party) {
  std::string_view field = MappedField(e.field, party);
  if (field.empty()) return "regel " + std::to_string(line) + ": " + e.message;
  return sheet::Refusal(line, binding.Label(field), e.message);
}

template <class T>
void AddUnique(std::vector<T>& to, const std::vector<T>& from) {
  for (const T& v : from) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
  }
}

// The rows of one party: its fields from the first row that has each, domains and areas served
// of all its services, and the party on the map of the same name when there is one.
struct Group {
  Party party;
  std::vector<std::size_t> entries;
  std::string existing_id;
};

void Merge(Party& into, const Party& row) {
  if (into.website.empty()) into.website = row.website;
  if (into.email.empty()) into.email = row.email;
  if (into.phones.empty()) into.phones = row.phones;
  if (into.verification.source.empty()) into.verification.source = row.verification.source;
}

// The active party on the map named `name` (case and diacritics folded), "" when none.
Result<std::string> ExistingParty(store::Db& db, const std::string& name) {
  PartyFilter filter;
  filter.name_contains = name;
  auto found = ListParties(db, filter);
  if (!found) return Fail(found.error());
  const std::string want = sheet::Normalise(name);
  for (const Party& p : *found) {
    if (sheet::Normalise(p.name) == want) return p.id;
  }
  return std::string();
}

std::string Count(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// What an import will write, after every row passed.
struct Plan {
  std::string file;
  std::vector<Entry> entries;
  std::vector<Group> groups;
  SpreadsheetImportSummary summary;  // counts of what will be written, and the warnings
  std::optional<sheet::Binding> binding;
};

// The sheet of a path or of bytes in memory.
using Source = std::variant<std::string, SpreadsheetFile>;
Result<Sheet> Read(const Source& source) {
  if (const auto* path = std::get_if<std::string>(&source)) return ReadSheet(*path);
  const auto& file = std::get<SpreadsheetFile>(source);
  return ReadSheetBytes(file.bytes, file.name);
}

Result<Plan> MakePlan(store::Db& db, const accounts::Principal& who, const Source& source, const Mapping& mapping) {
  if (auto r = CheckPermission(who, accounts::Action::kEditSocialMap); !r) return Fail(r.error());
  auto read = Read(source);
  if (!read) return Fail(read.error());
  const Sheet& table = *read;
  auto bound = sheet::Binding::Bind(mapping, table);
  if (!bound) return Fail(bound.error());
  Plan plan;
  plan.file = table.name;
  plan.binding = std::move(*bound);
  const sheet::Binding& binding = *plan.binding;

  // 1. Every row, by the import's rules and the model's.
  std::vector<std::string> refusals;
  sheet::AreaLookup areas(db);
  for (const SheetRow& row : table.rows) {
    auto entry = sheet::ReadRow(binding, areas, row, refusals);
    if (!entry) continue;
    if (auto p = CleanParty(db, entry->party); !p) {
      refusals.push_back(ModelRefusal(binding, row.line, p.error(), true));
      continue;
    }
    // The party is known only when writing; CleanService checks no more than that one is named.
    Service probe = entry->service;
    probe.party_id = "spreadsheet";
    if (auto s = CleanService(db, probe); !s) {
      refusals.push_back(ModelRefusal(binding, row.line, s.error(), false));
      continue;
    }
    plan.entries.push_back(std::move(*entry));
  }

  // 2. Parties by name; a service twice in the sheet is refused, one already on the map skipped.
  std::map<std::string, std::size_t> group_of;              // folded party name -> group
  std::map<std::pair<std::string, std::string>, int> seen;  // (party, service) -> line
  std::vector<std::vector<std::string>> on_map;             // folded service names, per group
  for (std::size_t i = 0; i < plan.entries.size(); ++i) {
    const Entry& e = plan.entries[i];
    const std::string party_key = sheet::Normalise(e.party.name);
    const std::string service_key = sheet::Normalise(e.service.name);
    if (auto it = seen.find({party_key, service_key}); it != seen.end()) {
      refusals.push_back(sheet::Refusal(e.line, binding.Label("service_name"),
                                        "'" + e.service.name + "' van '" + e.party.name + "' staat al op regel " +
                                            std::to_string(it->second) +
                                            "; geef elk aanbod van een partij een eigen naam."));
      continue;
    }
    seen.emplace(std::pair(party_key, service_key), e.line);
    auto [it, added] = group_of.emplace(party_key, plan.groups.size());
    if (added) {
      Group g;
      g.party = e.party;
      auto existing = ExistingParty(db, e.party.name);
      if (!existing) return Fail(existing.error());
      g.existing_id = *existing;
      std::vector<std::string> names;
      if (!g.existing_id.empty()) {
        auto services = ServicesOfParty(db, g.existing_id);
        if (!services) return Fail(services.error());
        for (const Service& s : *services) names.push_back(sheet::Normalise(s.name));
      }
      plan.groups.push_back(std::move(g));
      on_map.push_back(std::move(names));
    }
    Group& g = plan.groups[it->second];
    Merge(g.party, e.party);
    const auto& names = on_map[it->second];
    if (std::find(names.begin(), names.end(), service_key) != names.end()) {
      plan.summary.warnings.push_back("regel " + std::to_string(e.line) + ": '" + e.service.name + "' van '" +
                                      e.party.name + "' staat al op de kaart; overgeslagen.");
      ++plan.summary.services_skipped;
      continue;
    }
    AddUnique(g.party.domains, e.service.domains);
    AddUnique(g.party.areas_served, e.service.areas_served);
    g.entries.push_back(i);
  }
  if (!refusals.empty()) {
    std::stable_sort(refusals.begin(), refusals.end(), [](const std::string& a, const std::string& b) {
      auto line = [](const std::string& s) { return std::stoi(s.substr(6)); };  // "regel N: ..."
      return line(a) < line(b);
    });
    std::string message = Count(refusals.size(), "regel", "regels") + " geweigerd; er is niets geïmporteerd.";
    for (std::size_t i = 0; i < refusals.size() && i < kMaxListed; ++i) message += "\n" + refusals[i];
    if (refusals.size() > kMaxListed) message += "\n... en nog " + std::to_string(refusals.size() - kMaxListed);
    return Fail(ErrorCode::kBadInput, message, {}, table.name);
  }
  for (const Group& g : plan.groups) {
    if (g.entries.empty()) continue;
    ++(g.existing_id.empty() ? plan.summary.parties_created : plan.summary.parties_reused);
    plan.summary.services_created += static_cast<std::int64_t>(g.entries.size());
  }
  return plan;
}

Result<SpreadsheetPreview> Preview(const Source& source) {
  auto sheet = Read(source);
  if (!sheet) return Fail(sheet.error());
  SpreadsheetPreview preview;
  preview.header = sheet->header;
  preview.first_row = sheet->rows.empty() ? std::vector<std::string>(sheet->header.size()) : sheet->rows.front().cells;
  preview.rows = static_cast<std::int64_t>(sheet->rows.size());
  return preview;
}

Result<SpreadsheetImportSummary> Check(store::Db& db, const accounts::Principal& who, const Source& source,
                                       const Mapping& mapping) {
  auto plan = MakePlan(db, who, source, mapping);
  if (!plan) return Fail(plan.error());
  return std::move(plan->summary);
}

Result<SpreadsheetImportSummary> Import(store::Db& db, const accounts::Principal& who, const Source& source,
                                        const Mapping& mapping, const SpreadsheetProgress& progress) {
  auto plan = MakePlan(db, who, source, mapping);
  if (!plan) return Fail(plan.error());
  const std::int64_t total = plan->summary.services_created;
  std::int64_t done = 0;
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  for (const Group& g : plan->groups) {
    if (g.entries.empty()) continue;
    std::string party_id = g.existing_id;
    if (party_id.empty()) {
      auto party = internal::InsertNewParty(db, who, g.party);
      if (!party) return Fail(party.error());
      party_id = party->id;
    }
    for (std::size_t i : g.entries) {
      const Entry& entry = plan->entries[i];
      Service s = entry.service;
      s.party_id = party_id;
      if (auto created = internal::InsertNewService(db, who, s); !created) {
        return Fail(ErrorCode::kBadInput, ModelRefusal(*plan->binding, entry.line, created.error(), false), {},
                    plan->file);
      }
      if (progress) progress(++done, total);
    }
  }
  const SpreadsheetImportSummary& summary = plan->summary;
  const std::string detail = plan->file + ": " +
                             Count(static_cast<std::size_t>(summary.parties_created), "partij", "partijen") +
                             " nieuw, " + std::to_string(summary.parties_reused) + " hergebruikt, " +
                             Count(static_cast<std::size_t>(summary.services_created), "dienst", "diensten") + " nieuw";
  if (auto r =
          store::AppendAudit(db, who.AuditActor(), "socialmap.import.spreadsheet", "spreadsheet", plan->file, detail);
      !r) {
    return Fail(r.error());
  }
  if (auto r = tx->Commit(); !r) return Fail(r.error());
  return std::move(plan->summary);
}

}  // namespace

Result<SpreadsheetPreview> PreviewSpreadsheet(const std::string& path) {
  return Preview(Source(std::in_place_index<0>, path));
}
Result<SpreadsheetPreview> PreviewSpreadsheet(const SpreadsheetFile& file) {
  return Preview(Source(std::in_place_index<1>, file));
}
Result<std::vector<std::string>> SpreadsheetHeader(const std::string& path) {
  auto preview = Preview(Source(std::in_place_index<0>, path));
  if (!preview) return Fail(preview.error());
  return std::move(preview->header);
}

Result<SpreadsheetImportSummary> CheckSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                  const std::string& path, const Mapping& mapping) {
  return Check(db, who, Source(std::in_place_index<0>, path), mapping);
}
Result<SpreadsheetImportSummary> CheckSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                  const SpreadsheetFile& file, const Mapping& mapping) {
  return Check(db, who, Source(std::in_place_index<1>, file), mapping);
}

Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                   const std::string& path, const Mapping& mapping,
                                                   const SpreadsheetProgress& progress) {
  return Import(db, who, Source(std::in_place_index<0>, path), mapping, progress);
}
Result<SpreadsheetImportSummary> ImportSpreadsheet(store::Db& db, const accounts::Principal& who,
                                                   const SpreadsheetFile& file, const Mapping& mapping,
                                                   const SpreadsheetProgress& progress) {
  return Import(db, who, Source(std::in_place_index<1>, file), mapping, progress);
}

}  // namespace wk::socialmap
