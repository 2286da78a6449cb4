#include "support/process_run.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/temp_dir.h"

#ifndef AIVENCTL_DEFAULT_BINARY_DIR
#define AIVENCTL_DEFAULT_BINARY_DIR "."
#endif
#ifndef AIVENCTL_DEFAULT_SOURCE_DIR
#define AIVENCTL_DEFAULT_SOURCE_DIR "."
#endif

namespace aivenctl::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string ProcessOutcome::Describe() const {
  std::string how = timed_out ? "timed out"
                    : signal  ? "signal " + std::to_string(signal)
                              : "exit " + std::to_string(code);
  return how + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
}

ProcessOutcome RunProcess(const ProcessSpec& spec) {
  TempDir dir("aivenctl-run");
  const std::string out_path = dir.path() + "/out", err_path = dir.path() + "/err",
                    in_path = dir.path() + "/in";
  std::ofstream(in_path, std::ios::binary) << spec.stdin_text;

  std::vector<std::string> argv_s{spec.program};
  argv_s.insert(argv_s.end(), spec.args.begin(), spec.args.end());
  std::vector<std::string> env_s;
  bool has_path = false;
  for (const auto& [k, v] : spec.env) {
    env_s.push_back(k + "=" + v);
    has_path = has_path || k == "PATH";
  }
  if (!has_path) env_s.push_back("PATH=/usr/bin:/bin");
  std::vector<char*> argv, envp;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = fork();
  if (pid == 0) {
    int in = open(in_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) _exit(126);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  ProcessOutcome o;
  if (pid < 0) return o;
  const auto start = std::chrono::steady_clock::now();
  bool signalled = false;
  int status = 0;
  while (true) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    auto elapsed = std::chrono::steady_clock::now() - start;
    if (!signalled && spec.signal_after && elapsed >= *spec.signal_after) {
      kill(pid, spec.signal_number);
      signalled = true;
    }
    if (!signalled && !spec.signal_when_output.empty() &&
        ReadAll(out_path).find(spec.signal_when_output) != std::string::npos) {
      kill(pid, spec.signal_number);
      signalled = true;
    }
    if (elapsed >= spec.timeout) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      o.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(status)) o.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) o.signal = WTERMSIG(status);
  o.out = ReadAll(out_path);
  o.err = ReadAll(err_path);
  return o;
}

std::string AivenctlBinary() {
  const char* env = std::getenv("AIVENCTL_BINARY_DIR");
  return std::string(env ? env : AIVENCTL_DEFAULT_BINARY_DIR) + "/engine/cli/aivenctl";
}

std::string SourceDir() {
  const char* env = std::getenv("AIVENCTL_SOURCE_DIR");
  return env ? env : AIVENCTL_DEFAULT_SOURCE_DIR;
}

}  // namespace aivenctl::testing
