// aiven-emulator: a local imitation of the Aiven REST API.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "server.h"

using namespace aivenctl::emulator;

int main(int argc, char** argv) {
  int exit_code = 0;
  const auto opts = ParseOptions(argc, argv, &exit_code);
  if (!opts) return exit_code;
  std::signal(SIGPIPE, SIG_IGN);
  // SIGINT/SIGTERM are taken by a thread with sigwait (no work in a signal handler);
  // block them before any other thread starts so that thread is the only taker.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::string error;
  const auto catalog = Catalog::LoadOrBuiltIn(opts->catalog_path, &error);
  if (!catalog) {
    std::fprintf(stderr, "aiven-emulator: %s\n", error.c_str());
    return 1;
  }
  auto store = Store::Open(opts->data_dir, &error);
  if (!store) {
    std::fprintf(stderr, "aiven-emulator: %s\n", error.c_str());
    return 1;
  }
  Clock clock;
  clock.set_offset(store->Read([](const Json& d) { return d.value("clock_offset", 0.0); }));
  Server server(World{*store, *catalog, clock, *opts}, *opts);
  const int port = server.Bind();
  if (port <= 0) {
    std::fprintf(stderr, "aiven-emulator: cannot bind %s:%d\n", opts->host.c_str(), opts->port);
    return 1;
  }
  std::printf("aiven-emulator listening on http://%s:%d\n", opts->host.c_str(), port);
  std::fflush(stdout);
  if (opts->tokens.empty()) {
    std::fprintf(stderr,
                 "aiven-emulator: no --token or AIVEN_EMULATOR_TOKENS given: any non-empty token "
                 "is accepted\n");
  }
  if (opts->data_dir.empty()) std::fprintf(stderr, "aiven-emulator: state is in memory only\n");
  if (opts->strict) {
    std::fprintf(stderr,
                 "aiven-emulator: strict mode: request bodies must match Aiven's OpenAPI "
                 "description (allowlist: emulator/src/strict_allowlist.cc)\n");
  }
  std::atomic<bool> run_returned{false};
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    // A signal right after the listening line can come before Run has started the
    // accept loop, when httplib's stop() does nothing: ask until it takes effect.
    while (!run_returned.load() && !server.Stop()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  server.Run();
  run_returned = true;
  // Run returned: either a signal arrived or the listener failed; make sure the
  // stopper thread ends in both cases.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return 0;
}
