// /beheer/import: a beheerder imports a CBS table or a boundary file from the browser. The import
// runs as a slow route (worker pool, connection suspended) and uses the same use cases as the CLI.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app.h"
#include "problem.h"
#include "templates.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"

namespace wk::web {
namespace {

// Extensions GDAL recognises the formats by; anything else is refused before writing a file.
constexpr std::string_view kCbsExtensions[] = {".csv", ".xlsx"};
constexpr std::string_view kBoundaryExtensions[] = {".geojson", ".json", ".gpkg", ".zip"};

std::string Extension(const std::string& filename) {
  auto dot = filename.rfind('.');
  return dot == std::string::npos ? "" : text::ToLowerAscii(filename.substr(dot));
}

template <std::size_t N>
bool OneOf(const std::string& ext, const std::string_view (&list)[N]) {
  for (auto e : list) {
    if (ext == e) return true;
  }
  return false;
}

// The uploaded bytes in a private temporary folder, under the uploaded file's own (cleaned) name,
// so the year in a name like "kwb-2024.csv" is found and messages name the user's file. Removed when
// this object dies. Shapefiles come zipped and are read through GDAL's /vsizip/.
class TempUpload {
 public:
  static Result<TempUpload> Write(const std::string& bytes, const std::string& filename) {
    std::string dir_template = (std::filesystem::temp_directory_path() / "wijkkompas-upload-XXXXXX").string();
    if (::mkdtemp(dir_template.data()) == nullptr) {
      return Fail(ErrorCode::kUnavailable, "Kan het bestand niet tijdelijk opslaan.");
    }
    TempUpload upload(dir_template, dir_template + "/" + CleanName(filename));
    std::ofstream out(upload.path_, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Fail(ErrorCode::kUnavailable, "Kan het bestand niet tijdelijk opslaan.");
    return upload;
  }
  TempUpload(TempUpload&& o) noexcept : dir_(std::move(o.dir_)), path_(std::move(o.path_)) { o.dir_.clear(); }
  ~TempUpload() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  TempUpload(std::string dir, std::string path) : dir_(std::move(dir)), path_(std::move(path)) {}
  // The base name with only letters, digits, '.', '-' and '_' (browsers may send a path).
  static std::string CleanName(const std::string& filename) {
    std::string base =
        filename.substr(filename.find_last_of("/\\") == std::string::npos ? 0 : filename.find_last_of("/\\") + 1);
    for (char& c : base) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                c == '_';
      if (!ok) c = '_';
    }
    if (base.empty() || base.front() == '.') base = "upload" + base;
    return base;
  }
  std::string dir_;
  std::string path_;
};

nlohmann::json FormData(const Request& req) {
  return {{"kind_cbs", req.Form("kind").value_or("cbs") == "cbs"},
          {"kind_boundaries", req.Form("kind").value_or("") == "boundaries"},
          {"year", req.Form("year").value_or("")},
          {"code_prefix", req.Form("code_prefix").value_or("")},
          {"code_field", req.Form("code_field").value_or("")},
          {"name_field", req.Form("name_field").value_or("")},
          {"create_missing", req.Form("create_missing").has_value()}};
}

Response FormWithError(const Request& req, const Error& error) {
  nlohmann::json data = FormData(req);
  data["error"] = error.Describe();
  if (!error.field.empty()) data["error_field"] = error.field;
  return RenderPage(req, "Gegevens importeren", "import", data, HttpStatus(error.code));
}

// Replaces the temporary file's path in messages by the name the user uploaded, and words
// meant for the command line by words for this form.
Error WithUserFileName(Error e, const std::string& temp, const std::string& original) {
  if (e.field == "year") {
    e.message = "Geen jaar gevonden: vul het jaar in, of gebruik een bestandsnaam met 'kwb-JJJJ' (zoals kwb-2024.csv).";
  }
  auto fix = [&](std::string& s) {
    for (auto pos = s.find(temp); pos != std::string::npos; pos = s.find(temp, pos + original.size())) {
      s.replace(pos, temp.size(), original);
    }
  };
  fix(e.message);
  fix(e.location);
  return e;
}

Response Import(App& app, Request& req) {
  std::string kind = req.Form("kind").value_or("cbs");
  std::string filename = req.Form("file.filename").value_or("");
  auto bytes = req.Form("file");
  if (!bytes || filename.empty() || bytes->empty()) {
    return FormWithError(req, Error{ErrorCode::kInvalid, "Kies een bestand om te importeren.", "file", {}});
  }
  std::string ext = Extension(filename);
  bool cbs = kind == "cbs";
  if (cbs ? !OneOf(ext, kCbsExtensions) : !OneOf(ext, kBoundaryExtensions)) {
    return FormWithError(
        req, Error{ErrorCode::kInvalid,
                   cbs ? "Een CBS-tabel moet een .csv- of .xlsx-bestand zijn."
                       : "Een grenzenbestand moet .geojson, .json, .gpkg of een .zip met een shapefile zijn.",
                   "file",
                   {}});
  }
  std::optional<int> year;
  if (auto y = req.Form("year"); y && !text::Trim(*y).empty()) {
    auto parsed = text::ParseInt(*y);
    if (!parsed || *parsed < 1990 || *parsed > 2100) {
      return FormWithError(req, Error{ErrorCode::kInvalid, "Vul een jaartal in, bv. 2024.", "year", {}});
    }
    year = static_cast<int>(*parsed);
  }
  auto upload = TempUpload::Write(*bytes, filename);
  if (!upload) return FormWithError(req, upload.error());
  std::string path = upload->path();
  if (ext == ".zip") path = "/vsizip/" + path;
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  nlohmann::json result = {{"file", filename}};
  if (cbs) {
    auto summary = areas::ImportCbs(lease->db(), *req.principal, path, year);
    if (!summary) return FormWithError(req, WithUserFileName(summary.error(), path, filename));
    result["cbs"] = {{"year", summary->year},
                     {"areas", text::FormatNumber(summary->areas)},
                     {"indicators", text::FormatNumber(summary->indicators)},
                     {"values", text::FormatNumber(static_cast<double>(summary->values))},
                     {"missing", text::FormatNumber(static_cast<double>(summary->missing))},
                     {"skipped", summary->skipped}};
  } else {
    areas::BoundaryOptions options;
    options.year = year;
    options.code_prefix = std::string(text::Trim(req.Form("code_prefix").value_or("")));
    options.code_field = std::string(text::Trim(req.Form("code_field").value_or("")));
    options.name_field = std::string(text::Trim(req.Form("name_field").value_or("")));
    options.create_missing = req.Form("create_missing").has_value();
    auto summary = areas::ImportBoundaries(lease->db(), *req.principal, path, options);
    if (!summary) return FormWithError(req, WithUserFileName(summary.error(), path, filename));
    result["boundaries"] = {{"features", text::FormatNumber(summary->features)},
                            {"linked", text::FormatNumber(summary->linked)},
                            {"created", text::FormatNumber(summary->created)},
                            {"skipped", summary->skipped}};
  }
  result["has_skipped"] = !(cbs ? result["cbs"]["skipped"] : result["boundaries"]["skipped"]).empty();
  return RenderPage(req, "Import voltooid", "import_result", result);
}

}  // namespace

void RegisterImportRoutes(Router& router, App& app) {
  const Access access = Access::Needs(accounts::Action::kImportData);
  router.Get("/beheer/import", access,
             [](Request& req) { return RenderPage(req, "Gegevens importeren", "import", FormData(req)); });
  router.AddSlow(Method::kPost, "/beheer/import", access, [&app](Request& req) { return Import(app, req); });
}

}  // namespace wk::web
