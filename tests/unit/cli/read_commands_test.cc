// `aivenctl clouds` and `aivenctl projects` through cli::Run against the emulator: text
// tables, JSON, --stats, token sources and their errors.

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../api/api_fixture.h"
#include "cli/cli.h"
#include "render/tables.h"
#include "support/temp_dir.h"

namespace aivenctl::cli {
namespace {

using api::testing::kToken;
using nlohmann::json;

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

class ReadCommandsTest : public api::testing::ApiFixture {
 protected:
  Outcome Run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), {"--api-url", emulator_.base_url()});
    std::ostringstream out, err;
    core::MapEnvironment environment(std::move(env));
    Io io{out, err, environment, false};
    int code = cli::Run(args, io);
    return {code, out.str(), err.str()};
  }
  /// A token file holding the emulator's token, mode 0600, in `dir`.
  static std::string TokenFile(const aivenctl::testing::TempDir& dir) {
    const std::string file = dir.File("token");
    std::ofstream(file) << kToken << "\n";
    ::chmod(file.c_str(), 0600);
    return file;
  }
  void Seed() {
    ASSERT_TRUE(
        api_->CreateProject({{"project", "ci-1"}, {"tags", {{"env", "ci"}, {"b", "2"}}}}).ok());
    ASSERT_TRUE(api_->CreateProject({{"project", "web"}, {"cloud", "aws-eu-west-1"}}).ok());
  }
};

TEST_F(ReadCommandsTest, CloudsNeedNoTokenAndAlignColumns) {
  Outcome o = Run({"clouds"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "");
  std::istringstream lines(o.out);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("NAME ", 0), 0u) << header;
  const size_t provider = header.find("PROVIDER");
  const size_t region = header.find("REGION");
  ASSERT_NE(provider, std::string::npos);
  int rows = 0;
  bool saw_google = false;
  while (std::getline(lines, line)) {
    ++rows;
    EXPECT_EQ(line[provider - 1], ' ') << line;
    EXPECT_NE(line[provider], ' ') << line;
    EXPECT_NE(line[region], ' ') << line;
    if (line.rfind("google-europe-west1 ", 0) == 0) {
      saw_google = true;
      EXPECT_EQ(line.substr(provider, 7), "google ") << line;
    }
  }
  EXPECT_EQ(rows, 27);
  EXPECT_TRUE(saw_google);
}

TEST_F(ReadCommandsTest, CloudsAsJson) {
  Outcome o = Run({"clouds", "--format", "json"});
  ASSERT_EQ(o.code, 0) << o.err;
  json doc = json::parse(o.out);
  ASSERT_EQ(doc["clouds"].size(), 27u);
  for (const auto& c : doc["clouds"]) {
    if (c["name"] != "google-europe-west1") continue;
    EXPECT_EQ(c["provider"], "google");
    EXPECT_EQ(c["geo_region"], "europe");
  }
}

TEST_F(ReadCommandsTest, ProjectsAsTableAndJson) {
  Seed();
  Outcome o = Run({"projects"}, {{"AIVEN_TOKEN", kToken}});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.out,
            "NAME  ROLES  DEFAULT CLOUD        TAGS\n"
            "ci-1  admin  google-europe-west1  b=2,env=ci\n"
            "web   admin  aws-eu-west-1\n");
  Outcome j = Run({"--format", "json", "projects"}, {{"AIVEN_AUTH_TOKEN", kToken}});
  ASSERT_EQ(j.code, 0) << j.err;
  EXPECT_EQ(json::parse(j.out), json::parse(R"({"projects": [
    {"name": "ci-1", "roles": ["admin"], "default_cloud": "google-europe-west1",
     "tags": {"b": "2", "env": "ci"}},
    {"name": "web", "roles": ["admin"], "default_cloud": "aws-eu-west-1", "tags": {}}]})"));
}

TEST_F(ReadCommandsTest, ProjectsWithoutATokenSayHowToGiveOne) {
  Outcome o = Run({"projects"});
  EXPECT_EQ(o.code, 1);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err,
            "aivenctl: no API token: set AIVEN_TOKEN (or AIVEN_AUTH_TOKEN), or pass "
            "--token-file FILE\n");
}

TEST_F(ReadCommandsTest, WrongTokenFailsWithoutPrintingIt) {
  Outcome o = Run({"projects"}, {{"AIVEN_TOKEN", "not-the-SECRET-token"}});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.err.find("GET /v1/project: 403"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("not-the-SECRET-token"), std::string::npos) << o.err;
}

TEST_F(ReadCommandsTest, TokenFileAndItsPermissionWarning) {
  Seed();
  aivenctl::testing::TempDir dir;
  const std::string file = TokenFile(dir);
  Outcome o = Run({"--token-file", file, "projects"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "");
  ::chmod(file.c_str(), 0644);
  o = Run({"--token-file", file, "projects"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.err, "aivenctl: warning: --token-file " + file +
                       " is readable by group or others (mode 644); run: chmod 600 " + file + "\n");
  o = Run({"--token-file", dir.File("missing"), "projects"});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.err.find("--token-file " + dir.File("missing") + ": "), std::string::npos) << o.err;
}

// The URL: --api-url, else AIVEN_API_URL, else AIVEN_WEB_URL. Whichever loses points at a
// closed port, so a wrong order fails the command.
TEST_F(ReadCommandsTest, UrlFromFlagThenAivenApiUrlThenAivenWebUrl) {
  const std::string good = emulator_.base_url(), dead = "http://127.0.0.1:1";
  struct Row {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    int code;
  };
  const Row rows[] = {
      {{"--api-url", good}, {{"AIVEN_API_URL", dead}, {"AIVEN_WEB_URL", dead}}, 0},
      {{}, {{"AIVEN_API_URL", good}, {"AIVEN_WEB_URL", dead}}, 0},
      {{}, {{"AIVEN_WEB_URL", good}}, 0},
      {{}, {{"AIVEN_API_URL", dead}, {"AIVEN_WEB_URL", good}}, 1},
      {{"--api-url", dead}, {{"AIVEN_API_URL", good}}, 1},
  };
  for (const Row& row : rows) {
    std::vector<std::string> args = row.args;
    args.insert(args.end(), {"--max-attempts", "1", "clouds"});
    std::ostringstream out, err;
    core::MapEnvironment env(row.env);
    Io io{out, err, env, false};
    EXPECT_EQ(cli::Run(args, io), row.code) << args[0] << " " << err.str();
  }
}

// The token: --token-file, else AIVEN_TOKEN, else AIVEN_AUTH_TOKEN.
TEST_F(ReadCommandsTest, TokenFromFileThenAivenTokenThenAivenAuthToken) {
  Seed();
  aivenctl::testing::TempDir dir;
  const std::string file = TokenFile(dir);
  const std::string wrong = "wrong-token-0c4f1b";
  EXPECT_EQ(
      Run({"--token-file", file, "projects"}, {{"AIVEN_TOKEN", wrong}, {"AIVEN_AUTH_TOKEN", wrong}})
          .code,
      0);
  EXPECT_EQ(Run({"projects"}, {{"AIVEN_TOKEN", kToken}, {"AIVEN_AUTH_TOKEN", wrong}}).code, 0);
  EXPECT_EQ(Run({"projects"}, {{"AIVEN_TOKEN", wrong}, {"AIVEN_AUTH_TOKEN", kToken}}).code, 1);
  EXPECT_EQ(Run({"projects"}, {{"AIVEN_TOKEN", ""}, {"AIVEN_AUTH_TOKEN", kToken}}).code, 0);
}

TEST_F(ReadCommandsTest, StatsGoToStderr) {
  Seed();
  Outcome o = Run({"--stats", "projects"}, {{"AIVEN_TOKEN", kToken}});
  ASSERT_EQ(o.code, 0) << o.err;
  std::istringstream lines(o.err);
  std::string first, header, row;
  std::getline(lines, first);
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(first.rfind("api: 1 request, ", 0), 0u) << o.err;
  EXPECT_EQ(header.rfind("ENDPOINT         REQUESTS  RETRIES  FAILURES  TIME MS", 0), 0u) << o.err;
  EXPECT_EQ(row.rfind("GET /v1/project         1        0         0", 0), 0u) << o.err;
}

TEST_F(ReadCommandsTest, BadConnectionFlags) {
  Outcome o = Run({"--request-timeout", "soon", "clouds"});
  EXPECT_EQ(o.code, 1);  // a usage error, like every error
  EXPECT_EQ(o.err.rfind("--request-timeout soon: invalid duration", 0), 0u) << o.err;
  o = Run({"--ca-cert", "/nonexistent/ca.pem", "clouds"});
  EXPECT_EQ(o.code, 1);
  EXPECT_EQ(o.err, "aivenctl: --ca-cert /nonexistent/ca.pem: No such file or directory\n");
  o = Run({"--max-attempts", "0", "clouds"});
  EXPECT_EQ(o.code, 1) << o.err;
  std::ostringstream out, err;
  core::MapEnvironment env(std::map<std::string, std::string>{{"AIVEN_WEB_URL", "ftp://nowhere"}});
  Io io{out, err, env, false};
  EXPECT_EQ(cli::Run({"clouds"}, io), 1);
  EXPECT_EQ(err.str(),
            "aivenctl: AIVEN_WEB_URL: API URL must start with https:// or http://: "
            "\"ftp://nowhere\"\n");
}

TEST_F(ReadCommandsTest, UnreachableApiIsAnErrorNotAHang) {
  std::ostringstream out, err;
  core::MapEnvironment env;
  Io io{out, err, env, false};
  int code = cli::Run({"--api-url", "http://127.0.0.1:1", "--max-attempts", "1", "clouds"}, io);
  EXPECT_EQ(code, 1);
  // One message with the URL, where it came from, what happened and a hint.
  EXPECT_EQ(err.str().rfind("aivenctl: cannot connect to the API at http://127.0.0.1:1 (from "
                            "--api-url): connect: ",
                            0),
            0u)
      << err.str();
  EXPECT_NE(err.str().find("\nhint: is the URL right and the server up?"), std::string::npos)
      << err.str();
}

TEST(Tables, FormatTableAlignsAndTrimsTrailingSpace) {
  render::Table t{{"a", "bee"}, {{"long-cell", "x"}, {"é", ""}}, {}};
  EXPECT_EQ(render::FormatTable(t),
            "A          BEE\n"
            "long-cell  x\n"
            "é\n");
  render::Table n{{"name", "n"}, {{"x", "5"}, {"y", "12"}}, {false, true}};
  EXPECT_EQ(render::FormatTable(n),
            "NAME   N\n"
            "x      5\n"
            "y     12\n");
}

}  // namespace
}  // namespace aivenctl::cli
