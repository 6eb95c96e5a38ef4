#include "table_reader.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "gdal_util.h"
#include "wk/core/text.h"

namespace wk::areas {

struct TableReader::Impl {
  struct Close {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
  };
  std::unique_ptr<GDALDataset, Close> dataset;
  OGRLayer* layer = nullptr;
  int next_line = 2;
  std::optional<std::int64_t> count;
};

TableReader::TableReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TableReader::TableReader(TableReader&&) noexcept = default;
TableReader& TableReader::operator=(TableReader&&) noexcept = default;
TableReader::~TableReader() = default;

Result<TableReader> TableReader::Open(const std::string& path, std::string display_name) {
  gdal::EnsureRegistered();
  if (display_name.empty()) display_name = std::filesystem::path(path).filename().string();
  std::string ext = text::ToLowerAscii(std::filesystem::path(path).extension().string());
  bool xlsx = ext == ".xlsx";

  // All columns as text, empty cells as null: the importer interprets values itself, so that a
  // CBS '.' and a padded number are seen exactly as written.
  const char* const csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES",
                                     "KEEP_GEOM_COLUMNS=YES", nullptr};
  const char* const xlsx_options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
  const char* const csv_driver[] = {"CSV", nullptr};
  const char* const xlsx_driver[] = {"XLSX", nullptr};
  // The CSV driver recognises only *.csv by itself; the "CSV:" prefix makes it take any name.
  std::string open_name = xlsx || ext == ".csv" ? path : "CSV:" + path;

  if (!std::filesystem::exists(path) && !text::StartsWith(path, "/vsi")) {
    return Fail(ErrorCode::kBadInput, "Het bestand bestaat niet.", {}, display_name);
  }
  gdal::QuietErrors quiet;
  auto impl = std::make_unique<Impl>();
  impl->dataset.reset(GDALDataset::Open(open_name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                        xlsx ? xlsx_driver : csv_driver, xlsx ? xlsx_options : csv_options));
  if (!impl->dataset || impl->dataset->GetLayerCount() < 1) {
    return Fail(ErrorCode::kBadInput,
                "Kan het bestand niet lezen als " + std::string(xlsx ? "Excel-bestand (xlsx)" : "CSV-bestand") + ": " +
                    gdal::LastErrorMessage("onbekend formaat"),
                {}, display_name);
  }
  impl->layer = impl->dataset->GetLayer(0);
  TableReader reader(std::move(impl));
  reader.display_name_ = std::move(display_name);
  OGRFeatureDefn* defn = reader.impl_->layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    std::string name(text::Trim(defn->GetFieldDefn(i)->GetNameRef()));
    // A BOM that a driver left on the first header (seen with some exports) is not part of the name.
    if (text::StartsWith(name, "\xEF\xBB\xBF")) name.erase(0, 3);
    reader.columns_.push_back(std::move(name));
  }
  if (reader.columns_.empty()) {
    return Fail(ErrorCode::kBadInput, "Het bestand heeft geen kopregel met kolomnamen.", {},
                reader.display_name_ + ":1");
  }
  return reader;
}

std::optional<std::size_t> TableReader::Find(std::string_view name) const {
  std::string want = text::ToLowerAscii(name);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (text::ToLowerAscii(columns_[i]) == want) return i;
  }
  return std::nullopt;
}

std::int64_t TableReader::RowCount() {
  if (!impl_->count) {
    gdal::QuietErrors quiet;
    // Counting reads the layer through; only done before the first row, then rewound.
    impl_->count = impl_->layer->GetFeatureCount(TRUE);
    impl_->layer->ResetReading();
    impl_->next_line = 2;
  }
  return *impl_->count;
}

std::optional<TableRow> TableReader::Next() {
  gdal::QuietErrors quiet;
  OGRFeatureUniquePtr feature(impl_->layer->GetNextFeature());
  if (!feature) return std::nullopt;
  TableRow row;
  row.line = impl_->next_line++;
  row.cells.resize(columns_.size());
  int n = std::min<int>(feature->GetFieldCount(), static_cast<int>(columns_.size()));
  for (int i = 0; i < n; ++i) {
    if (!feature->IsFieldSetAndNotNull(i)) continue;
    row.cells[static_cast<std::size_t>(i)] = std::string(text::Trim(feature->GetFieldAsString(i)));
  }
  return row;
}

}  // namespace wk::areas
