// JSON written straight into a string, for answers where building an nlohmann::json tree first
// costs more than the work behind them (the social map's search: 20 services of some 40 members
// each, half a millisecond as a tree). The text is the one nlohmann's dump() gives for the same
// tree, byte for byte: the caller writes an object's keys in sorted order (nlohmann keeps them in
// a std::map), strings are escaped as dump() escapes them (and a string that is not UTF-8 goes
// through dump(), which refuses it as before), numbers are formatted by nlohmann. The tests
// compare each text with json::parse(text).dump(). Private to web.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wk::web {

class JsonText {
 public:
  JsonText& BeginObject();
  JsonText& EndObject();
  JsonText& BeginArray();
  JsonText& EndArray();
  // An object member's key: plain ASCII, in sorted order within its object (not checked here).
  JsonText& Key(std::string_view key);
  JsonText& String(std::string_view value);
  JsonText& Strings(const std::vector<std::string>& values);  // an array of strings
  JsonText& Number(double value);
  JsonText& Int(std::int64_t value);
  JsonText& Bool(bool value);
  JsonText& Null();
  JsonText& OptionalString(const std::string& value);  // null when empty
  JsonText& OptionalNumber(const std::optional<double>& value);
  JsonText& OptionalInt(const std::optional<int>& value);
  // JSON written elsewhere (nlohmann's dump, another JsonText), as a value.
  JsonText& Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separate();
  std::string out_;
  bool first_ = true;  // no value yet in the innermost object or array
  bool after_key_ = false;
};

}  // namespace wk::web
