#include "wk/core/text.h"

#include <gtest/gtest.h>

namespace wk::text {
namespace {

struct NumberCase {
  double value;
  int decimals;
  const char* expected;
};

TEST(FormatNumber, WritesDutchThousandsAndDecimalSeparators) {
  const NumberCase cases[] = {
      {367947, 0, "367.947"}, {0, 0, "0"},
      {999, 0, "999"},        {1000, 0, "1.000"},
      {12.5, 1, "12,5"},      {-1234.56, 2, "-1.234,56"},
      {-0.04, 1, "0,0"},      {1234567.891, 1, "1.234.567,9"},
  };
  for (const auto& c : cases) EXPECT_EQ(FormatNumber(c.value, c.decimals), c.expected) << c.value;
}

TEST(FormatPercent, PutsThePercentSignDirectlyAfterTheNumber) {
  EXPECT_EQ(FormatPercent(12.5), "12,5%");
  EXPECT_EQ(FormatPercent(100, 0), "100%");
}

TEST(Trim, RemovesSpacesTabsAndNonBreakingSpaces) {
  EXPECT_EQ(Trim("  12 \t"), "12");
  EXPECT_EQ(Trim("\xC2\xA0 x \xC2\xA0"), "x");
  EXPECT_EQ(Trim("   "), "");
}

TEST(FoldForSearch, LowersAndFoldsDiacritics) {
  EXPECT_EQ(FoldForSearch("Zuilen-Oost"), "zuilen-oost");
  EXPECT_EQ(FoldForSearch("Café Überweg"), "cafe uberweg");
}

TEST(ParseDouble, AcceptsPaddedNumbersAndRefusesTheRest) {
  EXPECT_EQ(ParseDouble("  12.5 "), 12.5);
  EXPECT_EQ(ParseDouble("374238"), 374238);
  EXPECT_FALSE(ParseDouble("."));
  EXPECT_FALSE(ParseDouble(""));
  EXPECT_FALSE(ParseDouble("12,5"));
  EXPECT_FALSE(ParseDouble("12abc"));
}

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

}  // namespace
}  // namespace wk::text
