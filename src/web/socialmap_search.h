// The social map's search page (/sociale-kaart/zoeken, issue 4): its parameters, how they become
// a socialmap::SearchQuery, and the view of the results. Private to web; the handler is in
// socialmap_search_pages.cc.
//
// Parameters (all optional, GET):
//   behoefte   a need in plain words ("eenzaam, 75+, Overvecht"), read by socialmap::ParseNeed
//   domein, wet, doelgroep, toegang   vocabulary codes, repeated (checkboxes): any of each list
//   formeel    "ja" / "nee"           gebied   an area's CBS code or exact name
//   leeftijd   0..130                 open     "2026-12-01T10:30" (datetime-local)
//   bij        "52.09,5.12"           straal   km around `bij` (default 2)
//   pagina     1, 2, ...
// A form field wins over what the need says (an explicit gebied over an area in the need).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "http.h"
#include "wk/core/error.h"
#include "wk/socialmap/search.h"
#include "wk/store/db.h"

namespace wk::web {

inline constexpr int kSearchPageSize = 20;

// The page's parameters as typed (strings), so the form can show them again.
struct SearchParams {
  bool searched = false;  // any parameter was given (an empty "behoefte" too: list everything)
  std::string need;
  std::vector<std::string> domains, laws, target_groups, access_routes;
  std::string formal;  // "", "ja", "nee"
  std::string area;
  std::string age;
  std::string open_at;
  std::string near;
  std::string radius;  // "" = the default
  int page = 1;
};

SearchParams ReadSearchParams(const Request& req);

// The query string of `params` (for paging links and "search without filters"); `page` 1 is left
// out. Values are percent-encoded; the order is fixed.
std::string SearchQueryString(const SearchParams& params, int page = 1);

// The search the parameters ask for. kInvalid with `field` naming the parameter and a Dutch
// message ("Geef een leeftijd tussen 0 en 130.", "Onbekend gebied: Atlantis."); kInternal on a
// database error. `understood` receives what the need was read as (ParsedNeed::understood).
Result<socialmap::SearchQuery> BuildSearchQuery(store::Db& db, const SearchParams& params,
                                                std::vector<socialmap::MatchReason>* understood);

// The template's data of the hits, numbered from `first_number` (the list's and the map's numbers):
//   {"hits": [{n, id, name, href, party, party_href, description, places: [{address, buurt}],
//              distance, opening: [words], reasons: [{kind, label}], status, outdated}],
//    "points": [{n, lat, lon, name, href, party, address}]}
// Buurt names are looked up once each.
Result<nlohmann::json> HitsView(store::Db& db, const socialmap::SearchResult& result, int first_number);

// A schedule in Dutch words as the pages say it (ScheduleInWords of socialmap_words.h), followed by
// " (description)" when there is one; for a rule the search cannot read, the description alone.
std::string OpeningInWords(const socialmap::Schedule& schedule);

// "Geen diensten gevonden", "1 dienst gevonden", "12 diensten gevonden".
std::string CountText(int total);

// The first sentence(s) of a description, at most `max_chars` bytes, cut at a word with "…".
std::string ShortText(std::string_view text, std::size_t max_chars = 220);

}  // namespace wk::web
