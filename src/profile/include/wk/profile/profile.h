// The profile of an area: each indicator's value compared with its parents and the country, with
// the areas of the same level in the municipality and the country (rank, percentile, z-score) and
// over the loaded years (trend), and what is notable about it in plain Dutch (findings).
// The definitions are fixed in docs/adr/0008-profile-definitions.md so tests can be exact; the
// notability rules and the sentences in docs/adr/0010-notability-rules-and-findings.md.
//
// A missing value (CBS '.', a derived share with a missing input) is never compared: every
// comparison that would need it is empty, never 0. Equal values are equal as doubles (derived
// shares of equal ratios are computed to the same double).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::profile {

// --- Pure definitions ------------------------------------------------------------------------

// Where a value stands among its peers (the peers include the area itself).
struct PeerStats {
  int peers = 0;                  // peers with a value; missing ones are left out
  int rank = 0;                   // 1 = highest; equal values share the best rank (1 + count above)
  double percentile = 0;          // (count below + half of count equal) / peers * 100 (mid-rank)
  std::optional<double> z_score;  // (value - mean) / population sd; empty when sd is 0
};
// Empty when `value` is missing or no peer has a value.
std::optional<PeerStats> ComparePeers(std::optional<double> value, const std::vector<std::optional<double>>& peers);

// The difference from a parent area's value.
struct Deviation {
  double absolute = 0;            // value - parent
  std::optional<double> percent;  // (value - parent) / |parent| * 100; empty when parent is 0
};
// Empty when either value is missing.
std::optional<Deviation> DeviationFrom(std::optional<double> value, std::optional<double> parent);

enum class Movement { kStable, kUp, kDown };
// Whether a change is good news by the indicator's Direction; kNeither for neutral indicators
// and for stable trends.
enum class Judgement { kNeither, kFavourable, kUnfavourable };

inline constexpr double kDefaultTrendThresholdPercent = 2.0;

struct Trend {
  int from_year = 0, to_year = 0;
  double from = 0, to = 0;
  double change = 0;              // to - from
  std::optional<double> percent;  // change / |from| * 100; empty when from is 0
  Movement movement = Movement::kStable;
  Judgement judgement = Judgement::kNeither;
};
// Up or down when |percent| exceeds `threshold_percent`, else stable. From 0, any change is up or
// down (its percent is empty) and no change is stable. Empty when either value is missing.
std::optional<Trend> TrendBetween(int from_year, std::optional<double> from, int to_year, std::optional<double> to,
                                  areas::Direction direction, double threshold_percent = kDefaultTrendThresholdPercent);

// Whether values of areas of different sizes compare directly: shares, averages, rates, densities
// and distances do; counts ("aantal inwoners"), surfaces and codes do not (a buurt's count is
// always far below its wijk's). Decides which indicators the notability rules apply to, and which
// get a difference from the parent on the pages.
bool ComparesAcrossSizes(const areas::IndicatorDef& def);

// --- The profile of one area -----------------------------------------------------------------

struct ParentValue {
  std::string code, name;
  areas::Level level = areas::Level::kGemeente;
  std::optional<double> value;  // missing when the parent has no value (or none stored)
  std::string source;           // publisher of the value ("CBS"), "" when none is stored
};

struct IndicatorProfile {
  const areas::IndicatorDef* def = nullptr;
  std::optional<double> value;  // missing: every comparison below is empty
  std::string source, source_title, reliability;
  std::vector<ParentValue> parents;         // from the gemeente down to the direct parent
  std::optional<double> national;           // the country's value (NL00) when loaded
  std::string national_source;              // its source ("CBS")
  std::optional<PeerStats> peers;           // among the same-level areas of the municipality
  std::optional<PeerStats> national_peers;  // among the same-level areas of the country, when
                                            // areas of more than one municipality are loaded
  std::vector<std::string> notable;         // ids of the notability rules this value meets
                                            // (src/profile/notable_rules.csv), in file order
  std::optional<Deviation> from_parent;     // from the direct parent
  std::optional<Trend> since_first;         // first loaded year -> last loaded year
  std::optional<Trend> since_previous;      // previous loaded year -> this year
};

// Where a number in a finding comes from: the value of `indicator` of `area_code` in `year`
// (area_code "NL00" for the country). The web layer turns it into a link.
struct NumberRef {
  std::string area_code;
  std::string indicator;
  int year = 0;
};
// A piece of a finding sentence: plain text, or a number (formatted in Dutch) with its origin.
struct FindingPart {
  std::string text;
  std::optional<NumberRef> ref;  // set for numbers
};
// A notable fact in plain Dutch, e.g. "In Kanaleneiland is 9,5% van de inwoners 65 jaar of ouder,
// tegen 11,2% in de gemeente Utrecht (CBS, 2024)." Never without a source.
struct Finding {
  std::string indicator;  // code
  std::string rule;       // id of the notability rule that produced it
  double score = 0;       // the rule's weight × how far past its threshold (ADR 10), higher first
  std::vector<FindingPart> parts;
  std::string Sentence() const;  // the parts joined as plain text
};

struct Profile {
  areas::Area area;
  int year = 0;
  std::vector<int> years;                    // loaded years of the area, oldest first
  int peer_count = 0;                        // municipal peers with figures in the year (the area
                                             // included); for a gemeente: the gemeenten
  std::vector<IndicatorProfile> indicators;  // every figure stored or derived: the catalogue's in
                                             // catalogue order, then custom indicators
  std::vector<Finding> findings;             // best first; at most one comparison and one trend
                                             // per indicator
};

// The profile of `code` in `year`. Peers: for a buurt all buurten of its gemeente, for a wijk all
// wijken of its gemeente, for a gemeente all gemeenten; national peers: all buurten or wijken of
// the country, when areas of more than one gemeente are loaded. Ranks come from the peer index
// (peer_index.h), built on first use per year and level and kept while the data are unchanged.
// Errors: kNotFound for an unknown area or a year without figures for it ("Voor Wijk 03
// Overvecht zijn geen cijfers over 2020."). Thread-safe: any thread with its own connection.
Result<Profile> AreaProfile(store::Db& db, std::string_view code, int year);

}  // namespace wk::profile
