// Small helpers around GDAL/OGR shared by the readers of this module: one-time driver
// registration, errors turned into values, and in-memory files (/vsimem/) for embedded data.
// Private to the areas module; no GDAL header leaks out of it.
#pragma once

#include <string>
#include <string_view>

namespace wk::areas::gdal {

// Registers GDAL's drivers once per process (thread-safe).
void EnsureRegistered();

// The message of the last GDAL error on this thread, or `fallback` when there is none.
std::string LastErrorMessage(std::string_view fallback);

// Silences GDAL's default stderr error handler for the lifetime of the object (this thread);
// the errors stay available through LastErrorMessage.
class QuietErrors {
 public:
  QuietErrors();
  ~QuietErrors();
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

// A file in GDAL's in-memory file system over bytes the caller keeps alive (embedded data is
// static), unlinked on destruction. `name` becomes the file name, so drivers see its extension.
class MemFile {
 public:
  MemFile(std::string_view bytes, std::string_view name);
  ~MemFile();
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace wk::areas::gdal
