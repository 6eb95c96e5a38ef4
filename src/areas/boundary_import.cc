// Import of area boundaries: shapes are linked to areas by CBS code. Names from CBS statistics
// win over names in boundary files, so an existing area keeps its name; only an area created
// here (--create-missing) takes the file's name, or its code when the file has none.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "area_code.h"
#include "areas_store.h"
#include "import_internal.h"
#include "wk/store/audit.h"

namespace wk::areas {

Result<BoundarySummary> WriteBoundaries(store::Db& db, const accounts::Principal& who, const std::string& file_name,
                                        BoundaryFile boundaries, const BoundaryOptions& options) {
  BoundarySummary summary;
  summary.file = file_name;
  summary.features = boundaries.features;
  summary.skipped = std::move(boundaries.skipped);

  // Decide per shape first (link, create or skip), then write parents before children.
  std::map<std::string, int> first_feature;  // code -> feature index that provides its shape
  std::map<std::string, Area> to_create;
  std::vector<const BoundaryFeature*> to_store;
  for (const auto& shape : boundaries.shapes) {
    if (auto [it, fresh] = first_feature.emplace(shape.code, shape.index); !fresh) {
      summary.skipped.push_back("feature " + std::to_string(shape.index) + ": " + shape.code +
                                " komt al voor in feature " + std::to_string(it->second));
      continue;
    }
    auto known = sql::SelectArea(db, shape.code);
    if (!known) return Fail(known.error());
    if (!*known) {
      if (!options.create_missing) {
        summary.skipped.push_back("feature " + std::to_string(shape.index) + ": gebied " + shape.code +
                                  " is onbekend (importeer eerst de CBS-kerncijfers, of gebruik --create-missing)");
        continue;
      }
      // The area and any missing ancestors, named by the file where it can (a gemeente by the
      // file's gemeente name field), else by code.
      std::string code = shape.code;
      std::string name = shape.name.empty() ? shape.code : shape.name;
      while (!code.empty() && !to_create.contains(code)) {
        if (code != shape.code) {
          auto exists = sql::SelectArea(db, code);
          if (!exists) return Fail(exists.error());
          if (*exists) break;
        }
        to_create.emplace(code, AreaFromCode(code, name));
        code = ParentCode(code);
        name = LevelOfCode(code) == Level::kGemeente && !shape.parent_name.empty() ? shape.parent_name : code;
      }
    }
    to_store.push_back(&shape);
  }

  std::vector<const Area*> ordered;
  for (const auto& [code, area] : to_create) ordered.push_back(&area);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Area* a, const Area* b) { return a->level < b->level; });
  for (const Area* a : ordered) {
    if (auto r = sql::UpsertArea(db, *a, false); !r) return Fail(r.error());
  }
  summary.created = static_cast<int>(to_create.size());
  std::string now = store::NowUtc();
  for (const BoundaryFeature* shape : to_store) {
    if (auto r = sql::UpsertGeometry(db, shape->code, shape->geojson, shape->bbox, options.year, file_name, now); !r) {
      return Fail(r.error());
    }
  }
  summary.linked = static_cast<int>(to_store.size());

  nlohmann::json detail = {{"file", file_name},
                           {"features", summary.features},
                           {"linked", summary.linked},
                           {"created", summary.created},
                           {"skipped", summary.skipped.size()}};
  if (options.year) detail["year"] = *options.year;
  if (auto a = store::AppendAudit(db, who.AuditActor(), "import.boundaries", "file", file_name, detail.dump()); !a) {
    return Fail(a.error());
  }
  return summary;
}

Result<BoundarySummary> ImportBoundaries(store::Db& db, const accounts::Principal& who, const std::string& path,
                                         const BoundaryOptions& options, const Progress& progress) {
  if (auto allowed = CheckImportPermission(who); !allowed) return Fail(allowed.error());
  // Read, reproject and check everything before the write transaction starts.
  auto file = ReadBoundaryFile(path, options, progress);
  if (!file) return Fail(file.error());
  return WriteInOneTransaction(db, [&] {
    return WriteBoundaries(db, who, std::filesystem::path(path).filename().string(), std::move(*file), options);
  });
}

}  // namespace wk::areas
