#include "spreadsheet_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace wk::socialmap {
namespace {

std::vector<int> Lines(const Sheet& sheet) {
  std::vector<int> out;
  for (const auto& row : sheet.rows) out.push_back(row.line);
  return out;
}

TEST(SpreadsheetReader, ReadsCommaAndSemicolonWithBomAndQuotes) {
  for (std::string_view text : {"Organisatie,Aanbod\nBuurthuis,\"Koffie, thee\"\n",
                                "\xEF\xBB\xBFOrganisatie;Aanbod\r\nBuurthuis;\"Koffie, thee\"\r\n",
                                "\"Organisatie\";\"Aanbod\"\n\" Buurthuis \";\"Koffie, thee\"\n"}) {
    auto sheet = ReadSheetBytes(text, "kaart.csv");
    ASSERT_TRUE(sheet.has_value()) << sheet.error().Describe();
    EXPECT_EQ(sheet->header, (std::vector<std::string>{"Organisatie", "Aanbod"}));
    ASSERT_EQ(sheet->rows.size(), 1u);
    EXPECT_EQ(sheet->rows[0].cells, (std::vector<std::string>{"Buurthuis", "Koffie, thee"}));
  }
}

TEST(SpreadsheetReader, RowNumbersAreThoseASpreadsheetShows) {
  // A blank line and an empty row count; a value with a line break counts once.
  auto sheet = ReadSheetBytes("a,b\n1,x\n\n2,\"twee\nregels\"\n,\n3,y\n", "kaart.csv");
  ASSERT_TRUE(sheet.has_value());
  EXPECT_EQ(Lines(*sheet), (std::vector<int>{2, 4, 6}));
  EXPECT_EQ(sheet->rows[1].cells[1], "twee\nregels");
}

TEST(SpreadsheetReader, AMissingFileNamesTheFile) {
  auto sheet = ReadSheet("/nonexistent/kaart.csv");
  ASSERT_FALSE(sheet.has_value());
  EXPECT_EQ(sheet.error().Describe(), "kaart.csv: Het bestand bestaat niet of is niet te lezen.");
}

TEST(SpreadsheetReader, ReadsTheExampleSpreadsheetAsCsvAndAsXlsx) {
  // ctest runs the tests in the source folder; WK_SOURCE_DIR, when set, names it.
  const char* source = std::getenv("WK_SOURCE_DIR");
  const std::filesystem::path data = std::filesystem::path(source != nullptr ? source : ".") / "tests/data";
  auto csv = ReadSheet((data / "sociale-kaart-voorbeeld.csv").string());
  auto xlsx = ReadSheet((data / "sociale-kaart-voorbeeld.xlsx").string());
  ASSERT_TRUE(csv.has_value()) << csv.error().Describe();
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().Describe();
  EXPECT_EQ(csv->header, xlsx->header);
  ASSERT_EQ(csv->rows.size(), xlsx->rows.size());
  for (std::size_t i = 0; i < csv->rows.size(); ++i) {
    EXPECT_EQ(csv->rows[i].line, xlsx->rows[i].line);
    EXPECT_EQ(csv->rows[i].cells, xlsx->rows[i].cells) << "row " << csv->rows[i].line;
  }
  EXPECT_EQ(csv->header.front(), "Naam organisatie");
}

}  // namespace
}  // namespace wk::socialmap
