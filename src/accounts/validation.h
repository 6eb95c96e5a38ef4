// Input rules and the permission check shared by the accounts use cases. Private to the module.
#pragma once

#include <string>
#include <string_view>

#include "wk/accounts/principal.h"
#include "wk/core/error.h"

namespace wk::accounts {

// kPermissionDenied "U hebt geen toestemming om dit te doen." unless the principal's role allows `action`.
Result<void> CheckPermission(const Principal& principal, Action action);

// The name used for throttling and look-ups: trimmed, ASCII lower case.
std::string FoldAccountName(std::string_view name);

// A team name: 2-100 characters after trimming (field "naam").
Result<std::string> ValidateTeamName(std::string_view name);
// An API token name: 1-100 characters after trimming (field "naam").
Result<std::string> ValidateTokenName(std::string_view name);

// Number of Unicode code points in UTF-8 text (continuation bytes are not counted).
std::size_t CountCodePoints(std::string_view s);

// Unix seconds as UTC ISO 8601 ("2026-11-29T10:15:02Z"), like store::NowUtc().
std::string IsoFromUnix(std::int64_t seconds);

}  // namespace wk::accounts
