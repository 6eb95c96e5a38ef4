#include "auth_support.h"

#include <gtest/gtest.h>

namespace wk::web {
namespace {

TEST(SafeNext, FollowsOnlyPathsOnThisSite) {
  struct Case {
    const char* next;
    const char* target;
  };
  const Case cases[] = {
      {"/gebied/GM0344", "/gebied/GM0344"},
      {"/zoeken?q=overvecht", "/zoeken?q=overvecht"},
      {"/", "/"},
      {"", "/"},
      {"gebied/GM0344", "/"},
      {"https://evil.example/", "/"},
      {"//evil.example/", "/"},
      {"/\\evil.example", "/"},
      {"/a\\b", "/"},
      {"/a\r\nSet-Cookie: x=1", "/"},
      {"javascript:alert(1)", "/"},
  };
  for (const auto& c : cases) EXPECT_EQ(SafeNext(c.next), c.target) << c.next;
}

TEST(UrlEncode, KeepsPathCharactersAndEncodesTheRest) {
  EXPECT_EQ(UrlEncode("/account?x=1&y=é"), "/account%3Fx%3D1%26y%3D%C3%A9");
  EXPECT_EQ(UrlEncode("a b+c"), "a%20b%2Bc");
}

}  // namespace
}  // namespace wk::web
