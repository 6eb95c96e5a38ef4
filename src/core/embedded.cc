#include "wk/core/embedded.h"

namespace wk::embedded {

std::optional<std::string_view> Find(std::span<const Entry> set, std::string_view path) {
  for (const Entry& e : set) {
    if (path == e.path) return e.bytes();
  }
  return std::nullopt;
}

}  // namespace wk::embedded
