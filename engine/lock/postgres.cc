#include "lock/postgres.h"

#include <dlfcn.h>
#include <libpq-fe.h>

#include <mutex>
#include <utility>

namespace aivenctl::lock {
namespace {

constexpr std::string_view kHidden = "<redacted>";

/// The libpq functions aivenctl uses, resolved once from libpq.so.5.
struct LibPq {
  decltype(&PQconnectdbParams) connectdb_params = nullptr;
  decltype(&PQstatus) status = nullptr;
  decltype(&PQerrorMessage) error_message = nullptr;
  decltype(&PQfinish) finish = nullptr;
  decltype(&PQexecParams) exec_params = nullptr;
  decltype(&PQresultStatus) result_status = nullptr;
  decltype(&PQresultErrorMessage) result_error_message = nullptr;
  decltype(&PQntuples) ntuples = nullptr;
  decltype(&PQnfields) nfields = nullptr;
  decltype(&PQgetvalue) getvalue = nullptr;
  decltype(&PQclear) clear = nullptr;
  decltype(&PQsetNoticeProcessor) set_notice_processor = nullptr;
};

template <typename F>
bool Resolve(void* handle, const char* name, F& target, std::string& missing) {
  target = reinterpret_cast<F>(::dlsym(handle, name));
  if (target == nullptr) missing = name;
  return target != nullptr;
}

/// libpq, loaded on first use and kept for the life of the process.
core::Result<const LibPq*> LoadLibPq() {
  static std::once_flag once;
  static LibPq lib;
  static std::string error;
  std::call_once(once, [] {
    void* handle = ::dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      error = std::string("--lock needs libpq, which is not installed (") +
              (why != nullptr ? why : "libpq.so.5 not found") +
              "); on Debian and Ubuntu: apt-get install libpq5";
      return;
    }
    std::string missing;
    if (!Resolve(handle, "PQconnectdbParams", lib.connectdb_params, missing) ||
        !Resolve(handle, "PQstatus", lib.status, missing) ||
        !Resolve(handle, "PQerrorMessage", lib.error_message, missing) ||
        !Resolve(handle, "PQfinish", lib.finish, missing) ||
        !Resolve(handle, "PQexecParams", lib.exec_params, missing) ||
        !Resolve(handle, "PQresultStatus", lib.result_status, missing) ||
        !Resolve(handle, "PQresultErrorMessage", lib.result_error_message, missing) ||
        !Resolve(handle, "PQntuples", lib.ntuples, missing) ||
        !Resolve(handle, "PQnfields", lib.nfields, missing) ||
        !Resolve(handle, "PQgetvalue", lib.getvalue, missing) ||
        !Resolve(handle, "PQclear", lib.clear, missing) ||
        !Resolve(handle, "PQsetNoticeProcessor", lib.set_notice_processor, missing)) {
      error = "--lock: the installed libpq.so.5 lacks " + missing + "; install libpq5 12 or newer";
    }
  });
  if (!error.empty()) return core::FailedPrecondition(error);
  return &lib;
}

/// libpq's messages end with a newline; some span lines.
std::string Clean(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text.empty() ? "unknown error" : text;
}

void IgnoreNotice(void*, const char*) {}  // "relation already exists, skipping" and the like

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const LibPq& lib, PGconn* conn) : lib_(lib), conn_(conn) {}
  ~PostgresDatabase() override { lib_.finish(conn_); }

  core::Result<std::vector<Row>> Query(const std::string& sql,
                                       const std::vector<std::string>& params) override {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.c_str());
    std::lock_guard lock(mu_);
    PGresult* result = lib_.exec_params(conn_, sql.c_str(), static_cast<int>(values.size()),
                                        nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status =
        result != nullptr ? lib_.result_status(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      std::string message =
          Clean(result != nullptr ? lib_.result_error_message(result) : lib_.error_message(conn_));
      if (lib_.status(conn_) != CONNECTION_OK) message = "the connection is lost: " + message;
      if (result != nullptr) lib_.clear(result);
      return core::Unavailable(message);
    }
    std::vector<Row> rows;
    const int n = lib_.ntuples(result);
    const int fields = lib_.nfields(result);
    for (int r = 0; r < n; ++r) {
      Row row;
      for (int f = 0; f < fields; ++f) row.emplace_back(lib_.getvalue(result, r, f));
      rows.push_back(std::move(row));
    }
    lib_.clear(result);
    return rows;
  }

 private:
  const LibPq& lib_;
  std::mutex mu_;
  PGconn* conn_;
};

/// [begin, end) of the password inside `url`'s user info; npos when there is none.
std::pair<size_t, size_t> UserInfoPassword(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {std::string::npos, 0};
  const size_t start = scheme + 3;
  const size_t end = url.find_first_of("/?#", start);
  const size_t at = url.rfind('@', end == std::string::npos ? url.size() - 1 : end - 1);
  if (at == std::string::npos || at < start) return {std::string::npos, 0};
  const size_t colon = url.find(':', start);
  if (colon == std::string::npos || colon > at) return {std::string::npos, 0};
  return {colon + 1, at};
}

/// [begin, end) of the value of a password= parameter; npos when there is none.
std::pair<size_t, size_t> ParameterPassword(const std::string& url) {
  const size_t query = url.find('?');
  if (query == std::string::npos) return {std::string::npos, 0};
  for (size_t at = query + 1; at < url.size();) {
    const size_t end = url.find('&', at);
    const size_t stop = end == std::string::npos ? url.size() : end;
    if (url.compare(at, 9, "password=") == 0) return {at + 9, stop};
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return {std::string::npos, 0};
}

}  // namespace

bool IsPostgresUrl(const std::string& url) {
  return url.starts_with("postgres://") || url.starts_with("postgresql://");
}

std::string RedactUrl(const std::string& url) {
  std::string out = url;
  if (auto [begin, end] = ParameterPassword(out); begin != std::string::npos) {
    out.replace(begin, end - begin, kHidden);
  }
  if (auto [begin, end] = UserInfoPassword(out); begin != std::string::npos) {
    out.replace(begin, end - begin, kHidden);
  }
  return out;
}

std::string UrlPassword(const std::string& url) {
  if (auto [begin, end] = UserInfoPassword(url); begin != std::string::npos && end > begin) {
    return url.substr(begin, end - begin);
  }
  if (auto [begin, end] = ParameterPassword(url); begin != std::string::npos && end > begin) {
    return url.substr(begin, end - begin);
  }
  return "";
}

core::Result<std::unique_ptr<Database>> ConnectPostgres(const std::string& url) {
  auto lib = LoadLibPq();
  if (!lib.ok()) return lib.status();
  // Later keywords win: the URL's own connect_timeout overrides the default here.
  const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {"10", "aivenctl", url.c_str(), nullptr};
  PGconn* conn = (*lib)->connectdb_params(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return core::Unavailable("out of memory opening " + RedactUrl(url));
  if ((*lib)->status(conn) != CONNECTION_OK) {
    std::string message = Clean((*lib)->error_message(conn));
    (*lib)->finish(conn);
    return core::Unavailable("cannot connect to the lock database " + RedactUrl(url) + ": " +
                             message);
  }
  (*lib)->set_notice_processor(conn, IgnoreNotice, nullptr);
  return std::unique_ptr<Database>(new PostgresDatabase(**lib, conn));
}

}  // namespace aivenctl::lock
