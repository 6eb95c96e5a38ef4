// The notability rules: the compiled-in file row by row, its parse errors, which indicators rules
// apply to, and when each kind of rule matches (on hand-made profiles: the numbers are test
// inputs, not statistics).
#include "rules.h"

#include <gtest/gtest.h>

namespace wk::profile {
namespace {

TEST(NotableRules, TheCompiledInFileHoldsTheseRules) {
  struct Row {
    const char* id;
    RuleKind kind;
    Against against;
    double threshold;
    int min_peers;
    double min_population, weight;
  };
  const Row rows[] = {
      {"above_parent", RuleKind::kRatioAbove, Against::kParent, 1.5, 0, 500, 3},
      {"below_parent", RuleKind::kRatioBelow, Against::kParent, 1.5, 0, 500, 3},
      {"above_national", RuleKind::kRatioAbove, Against::kNational, 1.5, 0, 500, 2},
      {"below_national", RuleKind::kRatioBelow, Against::kNational, 1.5, 0, 500, 2},
      {"top_decile", RuleKind::kPeersTop, Against::kGemeente, 10, 10, 500, 2},
      {"bottom_decile", RuleKind::kPeersBottom, Against::kGemeente, 10, 10, 500, 2},
      {"top_decile_national", RuleKind::kPeersTop, Against::kNational, 10, 10, 500, 1.5},
      {"bottom_decile_national", RuleKind::kPeersBottom, Against::kNational, 10, 10, 500, 1.5},
      {"trend_unfavourable", RuleKind::kTrendUnfavourable, Against::kNone, 0, 0, 1000, 2.5},
      {"trend_favourable", RuleKind::kTrendFavourable, Against::kNone, 0, 0, 1000, 1.5},
      {"large_change", RuleKind::kTrendChange, Against::kNone, 10, 0, 1000, 1.5},
  };
  const auto& rules = Rules();
  ASSERT_EQ(rules.size(), std::size(rows));
  for (std::size_t i = 0; i < rules.size(); ++i) {
    SCOPED_TRACE(rows[i].id);
    EXPECT_EQ(rules[i].id, rows[i].id);
    EXPECT_EQ(rules[i].kind, rows[i].kind);
    EXPECT_EQ(rules[i].against, rows[i].against);
    EXPECT_EQ(rules[i].threshold, rows[i].threshold);
    EXPECT_EQ(rules[i].min_peers, rows[i].min_peers);
    EXPECT_EQ(rules[i].min_population, rows[i].min_population);
    EXPECT_EQ(rules[i].weight, rows[i].weight);
  }
}

TEST(NotableRules, AFaultyFileIsRefusedWithItsLineAndColumn) {
  const std::string header = "id,kind,against,threshold,min_peers,min_population,weight\n";
  const std::string good = "above_parent,ratio_above,parent,1.5,,500,3\n";
  struct Case {
    std::string csv;
    std::string location, field, message;
  };
  const Case cases[] = {
      {"id,kind,against,threshold,min_peers,weight\n", "notable_rules.csv:1", "kolom min_population",
       "Kolom ontbreekt."},
      {header + good + "Boven,ratio_above,parent,1.5,,500,3\n", "notable_rules.csv:3", "kolom id",
       "Verwacht een id van kleine letters, cijfers en _."},
      {header + good + good, "notable_rules.csv:3", "kolom id", "Id 'above_parent' staat er twee keer in."},
      {header + "x,ratio_over,parent,1.5,,500,3\n", "notable_rules.csv:2", "kolom kind",
       "Onbekende soort 'ratio_over'."},
      {header + "x,ratio_above,wijk,1.5,,500,3\n", "notable_rules.csv:2", "kolom against",
       "Verwacht parent, gemeente of national."},
      {header + "x,peers_top,parent,10,10,500,3\n", "notable_rules.csv:2", "kolom against",
       "Verwacht gemeente of national."},
      {header + "x,trend_unfavourable,parent,,,500,3\n", "notable_rules.csv:2", "kolom against",
       "Bij een trend hoort geen vergelijking: laat leeg."},
      {header + "x,ratio_above,parent,1,,500,3\n", "notable_rules.csv:2", "kolom threshold",
       "Verwacht een factor groter dan 1."},
      {header + "x,peers_top,gemeente,60,10,500,3\n", "notable_rules.csv:2", "kolom threshold",
       "Verwacht een percentage van de peers, groter dan 0 en hoogstens 50."},
      {header + "x,trend_change,,,,500,3\n", "notable_rules.csv:2", "kolom threshold",
       "Verwacht een procentuele verandering groter dan 0."},
      {header + "x,trend_favourable,,-1,,500,3\n", "notable_rules.csv:2", "kolom threshold",
       "Verwacht een procentuele verandering van 0 of meer, of laat leeg."},
      {header + "x,peers_top,gemeente,10,,500,3\n", "notable_rules.csv:2", "kolom min_peers",
       "Verwacht een aantal peers van 1 of meer."},
      {header + "x,ratio_above,parent,1.5,10,500,3\n", "notable_rules.csv:2", "kolom min_peers",
       "Een minimum aantal peers hoort alleen bij peers_top en peers_bottom."},
      {header + "x,ratio_above,parent,1.5,,veel,3\n", "notable_rules.csv:2", "kolom min_population",
       "Verwacht een aantal inwoners van 0 of meer."},
      {header + "x,ratio_above,parent,1.5,,500,0\n", "notable_rules.csv:2", "kolom weight",
       "Verwacht een gewicht groter dan 0."},
      {header + "x,ratio_above,parent,1.5,500,3\n", "notable_rules.csv:2", "", "Verwacht 7 kolommen, gevonden 6."},
      {header + "x,\"ratio_above,parent,1.5,,500,3\n", "notable_rules.csv:2", "",
       "Een aanhalingsteken wordt niet gesloten."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.csv);
    auto rules = ParseRules(c.csv);
    ASSERT_FALSE(rules.has_value());
    EXPECT_EQ(rules.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(rules.error().location, c.location);
    EXPECT_EQ(rules.error().field, c.field);
    EXPECT_EQ(rules.error().message, c.message);
  }
  auto ok = ParseRules("\xEF\xBB\xBF" + header + good + "\r\n");
  ASSERT_TRUE(ok.has_value()) << ok.error().Describe();
  EXPECT_EQ(ok->size(), 1u);
}

TEST(NotableRules, ApplyOnlyToValuesThatDoNotGrowWithTheArea) {
  struct Case {
    const char* code;
    bool applies;
  };
  const Case cases[] = {
      {"a_inw", false},                   // a count: a buurt always has fewer inhabitants than its wijk
      {"a_65_oo", false},                 // idem
      {"p_65_oo", true},                  // a share
      {"g_hhgro", true},                  // an average, though its unit is "aantal"
      {"g_3km_sc", true},                 // idem
      {"g_wozbag", true},                 // an average in x 1 000 euro
      {"p_wmo_t", true},                  // a rate per 1 000 inhabitants
      {"bev_dich", true},                 // a density
      {"g_afs_hp", true},                 // a distance
      {"nv_huisartspraktijk_1km", true},  // the average number within 1 km (Nabijheid)
      {"nv_afst_apotheek", true},         // a distance
      {"a_opp_ha", false},                // a surface
      {"ste_mvs", false},                 // a category code
  };
  for (const auto& c : cases) {
    const auto* def = areas::FindIndicator(c.code);
    ASSERT_NE(def, nullptr) << c.code;
    EXPECT_EQ(RulesApplyTo(*def), c.applies) << c.code;
  }
  struct Custom {
    const char* unit;
    bool applies;
  };
  const Custom customs[] = {{"%", true}, {"per 1 000 inwoners", true}, {"aantal", false}, {"meldingen", false}};
  for (const auto& c : customs) {
    areas::IndicatorDef def;
    def.code = "g_eigen";  // a custom code that looks like a CBS average is still a custom count
    def.unit = c.unit;
    def.custom = true;
    EXPECT_EQ(RulesApplyTo(def), c.applies) << c.unit;
  }
}

// A profile of a share with a wijk and gemeente above it; numbers made up for the rules.
IndicatorProfile Share(std::optional<double> value, std::optional<double> wijk, std::optional<double> gemeente) {
  IndicatorProfile ip;
  ip.def = areas::FindIndicator("p_65_oo");
  ip.value = value;
  ip.source = "CBS";
  ip.parents = {{"GM0001", "Voorbeeld", areas::Level::kGemeente, gemeente, "CBS"},
                {"WK000101", "Wijk 01", areas::Level::kWijk, wijk, "CBS"}};
  return ip;
}

std::vector<std::pair<std::string, double>> Matched(const std::vector<Rule>& rules, const IndicatorProfile& ip,
                                                    std::optional<double> population = 1000) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& m : MatchRules(rules, ip, {areas::Level::kBuurt, population}))
    out.emplace_back(m.rule->id, m.strength);
  return out;
}

using Matches = std::vector<std::pair<std::string, double>>;

TEST(NotableRules, ARatioRuleMatchesFromItsThresholdOn) {
  auto rules = *ParseRules(
      "id,kind,against,threshold,min_peers,min_population,weight\n"
      "above,ratio_above,parent,1.5,,500,3\nbelow,ratio_below,parent,1.5,,500,3\n"
      "above_gm,ratio_above,gemeente,1.5,,0,1\n");
  EXPECT_EQ(Matched(rules, Share(15, 10, 20)), (Matches{{"above", 1.0}}));  // exactly 1.5 ×
  EXPECT_EQ(Matched(rules, Share(14.9, 10, 20)), Matches{});                // just under
  EXPECT_EQ(Matched(rules, Share(22.5, 10, 10)), (Matches{{"above", 1.5}, {"above_gm", 1.5}}));
  EXPECT_EQ(Matched(rules, Share(60, 10, 100)), (Matches{{"above", 2.0}}));  // strength at most 2
  EXPECT_EQ(Matched(rules, Share(4, 6, 100)), (Matches{{"below", 1.0}}));    // 6 / 1.5
  EXPECT_EQ(Matched(rules, Share(0, 6, 100)), (Matches{{"below", 2.0}}));
  EXPECT_EQ(Matched(rules, Share(15, 0, 100)), Matches{});           // no ratio to 0
  EXPECT_EQ(Matched(rules, Share(std::nullopt, 10, 1)), Matches{});  // missing: never
  EXPECT_EQ(Matched(rules, Share(15, std::nullopt, 20)), Matches{});
  EXPECT_EQ(Matched(rules, Share(15, 10, 20), 499), Matches{});  // too few inhabitants
  EXPECT_EQ(Matched(rules, Share(15, 10, 10), std::nullopt),
            (Matches{{"above_gm", 1.0}}));  // unknown: only without a minimum

  IndicatorProfile count = Share(300, 100, 1000);
  count.def = areas::FindIndicator("a_65_oo");
  EXPECT_EQ(Matched(rules, count), Matches{});  // counts are never compared by ratio
}

TEST(NotableRules, APeersRuleNeedsEnoughPeers) {
  auto rules = *ParseRules(
      "id,kind,against,threshold,min_peers,min_population,weight\n"
      "top,peers_top,gemeente,10,10,0,2\nbottom,peers_bottom,gemeente,10,10,0,2\n"
      "top_nl,peers_top,national,10,10,0,1\n");
  auto with = [](int peers, double percentile, std::optional<PeerStats> national = std::nullopt) {
    IndicatorProfile ip = Share(10, 10, 10);
    ip.peers = PeerStats{peers, 1, percentile, std::nullopt};
    ip.national_peers = national;
    return ip;
  };
  EXPECT_EQ(Matched(rules, with(10, 95)), (Matches{{"top", 1.5}}));
  EXPECT_EQ(Matched(rules, with(10, 90)), (Matches{{"top", 1.0}}));
  EXPECT_EQ(Matched(rules, with(9, 100.0 * 8.5 / 9)), Matches{});  // the top of 9 peers
  EXPECT_EQ(Matched(rules, with(100, 89.5)), Matches{});
  EXPECT_EQ(Matched(rules, with(100, 0.5)), (Matches{{"bottom", 1.95}}));
  EXPECT_EQ(Matched(rules, with(100, 50, PeerStats{2000, 1, 99.5, std::nullopt})), (Matches{{"top_nl", 1.95}}));
}

TEST(NotableRules, TrendRulesFollowTheJudgementAndTheSize) {
  auto rules = *ParseRules(
      "id,kind,against,threshold,min_peers,min_population,weight\n"
      "bad,trend_unfavourable,,,,0,2.5\ngood,trend_favourable,,,,0,1.5\nlarge,trend_change,,10,,0,1\n");
  auto trend = [](const char* code, double from, double to) {
    IndicatorProfile ip = Share(to, 10, 10);
    ip.def = areas::FindIndicator(code);
    ip.since_previous = TrendBetween(2023, from, 2024, to, ip.def->direction, ip.def->trend_threshold);
    return ip;
  };
  // p_hh_lkk: lower is better.
  // Changes chosen so the relative change is exact in binary: 8 -> 8.25 is 3.125 %.
  EXPECT_EQ(Matched(rules, trend("p_hh_lkk", 8, 8.125)), Matches{});                             // 1.5625 %: stable
  EXPECT_EQ(Matched(rules, trend("p_hh_lkk", 8, 8.25)), (Matches{{"bad", 1.5625}}));             // 3.125 % / 2 %
  EXPECT_EQ(Matched(rules, trend("p_hh_lkk", 8, 8.5)), (Matches{{"bad", 2.0}}));                 // 6.25 %: at most 2
  EXPECT_EQ(Matched(rules, trend("p_hh_lkk", 8, 10)), (Matches{{"bad", 2.0}, {"large", 2.0}}));  // 25 %
  EXPECT_EQ(Matched(rules, trend("p_hh_lkk", 8, 7.75)), (Matches{{"good", 1.5625}}));
  // p_65_oo is neutral: only the size of its change counts.
  EXPECT_EQ(Matched(rules, trend("p_65_oo", 8, 8.5)), Matches{});
  EXPECT_EQ(Matched(rules, trend("p_65_oo", 8, 6.5)), (Matches{{"large", 1.875}}));  // 18.75 % / 10 %
}

}  // namespace
}  // namespace wk::profile
