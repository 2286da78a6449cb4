#pragma once
// A real PostgreSQL server for a test (the --lock tests and bench): initdb into a private
// temporary folder, `postgres` on a free loopback port with trust authentication, stopped
// and removed at the end. When the test runs as root the server runs as the unprivileged
// user `postgres` (PostgreSQL refuses root). The binaries come from Debian's
// postgresql-15 (scripts/bootstrap installs it); AIVENCTL_PG_BIN names another folder.
// Missing binaries are an error naming scripts/bootstrap, never a skipped test.

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/status.h"
#include "support/temp_dir.h"

namespace aivenctl::testing {

class PostgresServer {
 public:
  PostgresServer();
  /// Stops the server (immediately) and removes its folder.
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  /// initdb (first time only) and start; waits until it accepts connections (at most 30 s).
  core::Status Start();
  /// Immediate shutdown (SIGQUIT): every session is cut at once, like a database that goes
  /// away. No-op when not running.
  void Stop();
  bool running() const { return pid_ > 0; }

  /// postgres://postgres@127.0.0.1:PORT/postgres (trust: any password is accepted).
  std::string url() const;
  /// The same with `password` in it.
  std::string url_with_password(const std::string& password) const;
  int port() const { return port_; }
  /// Runs `sql` through psql; its output (-At: unaligned, tuples only) or an error.
  core::Result<std::string> Sql(const std::string& sql) const;

  /// The folder holding initdb, postgres, pg_isready and psql: $AIVENCTL_PG_BIN, else the
  /// newest /usr/lib/postgresql/N/bin with an initdb; "" when there is none.
  static std::string BinDir();

 private:
  TempDir dir_{"aivenctl-pg-"};
  std::string bin_;
  bool initialized_ = false;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace aivenctl::testing
