// Sheets to XLSX bytes with libxlsxwriter. Version 1.1.4 (Debian 12) writes only to a file, so the
// workbook goes to a private temporary file that is read back and removed.
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "table.h"

namespace wk::reports {
namespace {

// A temporary file of our own, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "wijkkompas-export-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The number format of a value with `decimals` decimals and thousands separators ("#,##0.0";
// Excel shows it in the reader's locale: "1.234,5" in Dutch).
std::string NumberFormat(int decimals) {
  std::string f = "#,##0";
  if (decimals > 0) f += "." + std::string(static_cast<std::size_t>(decimals), '0');
  return f;
}

class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    integer_ = workbook_add_format(wb);
    format_set_num_format(integer_, "0");
    text_ = workbook_add_format(wb);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    wrap_ = workbook_add_format(wb);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    key_ = workbook_add_format(wb);
    format_set_bold(key_);
    format_set_align(key_, LXW_ALIGN_VERTICAL_TOP);
  }
  lxw_format* header() const { return header_; }
  lxw_format* integer() const { return integer_; }
  lxw_format* text() const { return text_; }
  lxw_format* wrap() const { return wrap_; }
  lxw_format* key() const { return key_; }
  lxw_format* number(int decimals) {
    auto it = numbers_.find(decimals);
    if (it != numbers_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    format_set_num_format(f, NumberFormat(decimals).c_str());
    return numbers_.emplace(decimals, f).first->second;
  }

 private:
  lxw_workbook* wb_;
  lxw_format *header_, *integer_, *text_, *wrap_, *key_;
  std::map<int, lxw_format*> numbers_;
};

// The first error of a run of libxlsxwriter calls, kept so that one check at the end suffices.
struct Status {
  lxw_error error = LXW_NO_ERROR;
  void operator+=(lxw_error e) {
    if (error == LXW_NO_ERROR) error = e;
  }
};

void WriteSheet(lxw_workbook* wb, Formats& formats, const Sheet& sheet, Status& status) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (ws == nullptr) {
    status += LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    return;
  }
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    status += worksheet_set_column(ws, col, col, sheet.columns[c].width, nullptr);
    status += worksheet_write_string(ws, 0, col, sheet.columns[c].excel.c_str(), formats.header());
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      auto col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case Cell::Kind::kText:
          if (!cell.text.empty()) {
            // Long texts (findings) wrap inside their column.
            status += worksheet_write_string(ws, row, col, cell.text.c_str(),
                                             cell.text.size() > 60 ? formats.wrap() : formats.text());
          }
          break;
        case Cell::Kind::kNumber:
          if (cell.number) status += worksheet_write_number(ws, row, col, *cell.number, formats.number(cell.decimals));
          break;
        case Cell::Kind::kInteger:
          if (cell.number) status += worksheet_write_number(ws, row, col, *cell.number, formats.integer());
          break;
      }
      if (!cell.note.empty()) status += worksheet_write_comment(ws, row, col, cell.note.c_str());
    }
  }
  if (!sheet.columns.empty()) {
    status += worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                   static_cast<lxw_col_t>(sheet.columns.size() - 1));
  }
}

void WriteAbout(lxw_workbook* wb, Formats& formats, const std::vector<AboutLine>& about, Status& status) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Bron");
  if (ws == nullptr) {
    status += LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    return;
  }
  status += worksheet_set_column(ws, 0, 0, 24, nullptr);
  status += worksheet_set_column(ws, 1, 1, 90, nullptr);
  status += worksheet_write_string(ws, 0, 0, "Gegeven", formats.header());
  status += worksheet_write_string(ws, 0, 1, "Waarde", formats.header());
  for (std::size_t i = 0; i < about.size(); ++i) {
    auto row = static_cast<lxw_row_t>(i + 1);
    status += worksheet_write_string(ws, row, 0, about[i].key.c_str(), formats.key());
    status += worksheet_write_string(ws, row, 1, about[i].value.c_str(), formats.wrap());
  }
}

}  // namespace

Result<std::string> WorkbookXlsx(const std::vector<Sheet>& sheets, const std::vector<AboutLine>& about) {
  TempFile file;
  if (file.path().empty()) return Fail(ErrorCode::kInternal, "Het exportbestand kon niet worden aangemaakt.");
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) return Fail(ErrorCode::kInternal, "Het exportbestand kon niet worden aangemaakt.");
  Status status;
  std::string title = sheets.empty() ? "Wijkkompas" : "Wijkkompas: " + sheets.front().name;  // lives past close
  {
    Formats formats(wb);
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = const_cast<char*>("Wijkkompas");
    status += workbook_set_properties(wb, &properties);
    for (const auto& sheet : sheets) WriteSheet(wb, formats, sheet, status);
    WriteAbout(wb, formats, about, status);
  }
  lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook, also after an error
  if (status.error == LXW_NO_ERROR) status.error = closed;
  if (status.error != LXW_NO_ERROR) {
    return Fail(ErrorCode::kInternal,
                std::string("Het exportbestand kon niet worden geschreven: ") + lxw_strerror(status.error));
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Fail(ErrorCode::kInternal, "Het exportbestand kon niet worden gelezen.");
  return bytes.str();
}

}  // namespace wk::reports
