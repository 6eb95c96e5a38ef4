#include "downloads.h"

namespace wk::web {

Response Download(std::string body, std::string_view content_type, const std::string& file_name) {
  Response r;
  r.body = std::move(body);
  r.content_type = std::string(content_type);
  r.Header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return r;
}

std::string CsvFileName(std::string name, reports::CsvVariant variant) {
  if (variant == reports::CsvVariant::kPlain && name.ends_with(".csv")) name.insert(name.size() - 4, "-plain");
  return name;
}

}  // namespace wk::web
