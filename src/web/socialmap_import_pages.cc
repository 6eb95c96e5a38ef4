// /beheer/sociale-kaart/import: a social map kept in a spreadsheet, imported from the browser in
// two steps. 1: upload the spreadsheet (and, if there is one, a mapping file). 2: the header with a
// field per column (SuggestMapping, or the uploaded mapping), fixed values for every row; from
// there download the mapping file, check the rows, or import. The spreadsheet travels with the
// step-2 form as base64 (a few MB at most), so the server keeps no state between the steps.
// Checking and importing run as a slow route and use the same use cases as the CLI.
// Also the export downloads /sociale-kaart/export.csv (?variant=plain) and .xlsx.
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "app.h"
#include "downloads.h"
#include "problem.h"
#include "templates.h"
#include "wk/core/text.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::web {
namespace {

using socialmap::Mapping;

constexpr std::size_t kMaxSheetBytes = 8 * 1024 * 1024;
// Fields that often hold one value for the whole sheet, offered as fixed values on the page.
constexpr std::string_view kFixedFields[] = {"source", "province", "city", "party_kind"};

std::string ToBase64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \r\n",
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::string Extension(const std::string& name) {
  auto dot = name.rfind('.');
  return dot == std::string::npos ? "" : text::ToLowerAscii(name.substr(dot));
}

// The base name of an uploaded file (browsers may send a path).
std::string BaseName(const std::string& name) {
  auto slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

struct Upload {
  std::string name;
  std::string bytes;
  socialmap::SpreadsheetFile file() const { return {bytes, name}; }
};

// The spreadsheet of the request: a new upload (step 1) or the one the step-2 form carries.
Result<Upload> SheetOf(const Request& req) {
  Upload up;
  if (auto carried = req.Form("sheet_data"); carried && !carried->empty()) {
    auto bytes = FromBase64(*carried);
    if (!bytes) return Fail(ErrorCode::kInvalid, "Het bestand is onderweg beschadigd; kies het opnieuw.", "file");
    up.bytes = std::move(*bytes);
    up.name = BaseName(req.Form("sheet_name").value_or("spreadsheet.csv"));
  } else {
    up.name = BaseName(req.Form("file.filename").value_or(""));
    up.bytes = req.Form("file").value_or("");
    if (up.name.empty() || up.bytes.empty()) return Fail(ErrorCode::kInvalid, "Kies een spreadsheet.", "file");
  }
  if (Extension(up.name) != ".csv" && Extension(up.name) != ".xlsx") {
    return Fail(ErrorCode::kInvalid, "De spreadsheet moet een .csv- of .xlsx-bestand zijn.", "file");
  }
  if (up.bytes.size() > kMaxSheetBytes) {
    return Fail(ErrorCode::kInvalid, "De spreadsheet is groter dan 8 MB; gebruik wijkkompas import socialmap.", "file");
  }
  return up;
}

// The Error as page data: its first line as `error`, further lines (refused rows) as `refusals`.
nlohmann::json ErrorData(const Error& error) {
  std::vector<std::string> lines = text::Split(error.Describe(), '\n');
  nlohmann::json data = {{"error", lines.front()}, {"refusals", nlohmann::json::array()}};
  for (std::size_t i = 1; i < lines.size(); ++i) data["refusals"].push_back(lines[i]);
  data["has_refusals"] = lines.size() > 1;
  return data;
}

nlohmann::json DownloadLinks() {
  return {{"export_links", true}};
}

Response UploadPage(const Request& req, const std::optional<Error>& error = std::nullopt) {
  nlohmann::json data = DownloadLinks();
  if (error) data.update(ErrorData(*error));
  return RenderPage(req, "Sociale kaart importeren", "socialmap_import", data, error ? HttpStatus(error->code) : 200);
}

const socialmap::MappingField* FieldByName(std::string_view name) {
  for (const auto& f : socialmap::MappingFields()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The mapping chosen on the step-2 form: `veld_<i>` per column of the header, `vast_<field>` for
// a fixed value of a field no column fills.
Mapping MappingOf(const Request& req, const std::vector<std::string>& header) {
  Mapping m;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string field = req.Form("veld_" + std::to_string(i)).value_or("");
    if (field.empty() || FieldByName(field) == nullptr) continue;
    bool taken = false;
    for (const auto& e : m.entries) taken = taken || e.field == field;
    if (!taken) m.entries.push_back({header[i], "", field});
  }
  for (const auto& f : socialmap::MappingFields()) {
    std::string value(text::Trim(req.Form("vast_" + f.name).value_or("")));
    bool taken = false;
    for (const auto& e : m.entries) taken = taken || e.field == f.name;
    if (!value.empty() && !taken) m.entries.push_back({"", value, f.name});
  }
  return m;
}

nlohmann::json MappingData(const Upload& up, const socialmap::SpreadsheetPreview& preview, const Mapping& mapping) {
  nlohmann::json columns = nlohmann::json::array();
  for (std::size_t i = 0; i < preview.header.size(); ++i) {
    std::string chosen;
    for (const auto& e : mapping.entries) {
      if (!e.column.empty() && text::ToLowerAscii(text::Trim(e.column)) == text::ToLowerAscii(preview.header[i])) {
        chosen = e.field;
      }
    }
    nlohmann::json options = nlohmann::json::array();
    options.push_back({{"value", ""}, {"label", "— niet importeren —"}, {"selected", chosen.empty()}});
    for (const auto& f : socialmap::MappingFields()) {
      options.push_back(
          {{"value", f.name}, {"label", f.label + (f.required ? " (verplicht)" : "")}, {"selected", f.name == chosen}});
    }
    std::string example = i < preview.first_row.size() ? preview.first_row[i] : "";
    if (example.size() > 60) example = example.substr(0, 57) + "...";
    columns.push_back(
        {{"index", i},
         {"name", preview.header[i].empty() ? "(kolom " + std::to_string(i + 1) + ")" : preview.header[i]},
         {"example", example},
         {"options", options}});
  }
  // The usual fixed fields, and any other field with a fixed value in the mapping.
  nlohmann::json fixed = nlohmann::json::array();
  for (const auto& f : socialmap::MappingFields()) {
    std::string value;
    for (const auto& e : mapping.entries) {
      if (e.column.empty() && e.field == f.name) value = e.fixed;
    }
    bool usual = false;
    for (std::string_view name : kFixedFields) usual = usual || name == f.name;
    if (!usual && value.empty()) continue;
    fixed.push_back({{"field", f.name}, {"label", f.label}, {"help", f.help}, {"value", value}});
  }
  nlohmann::json help = nlohmann::json::array();
  for (const auto& f : socialmap::MappingFields()) {
    help.push_back({{"name", f.name}, {"label", f.label}, {"help", f.help}, {"required", f.required}});
  }
  return {{"sheet_name", up.name},
          {"sheet_data", ToBase64(up.bytes)},
          {"rows", text::FormatNumber(static_cast<double>(preview.rows))},
          {"columns", columns},
          {"fixed", fixed},
          {"fields", help}};
}

nlohmann::json SummaryData(const socialmap::SpreadsheetImportSummary& s) {
  return {{"parties_created", text::FormatNumber(static_cast<double>(s.parties_created))},
          {"parties_reused", text::FormatNumber(static_cast<double>(s.parties_reused))},
          {"services_created", text::FormatNumber(static_cast<double>(s.services_created))},
          {"services_skipped", text::FormatNumber(static_cast<double>(s.services_skipped))},
          {"warnings", s.warnings},
          {"has_warnings", !s.warnings.empty()}};
}

bool HasRequired(const Mapping& m) {
  for (const auto& f : socialmap::MappingFields()) {
    if (!f.required) continue;
    bool found = false;
    for (const auto& e : m.entries) found = found || e.field == f.name;
    if (!found) return false;
  }
  return true;
}

std::string MappingFileName(const std::string& sheet_name) {
  std::string stem = sheet_name.substr(0, sheet_name.rfind('.'));
  for (char& c : stem) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) c = '_';
  }
  return (stem.empty() ? "sociale-kaart" : stem) + "-mapping.csv";
}

Response Post(App& app, Request& req) {
  const std::string action = req.Form("action").value_or("kolommen");
  auto up = SheetOf(req);
  if (!up) return UploadPage(req, up.error());
  auto preview = socialmap::PreviewSpreadsheet(up->file());
  if (!preview) return UploadPage(req, preview.error());
  auto render = [&](const Mapping& mapping, nlohmann::json extra, int status = 200) {
    nlohmann::json data = MappingData(*up, *preview, mapping);
    if (extra.is_object()) data.update(extra);
    return RenderPage(req, "Kolommen koppelen", "socialmap_import_mapping", data, status);
  };
  if (action == "kolommen") {
    std::string mapping_name = BaseName(req.Form("mapping.filename").value_or(""));
    std::string mapping_bytes = req.Form("mapping").value_or("");
    if (mapping_name.empty() || mapping_bytes.empty()) return render(socialmap::SuggestMapping(preview->header), {});
    auto mapping = socialmap::ParseMapping(mapping_bytes, mapping_name);
    if (!mapping) return UploadPage(req, mapping.error());
    return render(*mapping, {{"from_file", mapping_name}});
  }
  const Mapping mapping = MappingOf(req, preview->header);
  if (action == "mapping") return Download(socialmap::WriteMapping(mapping), kCsvType, MappingFileName(up->name));
  if (!HasRequired(mapping)) {
    return render(
        mapping,
        ErrorData(Error{ErrorCode::kInvalid, "Koppel een kolom aan Naam organisatie en aan Naam aanbod.", {}, {}}),
        422);
  }
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  if (action == "importeren") {
    auto summary = socialmap::ImportSpreadsheet(lease->db(), *req.principal, up->file(), mapping);
    if (!summary) return render(mapping, ErrorData(summary.error()), HttpStatus(summary.error().code));
    nlohmann::json data = SummaryData(*summary);
    data["sheet_name"] = up->name;
    return RenderPage(req, "Sociale kaart geïmporteerd", "socialmap_import_result", data);
  }
  auto summary = socialmap::CheckSpreadsheet(lease->db(), *req.principal, up->file(), mapping);
  if (!summary) return render(mapping, ErrorData(summary.error()), HttpStatus(summary.error().code));
  return render(mapping, {{"checked", SummaryData(*summary)}});
}

Response Export(App& app, Request& req, bool xlsx) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto snapshot = store::ReadTransaction::Begin(lease->db());
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  if (xlsx) {
    auto bytes = socialmap::ExportServicesXlsx(lease->db(), *req.principal);
    if (!bytes) return ErrorResponse(req, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "sociale-kaart.xlsx");
  }
  const auto variant = reports::ParseCsvVariant(req.Query("variant").value_or("excel"));
  if (!variant) {
    return ErrorResponse(req, Error{ErrorCode::kInvalid, "Kies variant=excel of variant=plain.", "variant", {}});
  }
  auto csv = socialmap::ExportServicesCsv(lease->db(), *req.principal, *variant == reports::CsvVariant::kExcel);
  if (!csv) return ErrorResponse(req, csv.error());
  return Download(std::move(*csv), kCsvType, CsvFileName("sociale-kaart.csv", *variant));
}

}  // namespace

void RegisterSocialMapImportPages(Router& router, App& app) {
  const Access edit = Access::Needs(accounts::Action::kEditSocialMap);
  router.Get("/beheer/sociale-kaart/import", edit, [](Request& req) { return UploadPage(req); });
  router.AddSlow(Method::kPost, "/beheer/sociale-kaart/import", edit, [&app](Request& req) { return Post(app, req); });
  const Access read = Access::Needs(accounts::Action::kReadSocialMap);
  router.AddSlow(Method::kGet, "/sociale-kaart/export.csv", read,
                 [&app](Request& req) { return Export(app, req, false); });
  router.AddSlow(Method::kGet, "/sociale-kaart/export.xlsx", read,
                 [&app](Request& req) { return Export(app, req, true); });
}

}  // namespace wk::web
