// The Utrecht demo (CBS kerncijfers 2023 and 2024, real data) for the profile tests.
#pragma once

#include <memory>
#include <string>

#include "wk/store/db.h"

namespace wk::profile::testing {

// A migrated database with the demo loaded, in a file of its own in a temporary folder that the
// test process removes at exit. A file, not ":memory:", so the peer index is cached as in
// production (peer_index.h).
std::string DemoFile();
std::unique_ptr<store::Db> OpenDemo();

}  // namespace wk::profile::testing
