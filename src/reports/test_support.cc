#include "test_support.h"

#include <cpl_vsi.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <atomic>

#include "wk/accounts/principal.h"
#include "wk/areas/areas.h"
#include "wk/store/migrations.h"

namespace wk::reports::testing {

store::Db& DemoDb() {
  static store::Db* db = [] {
    auto opened = store::Db::Open(":memory:");
    EXPECT_TRUE(opened.has_value());
    EXPECT_TRUE(store::Migrate(**opened).has_value());
    auto loaded = areas::LoadDemo(**opened, accounts::CliPrincipal("tester"));
    EXPECT_TRUE(loaded.has_value()) << loaded.error().Describe();
    return opened->release();  // lives for the whole test process
  }();
  return *db;
}

std::map<std::string, std::vector<XlsxRow>> ReadXlsx(const std::string& bytes) {
  static std::atomic<int> counter{0};
  GDALAllRegister();
  const std::string path = "/vsimem/reports_test_" + std::to_string(counter++) + ".xlsx";
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                     static_cast<vsi_l_offset>(bytes.size()), FALSE);
  EXPECT_NE(f, nullptr);
  if (f) VSIFCloseL(f);
  const char* drivers[] = {"XLSX", nullptr};
  const char* options[] = {"HEADERS=FORCE", "FIELD_TYPES=AUTO", nullptr};
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr);
  EXPECT_NE(ds, nullptr) << "GDAL cannot open the XLSX";
  std::map<std::string, std::vector<XlsxRow>> out;
  if (ds != nullptr) {
    for (int l = 0; l < GDALDatasetGetLayerCount(ds); ++l) {
      OGRLayerH layer = GDALDatasetGetLayer(ds, l);
      OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
      auto& rows = out[OGR_L_GetName(layer)];
      // GDAL names the fields Field1, Field2, ... when every row is text (the sheet "Bron"), even
      // with HEADERS=FORCE: the first row holds the headers then.
      std::vector<std::string> names;
      bool generic = true;
      for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        names.push_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        generic = generic && names.back() == "Field" + std::to_string(i + 1);
      }
      bool header_pending = generic;
      OGR_L_ResetReading(layer);
      while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        if (header_pending) {
          for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) names[i] = OGR_F_GetFieldAsString(feature, i);
          header_pending = false;
          OGR_F_Destroy(feature);
          continue;
        }
        XlsxRow row;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
          OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
          XlsxCell cell;
          if (OGR_F_IsFieldSetAndNotNull(feature, i)) {
            cell.empty = false;
            OGRFieldType type = OGR_Fld_GetType(field);
            if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
              cell.number = OGR_F_GetFieldAsDouble(feature, i);
            } else {
              cell.text = OGR_F_GetFieldAsString(feature, i);
            }
          }
          row[names[i]] = cell;
        }
        rows.push_back(std::move(row));
        OGR_F_Destroy(feature);
      }
    }
    GDALClose(ds);
  }
  VSIUnlink(path.c_str());
  return out;
}

}  // namespace wk::reports::testing
