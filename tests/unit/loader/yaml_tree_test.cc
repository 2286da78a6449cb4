// The YAML adapter: positions, duplicate keys, merge keys, alias bombs, documents.

#include <gtest/gtest.h>

#include "loader/json_convert.h"
#include "loader/yaml_tree.h"

namespace aivenctl::loader {
namespace {

std::string Diags(const core::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) {
    out +=
        std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.message + "\n";
  }
  return out;
}

TEST(YamlTree, KeepsPositionsOfKeysAndValues) {
  core::Diagnostics ds;
  auto root = ParseYaml("f", "a: 1\nb:\n  - x\n  - {c: d}\n", {}, ds);
  ASSERT_TRUE(root);
  EXPECT_EQ("", Diags(ds));
  const YamlNode* b = root->Find("b");
  ASSERT_NE(nullptr, b);
  EXPECT_EQ(3, b->values[0].line);
  EXPECT_EQ(5, b->values[0].column);
  EXPECT_EQ(4, b->values[1].keys[0].line);
  EXPECT_EQ(6, b->values[1].keys[0].column);
}

TEST(YamlTree, ReportsDuplicateKeysAndKeepsTheFirst) {
  core::Diagnostics ds;
  auto root = ParseYaml("f", "a: 1\nb: 2\na: 3\n", {}, ds);
  ASSERT_TRUE(root);
  EXPECT_EQ("3:1: duplicate key \"a\" (first defined at 1:1)\n", Diags(ds));
  EXPECT_EQ("1", root->Find("a")->value);
}

TEST(YamlTree, ExpandsMergeKeysWithoutOverriding) {
  core::Diagnostics ds;
  auto root = ParseYaml("f", "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n", {}, ds);
  ASSERT_TRUE(root);
  EXPECT_EQ("", Diags(ds));
  EXPECT_EQ(nlohmann::json::parse(R"({"x":1,"y":3})"), ToJson(*root->Find("use")));
}

TEST(YamlTree, QuotedScalarsStayStrings) {
  core::Diagnostics ds;
  auto root = ParseYaml("f", "a: \"1\"\nb: 1\nc: true\nd: 'true'\ne: 1.5\nf: ~\ng: yes\n", {}, ds);
  ASSERT_TRUE(root);
  EXPECT_EQ(
      nlohmann::json::parse(R"({"a":"1","b":1,"c":true,"d":"true","e":1.5,"f":null,"g":"yes"})"),
      ToJson(*root));
}

TEST(YamlTree, AliasBombsAreStopped) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  core::Diagnostics ds;
  EXPECT_FALSE(ParseYaml("f", bomb, {}, ds));
  EXPECT_EQ(
      "0:0: aliases expand to more than 200000 nodes; refusing what looks like an alias "
      "bomb\n",
      Diags(ds));

  core::Diagnostics small;
  YamlLimits limits;
  limits.max_nodes = 50;
  std::string list = "b: [1";
  for (int i = 2; i <= 60; ++i) list += ", " + std::to_string(i);
  EXPECT_FALSE(ParseYaml("f", list + "]\n", limits, small));
  EXPECT_EQ("0:0: document too large: more than 50 YAML nodes\n", Diags(small));
}

TEST(YamlTree, SyntaxErrorsArePositioned) {
  core::Diagnostics ds;
  EXPECT_FALSE(ParseYaml("f", "a: [1, 2\n", {}, ds));
  ASSERT_EQ(1u, ds.size());
  EXPECT_EQ(2, ds[0].pos.line);
  EXPECT_EQ(0u, ds[0].message.rfind("invalid YAML: ", 0));
}

TEST(YamlTree, NonScalarKeysAreRejected) {
  core::Diagnostics ds;
  ParseYaml("f", "? [a, b]\n: c\n", {}, ds);
  EXPECT_EQ("1:3: mapping keys must be plain strings\n", Diags(ds));
}

TEST(JsonConvert, PathsFromValijsonContextFindTheNode) {
  core::Diagnostics ds;
  auto root = ParseYaml("f", "projects:\n  - name: a\n    services: [{name: b}]\n", {}, ds);
  ASSERT_TRUE(root);
  Path path =
      PathFromContext(*root, {"<root>", "[projects]", "[0]", "[services]", "[0]", "[name]"});
  EXPECT_EQ("projects[0].services[0].name", PathText(path));
  const YamlNode* key = nullptr;
  const YamlNode* node = Locate(*root, path, &key);
  EXPECT_EQ("b", node->value);
  EXPECT_EQ(3, key->line);
  EXPECT_EQ(17, key->column);
}

}  // namespace
}  // namespace aivenctl::loader
