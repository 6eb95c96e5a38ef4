// The rules for names, passwords and area codes. CBS area codes: a municipality is GM + 4 digits,
// a district (wijk) WK + the municipality's 4 digits + 2, a neighbourhood (buurt) BU + the wijk's 6
// + 2; those added characters are digits or capital letters (Amsterdam: WK0363AA, BU0363AA01).
// The same rule as areas::LevelOfCode (areas sits above accounts and cannot be used here).
#include "validation.h"

#include <algorithm>
#include <ctime>

#include "wk/accounts/users.h"
#include "wk/core/text.h"

namespace wk::accounts {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_' || c == '@';
}

bool IsAreaCode(std::string_view code) {
  std::size_t digits = 0;
  if (code.starts_with("GM")) digits = 4;
  if (code.starts_with("WK")) digits = 6;
  if (code.starts_with("BU")) digits = 8;
  if (digits == 0 || code.size() != 2 + digits) return false;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return std::all_of(code.begin() + 2, code.begin() + 6, digit) &&
         std::all_of(code.begin() + 6, code.end(), [&](char c) { return digit(c) || (c >= 'A' && c <= 'Z'); });
}

}  // namespace

Result<void> CheckPermission(const Principal& principal, Action action) {
  if (!Can(principal, action)) return Fail(ErrorCode::kPermissionDenied, "U hebt geen toestemming om dit te doen.");
  return {};
}

std::string FoldAccountName(std::string_view name) {
  return text::ToLowerAscii(text::Trim(name));
}

std::size_t CountCodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Result<void> ValidateUserName(std::string_view name) {
  if (text::Trim(name).empty()) return Fail(ErrorCode::kInvalid, "Vul een gebruikersnaam in.", "naam");
  if (name.size() < 2 || name.size() > 64 || !std::all_of(name.begin(), name.end(), IsNameChar)) {
    return Fail(ErrorCode::kInvalid,
                "Een gebruikersnaam heeft 2 tot 64 tekens: letters, cijfers, punt, streepje, liggend streepje of @.",
                "naam");
  }
  return {};
}

Result<void> ValidatePassword(std::string_view password, std::string_view field) {
  std::size_t n = CountCodePoints(password);
  if (n < kMinPasswordLength) {
    return Fail(ErrorCode::kInvalid, "Een wachtwoord heeft minstens " + std::to_string(kMinPasswordLength) + " tekens.",
                std::string(field));
  }
  if (n > kMaxPasswordLength) {
    return Fail(ErrorCode::kInvalid,
                "Een wachtwoord heeft hoogstens " + std::to_string(kMaxPasswordLength) + " tekens.",
                std::string(field));
  }
  return {};
}

Result<std::string> ValidateTeamName(std::string_view name) {
  std::string trimmed(text::Trim(name));
  std::size_t n = CountCodePoints(trimmed);
  if (n == 0) return Fail(ErrorCode::kInvalid, "Vul een teamnaam in.", "naam");
  if (n < 2 || n > 100) return Fail(ErrorCode::kInvalid, "Een teamnaam heeft 2 tot 100 tekens.", "naam");
  return trimmed;
}

Result<std::string> ValidateTokenName(std::string_view name) {
  std::string trimmed(text::Trim(name));
  std::size_t n = CountCodePoints(trimmed);
  if (n == 0)
    return Fail(ErrorCode::kInvalid, "Geef het token een naam, bijvoorbeeld waarvoor u het gebruikt.", "naam");
  if (n > 100) return Fail(ErrorCode::kInvalid, "De naam van een token heeft hoogstens 100 tekens.", "naam");
  return trimmed;
}

Result<std::vector<std::string>> ParseAreaCodes(std::string_view codes) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&]() -> Result<void> {
    std::string typed = std::move(current);
    current.clear();
    if (typed.empty()) return {};
    std::string code = typed;
    std::transform(code.begin(), code.end(), code.begin(),
                   [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; });
    if (!IsAreaCode(code)) {
      // Echo the code only when it is short printable ASCII (it ends up in HTML and JSON).
      bool printable =
          typed.size() <= 20 && std::all_of(typed.begin(), typed.end(), [](char c) { return c > ' ' && c < 127; });
      return Fail(
          ErrorCode::kInvalid,
          "Ongeldige gebiedscode" + (printable ? " '" + typed + "'" : std::string()) +
              ": verwacht GM met 4 cijfers, WK met 6 tekens of BU met 8 (bijvoorbeeld GM0344, WK034401, BU03440101).",
          "gebieden");
    }
    out.push_back(std::move(code));
    return {};
  };
  for (char c : codes) {
    if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (auto r = flush(); !r) return Fail(r.error());
    } else {
      current += c;
    }
  }
  if (auto r = flush(); !r) return Fail(r.error());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string IsoFromUnix(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace wk::accounts
