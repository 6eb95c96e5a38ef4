#include "table_reader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace wk::areas {
namespace {

using testing::SharedData;
using testing::WriteTemp;

std::vector<std::vector<std::string>> ReadAll(TableReader& t, std::vector<int>* lines = nullptr) {
  std::vector<std::vector<std::string>> out;
  while (auto row = t.Next()) {
    if (lines != nullptr) lines->push_back(row->line);
    out.push_back(row->cells);
  }
  return out;
}

TEST(TableReader, ReadsTheCsvVariantsCbsPublishes) {
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"comma_unquoted.csv", "gwb_code,regio,a_inw\nGM0344,Utrecht,374238\nBU03440111,Oog in Al,4155\n"},
      {"semicolon_bom_padded.csv",
       "\xEF\xBB\xBF\"gwb_code\";\"regio\";\"a_inw\"\r\n\"GM0344    \";\"Utrecht   \";\"  374238\"\r\n"
       "\"BU03440111\";\"Oog in Al \";\"    4155\"\r\n"},
      {"comma_quoted.csv",
       "\"gwb_code\",\"regio\",\"a_inw\"\n\"GM0344\",\"Utrecht\",\"374238\"\n"
       "\"BU03440111\",\"Oog in Al\",\"4155\"\n"},
      {"semicolon.txt", "gwb_code;regio;a_inw\nGM0344;Utrecht;374238\nBU03440111;Oog in Al;4155\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto t = TableReader::Open(WriteTemp(c.name, c.bytes));
    ASSERT_TRUE(t.has_value()) << t.error().Describe();
    EXPECT_EQ(t->columns(), (std::vector<std::string>{"gwb_code", "regio", "a_inw"}));
    EXPECT_EQ(t->RowCount(), 2);
    std::vector<int> lines;
    auto rows = ReadAll(*t, &lines);
    EXPECT_EQ(rows, (std::vector<std::vector<std::string>>{{"GM0344", "Utrecht", "374238"},
                                                           {"BU03440111", "Oog in Al", "4155"}}));
    EXPECT_EQ(lines, (std::vector<int>{2, 3}));
  }
}

TEST(TableReader, KeepsCommasInsideQuotedNamesAndEmptyCells) {
  auto t = TableReader::Open(WriteTemp("names.csv", "gwb_code,regio,a_inw\nBU03440111,\"Welgelegen, Den Hommel\",\n"));
  ASSERT_TRUE(t.has_value());
  auto rows = ReadAll(*t);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"BU03440111", "Welgelegen, Den Hommel", ""}));
}

TEST(TableReader, XlsxAndCsvOfCbsGiveTheSameCells) {
  auto csv = TableReader::Open(SharedData("cbs/kwb-2024_GM0344_utrecht.csv"));
  auto xlsx = TableReader::Open(SharedData("cbs/CBS-Utrecht-kwb-2024.xlsx"));
  ASSERT_TRUE(csv.has_value()) << csv.error().Describe();
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  EXPECT_EQ(csv->columns(), xlsx->columns());
  auto a = ReadAll(*csv);
  auto b = ReadAll(*xlsx);
  ASSERT_EQ(a.size(), 122u);
  ASSERT_EQ(b.size(), 122u);
  // Text of names and codes is identical; numbers may be spelled differently in the xlsx, so the
  // importer compares them as numbers (see cbs_import_test).
  for (std::size_t r = 0; r < a.size(); ++r) {
    EXPECT_EQ(a[r][5], b[r][5]);  // gwb_code
    EXPECT_EQ(a[r][2], b[r][2]);  // regio
  }
}

TEST(TableReader, AMissingFileIsBadInput) {
  auto t = TableReader::Open("/nonexistent/kwb-2024.csv");
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(t.error().Describe(), "kwb-2024.csv: Het bestand bestaat niet.");
}

}  // namespace
}  // namespace wk::areas
