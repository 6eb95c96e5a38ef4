#include "wk/store/db.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "wk/store/audit.h"
#include "wk/store/migrations.h"

namespace wk::store {
namespace {

class TempDb : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("wk-store-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
};

TEST_F(TempDb, MigrationsApplyOnceAndAreRecorded) {
  auto db = Db::Open(path_.string());
  ASSERT_TRUE(db) << db.error().Describe();
  auto first = Migrate(**db);
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_GE(*first, 1);
  auto second = Migrate(**db);
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 0);
  auto list = ListMigrations(**db);
  ASSERT_TRUE(list);
  ASSERT_FALSE(list->empty());
  EXPECT_EQ(list->front().version, 1);
  EXPECT_EQ(list->front().name, "0001_core.sql");
  for (const auto& m : *list) EXPECT_TRUE(m.applied) << m.name;
}

TEST_F(TempDb, RefusesADatabaseFromANewerVersion) {
  auto db = Db::Open(path_.string());
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  ASSERT_TRUE((*db)->Exec("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')"));
  auto again = Migrate(**db);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("nieuwere Wijkkompas"), std::string::npos);
}

TEST_F(TempDb, TransactionRollsBackWhenNotCommitted) {
  auto db = Db::Open(path_.string());
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  {
    auto tx = Transaction::Begin(**db);
    ASSERT_TRUE(tx);
    auto appended = AppendAudit(**db, "test", "x.add", "x", "1");
    ASSERT_TRUE(appended) << appended.error().Describe();
  }
  auto recent = RecentAudit(**db, 10);
  ASSERT_TRUE(recent);
  EXPECT_TRUE(recent->empty());
  {
    auto tx = Transaction::Begin(**db);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(AppendAudit(**db, "cli:root", "x.add", "x", "2", "detail"));
    ASSERT_TRUE(tx->Commit());
  }
  recent = RecentAudit(**db, 10);
  ASSERT_TRUE(recent);
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].actor, "cli:root");
  EXPECT_EQ((*recent)[0].record_id, "2");
  EXPECT_EQ((*recent)[0].at.size(), 20u);
}

TEST_F(TempDb, ConstraintViolationIsAConflict) {
  auto db = Db::Open(path_.string());
  ASSERT_TRUE(db);
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(k TEXT PRIMARY KEY)"));
  auto st = (*db)->Prepare("INSERT INTO t VALUES (?1)");
  ASSERT_TRUE(st);
  ASSERT_TRUE(st->BindAll("a").Run());
  auto st2 = (*db)->Prepare("INSERT INTO t VALUES (?1)");
  auto r = st2->BindAll("a").Run();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(TempDb, ForeignKeysAreEnforced) {
  auto db = Db::Open(path_.string());
  ASSERT_TRUE(db);
  ASSERT_TRUE((*db)->Exec("CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p INTEGER REFERENCES p(id))"));
  auto r = (*db)->Exec("INSERT INTO c VALUES (42)");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(TempDb, ATextTestIsASqlFunctionOfThisConnection) {
  auto db = Db::Open(path_.string());
  ASSERT_TRUE(db) << db.error().Describe();
  auto contains = [](std::string_view a, std::string_view b) { return a.find(b) != std::string_view::npos; };
  ASSERT_TRUE((*db)->DefineTextTest("wk_contains", contains));
  ASSERT_TRUE((*db)->DefineTextTest("wk_contains", contains));  // once is enough; again is harmless
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('koffie'), ('thee'), (NULL)"));
  auto st = (*db)->Prepare("SELECT count(*), sum(wk_contains(v, 'ee')), sum(wk_contains(v, '')) FROM t");
  ASSERT_TRUE(st);
  ASSERT_TRUE(st->Step().value_or(false));
  EXPECT_EQ(st->Int(0), 3);
  EXPECT_EQ(st->Int(1), 1);  // thee; NULL is ""
  EXPECT_EQ(st->Int(2), 3);
  // Another connection does not have it.
  auto other = Db::Open(path_.string());
  ASSERT_TRUE(other);
  EXPECT_FALSE((*other)->Prepare("SELECT wk_contains('a', 'a')"));
}

TEST_F(TempDb, PoolHandsOutWorkingConnections) {
  auto database = Database::Open(path_.string());
  ASSERT_TRUE(database) << database.error().Describe();
  auto a = (*database)->Acquire();
  auto b = (*database)->Acquire();
  ASSERT_TRUE(a && b);
  EXPECT_NE(&a->db(), &b->db());
  auto st = a->db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(st && st->Step().value_or(false));
  EXPECT_EQ(st->Text(0), "wal");
}

}  // namespace
}  // namespace wk::store
