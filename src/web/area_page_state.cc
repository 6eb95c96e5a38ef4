#include "area_page_state.h"

#include "area_data.h"

namespace wk::web {

Result<AreaPageState> ReadAreaPageState(const Request& req) {
  AreaPageState s;
  auto year = ParseYear(req.Query("jaar"), "jaar");
  if (!year) return Fail(year.error());
  s.year = *year;
  auto map_year = ParseYear(req.Query("kaartjaar"), "kaartjaar");
  if (!map_year) return Fail(map_year.error());
  s.map_year = *map_year;
  s.theme = req.Query("thema").value_or("");
  s.map_indicator = req.Query("kaart").value_or("");
  s.trend = req.Query("trend").value_or("");
  if (auto raw = req.Query("indeling"); raw && !raw->empty()) {
    auto method = ParseClassMethod(*raw);
    if (!method) return Fail(ErrorCode::kInvalid, "Kies indeling=kwantielen of indeling=gelijk.", "indeling");
    s.method = *method;
  }
  return s;
}

std::string QueryEscape(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (plain) {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string AreaPageHref(std::string_view code, const AreaPageState& state, std::string_view fragment) {
  std::string query;
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    query += (query.empty() ? "?" : "&") + std::string(name) + "=" + QueryEscape(value);
  };
  add("jaar", state.year ? std::to_string(*state.year) : "");
  add("thema", state.theme);
  add("kaart", state.map_indicator);
  add("kaartjaar", state.map_year ? std::to_string(*state.map_year) : "");
  add("indeling", state.method == ClassMethod::kQuantile ? "" : ClassMethodName(state.method));
  add("trend", state.trend);
  return "/gebied/" + std::string(code) + query + std::string(fragment);
}

}  // namespace wk::web
