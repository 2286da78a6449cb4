#include "support/emulator_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include <gtest/gtest.h>

#ifndef AIVENCTL_DEFAULT_BINARY_DIR
#define AIVENCTL_DEFAULT_BINARY_DIR ""
#endif

namespace aivenctl::testing {
namespace {

constexpr std::string_view kLinePrefix = "aiven-emulator listening on http://127.0.0.1:";

// Parses the port out of the listening line; 0 when the line has another shape.
int ParseListeningLine(std::string_view line) {
  if (!line.starts_with(kLinePrefix)) return 0;
  line.remove_prefix(kLinePrefix.size());
  if (line.empty() || line.size() > 5) return 0;
  int port = 0;
  for (char c : line) {
    if (c < '0' || c > '9') return 0;
    port = port * 10 + (c - '0');
  }
  return (port >= 1 && port <= 65535) ? port : 0;
}

void WriteAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

ExitInfo Decode(int status) {
  ExitInfo info;
  if (WIFEXITED(status)) {
    info.exited = true;
    info.code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    info.signal = WTERMSIG(status);
  }
  return info;
}

}  // namespace

std::string ExitInfo::ToString() const {
  std::string text =
      exited ? "exit code " + std::to_string(code) : "killed by signal " + std::to_string(signal);
  if (forced_kill) text += " (SIGTERM ignored, sent SIGKILL)";
  return text;
}

EmulatorProcess::EmulatorProcess(EmulatorOptions options)
    : options_(std::move(options)),
      binary_(options_.binary.empty() ? DefaultBinary() : options_.binary),
      dir_(std::make_unique<TempDir>("aiven-emulator-")),
      log_path_(dir_->File("emulator.log")) {
  if (options_.temp_data_dir) {
    data_dir_ = dir_->File("data");
    std::filesystem::create_directory(data_dir_);
  }
}

EmulatorProcess::~EmulatorProcess() {
  if (running()) Kill9();
  if (::testing::Test::HasFailure() && std::filesystem::exists(log_path_)) {
    dir_->Keep();
    std::cerr << "[emulator] a test failed; log kept at " << log_path_ << "\n"
              << LogTail() << "[emulator] end of log tail\n";
  }
}

std::string EmulatorProcess::DefaultBinary() {
  const char* env = std::getenv("AIVENCTL_BINARY_DIR");
  std::string dir = (env != nullptr && *env != '\0') ? env : AIVENCTL_DEFAULT_BINARY_DIR;
  return dir + "/emulator/aiven-emulator";
}

std::string EmulatorProcess::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

std::string EmulatorProcess::LogTail(std::size_t max_lines) const {
  std::ifstream in(log_path_);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(std::move(line));
    if (lines.size() > max_lines) lines.pop_front();
  }
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

core::Status EmulatorProcess::Fail(std::string message) {
  return core::Unavailable(message + "\n  binary: " + binary_ + "\n  log: " + log_path_ +
                           "\n  log tail:\n" + LogTail());
}

core::Status EmulatorProcess::Start() {
  if (running()) return core::FailedPrecondition("emulator already running");
  if (::access(binary_.c_str(), X_OK) != 0) {
    return core::NotFound("emulator binary not found or not executable: " + binary_);
  }
  int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) return core::Internal("cannot open " + log_path_ + ": " + std::strerror(errno));
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ::close(log_fd);
    return core::Internal(std::string("pipe2: ") + std::strerror(errno));
  }
  core::Status spawned = Spawn(out[1], log_fd);
  ::close(out[1]);
  if (!spawned.ok()) {
    ::close(out[0]);
    ::close(log_fd);
    return spawned;
  }
  core::Status ready = AwaitListeningLine(out[0]);
  if (!ready.ok()) {
    ::close(out[0]);
    ::close(log_fd);
    return ready;
  }
  // The rest of stdout goes to the log until the child closes it (exits).
  drain_ = std::thread([read_fd = out[0], log_fd] {
    char buf[4096];
    while (true) {
      ssize_t n = ::read(read_fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      WriteAll(log_fd, buf, static_cast<std::size_t>(n));
    }
    ::close(read_fd);
    ::close(log_fd);
  });
  return core::Status::Ok();
}

core::Status EmulatorProcess::Spawn(int stdout_write_fd, int log_fd) {
  std::vector<std::string> args = {binary_};
  if (!data_dir_.empty()) {
    args.push_back("--data-dir");
    args.push_back(data_dir_);
  }
  args.insert(args.end(), options_.args.begin(), options_.args.end());
  if (options_.strict) args.push_back("--strict");
  args.push_back("--port");
  args.push_back("0");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int exec_error[2];  // the child reports a failed exec here; EOF means exec worked
  if (::pipe2(exec_error, O_CLOEXEC) != 0) {
    return core::Internal(std::string("pipe2: ") + std::strerror(errno));
  }
  const pid_t parent = ::getpid();
  const long max_fd = std::min(::sysconf(_SC_OPEN_MAX), 65536L);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(exec_error[0]);
    ::close(exec_error[1]);
    return core::Internal(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGPIPE, &dfl, nullptr);
    ::dup2(stdout_write_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    // Do not leak the test's sockets and files (not all are O_CLOEXEC) into the child.
    for (long fd = 3; fd < max_fd; ++fd) {
      if (fd != exec_error[1]) ::close(static_cast<int>(fd));
    }
    ::execv(argv[0], argv.data());
    int err = errno;
    ssize_t ignored = ::write(exec_error[1], &err, sizeof err);
    (void)ignored;
    ::_exit(127);
  }
  ::close(exec_error[1]);
  int err = 0;
  ssize_t n;
  do {
    n = ::read(exec_error[0], &err, sizeof err);
  } while (n < 0 && errno == EINTR);
  ::close(exec_error[0]);
  pid_ = pid;
  if (n == static_cast<ssize_t>(sizeof err)) {
    Reap(false);
    return core::Internal("cannot execute " + binary_ + ": " + std::strerror(err));
  }
  return core::Status::Ok();
}

core::Status EmulatorProcess::AwaitListeningLine(int stdout_read_fd) {
  const auto deadline = std::chrono::steady_clock::now() + options_.start_timeout;
  std::string buffer;
  while (buffer.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      Kill9();
      return Fail("no listening line on stdout within " +
                  std::to_string(options_.start_timeout.count()) + " ms (got \"" + buffer + "\")");
    }
    pollfd pfd = {stdout_read_fd, POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char chunk[1024];
    ssize_t n = ::read(stdout_read_fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ExitInfo info = Reap(false);
      return Fail("emulator ended before printing its listening line (" + info.ToString() +
                  "; stdout so far: \"" + buffer + "\")");
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  const std::size_t newline = buffer.find('\n');
  const std::string line = buffer.substr(0, newline);
  const std::string rest = buffer.substr(newline + 1);
  if (!rest.empty()) {
    int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (log_fd >= 0) {
      WriteAll(log_fd, rest.data(), rest.size());
      ::close(log_fd);
    }
  }
  const int port = ParseListeningLine(line);
  if (port == 0) {
    Kill9();
    return Fail("unexpected first stdout line \"" + line + "\" (want \"" +
                std::string(kLinePrefix) + "PORT\")");
  }
  port_ = port;
  return core::Status::Ok();
}

ExitInfo EmulatorProcess::Reap(bool forced_kill) {
  if (pid_ <= 0) return {};
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  ExitInfo info = Decode(status);
  info.forced_kill = forced_kill;
  if (drain_.joinable()) drain_.join();
  return info;
}

ExitInfo EmulatorProcess::Stop() {
  if (!running()) return {};
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + options_.stop_timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      if (drain_.joinable()) drain_.join();
      return Decode(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(pid_, SIGKILL);
  return Reap(true);
}

ExitInfo EmulatorProcess::Kill9() {
  if (!running()) return {};
  ::kill(pid_, SIGKILL);
  return Reap(false);
}

core::Status EmulatorProcess::Restart() {
  if (running()) Stop();
  int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd >= 0) {
    const std::string marker = "---- aivenctl test: emulator restarted ----\n";
    WriteAll(log_fd, marker.data(), marker.size());
    ::close(log_fd);
  }
  return Start();
}

}  // namespace aivenctl::testing
