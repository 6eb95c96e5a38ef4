// The full-text index of the social map (ADR 13): one row per searchable service in the FTS5
// table socialmap_search (rowid = socialmap_service.rid), holding stemmed text (SearchText) of
//   name            the service's name
//   alternate_name  its alternate name
//   target_groups   the Dutch names of its target groups and domains ("Mensen die zich eenzaam
//                   voelen", "Ontmoeting"): the need parser searches words naming them as text,
//                   so a tagged service must hold them (the column keeps its name from 0005)
//   description     its description and eligibility
//   party_name      the party's name and alternate name
// in the column order of the bm25 weights 10, 5, 3, 1, 1, and beside it the service's vocabulary
// terms as bits (socialmap_search_terms, migration 0007), which the points carry for the filters
// of a near search. Archived services, and services of an archived party, have no row: a text
// search never finds them.
#include "search_store.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/search_text.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

std::string Joined(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + " " + std::string(b);
}

search_sql::IndexRow RowOf(const search_sql::IndexSource& src) {
  std::string groups;
  for (const auto& id : src.term_ids) {
    const Term* term = FindTermById(id);
    if (term != nullptr && (term->taxonomy == kTargetGroupTaxonomy || term->taxonomy == kDomainTaxonomy)) {
      groups = Joined(groups, term->name);
    }
  }
  return search_sql::IndexRow{SearchText(src.name),
                              SearchText(src.alternate_name),
                              SearchText(groups),
                              SearchText(Joined(src.description, src.eligibility)),
                              SearchText(Joined(src.party_name, src.party_alternate_name)),
                              FilterBits(src.term_ids)};
}

}  // namespace

Result<void> RefreshSearchIndex(store::Db& db, const std::string& service_id) {
  auto src = search_sql::ReadIndexSource(db, service_id);
  if (!src) return Fail(src.error());
  if (!*src) return search_sql::DeleteOrphanIndexRows(db);  // gone: its rid is unknown now
  if ((*src)->archived) return search_sql::DeleteIndexRow(db, (*src)->rid);
  return search_sql::WriteIndexRow(db, (*src)->rid, RowOf(**src));
}

Result<void> RebuildSearchIndex(store::Db& db) {
  if (auto begun = search_sql::BeginSavepoint(db); !begun) return begun;
  auto rebuilt = [&]() -> Result<void> {
    if (auto cleared = search_sql::DeleteAllIndexRows(db); !cleared) return cleared;
    auto inserted = search_sql::ForEachIndexSource(db, [&](const search_sql::IndexSource& src) -> Result<void> {
      return search_sql::InsertIndexRow(db, src.rid, RowOf(src), search_sql::PointWords::kLater);
    });
    if (!inserted) return inserted;
    return search_sql::CopyWordsToAllPoints(db);
  }();
  if (!rebuilt) {
    search_sql::RollbackSavepoint(db);
    return rebuilt;
  }
  return search_sql::ReleaseSavepoint(db);
}

}  // namespace wk::socialmap
