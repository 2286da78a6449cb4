// Renderers of the changeset: golden text, Markdown, DOT and Mermaid of the golden changeset
// (tests/testdata/diff/golden/changeset.json), colours only when asked, empty changesets.

#include <gtest/gtest.h>

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
            "### aivenctl plan: `quiet`\n\n**No changes:** the live state matches the plan.\n");
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
