#include "wk/socialmap/search_text.h"

#include <gtest/gtest.h>

#include <thread>

namespace wk::socialmap {
namespace {

TEST(SearchText, WordsOfOneFamilyMeetInOneStem) {
  // The pairs the issue names, and others a social map is searched for.
  const std::pair<const char*, const char*> pairs[] = {
      {"eenzaam", "eenzaamheid"},        {"ouderen", "oudere"}, {"jongeren", "jongere"}, {"schulden", "schuld"},
      {"mantelzorgers", "mantelzorger"},
  };
  for (const auto& [a, b] : pairs) EXPECT_EQ(SearchText(a), SearchText(b)) << a << " / " << b;
  EXPECT_NE(SearchText("ouderen"), SearchText("jongeren"));
}

TEST(SearchText, FoldsCaseAndDiacriticsAndSplitsOnEverythingElse) {
  EXPECT_EQ(SearchText("Café"), SearchText("cafe"));
  EXPECT_EQ(SearchText("Eenzaam, 75+, Overvecht"), SearchText("eenzaam") + " 75 " + SearchText("overvecht"));
  EXPECT_EQ(SearchStems("Sint-Maarten").size(), 2u);
  EXPECT_EQ(SearchText(""), "");
  EXPECT_EQ(SearchText(" ,.;- "), "");
}

TEST(SearchText, StemSearchFindsWhatFindFinds) {
  // By its rarest letter, but the same places as std::string_view::find, from every start.
  const std::string texts[] = {"mantelzorger mantelzorg zorg\nmantelzorgers",
                               "aaaa ab ba",
                               "zz z zzz",
                               "koffieochtend koffie 75 75plus",
                               "",
                               "x"};
  const std::string stems[] = {"mantelzorger", "zorg", "aa", "a", "z", "zz", "koffie", "75", "ochtend", "q", ""};
  for (const auto& text : texts) {
    for (const auto& stem : stems) {
      const StemSearch search(stem);
      for (std::size_t from = 0; from <= text.size() + 1; ++from) {
        EXPECT_EQ(search.Next(text, from), std::string_view(text).find(stem, from))
            << "'" << stem << "' in '" << text << "' from " << from;
      }
    }
  }
}

TEST(SearchText, HasAnyStemFindsWholeTokensAndPrefixesAcrossColumns) {
  const std::string text = "koffieochtend\n\noudere eenzam\nelk dinsdag in de buurt\nbuurthuis";
  EXPECT_TRUE(HasAnyStem(text, "oudere"));
  EXPECT_TRUE(HasAnyStem(text, "koffieochtend"));            // the first token
  EXPECT_TRUE(HasAnyStem(text, "buurthuis"));                // the last token
  EXPECT_TRUE(HasAnyStem(text, "eenzam"));                   // before a line feed
  EXPECT_TRUE(HasAnyStem(text, "koffie*"));                  // a prefix
  EXPECT_TRUE(HasAnyStem(text, "tuinier buurt"));            // any of them
  EXPECT_FALSE(HasAnyStem(text, "koffie"));                  // not a whole token
  EXPECT_FALSE(HasAnyStem(text, "ochtend ochtend*"));        // inside a token
  EXPECT_FALSE(HasAnyStem(text, "oud"));                     // a prefix only when asked
  EXPECT_FALSE(HasAnyStem(text, "dinsdagen buurthuisje*"));  // longer than the token
  EXPECT_FALSE(HasAnyStem(text, ""));
  EXPECT_FALSE(HasAnyStem("", "buurt"));
  EXPECT_TRUE(HasAnyStem("buurt", "buurt"));
}

TEST(SearchText, EachThreadStemsWithItsOwnStemmer) {
  std::string a, b;
  std::thread t1([&] {
    for (int i = 0; i < 200; ++i) a = SearchText("mantelzorgers eenzaamheid ouderen");
  });
  std::thread t2([&] {
    for (int i = 0; i < 200; ++i) b = SearchText("mantelzorgers eenzaamheid ouderen");
  });
  t1.join();
  t2.join();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, SearchText("mantelzorger eenzaam oudere"));
}

}  // namespace
}  // namespace wk::socialmap
