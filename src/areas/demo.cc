// The demo municipality: Utrecht's KWB 2023 and 2024, the CBS Nabijheid voorzieningen 2023 (with
// its national row) and the 2013 wijk and buurt boundaries, compiled in from data/demo/ (provenance and attribution in
// data/demo/README.md).
#include <optional>
#include <string_view>

#include "areas_store.h"
#include "embedded_areas_demo.h"
#include "gdal_util.h"
#include "import_internal.h"

namespace wk::areas {
namespace {

std::string_view Embedded(std::string_view name) {
  auto bytes = embedded::Find(embedded::areas_demo(), name);
  // The build embeds these files; their absence is a bug, not an input error.
  if (!bytes) throw std::logic_error("demo file not embedded: " + std::string(name));
  return *bytes;
}

}  // namespace

Result<bool> LoadDemo(store::Db& db, const accounts::Principal& who, const Progress& progress) {
  if (auto allowed = CheckImportPermission(who); !allowed) return Fail(allowed.error());
  auto count = sql::CountAreas(db);
  if (!count) return Fail(count.error());
  if (*count > 0) return false;

  // Read and check all five files first; then write them in one transaction.
  constexpr std::string_view kYears[] = {"kwb-2023_GM0344_utrecht.csv", "kwb-2024_GM0344_utrecht.csv"};
  constexpr std::string_view kNabijheid = "nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv";
  std::vector<CbsFile> tables;
  std::int64_t step = 0;
  const std::int64_t steps = 5;
  for (auto name : kYears) {
    gdal::MemFile file(Embedded(name), name);
    auto table = ReadCbsFile(file.path(), std::nullopt, {});
    if (!table) return Fail(table.error());
    tables.push_back(std::move(*table));
    if (progress) progress(++step, steps);
  }
  std::optional<NabijheidFile> nabijheid;
  {
    gdal::MemFile file(Embedded(kNabijheid), kNabijheid);
    auto read = ReadNabijheidFile(file.path(), std::nullopt, {});
    if (!read) return Fail(read.error());
    nabijheid = std::move(*read);
    if (progress) progress(++step, steps);
  }
  struct Shapes {
    std::string_view name;
    BoundaryOptions options;
  };
  const Shapes kShapes[] = {
      {"utrecht_wijken_2013_wgs84.geojson", {2013, "KODE", "WK0344", "NAAM", false}},
      {"utrecht_buurten_2013_wgs84.geojson", {2013, "KODE", "BU0344", "NAAM", false}},
  };
  std::vector<BoundaryFile> boundaries;
  for (const auto& s : kShapes) {
    gdal::MemFile file(Embedded(s.name), s.name);
    auto shapes = ReadBoundaryFile(file.path(), s.options, {});
    if (!shapes) return Fail(shapes.error());
    boundaries.push_back(std::move(*shapes));
    if (progress) progress(++step, steps);
  }

  // Five imports as one all-or-nothing unit.
  bool raced = false;
  auto loaded = WriteInOneTransaction(db, [&]() -> Result<bool> {
    // Checked again inside the transaction: another process may have loaded areas meanwhile.
    auto now = sql::CountAreas(db);
    if (!now) return Fail(now.error());
    if (*now > 0) {
      raced = true;
      return Fail(ErrorCode::kConflict, "Er zijn intussen al gebieden geladen.");  // rolls back: nothing written
    }
    for (const auto& table : tables) {
      if (auto r = WriteCbs(db, who, table); !r) return Fail(r.error());
    }
    if (auto r = WriteNabijheid(db, who, *nabijheid); !r) return Fail(r.error());
    for (std::size_t i = 0; i < boundaries.size(); ++i) {
      auto r = WriteBoundaries(db, who, std::string(kShapes[i].name), std::move(boundaries[i]), kShapes[i].options);
      if (!r) return Fail(r.error());
    }
    return true;
  });
  if (!loaded && raced) return false;
  return loaded;
}

}  // namespace wk::areas
