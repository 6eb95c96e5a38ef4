// ImportHsds and ValidateHsds (hsds.h): read, check everything, then write in one transaction.
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "hsds_own_fields.h"
#include "hsds_package.h"
#include "hsds_store.h"
#include "hsds_validate.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/hsds.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/audit.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

using hsds::Package;
using hsds::Row;

// A package read and checked, ready to write.
struct CheckedPackage {
  Package package;
  hsds::OwnFieldPlan own;
};

std::optional<hsds::Point> ValidPoint(const Row& row) {
  auto lat = row.values.find("latitude"), lon = row.values.find("longitude");
  if (lat == row.values.end() || lon == row.values.end() || !lat->is_number() || !lon->is_number()) {
    return std::nullopt;
  }
  const double y = lat->get<double>(), x = lon->get<double>();
  if (!(y >= -90 && y <= 90 && x >= -180 && x <= 180)) return std::nullopt;
  return hsds::Point{x, y};
}

// Warnings that need no database: locations whose point is not WGS84, key figures whose consent
// does not travel with them.
void AddDataWarnings(CheckedPackage& checked) {
  Package& p = checked.package;
  if (auto rows = p.rows.find("location"); rows != p.rows.end()) {
    for (const Row& row : rows->second) {
      const bool has_lat = row.values.contains("latitude"), has_lon = row.values.contains("longitude");
      if ((has_lat || has_lon) && !ValidPoint(row)) {
        p.warnings.push_back(row.Location() + ": latitude " + row.Text("latitude") + " en longitude " +
                             row.Text("longitude") +
                             " vormen geen geldig WGS84-punt; de waarden zijn bewaard, de locatie krijgt geen buurt.");
      }
    }
  }
  if (auto rows = p.rows.find("organization"); rows != p.rows.end()) {
    for (const Row& row : rows->second) {
      auto own = checked.own.parties.find(row.Id());
      if (own == checked.own.parties.end() || own->second.kind != "sleutelfiguur") continue;
      p.warnings.push_back(row.Location() + ": sleutelfiguur '" + row.Text("name") +
                           "': toestemming voor publicatie wordt niet overgenomen; leg die vast voordat de partij " +
                           "in een export of onder /hsds/ verschijnt.");
    }
  }
}

Result<CheckedPackage> ReadAndCheck(const std::string& path, const hsds::ExistsOutside& exists) {
  auto package = hsds::ReadPackage(path);
  if (!package) return Fail(package.error());
  CheckedPackage checked{std::move(*package), {}};
  if (auto r = hsds::CheckPackage(checked.package, exists); !r) return Fail(r.error());
  auto own = hsds::CollectOwnFields(checked.package, exists);
  if (!own) return Fail(own.error());
  checked.own = std::move(*own);
  AddDataWarnings(checked);
  return checked;
}

HsdsImportSummary Summarise(const Package& p) {
  HsdsImportSummary s;
  s.source = p.source;
  auto count = [&](std::string_view table) -> std::int64_t {
    auto it = p.rows.find(table);
    return it == p.rows.end() ? 0 : static_cast<std::int64_t>(it->second.size());
  };
  s.organizations = count("organization");
  s.services = count("service");
  s.locations = count("location");
  s.other_rows = p.RowCount() - s.organizations - s.services - s.locations;
  s.warnings = p.warnings;
  return s;
}

// The project's own taxonomies and terms are compiled in (vocabulary.h): rows of a package that
// carry their ids are not stored (our own exports include them).
bool IsProjectVocabulary(std::string_view table, const std::string& id) {
  if (table == "taxonomy_term") return FindTermById(id) != nullptr;
  if (table == "taxonomy") {
    for (const auto& t : Taxonomies()) {
      if (t.id == id) return true;
    }
  }
  return false;
}

Result<void> WriteRow(store::Db& db, const hsds::Table& table, const Row& row, const CheckedPackage& checked,
                      const std::string& default_source, const std::string& now) {
  static const hsds::OwnFields kNone;
  const std::string id = row.Id();
  // A party with own-field attributes comes from Wijkkompas (ours carry kind and formal always) and
  // brings its source along, or has none; others get the package as their source. A service the same,
  // by its party.
  if (table.name == "organization") {
    auto own = checked.own.parties.find(id);
    if (own == checked.own.parties.end()) return hsds::UpsertParty(db, row, kNone, default_source, now);
    return hsds::UpsertParty(db, row, own->second, "", now);
  }
  if (table.name == "service") {
    auto own = checked.own.services.find(id);
    const std::string source = checked.own.parties.contains(row.Text("organization_id")) ? "" : default_source;
    if (own == checked.own.services.end()) return hsds::UpsertService(db, row, kNone, source, now);
    if (!own->second.assurer_email || row.values.contains("assurer_email")) {
      return hsds::UpsertService(db, row, own->second, source, now);
    }
    Row with_assurer = row;  // geverifieerd-door stands in for an assurer that is no email address
    with_assurer.values["assurer_email"] = *own->second.assurer_email;
    return hsds::UpsertService(db, with_assurer, own->second, source, now);
  }
  if (table.name == "location") {
    auto point = ValidPoint(row);
    std::optional<std::string> area;
    if (point) {
      auto located = areas::Locate(db, point->lon, point->lat);
      if (!located) return Fail(located.error());
      if (located->buurt) area = located->buurt->code;
    }
    auto rid = hsds::UpsertLocation(db, row, area);
    if (!rid) return Fail(rid.error());
    return hsds::SetLocationPoint(db, *rid, point);
  }
  if (table.name == "attribute" && checked.own.attribute_ids.contains(id)) return {};
  if (IsProjectVocabulary(table.name, id)) return {};
  if (table.modelled) return hsds::UpsertModelledRow(db, table, row);
  return hsds::UpsertKeptRow(db, table, row);
}

Result<HsdsImportSummary> Write(store::Db& db, const accounts::Principal& who, const CheckedPackage& checked,
                                const HsdsProgress& progress) {
  const Package& p = checked.package;
  const std::string now = store::NowUtc();
  const std::string default_source = "HSDS-import " + p.name;
  const std::int64_t total = p.RowCount();
  std::int64_t done = 0;
  for (const hsds::Table& table : hsds::Tables()) {
    auto rows = p.rows.find(table.name);
    if (rows == p.rows.end()) continue;
    for (const Row& row : rows->second) {
      if (auto r = WriteRow(db, table, row, checked, default_source, now); !r) {
        Error e = r.error();
        if (e.location.empty()) e.location = row.Location();
        return Fail(std::move(e));
      }
      if (progress && (++done % 500 == 0 || done == total)) progress(done, total);
    }
  }
  // Own fields of parties and services that are in the database but not in the package.
  for (const auto& [kind, plans] :
       {std::pair{"organization", &checked.own.parties}, std::pair{"service", &checked.own.services}}) {
    std::set<std::string> carried;
    if (auto in_package = p.rows.find(kind); in_package != p.rows.end()) {
      for (const Row& row : in_package->second) carried.insert(row.Id());
    }
    for (const auto& [id, own] : *plans) {
      if (carried.contains(id)) continue;
      if (auto r = hsds::ApplyOwnFields(db, kind, id, own, now); !r) return Fail(r.error());
    }
  }
  if (auto r = RebuildSearchIndex(db); !r) return Fail(r.error());
  HsdsImportSummary summary = Summarise(p);
  const nlohmann::json detail = {{"organizations", summary.organizations},
                                 {"services", summary.services},
                                 {"locations", summary.locations},
                                 {"other_rows", summary.other_rows},
                                 {"warnings", summary.warnings.size()}};
  if (auto r = store::AppendAudit(db, who.AuditActor(), "socialmap.import_hsds", "hsds_package", p.name, detail.dump());
      !r) {
    return Fail(r.error());
  }
  return summary;
}

}  // namespace

Result<HsdsImportSummary> ValidateHsds(const std::string& path) {
  auto checked = ReadAndCheck(path, {});
  if (!checked) return Fail(checked.error());
  return Summarise(checked->package);
}

Result<HsdsImportSummary> ImportHsds(store::Db& db, const accounts::Principal& who, const std::string& path,
                                     const HsdsProgress& progress) {
  if (!accounts::Can(who, accounts::Action::kManageSocialMap)) {
    return Fail(ErrorCode::kPermissionDenied, "Alleen een beheerder of coördinator mag een HSDS-pakket importeren.");
  }
  hsds::ExistsOutside exists = [&db](std::string_view table, const std::string& id) {
    return hsds::RowExists(db, table, id);
  };
  // Reading and checking happen outside the write transaction: other writers are not held up.
  auto checked = ReadAndCheck(path, exists);
  if (!checked) return Fail(checked.error());
  store::BulkWriteCache cache(db);
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto summary = Write(db, who, *checked, progress);
  if (!summary) return summary;
  if (auto c = tx->Commit(); !c) return Fail(c.error());
  return summary;
}

}  // namespace wk::socialmap
