// /beheer/import: a beheerder imports a CBS table (kerncijfers or Nabijheid voorzieningen), own
// figures (`import indicators`) or a boundary file from the browser. The import
// runs as a slow route (worker pool, connection suspended) and uses the same use cases as the CLI.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

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

// The kinds of file the form imports; the radio button's value.
enum class Kind { kCbs, kNabijheid, kIndicators, kBoundaries };

Kind KindOf(const Request& req) {
  std::string kind = req.Form("kind").value_or("cbs");
  if (kind == "nabijheid") return Kind::kNabijheid;
  if (kind == "indicators") return Kind::kIndicators;
  if (kind == "boundaries") return Kind::kBoundaries;
  return Kind::kCbs;
}

nlohmann::json FormData(const Request& req) {
  Kind kind = KindOf(req);
  std::string reliability = req.Form("reliability").value_or("");
  nlohmann::json grades = nlohmann::json::array();
  for (const auto& g : areas::ReliabilityGrades()) {
    grades.push_back({{"grade", g.grade}, {"meaning", g.meaning}, {"selected", g.grade == reliability}});
  }
  return {{"kind_cbs", kind == Kind::kCbs},
          {"kind_nabijheid", kind == Kind::kNabijheid},
          {"kind_indicators", kind == Kind::kIndicators},
          {"kind_boundaries", kind == Kind::kBoundaries},
          {"year", req.Form("year").value_or("")},
          {"source", req.Form("source").value_or("")},
          {"publisher", req.Form("publisher").value_or("")},
          {"licence", req.Form("licence").value_or("")},
          {"grades", grades},
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
    e.message = "Geen jaar gevonden: vul het jaar in, of gebruik een bestandsnaam met het jaar (zoals kwb-2024.csv).";
  } else if (e.field == "source") {
    e.message = "Vul de bron van de cijfers in, bv. GGD Gezondheidsmonitor Volwassenen en Ouderen 2022.";
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

std::string_view WrongExtension(Kind kind) {
  switch (kind) {
    case Kind::kCbs: return "Een CBS-tabel moet een .csv- of .xlsx-bestand zijn.";
    case Kind::kNabijheid: return "De StatLine-download Nabijheid voorzieningen moet een .csv-bestand zijn.";
    case Kind::kIndicators: return "Een bestand met eigen cijfers moet een .csv- of .xlsx-bestand zijn.";
    case Kind::kBoundaries: break;
  }
  return "Een grenzenbestand moet .geojson, .json, .gpkg of een .zip met een shapefile zijn.";
}

bool ExtensionFits(Kind kind, const std::string& ext) {
  switch (kind) {
    case Kind::kCbs:
    case Kind::kIndicators: return OneOf(ext, kCbsExtensions);
    case Kind::kNabijheid: return ext == ".csv";
    case Kind::kBoundaries: break;
  }
  return OneOf(ext, kBoundaryExtensions);
}

nlohmann::json ValuesSummary(std::string caption, const areas::ImportSummary& s) {
  return {{"caption", std::move(caption)},
          {"areas", text::FormatNumber(s.areas)},
          {"indicators", text::FormatNumber(s.indicators)},
          {"values", text::FormatNumber(static_cast<double>(s.values))},
          {"missing", text::FormatNumber(static_cast<double>(s.missing))},
          {"skipped", s.skipped}};
}

// `import indicators` from the form: the source fields, and a metadata file uploaded beside it.
Result<nlohmann::json> ImportOwnFigures(store::Db& db, Request& req, const std::string& path,
                                        const std::string& filename) {
  areas::IndicatorImportOptions options;
  options.source = req.Form("source").value_or("");
  options.publisher = std::string(text::Trim(req.Form("publisher").value_or("")));
  options.reliability = req.Form("reliability").value_or("");
  options.licence = req.Form("licence").value_or("");
  std::optional<TempUpload> meta;
  std::string meta_name = req.Form("meta.filename").value_or("");
  if (auto meta_bytes = req.Form("meta"); meta_bytes && !meta_bytes->empty() && !meta_name.empty()) {
    if (Extension(meta_name) != ".csv" && Extension(meta_name) != ".xlsx") {
      return Fail(ErrorCode::kInvalid, "Een metadatabestand moet een .csv- of .xlsx-bestand zijn.", "meta");
    }
    auto written = TempUpload::Write(*meta_bytes, meta_name);
    if (!written) return Fail(written.error());
    meta.emplace(std::move(*written));
    options.metadata_path = meta->path();
  }
  auto summary = areas::ImportIndicators(db, *req.principal, path, options);
  if (!summary) {
    Error e = WithUserFileName(summary.error(), path, filename);
    return Fail(meta ? WithUserFileName(std::move(e), meta->path(), meta_name) : std::move(e));
  }
  std::string caption = "Eigen cijfers: " + std::string(text::Trim(options.source));
  if (!options.reliability.empty()) caption += " (betrouwbaarheid " + options.reliability + ")";
  return ValuesSummary(std::move(caption), *summary);
}

Response Import(App& app, Request& req) {
  Kind kind = KindOf(req);
  std::string filename = req.Form("file.filename").value_or("");
  auto bytes = req.Form("file");
  if (!bytes || filename.empty() || bytes->empty()) {
    return FormWithError(req, Error{ErrorCode::kInvalid, "Kies een bestand om te importeren.", "file", {}});
  }
  std::string ext = Extension(filename);
  if (!ExtensionFits(kind, ext)) {
    return FormWithError(req, Error{ErrorCode::kInvalid, std::string(WrongExtension(kind)), "file", {}});
  }
  std::optional<int> year;
  if (auto y = req.Form("year"); y && !text::Trim(*y).empty() && kind != Kind::kIndicators) {
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
  if (kind == Kind::kCbs || kind == Kind::kNabijheid) {
    auto summary = kind == Kind::kCbs ? areas::ImportCbs(lease->db(), *req.principal, path, year)
                                      : areas::ImportCbsNabijheid(lease->db(), *req.principal, path, year);
    if (!summary) return FormWithError(req, WithUserFileName(summary.error(), path, filename));
    result["values"] = ValuesSummary(
        (kind == Kind::kCbs ? "Kerncijfers " : "Nabijheid voorzieningen ") + std::to_string(summary->year), *summary);
  } else if (kind == Kind::kIndicators) {
    auto summary = ImportOwnFigures(lease->db(), req, path, filename);
    if (!summary) return FormWithError(req, summary.error());
    result["values"] = std::move(*summary);
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
  const auto& part = result.contains("values") ? result["values"] : result["boundaries"];
  result["has_skipped"] = !part["skipped"].empty();
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
