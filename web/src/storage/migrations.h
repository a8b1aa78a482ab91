// The schema of both databases: one ordered list of migrations.
#pragma once

#include "storage/driver.h"

namespace web::sql {

// The current schema version: the number of migrations.
int SchemaVersion();

// Brings the database up to SchemaVersion(), one migration per transaction under the driver's
// schema lock (so a server and workers starting together do not race). Fails with
// kUnsupported on a database newer than this build, kSystem when a migration fails.
Result<void> Migrate(Driver& driver);

}  // namespace web::sql
