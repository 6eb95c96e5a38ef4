#include "gdal_util.h"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>

#include <atomic>
#include <mutex>

namespace wk::areas::gdal {

void EnsureRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string LastErrorMessage(std::string_view fallback) {
  const char* msg = CPLGetLastErrorMsg();
  if (msg == nullptr || *msg == '\0') return std::string(fallback);
  return msg;
}

QuietErrors::QuietErrors() {
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
}
QuietErrors::~QuietErrors() {
  CPLPopErrorHandler();
}

MemFile::MemFile(std::string_view bytes, std::string_view name) {
  static std::atomic<int> counter{0};
  path_ = "/vsimem/wijkkompas/" + std::to_string(counter.fetch_add(1)) + "/" + std::string(name);
  // GDAL does not write to a file it does not own, so handing it the static bytes is safe.
  VSILFILE* f = VSIFileFromMemBuffer(path_.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                     static_cast<vsi_l_offset>(bytes.size()), FALSE);
  if (f != nullptr) VSIFCloseL(f);
}

MemFile::~MemFile() {
  VSIUnlink(path_.c_str());
}

}  // namespace wk::areas::gdal
