// Renderers of the changeset: golden text, Markdown, DOT and Mermaid of the golden changeset
// (tests/testdata/diff/golden/changeset.json), colours only when asked, empty changesets.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "diff/changeset_json.h"
#include "render/changeset_text.h"

namespace aivenctl::render {
namespace {

std::string SourceDir() {
  if (const char* env = std::getenv("AIVENCTL_SOURCE_DIR")) return env;
  return AIVENCTL_DEFAULT_SOURCE_DIR;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kGolden = "/tests/testdata/diff/golden/";

diff::Changeset Golden() {
  auto cs = diff::FromJson(nlohmann::json::parse(Read(SourceDir() + kGolden + "changeset.json")));
  EXPECT_TRUE(cs.ok()) << cs.status().ToString();
  return cs.ok() ? *cs : diff::Changeset{};
}

// Compares with a golden file; AIVENCTL_UPDATE_GOLDEN=1 rewrites it instead.
void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = SourceDir() + kGolden + name;
  if (std::getenv("AIVENCTL_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, Read(path)) << "golden file " << path;
}

TEST(ChangesetRender, GoldenText) {
  ExpectGolden("changeset.txt", FormatChangesetText(Golden(), TextStyle{}));
}

TEST(ChangesetRender, GoldenMarkdown) {
  ExpectGolden("changeset.md", FormatChangesetMarkdown(Golden()));
}

TEST(ChangesetRender, GoldenDot) { ExpectGolden("graph.dot", FormatGraphDot(Golden())); }

TEST(ChangesetRender, GoldenMermaid) { ExpectGolden("graph.mmd", FormatGraphMermaid(Golden())); }

TEST(ChangesetRender, ColoursOnlyWhenAsked) {
  std::string plain = FormatChangesetText(Golden(), TextStyle{});
  std::string coloured = FormatChangesetText(Golden(), TextStyle{.color = true});
  EXPECT_EQ(plain.find('\033'), std::string::npos);
  EXPECT_NE(coloured.find("\033[32m+\033[0m \033[1mservice:shop-prod/grafana\033[0m"),
            std::string::npos);
  EXPECT_NE(coloured.find("\033[31m-\033[0m"), std::string::npos);
  EXPECT_NE(coloured.find("\033[33m~\033[0m"), std::string::npos);
}

TEST(ChangesetRender, NoChanges) {
  diff::Changeset cs;
  cs.plan_name = "quiet";
  cs.changes.push_back({*core::Address::Parse("project:p"), diff::Action::kNoop});
  EXPECT_EQ(FormatChangesetText(cs, TextStyle{}), "No changes: the live state matches the plan.\n");
  EXPECT_EQ(FormatChangesetMarkdown(cs),
            "<!-- aivenctl-plan: quiet -->\n### aivenctl plan: `quiet`\n\n**No changes:** the live "
            "state matches the plan.\n");
  EXPECT_EQ(FormatGraphDot(cs),
            "digraph changeset {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n}\n");
  EXPECT_EQ(FormatGraphMermaid(cs), "flowchart LR\n");
}

TEST(ChangesetRender, SummaryAndMoney) {
  EXPECT_EQ(SummaryLine({3, 1, 0, 1, 7}),
            "Plan: 3 to create, 1 to update, 0 to replace, 1 to destroy.");
  EXPECT_EQ(FormatUsd(0.0825, 3), "$0.083");
  EXPECT_EQ(FormatUsd(59.86, 2), "$59.86");
  EXPECT_EQ(FormatValue(nullptr), "(unset)");
  EXPECT_EQ(FormatValue("x"), "\"x\"");
  EXPECT_STREQ(ActionSymbol(diff::Action::kReplace), "-/+");
}

diff::Change Make(const std::string& address, diff::Action action,
                  std::vector<diff::FieldChange> fields = {}) {
  diff::Change c{*core::Address::Parse(address), action};
  c.fields = std::move(fields);
  return c;
}

// A pull-request preview: the hidden marker, the summary and the cost over the ttl first,
// the details column filled with the changed fields and their values (a secret never).
diff::Changeset PullRequestPlan() {
  diff::Changeset cs;
  cs.plan_name = "pr-15";
  auto kafka = Make("service:pr-15/kafka", diff::Action::kUpdate,
                    {{"plan", "startup-2", "business-4"},
                     {"user_config.kafka.sasl_password", nullptr, "hunter2-not-shown"}});
  kafka.hourly_before = 0.1;
  kafka.hourly_after = 0.2;
  auto pg = Make("service:pr-15/pg", diff::Action::kCreate,
                 {{"type", nullptr, "pg"},
                  {"plan", nullptr, "startup-4"},
                  {"cloud", nullptr, "google-europe-west1"},
                  {"tags.aivenctl-plan", nullptr, "pr-15"},
                  {"tags.expires-at", nullptr, "20261128T140000Z"},
                  {"tags.managed-by", nullptr, "aivenctl"},
                  {"tags.team", nullptr, "web"},
                  {"termination_protection", nullptr, false}});
  pg.hourly_after = 0.164;
  cs.changes = {kafka, pg, Make("user:pr-15/pg/app", diff::Action::kCreate)};
  cs.cost.hourly_before = 0.1;
  cs.cost.hourly_after = 0.364;
  return cs;
}

TEST(ChangesetRender, MarkdownPreviewForAPullRequest) {
  MarkdownOptions options;
  options.ttl = {{"service:pr-15/kafka", core::Seconds(7200)},
                 {"service:pr-15/pg", core::Seconds(7200)}};
  const std::string md = FormatChangesetMarkdown(PullRequestPlan(), options);
  EXPECT_EQ(md,
            "<!-- aivenctl-plan: pr-15 -->\n"
            "### aivenctl plan: `pr-15`\n"
            "\n"
            "**Plan: 2 to create, 1 to update, 0 to replace, 0 to destroy.**\n"
            "\n"
            "**Cost:** $0.73 for 2h, $265.72/month if kept; $0.100/h -> $0.364/h (+$0.264/h), "
            "$73.00 -> $265.72 per month (+$192.72)\n"
            "\n"
            "| | resource | action | details |\n"
            "| --- | --- | --- | --- |\n"
            "| `~` | `service:pr-15/kafka` | update | `plan: \"startup-2\" -> \"business-4\"`, "
            "`user_config.kafka.sasl_password: (secret, not shown)` |\n"
            "| `+` | `service:pr-15/pg` | create | `type: \"pg\"`, `plan: \"startup-4\"`, "
            "`cloud: \"google-europe-west1\"`, `tags.expires-at: \"20261128T140000Z\"`, and 2 "
            "more |\n"
            "| `+` | `user:pr-15/pg/app` | create |  |\n"
            "\n"
            "<details><summary><code>~ service:pr-15/kafka</code></summary>\n"
            "\n"
            "```diff\n"
            "- plan: \"startup-2\"\n"
            "+ plan: \"business-4\"\n"
            "+ user_config.kafka.sasl_password: (secret)\n"
            "```\n"
            "\n"
            "</details>\n"
            "\n"
            "<details><summary><code>+ service:pr-15/pg</code></summary>\n"
            "\n"
            "```diff\n"
            "+ type: \"pg\"\n"
            "+ plan: \"startup-4\"\n"
            "+ cloud: \"google-europe-west1\"\n"
            "+ tags.aivenctl-plan: \"pr-15\"\n"
            "+ tags.expires-at: \"20261128T140000Z\"\n"
            "+ tags.managed-by: \"aivenctl\"\n"
            "+ tags.team: \"web\"\n"
            "+ termination_protection: false\n"
            "```\n"
            "\n"
            "</details>\n");
  EXPECT_EQ(md.find("hunter2"), std::string::npos);
}

TEST(ChangesetRender, MarkdownCostOverTheTtlOnlyWhenEveryPricedServiceHasOne) {
  MarkdownOptions some;
  some.ttl = {{"service:pr-15/pg", core::Seconds(7200)}};  // kafka lives until deleted
  EXPECT_NE(FormatChangesetMarkdown(PullRequestPlan(), some)
                .find("\n**Cost:** $0.100/h -> $0.364/h (+$0.264/h), $73.00 -> $265.72 per month "
                      "(+$192.72)\n"),
            std::string::npos);
  MarkdownOptions mixed;
  mixed.ttl = {{"service:pr-15/pg", core::Seconds(7200)},
               {"service:pr-15/kafka", core::Seconds(86400)}};
  // 0.164 * 2 + 0.2 * 24 = 5.128
  EXPECT_NE(FormatChangesetMarkdown(PullRequestPlan(), mixed)
                .find("\n**Cost:** $5.13 for 2h to 1d, $265.72/month if kept; "),
            std::string::npos);
}

TEST(ChangesetRender, MarkdownFitsAPullRequestCommentAndSaysWhatItLeftOut) {
  diff::Changeset cs;
  cs.plan_name = "big";
  for (int i = 0; i < 3000; ++i) {
    cs.changes.push_back(Make("topic:big/kafka/t" + std::to_string(10000 + i),
                              diff::Action::kCreate,
                              {{"partitions", nullptr, 6}, {"replication", nullptr, 3}}));
  }
  const std::string md = FormatChangesetMarkdown(cs);
  EXPECT_LE(md.size(), 65536u);
  EXPECT_GT(md.size(), 60000u) << "it fills the room it has";
  EXPECT_EQ(md.rfind("<!-- aivenctl-plan: big -->\n### aivenctl plan: `big`\n\n"
                     "**Plan: 3000 to create, 0 to update, 0 to replace, 0 to destroy.**\n",
                     0),
            0u);
  // The first rows fit (about 85 characters each), then a note says what did not.
  EXPECT_NE(md.find("| `+` | `topic:big/kafka/t10000` | create | `partitions: 6`, `replication: "
                    "3` |\n"),
            std::string::npos);
  EXPECT_EQ(md.find("`topic:big/kafka/t12999`"), std::string::npos);
  const size_t note = md.rfind("\n_Left out to fit a pull-request comment (65536 characters): ");
  ASSERT_NE(note, std::string::npos) << md.substr(md.size() - 300);
  // 4 head lines, 2 table head lines and a blank, the rows, and the note with its blank.
  const size_t shown = static_cast<size_t>(std::count(md.begin(), md.end(), '\n')) - 9;
  EXPECT_EQ(md.substr(note), "\n_Left out to fit a pull-request comment (65536 characters): " +
                                 std::to_string(3000 - shown) +
                                 " changes and 3000 diffs; `aivenctl plan` shows everything._\n");

  MarkdownOptions tiny;
  tiny.max_chars = 400;
  const std::string small = FormatChangesetMarkdown(cs, tiny);
  EXPECT_LE(small.size(), 400u);
  EXPECT_NE(small.find("_Left out to fit a pull-request comment (400 characters): "),
            std::string::npos)
      << small;
  EXPECT_NE(small.find("changes and 3000 diffs;"), std::string::npos) << small;
}

TEST(ChangesetRender, MarkdownEscapesTableCells) {
  diff::Changeset cs;
  diff::Change c{*core::Address::Parse("service:p/s"), diff::Action::kDelete};
  c.reason = "a | b";
  cs.changes.push_back(c);
  std::string md = FormatChangesetMarkdown(cs);
  EXPECT_NE(md.find("| `-` | `service:p/s` | delete | a \\| b |"), std::string::npos) << md;
}

}  // namespace
}  // namespace aivenctl::render
