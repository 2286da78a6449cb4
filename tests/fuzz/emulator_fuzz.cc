// libFuzzer target: the emulator's request handling in-process (Server::Handle, what the
// listener calls for each request), on a fresh in-memory store per input.
//
// An input is a sequence of requests separated by lines "%%", each written as
//   METHOD /path?query
//   Header: value
//   (empty line)
//   body
// (see tests/fuzz/corpus/fuzz_emulator/). Must never crash, hang or throw, and every answer
// is Aiven's JSON: a body that parses, and never a 500 (a 500 means a handler threw
// something other than an ApiError: a bug).
// /_emulator/faults and /_emulator/config are skipped: they script sleeps and dropped
// connections on purpose.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "server.h"

namespace {

using namespace aivenctl::emulator;

struct Emulator {
  explicit Emulator(bool strict) {
    const char* argv[] = {"aiven-emulator", "--token", "fuzz-token", "--strict"};
    int code = 0;
    auto parsed = ParseOptions(strict ? 4 : 3, const_cast<char**>(argv), &code);
    if (!parsed) std::abort();
    opts = *parsed;
    std::string error;
    catalog = Catalog::LoadOrBuiltIn(opts.catalog_path, &error);
    store = Store::Open("", &error);
    if (!catalog || !store) std::abort();
    server = std::make_unique<Server>(World{*store, *catalog, clock, opts}, opts);
  }
  Options opts;
  std::optional<Catalog> catalog;
  std::unique_ptr<Store> store;
  Clock clock;
  std::unique_ptr<Server> server;
};

// Splits off the next line (without its "\n"); empty view and false at the end.
bool NextLine(std::string_view* text, std::string_view* line) {
  if (text->empty()) return false;
  const size_t nl = text->find('\n');
  *line = text->substr(0, nl);
  text->remove_prefix(nl == std::string_view::npos ? text->size() : nl + 1);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  return true;
}

httplib::Request ParseRequest(std::string_view text) {
  httplib::Request req;
  std::string_view line;
  NextLine(&text, &line);
  const size_t space = line.find(' ');
  req.method = std::string(line.substr(0, space));
  std::string target(space == std::string_view::npos ? "" : line.substr(space + 1));
  // What httplib's request parser does with the target: split the query, decode the path.
  const size_t q = target.find('?');
  if (q != std::string::npos) {
    httplib::detail::parse_query_text(target.substr(q + 1), req.params);
    target.resize(q);
  }
  req.target = target;
  req.path = httplib::detail::decode_url(target, false);
  while (NextLine(&text, &line) && !line.empty()) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    req.headers.emplace(std::string(line.substr(0, colon)), std::string(value));
  }
  req.body = std::string(text);
  req.remote_addr = "127.0.0.1";
  req.remote_port = 40000;
  return req;
}

// Serves one input's requests on `emu` after a reset; aborts on a 500 or a non-JSON answer.
void Serve(Emulator* emu, std::string_view input) {
  emu->store->Reset();
  emu->store->Write([](Txn& t) { t.Set("/clock_offset", 0.0); });
  emu->clock.set_offset(0);
  int served = 0;
  while (!input.empty() && served < 64) {
    const size_t sep = input.find("\n%%\n");
    const std::string_view one = input.substr(0, sep);
    input.remove_prefix(sep == std::string_view::npos ? input.size() : sep + 4);
    httplib::Request req = ParseRequest(one);
    if (req.path.rfind("/_emulator/faults", 0) == 0 ||
        req.path.rfind("/_emulator/config", 0) == 0) {
      continue;
    }
    httplib::Response res;
    emu->server->Handle(req, res);
    ++served;
    if (res.status == 500) std::abort();  // a handler threw something that is not an ApiError
    if (!res.body.empty() && nlohmann::json::parse(res.body, nullptr, false).is_discarded()) {
      std::abort();  // every answer is JSON
    }
  }
}

}  // namespace

// Each input goes to a default emulator and to a --strict one (what the test suites run),
// so both the handlers' own checks and the request-schema checker are fuzzed.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Emulator* lenient = new Emulator(/*strict=*/false);
  static Emulator* strict = new Emulator(/*strict=*/true);
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Serve(lenient, input);
  Serve(strict, input);
  return 0;
}
