#include "spreadsheet_reader.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "wk/core/text.h"

namespace wk::socialmap {
namespace {

// Silences GDAL's stderr handler on this thread while alive; the last message stays readable.
class QuietErrors {
 public:
  QuietErrors() {
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
  }
  ~QuietErrors() { CPLPopErrorHandler(); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

// The bytes as a file of GDAL's in-memory file system, named so that the driver sees the
// extension; unlinked when this dies. The caller keeps the bytes alive meanwhile.
class MemFile {
 public:
  MemFile(std::string_view bytes, const std::string& name) {
    static std::atomic<int> counter{0};
    path_ = "/vsimem/wijkkompas-sheet/" + std::to_string(counter.fetch_add(1)) + "/" + name;
    VSILFILE* f = VSIFileFromMemBuffer(path_.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                       static_cast<vsi_l_offset>(bytes.size()), FALSE);
    if (f != nullptr) VSIFCloseL(f);
  }
  ~MemFile() { VSIUnlink(path_.c_str()); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A GDAL configuration option set on this thread while alive. GDAL 3.6's XLSX driver ignores its
// HEADERS open option when every cell is text (a social map is all text), but honours the
// OGR_XLSX_HEADERS option; the driver reads the sheet lazily, so it stays set while reading.
class ThreadOption {
 public:
  ThreadOption(const char* key, const char* value) : key_(key) {
    const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
    if (old != nullptr) old_ = old;
    had_old_ = old != nullptr;
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ThreadOption() { CPLSetThreadLocalConfigOption(key_, had_old_ ? old_.c_str() : nullptr); }
  ThreadOption(const ThreadOption&) = delete;
  ThreadOption& operator=(const ThreadOption&) = delete;

 private:
  const char* key_;
  std::string old_;
  bool had_old_ = false;
};

struct CloseDataset {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};

bool IsXlsx(const std::string& name) {
  return text::ToLowerAscii(std::filesystem::path(name).extension().string()) == ".xlsx";
}

// The spreadsheet row number of each non-blank data record of a CSV text, in order. GDAL's CSV
// driver skips blank records without counting them and reads a quoted value with line breaks as
// one record (every '"' toggles quoting, as in GDAL); a spreadsheet program shows every record,
// blank or not, as one row. So GDAL's k-th feature is on row numbers[k].
std::vector<int> CsvRowNumbers(std::string_view bytes) {
  std::vector<int> numbers;
  int row = 0;
  bool quoted = false;
  bool blank = true;
  auto end_record = [&] {
    ++row;
    if (!blank && row > 1) numbers.push_back(row);
    blank = true;
  };
  for (char c : bytes) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) {
      end_record();
      continue;
    }
    if (c != '\r') blank = false;
  }
  if (!blank) end_record();
  return numbers;
}

Result<Sheet> ReadBytes(std::string_view bytes, bool xlsx, const std::string& name) {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  // A CSV's file name may end in anything (.txt): the in-memory copy is always *.csv or *.xlsx.
  MemFile file(bytes, xlsx ? "sheet.xlsx" : "sheet.csv");
  const std::string& path = file.path();
  // All cells as text: the importer reads values itself, exactly as written.
  const char* const csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES",
                                     "KEEP_GEOM_COLUMNS=YES", nullptr};
  const char* const xlsx_options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
  const char* const csv_driver[] = {"CSV", nullptr};
  const char* const xlsx_driver[] = {"XLSX", nullptr};
  QuietErrors quiet;
  ThreadOption headers("OGR_XLSX_HEADERS", "FORCE");
  ThreadOption types("OGR_XLSX_FIELD_TYPES", "STRING");
  std::unique_ptr<GDALDataset, CloseDataset> dataset(
      GDALDataset::Open(xlsx ? path.c_str() : ("CSV:" + path).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                        xlsx ? xlsx_driver : csv_driver, xlsx ? xlsx_options : csv_options));
  if (!dataset || dataset->GetLayerCount() < 1) {
    const char* msg = CPLGetLastErrorMsg();
    return Fail(ErrorCode::kBadInput,
                std::string("Kan het bestand niet lezen als ") + (xlsx ? "Excel-bestand (xlsx)" : "CSV-bestand") +
                    ": " + (msg != nullptr && *msg != '\0' ? msg : "onbekend formaat"),
                {}, name);
  }
  OGRLayer* layer = dataset->GetLayer(0);
  Sheet sheet;
  sheet.name = name;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    std::string column(text::Trim(defn->GetFieldDefn(i)->GetNameRef()));
    if (text::StartsWith(column, "\xEF\xBB\xBF")) column.erase(0, 3);
    sheet.header.push_back(std::move(column));
  }
  if (sheet.header.empty()) {
    return Fail(ErrorCode::kBadInput, "Het bestand heeft geen kopregel met kolomnamen.", {}, name + ":1");
  }
  const std::vector<int> csv_rows = xlsx ? std::vector<int>{} : CsvRowNumbers(bytes);
  std::size_t index = 0;
  for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
    SheetRow row;
    // The XLSX driver gives blank rows between filled ones as empty features, so the index
    // is the row number there.
    row.line =
        xlsx ? static_cast<int>(index) + 2 : (index < csv_rows.size() ? csv_rows[index] : static_cast<int>(index) + 2);
    ++index;
    row.cells.resize(sheet.header.size());
    bool any = false;
    const int n = std::min<int>(feature->GetFieldCount(), static_cast<int>(sheet.header.size()));
    for (int i = 0; i < n; ++i) {
      if (!feature->IsFieldSetAndNotNull(i)) continue;
      row.cells[static_cast<std::size_t>(i)] = std::string(text::Trim(feature->GetFieldAsString(i)));
      any = any || !row.cells[static_cast<std::size_t>(i)].empty();
    }
    if (any) sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace

Result<Sheet> ReadSheetBytes(std::string_view bytes, const std::string& name) {
  return ReadBytes(bytes, IsXlsx(name), name);
}

Result<Sheet> ReadSheet(const std::string& path, std::string display_name) {
  if (display_name.empty()) display_name = std::filesystem::path(path).filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kBadInput, "Het bestand bestaat niet of is niet te lezen.", {}, display_name);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ReadBytes(std::move(bytes).str(), IsXlsx(path), display_name);
}

}  // namespace wk::socialmap
