#include "hsds_csv.h"

#include <gtest/gtest.h>

#include "hsds_tables.h"
#include "hsds_test_support.h"

namespace wk::socialmap::hsds {
namespace {

TEST(HsdsCsv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  for (std::string_view eol : {"\n", "\r\n"}) {
    std::string bytes = "id,text,n" + std::string(eol) + "1,\"a, \"\"b\"\"\",2" + std::string(eol) + "2,\"two" +
                        std::string(eol) + "lines\",3" + std::string(eol) + "3,,4";
    auto table = ReadCsv(bytes, "t.csv");
    ASSERT_TRUE(table.has_value()) << table.error().Describe();
    EXPECT_EQ(table->header, (std::vector<std::string>{"id", "text", "n"}));
    ASSERT_EQ(table->records.size(), 3u);
    EXPECT_EQ(table->records[0].fields, (std::vector<std::string>{"1", "a, \"b\"", "2"}));
    EXPECT_EQ(table->records[1].fields, (std::vector<std::string>{"2", "two" + std::string(eol) + "lines", "3"}));
    EXPECT_EQ(table->records[2].fields, (std::vector<std::string>{"3", "", "4"}));
  }
}

TEST(HsdsCsv, NumbersRowsAsASpreadsheetShowsThem) {
  // A field with a line break is one spreadsheet row; a blank line is a row of its own.
  auto table = ReadCsv("id,text\n1,\"a\nb\nc\"\n\n2,d\n", "t.csv");
  ASSERT_TRUE(table.has_value()) << table.error().Describe();
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].line, 2);
  EXPECT_EQ(table->records[1].line, 4);
}

TEST(HsdsCsv, DropsALeadingByteOrderMark) {
  auto table = ReadCsv("\xEF\xBB\xBFid\n1\n", "t.csv");
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->header, std::vector<std::string>{"id"});
}

TEST(HsdsCsv, RefusesWhatRfc4180DoesNotAllowWithTheLine) {
  struct Case {
    std::string bytes, location, message;
  };
  const Case cases[] = {
      {"id,a\n1,x\n2,\"open\n3,y\n", "t.csv:3", "Een aanhalingsteken wordt niet gesloten."},
      {"id,a\n1,\"x\"y\n", "t.csv:2",
       "Tekst na een sluitend aanhalingsteken; zet het hele veld tussen aanhalingstekens."},
      {"id,a\n1,x\"y\n", "t.csv:2",
       "Een aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens."},
      {"id,a\n1,x\n2\n", "t.csv:3", "De rij heeft 1 velden, de kopregel 2."},
      {"id,a\n1,\"two\nlines\"\n2,\xC3\x28\n", "t.csv:3", "Het bestand is geen geldige UTF-8."},
      {"id,,b\n", "t.csv:1", "Een kolom in de kopregel heeft geen naam."},
      {"id,a,a\n", "t.csv:1", "Kolom a staat twee keer in de kopregel."},
      {"", "t.csv:1", "Het bestand is leeg."},
      {"id,a\n1,x\ry\n", "t.csv:2", "Een losse CR midden in een rij; zet het veld tussen aanhalingstekens."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bytes);
    auto table = ReadCsv(c.bytes, "t.csv");
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(table.error().code, ErrorCode::kBadInput);
    EXPECT_EQ(table.error().location, c.location);
    EXPECT_EQ(table.error().message, c.message);
  }
}

TEST(HsdsCsv, QuotesAFieldOnlyWhenItMust) {
  std::string out;
  AppendCsvRecord(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "é"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,é\n");
  auto back = ReadCsv("h1,h2,h3,h4,h5,h6,h7\n" + out, "t.csv");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->records[0].fields,
            (std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "é"}));
}

TEST(HsdsCsv, ReadsEveryFileOfTheExamplePackageWithItsDatapackageColumns) {
  for (const Table& table : Tables()) {
    SCOPED_TRACE(table.file);
    auto csv = ReadCsv(hsds_testing::ReadFile(hsds_testing::ExampleCsv() + "/" + table.file), table.file);
    ASSERT_TRUE(csv.has_value()) << csv.error().Describe();
    std::vector<std::string> fields;
    for (const auto& f : table.fields) fields.push_back(f.name);
    EXPECT_EQ(csv->header, fields);
    ASSERT_EQ(csv->records.size(), 1u);
    EXPECT_EQ(csv->records[0].line, 2);
  }
}

TEST(HsdsCsv, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("Coördinator, € 2,50, 😀"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x82"));       // cut off
}

}  // namespace
}  // namespace wk::socialmap::hsds
