#include "api/config.h"

#include <gtest/gtest.h>

#include <map>

#include "api/errors.h"
#include "api/redact.h"

namespace aivenctl::api {
namespace {

core::MapEnvironment Env(std::map<std::string, std::string> vars) {
  return core::MapEnvironment(std::move(vars));
}

TokenFileReader Files(std::map<std::string, TokenFile> files) {
  return [files](const std::string& path) -> core::Result<TokenFile> {
    auto it = files.find(path);
    if (it == files.end()) return core::NotFound("No such file or directory");
    return it->second;
  };
}

TEST(ResolveConnection, Defaults) {
  auto r = ResolveConnection({}, Env({}), Files({}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->base_url, "https://api.aiven.io");
  EXPECT_EQ(r->token, "");
  EXPECT_EQ(r->token_source, "none");
}

TEST(ResolveConnection, FlagBeatsEnvironmentAndSlashOrV1IsTrimmed) {
  auto env = Env({{"AIVEN_WEB_URL", "http://127.0.0.1:9/"}});
  EXPECT_EQ(ResolveConnection({}, env, Files({}))->base_url, "http://127.0.0.1:9");
  auto r = ResolveConnection({.api_url = "https://example.test/v1"}, env, Files({}));
  EXPECT_EQ(r->base_url, "https://example.test");
  EXPECT_EQ(r->url_source, "--api-url");
  EXPECT_FALSE(ResolveConnection({.api_url = "ftp://x"}, env, Files({})).ok());
}

// Flag, then environment, then default: one row per combination of what is given.
TEST(ResolveConnection, UrlOrder) {
  struct Row {
    std::optional<std::string> flag;
    std::map<std::string, std::string> env;
    std::string url, source;
  };
  const std::map<std::string, std::string> both = {{"AIVEN_API_URL", "http://api.test"},
                                                   {"AIVEN_WEB_URL", "http://web.test"}};
  const Row rows[] = {
      {"http://flag.test", both, "http://flag.test", "--api-url"},
      {std::nullopt, both, "http://api.test", "AIVEN_API_URL"},
      {std::nullopt, {{"AIVEN_WEB_URL", "http://web.test"}}, "http://web.test", "AIVEN_WEB_URL"},
      {std::nullopt,
       {{"AIVEN_API_URL", ""}, {"AIVEN_WEB_URL", "http://web.test"}},
       "http://web.test",
       "AIVEN_WEB_URL"},
      {"", {{"AIVEN_API_URL", "http://api.test"}}, "http://api.test", "AIVEN_API_URL"},
      {std::nullopt, {}, "https://api.aiven.io", "default"},
  };
  for (const Row& row : rows) {
    auto r = ResolveConnection({.api_url = row.flag}, Env(row.env), Files({}));
    ASSERT_TRUE(r.ok()) << row.source << ": " << r.status().message();
    EXPECT_EQ(r->base_url, row.url) << row.source;
    EXPECT_EQ(r->url_source, row.source);
  }
  auto bad = ResolveConnection({}, Env({{"AIVEN_API_URL", "ftp://nowhere"}}), Files({}));
  EXPECT_EQ(bad.status().message(),
            "AIVEN_API_URL: API URL must start with https:// or http://: \"ftp://nowhere\"");
}

TEST(ResolveConnection, TokenOrder) {
  auto files = Files({{"/t", {"from-file-token\n", 0600}}});
  ConnectionFlags with_file{.token_file = "/t"};
  const std::map<std::string, std::string> both = {{"AIVEN_TOKEN", "env-token-1"},
                                                   {"AIVEN_AUTH_TOKEN", "env-token-2"}};
  auto a = ResolveConnection(with_file, Env(both), files);
  EXPECT_EQ(a->token, "from-file-token");
  EXPECT_EQ(a->token_source, "--token-file /t");
  EXPECT_TRUE(a->warnings.empty());
  auto b = ResolveConnection({}, Env(both), files);
  EXPECT_EQ(b->token, "env-token-1");
  EXPECT_EQ(b->token_source, "AIVEN_TOKEN");
  auto c =
      ResolveConnection({}, Env({{"AIVEN_TOKEN", ""}, {"AIVEN_AUTH_TOKEN", "env-token-2"}}), files);
  EXPECT_EQ(c->token, "env-token-2");
  EXPECT_EQ(c->token_source, "AIVEN_AUTH_TOKEN");
  auto d = ResolveConnection({.token_file = ""}, Env({}), files);
  EXPECT_EQ(d->token, "");
  EXPECT_EQ(d->token_source, "none");
  // A named file that cannot be read is an error even when the environment has a token.
  auto e = ResolveConnection({.token_file = "/nope"}, Env(both), files);
  EXPECT_EQ(e.status().message(), "--token-file /nope: No such file or directory");
  EXPECT_EQ(Redact("x from-file-token y"), "x <redacted> y");  // registered as a secret
}

TEST(ResolveConnection, TokenFileReadableByOthersWarnsAndUnreadableFails) {
  auto r = ResolveConnection({.token_file = "/shared"}, Env({}),
                             Files({{"/shared", {"tok-abcdef", 0644}}}));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0],
            "--token-file /shared is readable by group or others (mode 644); run: chmod 600 "
            "/shared");
  auto missing = ResolveConnection({.token_file = "/nope"}, Env({}), Files({}));
  EXPECT_EQ(missing.status().message(), "--token-file /nope: No such file or directory");
  auto empty = ResolveConnection({.token_file = "/e"}, Env({}), Files({{"/e", {"\n", 0600}}}));
  EXPECT_EQ(empty.status().message(), "--token-file /e: empty file");
}

TEST(Errors, ParseErrorBodyIsTolerant) {
  ErrorBody b = ParseErrorBody(
      R"({"message":"Top","errors":[{"message":"Inner","error_code":"service_not_found"}]})");
  EXPECT_EQ(b.message, "Top");
  EXPECT_EQ(b.error_code, "service_not_found");
  EXPECT_EQ(ParseErrorBody(R"({"errors":[{"message":"Inner"}]})").message, "Inner");
  EXPECT_EQ(ParseErrorBody("<html>502 Bad Gateway</html>\n").message,
            "<html>502 Bad Gateway</html>");
  EXPECT_EQ(ParseErrorBody("").message, "");
  EXPECT_EQ(ParseErrorBody("[1,2]").message, "[1,2]");
}

TEST(Errors, StatusMapping) {
  using core::Code;
  EXPECT_EQ(CodeForHttpStatus(404, ""), Code::kNotFound);
  EXPECT_EQ(CodeForHttpStatus(409, "Project already exists"), Code::kAlreadyExists);
  EXPECT_EQ(CodeForHttpStatus(409, "conflict"), Code::kFailedPrecondition);
  EXPECT_EQ(CodeForHttpStatus(403, ""), Code::kPermissionDenied);
  EXPECT_EQ(CodeForHttpStatus(429, ""), Code::kUnavailable);
  EXPECT_EQ(CodeForHttpStatus(503, ""), Code::kUnavailable);
  EXPECT_EQ(CodeForHttpStatus(400, ""), Code::kInvalidArgument);
  EXPECT_EQ(CodeForTransportError(TransportErrorKind::kTimeout), Code::kDeadlineExceeded);
  EXPECT_EQ(CodeForTransportError(TransportErrorKind::kConnectionLost), Code::kUnavailable);
}

TEST(Redact, MasksKnownSecretsAndAuthorizationValues) {
  SecretSet s;
  s.Add("abc");  // too short to be treated as a secret
  s.Add("hunter22");
  EXPECT_EQ(s.Redact("pw=hunter22;pw=hunter22"), "pw=<redacted>;pw=<redacted>");
  EXPECT_EQ(s.Redact("Authorization: aivenv1 whatever-token"), "Authorization: aivenv1 <redacted>");
  EXPECT_EQ(s.Redact("abc"), "abc");
}

}  // namespace
}  // namespace aivenctl::api
