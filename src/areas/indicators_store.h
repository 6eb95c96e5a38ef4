// SQL for indicators as data (migration 0004_indicators.sql): custom indicator definitions,
// national values, sources of a kind, and replacing a kind's values on re-import. Like
// areas_store.h: no permission checks, no transactions; the use cases around them do that.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "areas_store.h"
#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas::sql {

// areas_source.kind: which import made a source, and so which values a re-import replaces.
inline constexpr std::string_view kKindCbsKwb = "cbs-kwb";
inline constexpr std::string_view kKindCbsNabijheid = "cbs-nabijheid";
inline constexpr std::string_view kKindIndicators = "indicators";

// Inserts a source of `kind` with its reliability (source.reliability); returns its id.
Result<std::int64_t> InsertSourceOfKind(store::Db& db, const Source& source, std::string_view kind,
                                        std::string_view file, std::string_view imported_at);

// Removes the area's values of `year` that came from sources of `kind` (and, when `title` is
// given, of that source title only).
Result<void> DeleteAreaValuesOfKind(store::Db& db, std::string_view code, int year, std::string_view kind,
                                    std::optional<std::string_view> title);
// The same for the national values of `year`.
Result<void> DeleteNationalValuesOfKind(store::Db& db, int year, std::string_view kind,
                                        std::optional<std::string_view> title);
Result<void> UpsertNationalValue(store::Db& db, std::string_view indicator, int year, std::optional<double> value,
                                 std::int64_t source_id);
// The national values of `year` with their source.
Result<std::vector<StoredValue>> SelectNationalValues(store::Db& db, int year);

// Custom indicator definitions (custom = true), by code.
Result<std::vector<IndicatorDef>> SelectCustomIndicators(store::Db& db);
Result<std::optional<IndicatorDef>> SelectCustomIndicator(store::Db& db, std::string_view code);
// Defines or redefines a custom indicator (the newest definition wins).
Result<void> UpsertCustomIndicator(store::Db& db, const IndicatorDef& def, std::int64_t source_id);

}  // namespace wk::areas::sql
