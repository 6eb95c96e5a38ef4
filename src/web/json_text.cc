#include "json_text.h"

namespace wk::web {
namespace {

// Whether the bytes are UTF-8 as nlohmann's serializer accepts it (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF).
bool IsUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(n) >= s.size()) return false;  // cut off
    for (int k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(n) + 1;
  }
  return true;
}

}  // namespace

void JsonText::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) out_ += ',';
  first_ = false;
}

JsonText& JsonText::BeginObject() {
  Separate();
  out_ += '{';
  first_ = true;
  return *this;
}
JsonText& JsonText::EndObject() {
  out_ += '}';
  first_ = false;
  return *this;
}
JsonText& JsonText::BeginArray() {
  Separate();
  out_ += '[';
  first_ = true;
  return *this;
}
JsonText& JsonText::EndArray() {
  out_ += ']';
  first_ = false;
  return *this;
}

JsonText& JsonText::Key(std::string_view key) {
  Separate();
  out_ += '"';
  out_ += key;
  out_ += "\":";
  after_key_ = true;
  return *this;
}

JsonText& JsonText::String(std::string_view value) {
  Separate();
  if (!IsUtf8(value)) {
    out_ += nlohmann::json(std::string(value)).dump();  // throws as dump() does for the whole tree
    return *this;
  }
  out_ += '"';
  // Runs of characters that need no escape are appended whole.
  std::size_t run = 0;
  for (std::size_t k = 0; k < value.size(); ++k) {
    const auto c = static_cast<unsigned char>(value[k]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(value.data() + run, k - run);
    run = k + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
      }
    }
  }
  out_.append(value.data() + run, value.size() - run);
  out_ += '"';
  return *this;
}

JsonText& JsonText::Strings(const std::vector<std::string>& values) {
  BeginArray();
  for (const auto& v : values) String(v);
  return EndArray();
}

JsonText& JsonText::Number(double value) {
  return Raw(nlohmann::json(value).dump());
}
JsonText& JsonText::Int(std::int64_t value) {
  Separate();
  out_ += std::to_string(value);
  return *this;
}
JsonText& JsonText::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  return *this;
}
JsonText& JsonText::Null() {
  Separate();
  out_ += "null";
  return *this;
}
JsonText& JsonText::OptionalString(const std::string& value) {
  return value.empty() ? Null() : String(value);
}
JsonText& JsonText::OptionalNumber(const std::optional<double>& value) {
  return value ? Number(*value) : Null();
}
JsonText& JsonText::OptionalInt(const std::optional<int>& value) {
  return value ? Int(*value) : Null();
}
JsonText& JsonText::Raw(std::string_view json) {
  Separate();
  out_ += json;
  return *this;
}

}  // namespace wk::web
