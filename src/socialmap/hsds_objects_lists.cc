// The list pages of the /hsds/ API (hsds.h): organizations, services (with Search() behind the
// `search` filter), service_at_locations, taxonomies and taxonomy terms.
#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "hsds_objects_internal.h"
#include "wk/core/text.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap {
namespace {

using hsds_objects::json;
using hsds_objects::Page;
using hsds_objects::Window;

std::string Text(const json& filters, std::string_view name) {
  auto it = filters.find(name);
  return it != filters.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool Flag(const json& filters, std::string_view name) {
  auto it = filters.find(name);
  return it != filters.end() && it->is_boolean() && it->get<bool>();
}

bool Contains(const std::string& haystack, const std::string& part) {
  return part.empty() || text::FoldForSearch(haystack).find(text::FoldForSearch(part)) != std::string::npos;
}

// The service filters shared by /services and /service_at_locations, search aside.
Result<hsds_sql::ServiceFilter> ServiceFilterOf(store::Db& db, const json& filters) {
  hsds_sql::ServiceFilter f;
  f.organization_id = Text(filters, "organization_id");
  f.modified_after = Text(filters, "modified_after");
  if (auto term = Text(filters, "taxonomy_term_id"); !term.empty()) f.terms = std::vector<std::string>{term};
  if (auto taxonomy = Text(filters, "taxonomy_id"); !taxonomy.empty()) {
    auto stored = hsds_sql::TermIdsOfTaxonomy(db, taxonomy);
    if (!stored) return Fail(stored.error());
    std::vector<std::string> ids = std::move(*stored);
    for (const auto& tax : Taxonomies()) {
      if (tax.id != taxonomy) continue;
      for (const auto& t : Terms(tax.name)) ids.push_back(t.id);
    }
    f.taxonomy_terms = std::move(ids);
  }
  std::string postcode;
  for (char c : Text(filters, "postcode")) {
    if (c != ' ') postcode += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  f.postal_code = std::move(postcode);
  return f;
}

// With `search`: the ids of the best kHsdsMaxSearchHits hits of Search() that pass the other
// filters, in Search()'s order.
Result<std::vector<std::string>> SearchedIds(store::Db& db, const std::string& search, hsds_sql::ServiceFilter f) {
  SearchQuery q;
  q.text = search;
  q.limit = kHsdsMaxSearchHits;
  auto found = Search(db, q);
  if (!found) return Fail(found.error());
  std::vector<std::string> ranked;
  for (const auto& hit : found->hits) ranked.push_back(hit.service.id);
  f.only_ids = ranked;
  auto passing = hsds_sql::MatchingServiceIds(db, f);
  if (!passing) return Fail(passing.error());
  std::unordered_set<std::string> keep(passing->begin(), passing->end());
  std::erase_if(ranked, [&](const std::string& id) { return !keep.contains(id); });
  return ranked;
}

// The services of one page, for the search path (ids in order) or the plain one.
Result<std::pair<std::vector<json>, std::int64_t>> ServicesOfPage(store::Db& db, const json& filters,
                                                                  const HsdsPage& page) {
  auto f = ServiceFilterOf(db, filters);
  if (!f) return Fail(f.error());
  const auto window = Window(page);
  const std::string search(text::Trim(Text(filters, "search")));
  if (search.empty()) {
    auto total = hsds_sql::CountServices(db, *f);
    if (!total) return Fail(total.error());
    auto rows = hsds_sql::SelectServices(db, *f, window);
    if (!rows) return Fail(rows.error());
    return std::pair{std::move(*rows), *total};
  }
  auto ids = SearchedIds(db, search, *f);
  if (!ids) return Fail(ids.error());
  std::vector<json> rows;
  const auto total = static_cast<std::int64_t>(ids->size());
  for (std::int64_t i = window.offset; i < total && i < window.offset + window.limit; ++i) {
    auto row = hsds_sql::SelectService(db, (*ids)[static_cast<std::size_t>(i)]);
    if (!row) return Fail(row.error());
    if (*row) rows.push_back(std::move(**row));
  }
  return std::pair{std::move(rows), total};
}

// A page over two sequences: the compiled-in items first, then the stored ones.
template <class Stored>
Result<json> TwoPartPage(std::vector<json> compiled, const HsdsPage& page, std::int64_t stored_total, Stored&& stored) {
  const auto window = Window(page);
  const auto first = static_cast<std::int64_t>(compiled.size());
  std::vector<json> contents;
  for (std::int64_t i = window.offset; i < first && i < window.offset + window.limit; ++i) {
    contents.push_back(std::move(compiled[static_cast<std::size_t>(i)]));
  }
  const std::int64_t left = window.limit - static_cast<std::int64_t>(contents.size());
  if (left > 0 && stored_total > 0) {
    auto rows = stored(hsds_sql::PageWindow{.limit = left, .offset = std::max<std::int64_t>(0, window.offset - first)});
    if (!rows) return Fail(rows.error());
    for (auto& r : *rows) contents.push_back(std::move(r));
  }
  return Page(std::move(contents), first + stored_total, page);
}

}  // namespace

Result<json> HsdsOrganizationList(store::Db& db, const json& filters, const HsdsPage& page) {
  const std::string search(text::Trim(Text(filters, "search")));
  auto total = hsds_sql::CountOrganizations(db, search);
  if (!total) return Fail(total.error());
  auto rows = hsds_sql::SelectOrganizations(db, search, Window(page));
  if (!rows) return Fail(rows.error());
  if (Flag(filters, "full")) {
    for (auto& org : *rows) {
      auto full = hsds_objects::FullOrganization(db, std::move(org), Flag(filters, "full_service"));
      if (!full) return full;
      org = std::move(*full);
    }
  }
  return Page(std::move(*rows), *total, page);
}

Result<json> HsdsServiceList(store::Db& db, const json& filters, const HsdsPage& page) {
  auto services = ServicesOfPage(db, filters, page);
  if (!services) return Fail(services.error());
  auto& [rows, total] = *services;
  const bool minimal = Flag(filters, "minimal"), full = Flag(filters, "full");
  hsds_objects::OrganizationCache cache;
  std::vector<json> contents;
  for (auto& s : rows) {
    if (minimal) {
      json m = {{"id", s["id"]}, {"name", s["name"]}, {"status", s["status"]}};
      if (s.contains("last_modified")) m["last_modified"] = s["last_modified"];
      contents.push_back(std::move(m));
      continue;
    }
    auto item =
        full ? hsds_objects::FullService(db, std::move(s), cache) : hsds_objects::BasicService(db, std::move(s), cache);
    if (!item) return item;
    contents.push_back(std::move(*item));
  }
  return Page(std::move(contents), total, page);
}

Result<json> HsdsServiceAtLocationList(store::Db& db, const json& filters, const HsdsPage& page) {
  auto f = ServiceFilterOf(db, filters);
  if (!f) return Fail(f.error());
  const std::string search(text::Trim(Text(filters, "search")));
  if (!search.empty()) {
    auto ids = SearchedIds(db, search, *f);
    if (!ids) return Fail(ids.error());
    f->only_ids = std::move(*ids);
  }
  auto total = hsds_sql::CountServiceAtLocations(db, *f);
  if (!total) return Fail(total.error());
  auto rows = hsds_sql::SelectServiceAtLocations(db, *f, Window(page));
  if (!rows) return Fail(rows.error());
  hsds_objects::OrganizationCache cache;
  std::vector<json> contents;
  for (auto& sal : *rows) {
    auto item = hsds_objects::ServiceAtLocation(db, std::move(sal), Flag(filters, "full"), cache);
    if (!item) return item;
    contents.push_back(std::move(*item));
  }
  return Page(std::move(contents), *total, page);
}

Result<json> HsdsTaxonomyList(store::Db& db, const json& filters, const HsdsPage& page) {
  const std::string search(text::Trim(Text(filters, "search")));
  std::vector<json> compiled;
  for (auto& t : hsds_objects::ProjectTaxonomies()) {
    if (Contains(t["name"], search)) compiled.push_back(std::move(t));
  }
  const auto except = hsds_objects::ProjectTaxonomyIds();
  auto stored_total = hsds_sql::CountTaxonomies(db, except, search);
  if (!stored_total) return Fail(stored_total.error());
  return TwoPartPage(std::move(compiled), page, *stored_total,
                     [&](const hsds_sql::PageWindow& w) { return hsds_sql::SelectTaxonomies(db, except, search, w); });
}

Result<json> HsdsTaxonomyTermList(store::Db& db, const json& filters, const HsdsPage& page) {
  hsds_sql::TermFilter f;
  f.except = hsds_objects::ProjectTermIds();
  f.taxonomy_id = Text(filters, "taxonomy_id");
  f.parent_id = Text(filters, "parent_id");
  f.top_only = Flag(filters, "top_only");
  f.name_contains = std::string(text::Trim(Text(filters, "search")));
  std::vector<json> compiled;
  // The project's terms have no parents: a parent_id filter leaves them all out.
  if (f.parent_id.empty()) {
    for (auto& t : hsds_objects::ProjectTerms()) {
      if (!f.taxonomy_id.empty() && t.value("taxonomy_id", "") != f.taxonomy_id) continue;
      if (!Contains(t["name"], f.name_contains)) continue;
      compiled.push_back(std::move(t));
    }
  }
  auto stored_total = hsds_sql::CountTaxonomyTerms(db, f);
  if (!stored_total) return Fail(stored_total.error());
  return TwoPartPage(std::move(compiled), page, *stored_total,
                     [&](const hsds_sql::PageWindow& w) -> Result<std::vector<json>> {
                       auto rows = hsds_sql::SelectTaxonomyTerms(db, f, w);
                       if (!rows) return rows;
                       for (auto& t : *rows) {
                         auto full = hsds_objects::AnyTerm(db, t["id"]);
                         if (!full) return Fail(full.error());
                         if (*full) t = std::move(**full);
                       }
                       return rows;
                     });
}

}  // namespace wk::socialmap
