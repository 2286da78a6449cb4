// A stand-in for aiven-emulator used by the support library's own tests. It speaks
// the same start-up contract (first stdout line, --port 0, --data-dir) and serves a few
// canned answers; --mode selects misbehaviour:
//   serve (default)  listen and answer; SIGTERM stops it with exit code 0
//   wrong-line       print a differently shaped first line, then wait
//   exit-early       write to stderr and exit 3 before printing anything
//   silent           print nothing and wait
//   ignore-term      like serve, but SIGTERM is ignored

#include <signal.h>
#include <unistd.h>
#include <atomic>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

json Error(const std::string& message, int status) {
  return {{"message", message}, {"errors", {{{"message", message}, {"status", status}}}}};
}

json Project(const std::string& name) {
  return {{"project_name", name},
          {"account_id", "a1b2c3d4e5f6"},
          {"organization_id", "org1b2c3d4e5f6"},
          {"default_cloud", "google-europe-west1"},
          {"billing_group_id", "11111111-2222-3333-4444-555555555555"},
          {"billing_group_name", "Default billing group"},
          {"billing_address", ""},
          {"billing_emails", json::array()},
          {"country", ""},
          {"country_code", ""},
          {"estimated_balance", "0.00"},
          {"payment_method", "no_payment_expected"},
          {"vat_id", ""}};
}

// Counts starts in <data-dir>/starts so a test can see that Restart kept the dir.
int CountStart(const std::string& data_dir) {
  if (data_dir.empty()) return 0;
  const std::string file = data_dir + "/starts";
  int starts = 0;
  std::ifstream(file) >> starts;
  std::ofstream(file, std::ios::trunc) << ++starts;
  return starts;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "serve";
  std::string data_dir;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--mode") mode = args[i + 1];
    if (args[i] == "--data-dir") data_dir = args[i + 1];
  }
  if (mode == "exit-early") {
    std::cerr << "fake emulator: failing on purpose\n";
    return 3;
  }
  if (mode == "silent") {
    while (true) pause();
  }

  // SIGTERM is handled by a thread (sigwait) so the server can stop cleanly.
  sigset_t term;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  if (mode == "ignore-term") {
    signal(SIGTERM, SIG_IGN);
  } else {
    pthread_sigmask(SIG_BLOCK, &term, nullptr);
  }

  httplib::Server server;
  const int starts = CountStart(data_dir);
  server.Get("/v1/clouds", [](const httplib::Request&, httplib::Response& res) {
    json body = {{"clouds",
                  {{{"cloud_name", "google-europe-west1"},
                    {"cloud_description", "Europe, Belgium - Google Cloud: Belgium"},
                    {"geo_region", "europe"},
                    {"geo_latitude", 50.45},
                    {"geo_longitude", 3.82}}}}};
    res.set_content(body.dump(), "application/json");
  });
  server.Get(R"(/v1/project/([^/]+))", [](const httplib::Request& req, httplib::Response& res) {
    json project = Project(req.matches[1]);
    if (req.matches[1] == "broken") project["project_name"] = 42;
    res.set_content(json{{"project", project}}.dump(), "application/json");
  });
  server.Get(R"(/v1/project/([^/]+)/service/([^/]+))",
             [](const httplib::Request& req, httplib::Response& res) {
               res.status = 404;
               json body = Error("Service " + req.matches[2].str() + " does not exist", 404);
               if (req.matches[2] == "badshape") body = {{"oops", true}};
               if (req.matches[2] == "notjson") {
                 res.set_content("<html>nope</html>", "text/html");
                 return;
               }
               res.set_content(body.dump(), "application/json");
             });
  server.Post("/v1/project", [](const httplib::Request& req, httplib::Response& res) {
    json in = json::parse(req.body, nullptr, false);
    if (in.is_discarded()) {
      res.status = 400;
      res.set_content(Error("Invalid JSON", 400).dump(), "application/json");
      return;
    }
    res.set_content(json{{"project", Project(in.value("project", "x"))}}.dump(),
                    "application/json");
  });
  // Answers 201, a status the spec never declares (REFERENCE §1).
  server.Post(R"(/v1/project/([^/]+)/service)",
              [](const httplib::Request&, httplib::Response& res) {
                res.status = 201;
                res.set_content("{}", "application/json");
              });
  server.Get("/_emulator/echo", [&](const httplib::Request& req, httplib::Response& res) {
    json body = {{"authorization", req.get_header_value("Authorization")},
                 {"x_test", req.get_header_value("X-Test")},
                 {"starts", starts},
                 {"args", args}};
    res.set_content(body.dump(), "application/json");
  });
  server.Post("/_emulator/echo", [](const httplib::Request& req, httplib::Response& res) {
    json body = {{"body", req.body}, {"content_type", req.get_header_value("Content-Type")}};
    res.set_content(body.dump(), "application/json");
  });

  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::cerr << "fake emulator: cannot bind\n";
    return 2;
  }
  if (mode == "wrong-line") {
    std::cout << "listening on 127.0.0.1:" << port << std::endl;
    while (true) pause();
  }
  std::cout << "aiven-emulator listening on http://127.0.0.1:" << port << std::endl;
  std::cout << "fake emulator: more stdout after the first line" << std::endl;
  std::cerr << "fake emulator: a line on stderr" << std::endl;

  std::atomic<bool> finished{false};
  std::thread stopper;
  if (mode != "ignore-term") {
    stopper = std::thread([&] {
      int sig = 0;
      sigwait(&term, &sig);
      // SIGTERM may come before listening starts, when stop() is a no-op: repeat it.
      while (!finished.load()) {
        server.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
  }
  server.listen_after_bind();
  finished.store(true);
  if (stopper.joinable()) stopper.join();
  std::cout << "fake emulator: stopped" << std::endl;
  return 0;
}
