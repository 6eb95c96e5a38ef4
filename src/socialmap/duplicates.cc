// Likely duplicates on create (ADR 13): a party that is probably on the map already, by the same
// phone number, the same postcode and house number, or a similar name.
//
// Name similarity is the Jaccard index of the sets of 3-grams (of code points) of the two names,
// each folded (text::FoldForSearch: lower case, Latin diacritics removed), with punctuation
// turned into spaces, runs of spaces collapsed, and two spaces added at both ends, so that the
// start and end of a name weigh as much as its middle (as PostgreSQL's pg_trgm does per word).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "map_store.h"
#include "model_validation.h"
#include "wk/core/text.h"
#include "wk/socialmap/socialmap.h"

namespace wk::socialmap {
namespace {

// The folded name with only letters, digits and single spaces, padded: "  de voorbeeldhoek  ".
std::string NameKey(std::string_view name) {
  std::string folded = text::FoldForSearch(name), out = "  ";
  for (char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
    if (keep) {
      out += c;
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out + ' ';
}

std::set<std::string> Trigrams(std::string_view name) {
  std::string key = NameKey(name);
  std::vector<std::string> points;  // UTF-8 code points
  for (std::size_t i = 0; i < key.size();) {
    std::size_t n = 1;
    while (i + n < key.size() && (static_cast<unsigned char>(key[i + n]) & 0xC0) == 0x80) ++n;
    points.push_back(key.substr(i, n));
    i += n;
  }
  std::set<std::string> grams;
  for (std::size_t i = 0; i + 3 <= points.size(); ++i) grams.insert(points[i] + points[i + 1] + points[i + 2]);
  return grams;
}

// The house number of "Burgemeester Reigerstraat 12a": the first number after the street name,
// i.e. the first run of digits after a space ("2e Daalsedijk 5" gives 5; the ordinal belongs to
// the street), else the first run of digits at all.
std::string HouseNumber(std::string_view address) {
  std::string first;
  for (std::size_t i = 0; i < address.size(); ++i) {
    if (address[i] < '0' || address[i] > '9' || (i > 0 && address[i - 1] >= '0' && address[i - 1] <= '9')) continue;
    std::size_t end = i;
    while (end < address.size() && address[end] >= '0' && address[end] <= '9') ++end;
    std::string number(address.substr(i, end - i));
    if (i > 0 && address[i - 1] == ' ') return number;
    if (first.empty()) first = number;
  }
  return first;
}

std::string Compact(std::string_view postcode) {
  std::string out;
  for (char c : postcode) {
    if (c != ' ') out += c;
  }
  return out;
}

struct Match {
  std::string name;
  double score = 0;
  std::vector<std::string> reasons;
};

void Add(std::map<std::string, Match>& found, const std::string& id, const std::string& name, double score,
         std::string reason) {
  Match& m = found[id];
  m.name = name;
  m.score = std::max(m.score, score);
  if (std::find(m.reasons.begin(), m.reasons.end(), reason) == m.reasons.end()) m.reasons.push_back(std::move(reason));
}

}  // namespace

double NameSimilarity(std::string_view a, std::string_view b) {
  auto ga = Trigrams(a), gb = Trigrams(b);
  if (text::Trim(a).empty() || text::Trim(b).empty()) return 0;
  std::size_t common = 0;
  for (const std::string& g : ga) common += gb.count(g);
  const std::size_t all = ga.size() + gb.size() - common;
  return all == 0 ? 0 : static_cast<double>(common) / static_cast<double>(all);
}

std::string NormalisePhone(std::string_view number) {
  std::string s(number);
  // "+31 (0)30 ...": the (0) is the trunk prefix written for callers inside the country.
  for (auto at = s.find("(0)"); at != std::string::npos; at = s.find("(0)")) s.erase(at, 3);
  std::string trimmed(text::Trim(s)), digits;
  for (char c : trimmed) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (!trimmed.empty() && trimmed.front() == '+') digits = "00" + digits;
  if (digits.starts_with("0031")) digits = "0" + digits.substr(4);
  return digits;
}

Result<std::vector<DuplicateCandidate>> LikelyDuplicates(store::Db& db, const Party& candidate,
                                                         const std::vector<Location>& locations) {
  std::map<std::string, Match> found;
  for (const Phone& phone : candidate.phones) {
    const std::string key = NormalisePhone(phone.number);
    if (key.empty()) continue;
    auto parties = sql::SelectPartiesByPhoneKey(db, key);
    if (!parties) return Fail(parties.error());
    for (const Party& p : *parties) {
      Add(found, p.id, p.name, 1, "Zelfde telefoonnummer " + std::string(text::Trim(phone.number)));
    }
  }
  for (const Location& l : locations) {
    auto postcode = NormalisePostcode(l.postal_code);
    const std::string house = HouseNumber(l.address_1);
    if (!postcode || house.empty()) continue;
    auto addresses = sql::SelectAddressesByPostcode(db, Compact(*postcode));
    if (!addresses) return Fail(addresses.error());
    for (const sql::PartyAddress& a : *addresses) {
      if (HouseNumber(a.address_1) != house) continue;
      Add(found, a.party_id, a.party_name, 1, "Zelfde postcode en huisnummer (" + *postcode + " " + house + ")");
    }
  }
  if (!text::Trim(candidate.name).empty()) {
    auto heads = sql::SelectPartyHeads(db, false);
    if (!heads) return Fail(heads.error());
    for (const Party& h : *heads) {
      double score = std::max(NameSimilarity(candidate.name, h.name),
                              h.alternate_name.empty() ? 0.0 : NameSimilarity(candidate.name, h.alternate_name));
      if (score < kDuplicateNameSimilarity) continue;
      Add(found, h.id, h.name, score,
          "Naam lijkt erop (" + std::to_string(static_cast<int>(std::lround(score * 100))) + "%)");
    }
  }
  found.erase(candidate.id);  // editing a party: it is not its own duplicate
  std::vector<DuplicateCandidate> out;
  for (auto& [id, m] : found) {
    std::string reason;
    for (const std::string& r : m.reasons) reason += (reason.empty() ? "" : "; ") + r;
    out.push_back({id, std::move(m.name), std::move(reason), m.score});
  }
  std::sort(out.begin(), out.end(), [](const DuplicateCandidate& a, const DuplicateCandidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return text::FoldForSearch(a.name) < text::FoldForSearch(b.name);
  });
  return out;
}

}  // namespace wk::socialmap
