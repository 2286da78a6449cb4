// Outputs a pipeline consumes, end to end: the real binary against the emulator, each
// format read back by the tool that consumes it (bash and dash sourcing the dotenv file, a
// Python parser of GitHub's $GITHUB_ENV format written after the runner's, the raw env-file
// parsed as docker does), the CA certificate parsed by `openssl x509`, per-user URIs checked
// against what the API issued, and the targets that are refused (a symlink, a FIFO,
// /dev/stdout, a directory) before anything changes. These tests run as root in CI: the
// refusals do not depend on permissions.

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "e2e_fixture.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;
using Values = std::map<std::string, std::string>;

// The issue's pipeline: PostgreSQL with two databases and two users, Kafka with a user,
// ClickHouse and OpenSearch with one each.
constexpr const char* kPlan = R"(version: 1
name: pr-outputs
projects:
  - name: pr-outputs-e2e
    cloud: google-europe-north1
    services:
      - name: pg
        type: pg
        plan: startup-4
        databases: [app, reports]
        users: [app, reporting]
      - name: events
        type: kafka
        plan: startup-2
        users: [loader]
      - name: ch
        type: clickhouse
        plan: startup-16
        users: [analyst]
      - name: search
        type: opensearch
        plan: startup-4
        users: [reader]
)";
constexpr const char* kProject = "/v1/project/pr-outputs-e2e";

class Outputs : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    plan_ = dir_.File("pr.yaml");
    std::ofstream(plan_) << kPlan;
  }

  void Apply(std::vector<std::string> extra = {}, ProcessSpec spec = {},
             Stdout printed = Stdout::kSearched) {
    std::vector<std::string> args = {"apply", plan_};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessOutcome applied = Aivenctl(Fast(args), std::move(spec), printed);
    ASSERT_EQ(applied.code, 0) << applied.Describe();
  }

  /// The values as the JSON format has them: what every other format must give back.
  Values Reference() {
    const std::string path = dir_.File("reference.json");
    ProcessOutcome o = Aivenctl({"outputs", plan_, "--outputs", path});
    EXPECT_EQ(o.code, 0) << o.Describe();
    json j = json::parse(ReadAll(path), nullptr, false);
    EXPECT_TRUE(j.is_object()) << ReadAll(path).size();
    return j.is_object() ? j.get<Values>() : Values{};
  }

  /// Runs a tool the way a pipeline step does.
  static ProcessOutcome Tool(const std::string& program, std::vector<std::string> args,
                             const std::string& stdin_text = "") {
    ProcessSpec spec;
    spec.program = program;
    spec.args = std::move(args);
    spec.env = {{"PATH", "/usr/bin:/bin"}, {"LANG", "C.UTF-8"}};
    spec.stdin_text = stdin_text;
    spec.timeout = std::chrono::seconds(60);
    return RunProcess(spec);
  }

  /// `openssl x509 -noout -subject` on `pem`: the subject, or the failure.
  static std::string CertificateSubject(const std::string& pem) {
    ProcessOutcome o = Tool("/usr/bin/openssl", {"x509", "-noout", "-subject"}, pem);
    return o.code == 0 ? o.out : "openssl failed: " + o.Describe();
  }

  /// The user `name` of service `service`, with its secrets, as the API has it.
  json User(const std::string& service, const std::string& name) {
    json svc = Get(std::string(kProject) + "/service/" + service + "?include_secrets=true");
    for (const auto& u : svc["service"]["users"]) {
      if (u["username"] == name) return u;
    }
    ADD_FAILURE() << "no user " << name << " on " << service;
    return json::object();
  }

  json UriParams(const std::string& service) {
    return Get(std::string(kProject) + "/service/" + service +
               "?include_secrets=true")["service"]["service_uri_params"];
  }

  static unsigned Mode(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
  }

  std::string plan_;
};

constexpr const char* kCaSubject = "subject=O = aiven-emulator, CN = aiven-emulator Project CA\n";

TEST_F(Outputs, DotenvGivesEveryValueExactlyToBashAndDash) {
  const std::string env_file = dir_.File("pr.env");
  Apply({"--outputs", env_file});
  EXPECT_EQ(Mode(env_file), 0600u);
  const Values reference = Reference();
  std::string names;
  for (const auto& [name, value] : reference) names += name + " ";
  EXPECT_EQ(
      names,
      "CH_CLICKHOUSE_CA_CERT CH_CLICKHOUSE_HOST CH_CLICKHOUSE_PASSWORD CH_CLICKHOUSE_PORT "
      "CH_CLICKHOUSE_URI CH_CLICKHOUSE_USER CH_CLICKHOUSE_USER_ANALYST_PASSWORD "
      "CH_CLICKHOUSE_USER_ANALYST_URI EVENTS_KAFKA_ACCESS_CERT EVENTS_KAFKA_ACCESS_KEY "
      "EVENTS_KAFKA_CA_CERT EVENTS_KAFKA_HOST EVENTS_KAFKA_PORT EVENTS_KAFKA_REST_URI "
      "EVENTS_KAFKA_SCHEMA_REGISTRY_URI EVENTS_KAFKA_URI EVENTS_KAFKA_USER_LOADER_ACCESS_CERT "
      "EVENTS_KAFKA_USER_LOADER_ACCESS_KEY EVENTS_KAFKA_USER_LOADER_PASSWORD "
      "EVENTS_KAFKA_USER_LOADER_URI PG_CA_CERT PG_DATABASE PG_HOST PG_PASSWORD PG_PORT "
      "PG_SSLMODE PG_URI PG_USER PG_USER_APP_PASSWORD PG_USER_APP_URI "
      "PG_USER_REPORTING_PASSWORD PG_USER_REPORTING_URI SEARCH_OPENSEARCH_CA_CERT "
      "SEARCH_OPENSEARCH_HOST SEARCH_OPENSEARCH_PASSWORD SEARCH_OPENSEARCH_PORT "
      "SEARCH_OPENSEARCH_URI SEARCH_OPENSEARCH_USER SEARCH_OPENSEARCH_USER_READER_PASSWORD "
      "SEARCH_OPENSEARCH_USER_READER_URI ");

  // What the API issued, independently of aivenctl's formats.
  const json pg = UriParams("pg");
  const std::string pg_at =
      "@" + pg["host"].get<std::string>() + ":" + pg["port"].get<std::string>();
  EXPECT_EQ(reference.at("PG_USER_APP_URI"),
            "postgres://app:" + User("pg", "app")["password"].get<std::string>() + pg_at +
                "/app?sslmode=require");
  EXPECT_EQ(reference.at("PG_USER_REPORTING_URI"),
            "postgres://reporting:" + User("pg", "reporting")["password"].get<std::string>() +
                pg_at + "/app?sslmode=require")
      << "the service's first declared database";
  EXPECT_EQ(reference.at("PG_URI"), "postgres://avnadmin:" + pg["password"].get<std::string>() +
                                        pg_at + "/defaultdb?sslmode=require");
  const json ch = UriParams("ch");
  EXPECT_EQ(reference.at("CH_CLICKHOUSE_USER_ANALYST_URI"),
            "https://analyst:" + User("ch", "analyst")["password"].get<std::string>() + "@" +
                ch["host"].get<std::string>() + ":" + ch["port"].get<std::string>());
  EXPECT_EQ(reference.count("SEARCH_OPENSEARCH_USER_READER_URI"), 1u);
  const json loader = User("events", "loader");
  EXPECT_EQ(reference.at("EVENTS_KAFKA_USER_LOADER_ACCESS_CERT"),
            loader["access_cert"].get<std::string>());
  EXPECT_EQ(reference.at("EVENTS_KAFKA_USER_LOADER_ACCESS_KEY"),
            loader["access_key"].get<std::string>());
  EXPECT_EQ(reference.at("PG_CA_CERT"),
            Get(std::string(kProject) + "/kms/ca")["certificate"].get<std::string>());

  for (const char* shell : {"/bin/bash", "/bin/sh"}) {  // /bin/sh is dash on Debian
    ProcessOutcome sourced = Tool(shell, {"-c", "set -a; . \"$1\"; exec env -0", "sh", env_file});
    ASSERT_EQ(sourced.code, 0) << shell << ": " << sourced.Describe();
    Values got;
    std::istringstream entries(sourced.out);
    for (std::string entry; std::getline(entries, entry, '\0');) {
      const size_t eq = entry.find('=');
      if (eq != std::string::npos) got[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [name, value] : reference) {
      EXPECT_TRUE(got[name] == value) << shell << " read " << name << " differently";
    }
    EXPECT_EQ(CertificateSubject(got["PG_CA_CERT"]), kCaSubject) << shell;
  }
}

// GitHub's runner (actions/runner, SetEnvFileCommand) reads $GITHUB_ENV like this: NAME=VALUE
// when `=` comes before `<<`, else NAME<<DELIMITER and the text up to the newline before the
// line that is exactly DELIMITER.
constexpr const char* kGithubEnvParser = R"(
import json, sys
lines = open(sys.argv[1], encoding="utf-8", newline="").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
env, i = {}, 0
while i < len(lines):
    line = lines[i]
    i += 1
    if not line:
        continue
    eq, heredoc = line.find("="), line.find("<<")
    if eq >= 0 and (heredoc < 0 or eq < heredoc):
        name, value = line.split("=", 1)
        env[name] = value
    elif heredoc >= 0 and (eq < 0 or heredoc < eq):
        name, delimiter = line.split("<<", 1)
        if not name or not delimiter:
            sys.exit("Invalid environment variable format '%s'" % line)
        value = []
        while True:
            if i >= len(lines):
                sys.exit("Matching delimiter not found '%s'" % delimiter)
            line = lines[i]
            i += 1
            if line == delimiter:
                break
            value.append(line)
        env[name] = "\n".join(value)
    else:
        sys.exit("Invalid environment variable format '%s'" % line)
print(json.dumps(env))
)";

TEST_F(Outputs, GithubFormatMasksSecretsAndTheRunnersParserReadsEveryValue) {
  const std::string github_env = dir_.File("set_env_1234");
  std::ofstream(github_env) << "EARLIER=kept\n";  // an earlier step's line
  ::chmod(github_env.c_str(), 0644);
  ProcessSpec spec;
  spec.env["GITHUB_ENV"] = github_env;
  const std::string before_apply = ReadAll(github_env);
  ProcessOutcome applied = Aivenctl(Fast({"apply", plan_, "--outputs-format", "github"}), spec,
                                    Stdout::kGithubMaskLines);
  ASSERT_EQ(applied.code, 0) << applied.Describe();
  EXPECT_EQ(Mode(github_env), 0644u) << "the runner's file keeps its mode";
  EXPECT_NE(applied.err.find("to $GITHUB_ENV (" + github_env + ")"), std::string::npos)
      << applied.err;
  const Values reference = Reference();

  ProcessOutcome parsed = Tool("/usr/bin/python3", {"-c", kGithubEnvParser, github_env});
  ASSERT_EQ(parsed.code, 0) << parsed.Describe();
  Values env = json::parse(parsed.out).get<Values>();
  EXPECT_EQ(env["EARLIER"], "kept");
  env.erase("EARLIER");
  EXPECT_EQ(env.size(), reference.size());
  for (const auto& [name, value] : reference) {
    EXPECT_TRUE(env[name] == value) << "the runner would read " << name << " differently";
  }
  EXPECT_EQ(CertificateSubject(env["PG_CA_CERT"]), kCaSubject);

  // stdout: the progress, then one ::add-mask:: line per line of each value that holds an
  // issued secret, and no other workflow command.
  std::set<std::string> masked;
  std::istringstream lines(applied.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("::add-mask::", 0) == 0) {
      masked.insert(line.substr(12));
    } else {
      EXPECT_NE(line.rfind("::", 0), 0u) << line.substr(0, 20);
    }
  }
  std::set<std::string> secret_lines;
  for (const auto& [name, value] : reference) {
    if (secrets_.CountIn(value) == 0) continue;  // holds no issued secret
    std::istringstream value_lines(value);
    for (std::string line; std::getline(value_lines, line);) {
      if (line.empty()) continue;
      secret_lines.insert(line);
      EXPECT_EQ(masked.count(line), 1u) << "a line of " << name << " is not masked";
    }
  }
  EXPECT_GT(secret_lines.size(), 20u);
  for (const std::string& mask : masked) {
    EXPECT_EQ(secret_lines.count(mask), 1u)
        << "a mask of " << mask.size() << " characters that is no line of an issued secret";
  }
  EXPECT_EQ(masked.count(reference.at("PG_HOST")), 0u);
  EXPECT_NE(before_apply, ReadAll(github_env));
}

TEST_F(Outputs, EnvFileIsRawAndMultiLineValuesAreFilesBesideIt) {
  Apply();
  const Values reference = Reference();
  const std::string list = dir_.File("pr.list");
  ProcessOutcome o =
      Aivenctl({"outputs", plan_, "--outputs-format", "env-file", "--outputs", list});
  ASSERT_EQ(o.code, 0) << o.Describe();
  EXPECT_EQ(Mode(list), 0600u);

  // As docker --env-file reads it: one NAME=value per line, the value raw to the line's end.
  Values got;
  std::istringstream lines(ReadAll(list));
  for (std::string line; std::getline(lines, line);) {
    const size_t eq = line.find('=');
    ASSERT_NE(eq, std::string::npos) << line.substr(0, 20);
    got[line.substr(0, eq)] = line.substr(eq + 1);
  }
  size_t files = 0;
  for (const auto& [name, value] : reference) {
    if (value.find('\n') == std::string::npos) {
      EXPECT_EQ(got[name], value) << name;
      continue;
    }
    ++files;
    EXPECT_EQ(got.count(name), 0u) << name << " is multi-line: only " << name << "_FILE";
    const std::string file = got[name + "_FILE"];
    EXPECT_EQ(file, list + "." + name);
    EXPECT_EQ(ReadAll(file), value) << name;
    EXPECT_EQ(Mode(file), 0600u) << file;
  }
  EXPECT_EQ(got.size(), reference.size());
  EXPECT_GE(files, 8u) << "CA certificates, Kafka keys and certificates";
  ProcessOutcome ca =
      Tool("/usr/bin/openssl", {"x509", "-noout", "-subject", "-in", got["PG_CA_CERT_FILE"]});
  EXPECT_EQ(ca.out, kCaSubject) << ca.Describe();
}

TEST_F(Outputs, OneValuePrintsRawAndAnUnknownNameGetsTheCloseOnes) {
  Apply();
  const Values reference = Reference();
  ProcessOutcome uri = Aivenctl({"outputs", plan_, "PG_USER_APP_URI"}, {}, Stdout::kAskedFor);
  ASSERT_EQ(uri.code, 0) << uri.Describe();
  EXPECT_EQ(uri.out, reference.at("PG_USER_APP_URI")) << "raw: no quotes, no newline added";
  EXPECT_EQ(uri.err, "");
  ProcessOutcome ca = Aivenctl({"outputs", plan_, "PG_CA_CERT"});
  EXPECT_EQ(CertificateSubject(ca.out), kCaSubject);

  ProcessOutcome typo = Aivenctl({"outputs", plan_, "PG_USER_APP_URL"});
  EXPECT_EQ(typo.code, 1);
  EXPECT_EQ(typo.out, "");
  EXPECT_EQ(typo.err,
            "aivenctl: outputs: plan pr-outputs has no value named \"PG_USER_APP_URL\" (did you "
            "mean \"PG_USER_APP_URI\"?)\n");

  // `-` prints the whole set on stdout (the outputs command only).
  ProcessOutcome all = Aivenctl({"outputs", plan_, "--outputs", "-"}, {}, Stdout::kAskedFor);
  ASSERT_EQ(all.code, 0) << all.Describe();
  EXPECT_NE(all.out.find("PG_USER_APP_URI='" + reference.at("PG_USER_APP_URI") + "'\n"),
            std::string::npos);
}

TEST_F(Outputs, SymlinkFifoDevStdoutAndDirectoryAreRefusedBeforeAnythingChanges) {
  const std::string real = dir_.File("real.env");
  const std::string link = dir_.File("link.env");
  std::ofstream(real) << "keep\n";
  ::chmod(real.c_str(), 0400);  // as root a write would go through: the refusal must not
  ASSERT_EQ(::symlink(real.c_str(), link.c_str()), 0);
  const std::string fifo = dir_.File("pipe.env");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string tail = ", and aivenctl writes only regular files, never through links; ";
  const std::string hint =
      "; to print the connection details, run `aivenctl outputs PLANFILE --outputs -`\n";

  ProcessOutcome linked = Aivenctl(Fast({"apply", plan_, "--outputs", link}));
  EXPECT_EQ(linked.code, 1) << linked.Describe();
  EXPECT_EQ(linked.err, "aivenctl: refusing to write " + link + ": it is a symbolic link to " +
                            real + tail + "name the file itself, or remove the link first" + hint);
  EXPECT_TRUE(Inventory().empty()) << "refused before the apply started";

  ProcessSpec bounded;
  bounded.timeout = std::chrono::seconds(30);  // a write into the FIFO would block
  ProcessOutcome piped = Aivenctl({"outputs", plan_, "--outputs", fifo}, bounded);
  EXPECT_FALSE(piped.timed_out);
  EXPECT_EQ(piped.err, "aivenctl: refusing to write " + fifo + ": it is a FIFO (named pipe)" +
                           tail + "name a regular file (it may not exist yet)" + hint);
  ProcessOutcome dev = Aivenctl({"outputs", plan_, "--outputs", "/dev/stdout"});
  EXPECT_EQ(dev.err,
            "aivenctl: refusing to write /dev/stdout: it is a symbolic link to "
            "/proc/self/fd/1" +
                tail + "name the file itself, or remove the link first" + hint);
  ProcessOutcome folder = Aivenctl({"outputs", plan_, "--outputs", dir_.path()});
  EXPECT_EQ(folder.err, "aivenctl: refusing to write " + dir_.path() + ": it is a directory" +
                            tail + "name a file inside it" + hint);
  for (const ProcessOutcome* o : {&piped, &dev, &folder}) EXPECT_EQ(o->code, 1) << o->Describe();

  // `-` is stdout only on the outputs command; env-file needs a real file for its files.
  ProcessOutcome dash = Aivenctl(Fast({"apply", plan_, "--outputs", "-"}));
  EXPECT_EQ(dash.code, 1);
  EXPECT_EQ(dash.err,
            "aivenctl: --outputs -: standard output carries the progress of this command; "
            "write a file, or print the details afterwards with `aivenctl outputs PLANFILE "
            "--outputs -`\n");
  ProcessOutcome env_file =
      Aivenctl({"outputs", plan_, "--outputs-format", "env-file", "--outputs", "-"});
  EXPECT_EQ(env_file.code, 1);
  EXPECT_NE(env_file.err.find("env-file writes multi-line values to files beside FILE"),
            std::string::npos)
      << env_file.err;
  // github appends to $GITHUB_ENV only, and needs it.
  ProcessOutcome no_env = Aivenctl({"outputs", plan_, "--outputs-format", "github"});
  EXPECT_EQ(no_env.code, 1);
  EXPECT_EQ(no_env.err,
            "aivenctl: --outputs-format github needs $GITHUB_ENV, which GitHub Actions sets in a "
            "job; elsewhere use --outputs FILE with --outputs-format dotenv or env-file\n");
  ProcessSpec github;
  github.env["GITHUB_ENV"] = link;
  ProcessOutcome linked_env = Aivenctl({"outputs", plan_, "--outputs-format", "github"}, github);
  EXPECT_EQ(linked_env.code, 1);
  EXPECT_EQ(linked_env.err, "aivenctl: refusing to write " + link + ": it is a symbolic link to " +
                                real + tail + "name the file itself, or remove the link first\n");

  EXPECT_EQ(ReadAll(real), "keep\n");
  struct stat st {};
  ASSERT_EQ(::lstat(link.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_TRUE(Inventory().empty());
  std::cout << "[outputs] refusals checked as uid " << ::geteuid() << "\n";
}

}  // namespace
}  // namespace aivenctl::testing
