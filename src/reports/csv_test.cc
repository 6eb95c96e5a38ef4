#include "wk/reports/csv.h"

#include <gtest/gtest.h>

namespace wk::reports {
namespace {

std::string Sample(CsvVariant variant) {
  CsvWriter w(variant);
  w.Text("code").Text("naam").Text("aandeel").EndRow();
  w.Text("BU03440301").Text("Kop van Lombok; oost").Number(12.345, 1).EndRow();
  w.Text("BU03440302").Text("Het \"Zand\"").Number(std::nullopt, 1).EndRow();
  w.Text("=1+1").Text("x,y").Number(-0.01, 1).EndRow();
  return w.Take();
}

TEST(CsvWriter, WritesWhatDutchExcelOpens) {
  EXPECT_EQ(Sample(CsvVariant::kExcel),
            "\xEF\xBB\xBF"
            "code;naam;aandeel\r\n"
            "BU03440301;\"Kop van Lombok; oost\";12,3\r\n"
            "BU03440302;\"Het \"\"Zand\"\"\";\r\n"
            "'=1+1;x,y;0,0\r\n");
}

TEST(CsvWriter, WritesAPlainVariantForTools) {
  EXPECT_EQ(Sample(CsvVariant::kPlain),
            "code,naam,aandeel\r\n"
            "BU03440301,Kop van Lombok; oost,12.3\r\n"
            "BU03440302,\"Het \"\"Zand\"\"\",\r\n"
            "=1+1,\"x,y\",0.0\r\n");
}

TEST(ParseCsvVariant, AcceptsOnlyTheTwoNames) {
  EXPECT_EQ(ParseCsvVariant("excel"), CsvVariant::kExcel);
  EXPECT_EQ(ParseCsvVariant("plain"), CsvVariant::kPlain);
  EXPECT_EQ(ParseCsvVariant("xlsx"), std::nullopt);
}

}  // namespace
}  // namespace wk::reports
