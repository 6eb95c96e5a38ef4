// The peer index of one year and level: per indicator, the values of all areas of the level sorted
// nationally and per municipality, with their mean and population standard deviation, so that the
// rank, percentile and z-score of a value (ComparePeers, docs/adr/0008) are two binary searches
// instead of a pass over every peer. Private to the profile module.
//
// Immutable once built: shared between threads without locks (see peer_cache.cc for who builds it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/profile/profile.h"

namespace wk::profile {

// The gemeente an area belongs to, from its CBS code: BU0344xxxx and WK0344xx -> GM0344 (CBS codes
// carry the gemeente's four digits); a gemeente is its own. An area whose code does not follow the
// CBS pattern falls back to its parent code (the gemeente of a wijk).
std::string GemeenteOf(const areas::Area& area);

class LevelIndex {
 public:
  // Indexes `values` (from areas::ValuesOfYear), read under data generation `generation`.
  static LevelIndex Build(const areas::LevelValues& values, std::int64_t generation);

  std::int64_t generation() const { return generation_; }
  // Areas of the level with figures in the year, in the whole index.
  int area_count() const { return area_count_; }
  int municipality_count() const { return static_cast<int>(gemeenten_.size()); }
  // Stored and derived values indexed (missing ones not counted).
  std::int64_t value_count() const { return value_count_; }
  // How many areas of the level in the year belong to `gemeente` (0 when none).
  int AreasIn(std::string_view gemeente) const;

  // Where `value` of `indicator` stands among the areas of the level in `gemeente` (which must
  // include the area the value belongs to), or in the whole index. Exactly ComparePeers over the
  // same peers in code order: empty when the value is missing, the indicator unknown or no peer has
  // a value.
  std::optional<PeerStats> InGemeente(std::string_view indicator, std::string_view gemeente,
                                      std::optional<double> value) const;
  std::optional<PeerStats> Nationally(std::string_view indicator, std::optional<double> value) const;

 private:
  // A run of sorted values and the moments of the same values summed in area code order.
  struct Group {
    std::uint32_t begin = 0, end = 0;  // into the indicator's sorted array
    double mean = 0, sd = 0;
  };
  struct Indicator {
    std::vector<double> national;     // every value, ascending
    Group all;                        // over `national`
    std::vector<double> local;        // values ascending within each gemeente, gemeenten in order
    std::vector<Group> per_gemeente;  // indexed like gemeenten_; ranges into `local`
  };
  static std::optional<PeerStats> Stats(const std::vector<double>& sorted, const Group& group, double value);
  const Indicator* FindIndicator(std::string_view code) const;

  std::int64_t generation_ = 0;
  int area_count_ = 0;
  std::int64_t value_count_ = 0;
  std::vector<std::string> gemeenten_;   // gemeente codes, ascending
  std::vector<int> areas_per_gemeente_;  // like gemeenten_
  std::unordered_map<std::string, std::size_t> indicator_at_;
  std::vector<Indicator> indicators_;
};

}  // namespace wk::profile
