#pragma once
// PostgreSQL behind a small interface: the only code that includes libpq's header. libpq
// itself is loaded with dlopen("libpq.so.5") the first time a connection is opened, so
// aivenctl does not need it unless --lock is given.

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace aivenctl::lock {

/// One result row, each value as text ("" for NULL).
using Row = std::vector<std::string>;

/// A database session. Implementations are thread-safe (one statement at a time).
class Database {
 public:
  virtual ~Database() = default;
  /// Runs one statement with text parameters $1, $2, ...; the rows it returns. Errors
  /// carry the server's message (never the URL).
  virtual core::Result<std::vector<Row>> Query(const std::string& sql,
                                               const std::vector<std::string>& params = {}) = 0;
};

/// True for the URLs --lock takes: postgres://... or postgresql://...
bool IsPostgresUrl(const std::string& url);

/// `url` with its password (user:PASSWORD@ and any password= parameter) replaced by
/// "<redacted>": the only form in which a lock URL is ever printed.
std::string RedactUrl(const std::string& url);

/// The password in `url` ("" when none), so it can join the secrets every message is
/// cleaned of.
std::string UrlPassword(const std::string& url);

/// Opens a session at `url` (libpq also reads PGPASSWORD and ~/.pgpass), with a 10 s
/// connect timeout unless the URL names one. Errors name the redacted URL; a missing
/// libpq says which package provides it.
core::Result<std::unique_ptr<Database>> ConnectPostgres(const std::string& url);

}  // namespace aivenctl::lock
