#include "support/postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace aivenctl::testing {
namespace {

namespace fs = std::filesystem;

/// A loopback port nobody listens on right now.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

/// The unprivileged account to run as when we are root; nullptr when we are not.
const passwd* RunAs() {
  if (::geteuid() != 0) return nullptr;
  return ::getpwnam("postgres");
}

/// Starts `argv` (as RunAs() when root) with stdout and stderr appended to `log`; the pid.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log) {
  const passwd* user = RunAs();
  const uid_t uid = user != nullptr ? user->pw_uid : 0;
  const gid_t gid = user != nullptr ? user->pw_gid : 0;
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd >= 0) {
    ::dup2(fd, 1);
    ::dup2(fd, 2);
  }
  int null = ::open("/dev/null", O_RDONLY);
  if (null >= 0) ::dup2(null, 0);
  if (user != nullptr) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) _exit(126);
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  _exit(127);
}

/// Runs `argv` to its end; its exit code (-1 when it did not exit).
int RunToEnd(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = Spawn(argv, log);
  if (pid < 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Tail(const std::string& path) {
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
}

}  // namespace

std::string PostgresServer::BinDir() {
  if (const char* env = std::getenv("AIVENCTL_PG_BIN"); env != nullptr && *env != '\0') return env;
  std::string best;
  int best_version = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const std::string name = entry.path().filename().string();
    const int version = std::atoi(name.c_str());
    if (version > best_version && fs::exists(entry.path() / "bin" / "initdb", ec)) {
      best_version = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

PostgresServer::PostgresServer() : bin_(BinDir()) {}

PostgresServer::~PostgresServer() { Stop(); }

core::Status PostgresServer::Start() {
  if (running()) return core::Status::Ok();
  if (bin_.empty() || !fs::exists(bin_ + "/postgres") || !fs::exists(bin_ + "/psql")) {
    return core::FailedPrecondition(
        "no PostgreSQL server binaries (initdb, postgres, psql under /usr/lib/postgresql/N/bin "
        "or $AIVENCTL_PG_BIN): run scripts/bootstrap, which installs postgresql-15");
  }
  const std::string log = dir_.File("postgres.log");
  const std::string data = dir_.File("data");
  if (const passwd* user = RunAs(); user != nullptr) {
    if (::chown(dir_.path().c_str(), user->pw_uid, user->pw_gid) != 0) {
      return core::Internal("chown " + dir_.path() + " to postgres failed");
    }
  } else if (::geteuid() == 0) {
    return core::FailedPrecondition(
        "running as root and there is no user `postgres` to run the server as: run "
        "scripts/bootstrap (postgresql-15 creates it)");
  }
  if (!initialized_) {
    int code = RunToEnd({bin_ + "/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E",
                         "UTF8", "--no-sync", "--no-instructions"},
                        log);
    if (code != 0)
      return core::Internal("initdb failed (exit " + std::to_string(code) + "):\n" + Tail(log));
    initialized_ = true;
  }
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = FreePort();
    pid_ = Spawn({bin_ + "/postgres", "-D", data, "-p", std::to_string(port_), "-k", dir_.path(),
                  "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=60",
                  "-c", "shared_buffers=16MB"},
                 log);
    for (int i = 0; i < 300; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;  // it ended: the port was taken, try another
      }
      if (RunToEnd({bin_ + "/pg_isready", "-q", "-h", "127.0.0.1", "-p", std::to_string(port_)},
                   "/dev/null") == 0) {
        return core::Status::Ok();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    Stop();
  }
  return core::Internal("postgres did not start:\n" + Tail(log));
}

void PostgresServer::Stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGQUIT);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string PostgresServer::url() const {
  return "postgres://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

std::string PostgresServer::url_with_password(const std::string& password) const {
  return "postgres://postgres:" + password + "@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

core::Result<std::string> PostgresServer::Sql(const std::string& sql) const {
  const std::string out = dir_.File("psql.out");
  std::error_code ec;
  fs::remove(out, ec);
  int code = RunToEnd(
      {bin_ + "/psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url(), "-c", sql}, out);
  std::string text = Tail(out);
  if (code != 0) return core::Internal("psql: " + text);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace aivenctl::testing
