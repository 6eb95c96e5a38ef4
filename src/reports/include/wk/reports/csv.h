// CSV downloads in two flavours: one that Dutch Excel opens correctly (';' between fields, a UTF-8
// byte order mark so accents survive, decimal comma), and a plain one for tools (',' and a decimal
// point, no BOM). Both follow RFC 4180: CRLF line ends, fields with a separator, quote or line break
// are quoted, quotes doubled.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wk::reports {

enum class CsvVariant { kExcel, kPlain };

// "excel" or "plain"; nullopt for anything else.
std::optional<CsvVariant> ParseCsvVariant(std::string_view name);

class CsvWriter {
 public:
  explicit CsvWriter(CsvVariant variant);

  // A text cell. In the Excel flavour a text starting with = + - or @ gets a leading apostrophe, so
  // that Excel does not run it as a formula.
  CsvWriter& Text(std::string_view value);
  // A number with `decimals` decimals, without thousands separators ("1234,5" or "1234.5");
  // an empty cell when missing.
  CsvWriter& Number(std::optional<double> value, int decimals);
  // Ends the current row.
  CsvWriter& EndRow();

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separator();
  CsvVariant variant_;
  std::string out_;
  bool row_started_ = false;
};

}  // namespace wk::reports
