// Search (ADR 13, "Search" and "As built"): full text, filters, near, open at, ranking, reasons.
//
// Words: the query is folded and split like the index (SearchText); common Dutch function words
// ("de", "voor", "met", ...) are dropped unless nothing else is left. Every stem must occur (AND);
// a stem of four letters or more also matches as a prefix, so "buurt" finds "buurthuis" (Dutch
// compounds) and a half-typed word still finds. When no service has all words, the search falls
// back to any of them (OR), and bm25 ranks services with more of the words first.
//
// Order: services serving the asked area first (area_served, else near_area, else the buurt of the
// near point: a service_area that is the area, an ancestor or a descendant, or a location in it);
// then relevance -bm25(socialmap_search, 10, 5, 3, 1, 1) when there are words; then the distance
// to the nearest location; then (without words) the name; last the row number.
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "open_at.h"
#include "search_store.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/search.h"
#include "wk/socialmap/search_text.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/db.h"

namespace wk::socialmap {
namespace {

constexpr double kServesAreaBoost = 10000;  // above any bm25 sum: serving the area comes first
constexpr int kMaxLimit = 200;

constexpr std::string_view kStopWords[] = {"de",  "het",  "een",  "en",    "of",   "voor", "met",    "van",  "in",
                                           "op",  "aan",  "bij",  "te",    "naar", "die",  "dat",    "er",   "om",
                                           "tot", "ik",   "mijn", "we",    "wij",  "zoek", "zoeken", "iets", "iemand",
                                           "is",  "zijn", "wil",  "graag", "die",  "deze", "als",    "ook"};

// A word of the query: as typed (folded), and its stem.
struct QueryWord {
  std::string word, stem;
  bool prefix = false;
};

std::vector<QueryWord> QueryWords(std::string_view text) {
  const std::string folded = text::FoldForSearch(text);
  std::vector<QueryWord> all;
  std::unordered_set<std::string> seen;
  std::size_t i = 0;
  auto is_word = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; };
  while (i < folded.size()) {
    while (i < folded.size() && !is_word(static_cast<unsigned char>(folded[i]))) ++i;
    const std::size_t start = i;
    while (i < folded.size() && is_word(static_cast<unsigned char>(folded[i]))) ++i;
    if (i == start) break;
    QueryWord w;
    w.word = folded.substr(start, i - start);
    w.stem = SearchText(w.word);
    w.prefix = w.stem.size() >= 4;
    if (!w.stem.empty() && seen.insert(w.stem).second) all.push_back(std::move(w));
  }
  std::vector<QueryWord> kept;
  for (const auto& w : all) {
    if (std::find(std::begin(kStopWords), std::end(kStopWords), w.word) == std::end(kStopWords)) kept.push_back(w);
  }
  return kept.empty() ? all : kept;
}

// The FTS5 expression: each stem quoted (stems hold letters and digits only), "*" for a prefix.
std::string MatchExpression(const std::vector<QueryWord>& words, std::string_view op) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += op;
    out += '"' + w.stem + '"' + (w.prefix ? "*" : "");
  }
  return out;
}

// An area with what "serving it" means: a service_area extent among `extents` (the area, its
// ancestors, its descendants) or a location in one of `location_areas` (the area, its descendants).
struct AreaFamily {
  areas::Area area;
  std::vector<std::string> extents, location_areas;
};

Result<AreaFamily> FamilyOf(store::Db& db, const std::string& code, std::string_view field) {
  auto area = areas::GetArea(db, code);
  if (!area) {
    if (area.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kInvalid, "Onbekend gebied: " + code + ".", std::string(field));
    }
    return Fail(area.error());
  }
  AreaFamily family{*area, {code}, {code}};
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  for (const auto& a : *ancestors) family.extents.push_back(a.code);
  std::vector<std::string> queue = {code};
  while (!queue.empty()) {
    const std::string parent = queue.back();
    queue.pop_back();
    auto children = areas::Children(db, parent);
    if (!children) return Fail(children.error());
    for (const auto& c : *children) {
      family.extents.push_back(c.code);
      family.location_areas.push_back(c.code);
      queue.push_back(c.code);
    }
  }
  return family;
}

// Vocabulary codes to term ids; kInvalid naming the field for an unknown code.
Result<std::vector<std::string>> TermIds(std::string_view taxonomy, const std::vector<std::string>& codes,
                                         std::string_view unknown, std::string_view field) {
  std::vector<std::string> ids;
  for (const auto& code : codes) {
    const Term* term = FindTerm(taxonomy, code);
    if (term == nullptr) return Fail(ErrorCode::kInvalid, std::string(unknown) + code + ".", std::string(field));
    ids.push_back(term->id);
  }
  return ids;
}

std::string TermNames(std::string_view taxonomy, const std::vector<std::string>& asked,
                      const std::vector<std::string>& has) {
  std::string out;
  for (const auto& code : asked) {
    if (std::find(has.begin(), has.end(), code) == has.end()) continue;
    const Term* term = FindTerm(taxonomy, code);
    if (term == nullptr) continue;
    if (!out.empty()) out += ", ";
    out += term->name;
  }
  return out;
}

struct Ranked {
  search_sql::Candidate c;
  std::optional<double> distance;
  std::string sort_name;
};

// The reasons of one hit, in a fixed order: words, filters, area, distance, open.
std::vector<MatchReason> ReasonsFor(const SearchQuery& q, const Service& s, const Ranked& r,
                                    const std::vector<QueryWord>& words, std::string_view indexed,
                                    const std::optional<AreaFamily>& asked_area) {
  std::vector<MatchReason> out;
  std::string matched;
  for (const auto& w : words) {
    if (StemSearch(w.stem, w.prefix).NextToken(indexed) == std::string_view::npos) continue;
    if (!matched.empty()) matched += ", ";
    matched += w.word;
  }
  if (!matched.empty()) out.push_back({"tekst", "Woorden: " + matched});
  struct ListReason {
    std::string_view taxonomy, label;
    const std::vector<std::string>& asked;
    const std::vector<std::string>& has;
  };
  const ListReason lists[] = {{kDomainTaxonomy, "Domein: ", q.domains, s.domains},
                              {kLawTaxonomy, "Wet: ", q.laws, s.laws},
                              {kTargetGroupTaxonomy, "Doelgroep: ", q.target_groups, s.target_groups},
                              {kAccessTaxonomy, "Toegang: ", q.access_routes, s.access_routes}};
  for (const auto& l : lists) {
    const std::string names = TermNames(l.taxonomy, l.asked, l.has);
    if (!names.empty()) out.push_back({"filter", std::string(l.label) + names});
  }
  if (q.formal) out.push_back({"filter", *q.formal ? "Formele partij" : "Informele partij"});
  if (q.age) out.push_back({"filter", "Leeftijd: " + std::to_string(*q.age) + " jaar"});
  if (asked_area && r.c.serves) out.push_back({"gebied", "Werkgebied: " + asked_area->area.name});
  if (r.distance) out.push_back({"afstand", "Afstand: " + text::FormatNumber(*r.distance, 1) + " km"});
  if (q.open_at) out.push_back({"open", "Open op " + FormatLocalTimeShort(*q.open_at)});
  return out;
}

// The number of index rows matching one word, for its idf. Counting a common word ("ouder"*
// matches most of a directory) costs milliseconds, and the count only changes when the index
// does, so it is kept per database file and index totals (row and token count, which change with
// nearly every index write; an edit that keeps both leaves a count off by a few rows, which moves
// an idf by a negligible amount). Process-wide, bounded: cleared when it grows past 4,096 words.
Result<std::int64_t> CachedMatchCount(store::Db& db, const search_sql::IndexTotals& totals, const std::string& match) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::int64_t> counts;
  const std::string key =
      db.path() + '\n' + std::to_string(totals.rows) + '\n' + std::to_string(totals.tokens) + '\n' + match;
  {
    std::lock_guard lock(mutex);
    if (auto it = counts.find(key); it != counts.end()) return it->second;
  }
  auto n = search_sql::CountMatches(db, match);
  if (!n) return Fail(n.error());
  std::lock_guard lock(mutex);
  if (counts.size() >= 4096) counts.clear();
  counts.emplace(key, *n);
  return *n;
}

// Near a point with words: the words on the index rows of the services within the radius
// (ForEachIndexedPointNear), scored as FTS5's bm25(socialmap_search, 10, 5, 3, 1, 1) would score
// them over the whole index (k1 1.2, b 0.75; a word's idf from the number of index rows it
// matches; a row's length in tokens over all columns; the average length from the index's
// totals), so the order is the one the ranked full-text query gives, at the cost of a few hundred
// rows instead of tens of thousands. Add() takes the rows as the query yields them (a service at
// several points comes once per point: its words are counted once, its distance is the nearest).
// The rows come already cut to the asked vocabulary terms (the points carry them). Rank() keeps
// the services that pass the other filters and have every word, or, when none of those has them
// all, any of them; it asks those filters (SQL) for the services with all words first, so they
// are evaluated for a fraction of the circle.
class NearTextScorer {
 public:
  // The services among `rids` that pass the filters, with their serves flag.
  using Filter = std::function<Result<std::unordered_map<std::int64_t, bool>>(const std::vector<std::int64_t>&)>;

  explicit NearTextScorer(const std::vector<QueryWord>& words) : words_(words) {
    for (const auto& w : words_) searches_.emplace_back(w.stem, w.prefix);
    seen_.reserve(4096);
    scored_.reserve(4096);
  }

  void Add(const search_sql::NearRowView& r, double distance) {
    auto [it, fresh] = seen_.emplace(r.rid, scored_.size());
    if (!fresh) {
      Scored& known = scored_[it->second];
      known.distance = std::min(known.distance, distance);
      return;
    }
    Scored row{r.rid, distance, std::vector<double>(words_.size(), 0), static_cast<double>(r.tokens)};
    for (std::size_t c = 0; c < r.columns.size(); ++c) {
      const std::string_view column = r.columns[c];
      for (std::size_t w = 0; w < words_.size(); ++w) {
        if (const int n = Occurrences(column, searches_[w]); n > 0) row.freq[w] += kWeights[c] * n;
      }
    }
    row.words = static_cast<int>(std::count_if(row.freq.begin(), row.freq.end(), [](double f) { return f > 0; }));
    scored_.push_back(std::move(row));
  }

  // The nearest distance of a service added.
  double DistanceOf(std::int64_t rid) const { return scored_[seen_.at(rid)].distance; }

  // `filter` nullptr: every service passes, none serves the asked area.
  Result<std::vector<search_sql::Candidate>> Rank(store::Db& db, const Filter& filter) const {
    constexpr double kK1 = 1.2, kB = 0.75;
    const int all = static_cast<int>(words_.size());
    std::unordered_map<std::int64_t, bool> passed;
    auto pass = [&](auto keep) -> Result<void> {
      std::vector<std::int64_t> rids;
      for (const auto& row : scored_) {
        if (keep(row.words)) rids.push_back(row.rid);
      }
      if (rids.empty()) return {};
      if (!filter) {
        for (auto rid : rids) passed.emplace(rid, false);
        return {};
      }
      auto ok = filter(rids);
      if (!ok) return Fail(ok.error());
      passed = std::move(*ok);
      return {};
    };
    if (auto done = pass([all](int words) { return words == all; }); !done) return Fail(done.error());
    if (passed.empty() && all > 1) {
      if (auto done = pass([all](int words) { return words > 0 && words < all; }); !done) return Fail(done.error());
    }
    std::vector<search_sql::Candidate> out;
    if (passed.empty()) return out;
    auto totals = search_sql::ReadIndexTotals(db);
    if (!totals) return Fail(totals.error());
    const double rows_total = static_cast<double>(std::max<std::int64_t>(1, totals->rows));
    const double average = std::max(1e-9, static_cast<double>(totals->tokens) / rows_total);
    std::vector<double> idf;
    for (const auto& w : words_) {
      auto hits = CachedMatchCount(db, *totals, MatchExpression({w}, ""));
      if (!hits) return Fail(hits.error());
      const double n = static_cast<double>(*hits);
      const double v = std::log((rows_total - n + 0.5) / (n + 0.5));
      idf.push_back(v <= 0 ? 1e-6 : v);
    }
    for (const auto& row : scored_) {
      auto it = passed.find(row.rid);
      if (it == passed.end()) continue;
      double score = 0;
      for (std::size_t w = 0; w < words_.size(); ++w) {
        const double f = row.freq[w];
        score += idf[w] * (f * (kK1 + 1)) / (f + kK1 * (1 - kB + kB * row.tokens / average));
      }
      out.push_back(search_sql::Candidate{row.rid, score, it->second, {}});
    }
    return out;
  }

 private:
  static constexpr std::array<double, 5> kWeights = {10, 5, 3, 1, 1};

  // How many tokens of the column match the word (StemSearch::NextToken): a search for the stem
  // instead of splitting the column, for some 2,500 rows of 30 to 80 words in a 10 km circle.
  static int Occurrences(std::string_view column, const StemSearch& search) {
    int n = 0;
    for (std::size_t at = search.NextToken(column); at != std::string_view::npos;
         at = search.NextToken(column, at + 1)) {
      ++n;
    }
    return n;
  }

  struct Scored {
    std::int64_t rid = 0;
    double distance = 0;
    std::vector<double> freq;  // per word: the weighted count of its tokens
    double tokens = 0;
    int words = 0;  // how many of the words occur
  };
  const std::vector<QueryWord>& words_;
  std::vector<StemSearch> searches_;  // per word
  std::vector<Scored> scored_;
  std::unordered_map<std::int64_t, std::size_t> seen_;
};

}  // namespace

Result<SearchResult> Search(store::Db& db, const SearchQuery& q) {
  search_sql::CandidateSpec spec;
  spec.include_archived = q.include_archived;
  auto domains = TermIds(kDomainTaxonomy, q.domains, "Onbekend domein: ", "domein");
  if (!domains) return Fail(domains.error());
  auto laws = TermIds(kLawTaxonomy, q.laws, "Onbekende wet: ", "wet");
  if (!laws) return Fail(laws.error());
  auto groups = TermIds(kTargetGroupTaxonomy, q.target_groups, "Onbekende doelgroep: ", "doelgroep");
  if (!groups) return Fail(groups.error());
  auto access = TermIds(kAccessTaxonomy, q.access_routes, "Onbekende toegang: ", "toegang");
  if (!access) return Fail(access.error());
  spec.domain_terms = std::move(*domains);
  spec.law_terms = std::move(*laws);
  spec.group_terms = std::move(*groups);
  spec.access_terms = std::move(*access);
  spec.formal = q.formal;
  if (q.age && (*q.age < 0 || *q.age > 130)) {
    return Fail(ErrorCode::kInvalid, "Geef een leeftijd tussen 0 en 130.", "leeftijd");
  }
  spec.age = q.age;

  // The place: a point, or an area's centre (the middle of its boundary's bounding box).
  std::optional<double> lat = q.near_lat, lon = q.near_lon;
  if (lat.has_value() != lon.has_value() || (lat && (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180))) {
    return Fail(ErrorCode::kInvalid, "Geef een punt als breedte,lengte, bijvoorbeeld 52.09,5.12.", "bij");
  }
  std::optional<AreaFamily> asked_area;
  if (!q.area_served.empty()) {
    auto family = FamilyOf(db, q.area_served, "gebied");
    if (!family) return Fail(family.error());
    spec.served_extents = family->extents;
    spec.served_location_areas = family->location_areas;
    asked_area = std::move(*family);
  }
  if (!q.near_area.empty() && !lat) {
    auto family = FamilyOf(db, q.near_area, "gebied");
    if (!family) return Fail(family.error());
    if (!family->area.bbox) {
      return Fail(ErrorCode::kInvalid, "Van " + family->area.name + " is geen grens bekend, dus geen afstand.",
                  "gebied");
    }
    const auto& b = *family->area.bbox;
    lat = (b.min_lat + b.max_lat) / 2;
    lon = (b.min_lon + b.max_lon) / 2;
    if (!asked_area) asked_area = std::move(*family);
  } else if (lat && !asked_area) {
    auto located = areas::Locate(db, *lon, *lat);
    if (!located) return Fail(located.error());
    if (located->buurt) {
      auto family = FamilyOf(db, located->buurt->code, "bij");
      if (!family) return Fail(family.error());
      asked_area = std::move(*family);
    }
  }
  if (asked_area && spec.served_extents.empty()) {
    spec.boost_extents = asked_area->extents;
    spec.boost_location_areas = asked_area->location_areas;
  }

  const std::vector<QueryWord> words = QueryWords(q.text);

  // Near with a radius: the services with a point in the radius (the grid cells the circle touches,
  // then the great circle). With words, the points come with their services' index rows; the words
  // are matched and ranked on those rows only (NearTextScorer), the filters asked for the services
  // with the words, instead of ranking every match in the land and dropping the ones far away.
  std::unordered_map<std::int64_t, double> nearest;
  const bool radius = lat && q.radius_km > 0;
  std::vector<search_sql::Candidate> candidates;
  if (radius) {
    const search_sql::Circle circle{*lat, *lon, q.radius_km};
    if (!words.empty()) {
      NearTextScorer scorer(words);
      // The vocabulary filters are tested on the points themselves (they carry their service's
      // terms), and so is whether a row has any of the words; what remains (party kind, age, area
      // served, the boost) is asked per service.
      search_sql::PointFilter on_points{FilterBits(spec.domain_terms), FilterBits(spec.law_terms),
                                        FilterBits(spec.group_terms), FilterBits(spec.access_terms), ""};
      for (const auto& w : words) {
        if (!on_points.stems.empty()) on_points.stems += ' ';
        on_points.stems += w.stem + (w.prefix ? "*" : "");
      }
      search_sql::CandidateSpec rest = spec;
      rest.domain_terms.clear();
      rest.law_terms.clear();
      rest.group_terms.clear();
      rest.access_terms.clear();
      auto each = search_sql::ForEachIndexedPointNear(db, circle, on_points, [&](const search_sql::NearRowView& row) {
        const double d = search_sql::DistanceKm(*lat, *lon, row.lat, row.lon);
        if (d <= q.radius_km) scorer.Add(row, d);
      });
      if (!each) return Fail(each.error());
      NearTextScorer::Filter filter;
      if (search_sql::HasConditions(rest)) {
        filter = [&](const std::vector<std::int64_t>& rids) -> Result<std::unordered_map<std::int64_t, bool>> {
          search_sql::CandidateSpec only = rest;
          only.only_rids = rids;
          // Only services with an index row have words, and the index holds no archived service
          // (nor one of an archived party): no need to look that up again per service.
          only.include_archived = true;
          auto passed = search_sql::SelectCandidates(db, only);
          if (!passed) return Fail(passed.error());
          std::unordered_map<std::int64_t, bool> out;
          for (const auto& c : *passed) out.emplace(c.rid, c.serves);
          return out;
        };
      }
      auto matched = scorer.Rank(db, filter);
      if (!matched) return Fail(matched.error());
      candidates = std::move(*matched);
      for (const auto& c : candidates) nearest.emplace(c.rid, scorer.DistanceOf(c.rid));
    } else {
      auto points = search_sql::PointsNear(db, circle);
      if (!points) return Fail(points.error());
      for (const auto& p : *points) {
        const double d = search_sql::DistanceKm(*lat, *lon, p.lat, p.lon);
        if (d > q.radius_km) continue;
        auto [it, fresh] = nearest.emplace(p.rid, d);
        if (!fresh) it->second = std::min(it->second, d);
      }
      spec.only_rids.emplace();
      for (const auto& [rid, d] : nearest) spec.only_rids->push_back(rid);
      if (!spec.only_rids->empty()) {
        auto all = search_sql::SelectCandidates(db, spec);
        if (!all) return Fail(all.error());
        candidates = std::move(*all);
      }
    }
  } else if (!words.empty()) {
    spec.match = MatchExpression(words, " AND ");
    auto all = search_sql::SelectCandidates(db, spec);
    if (!all) return Fail(all.error());
    candidates = std::move(*all);
    if (candidates.empty() && words.size() > 1) {
      spec.match = MatchExpression(words, " OR ");
      auto any = search_sql::SelectCandidates(db, spec);
      if (!any) return Fail(any.error());
      candidates = std::move(*any);
    }
  } else {
    auto all = search_sql::SelectCandidates(db, spec);
    if (!all) return Fail(all.error());
    candidates = std::move(*all);
  }

  // Distances, the radius, and "open at".
  std::vector<Ranked> ranked;
  ranked.reserve(candidates.size());
  if (radius) {
    for (auto& c : candidates) {
      auto it = nearest.find(c.rid);
      if (it != nearest.end()) ranked.push_back({std::move(c), it->second, {}});
    }
  } else {
    for (auto& c : candidates) ranked.push_back({std::move(c), std::nullopt, {}});
    if (lat && !ranked.empty()) {
      std::vector<std::int64_t> rids;
      for (const auto& r : ranked) rids.push_back(r.c.rid);
      auto points = search_sql::PointsOfServices(db, rids);
      if (!points) return Fail(points.error());
      for (const auto& p : *points) {
        const double d = search_sql::DistanceKm(*lat, *lon, p.lat, p.lon);
        auto [it, fresh] = nearest.emplace(p.rid, d);
        if (!fresh) it->second = std::min(it->second, d);
      }
      for (auto& r : ranked) {
        if (auto it = nearest.find(r.c.rid); it != nearest.end()) r.distance = it->second;
      }
    }
  }
  if (q.open_at && !ranked.empty()) {
    std::vector<std::int64_t> rids;
    for (const auto& r : ranked) rids.push_back(r.c.rid);
    auto schedules = search_sql::SchedulesOfServices(db, rids);
    if (!schedules) return Fail(schedules.error());
    std::unordered_set<std::int64_t> open;
    for (const auto& s : *schedules) {
      if (!s.outside_subset && OpenAt(s.schedule, *q.open_at) == OpenState::kOpen) open.insert(s.rid);
    }
    std::erase_if(ranked, [&](const Ranked& r) { return !open.contains(r.c.rid); });
  }

  // Order, then the page.
  const bool by_text = !words.empty();
  if (!by_text) {
    for (auto& r : ranked) r.sort_name = text::FoldForSearch(r.c.name);
  }
  auto before = [by_text](const Ranked& a, const Ranked& b) {
    if (a.c.serves != b.c.serves) return a.c.serves;
    if (by_text && a.c.relevance != b.c.relevance) return a.c.relevance > b.c.relevance;
    if (a.distance.has_value() != b.distance.has_value()) return a.distance.has_value();
    if (a.distance && *a.distance != *b.distance) return *a.distance < *b.distance;
    if (!by_text && a.sort_name != b.sort_name) return a.sort_name < b.sort_name;
    return a.c.rid < b.c.rid;
  };
  SearchResult result;
  result.total = static_cast<int>(ranked.size());
  const std::size_t offset = static_cast<std::size_t>(std::max(0, q.offset));
  const std::size_t limit = static_cast<std::size_t>(std::clamp(q.limit, 1, kMaxLimit));
  if (offset >= ranked.size()) return result;
  const std::size_t end = std::min(ranked.size(), offset + limit);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(), before);

  std::vector<std::int64_t> page;
  for (std::size_t i = offset; i < end; ++i) page.push_back(ranked[i].c.rid);
  auto services = search_sql::ReadServices(db, page);
  if (!services) return Fail(services.error());
  std::unordered_map<std::int64_t, std::string> indexed;  // the hit's stemmed index text
  if (by_text) {
    auto texts = search_sql::IndexedText(db, page);
    if (!texts) return Fail(texts.error());
    for (auto& [rid, t] : *texts) indexed[rid] = std::move(t);
  }
  for (std::size_t i = 0; i < services->size(); ++i) {
    if (!(*services)[i]) continue;
    const Ranked& r = ranked[offset + i];
    SearchHit hit;
    hit.score = r.c.relevance + (r.c.serves ? kServesAreaBoost : 0);
    hit.distance_km = r.distance;
    hit.reasons = ReasonsFor(q, *(*services)[i], r, words, indexed[r.c.rid], asked_area);
    hit.service = std::move(*(*services)[i]);
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace wk::socialmap
