// Compiler-style diagnostics text and JSON.

#include "render/diagnostics.h"

#include <gtest/gtest.h>

namespace aivenctl::render {
namespace {

core::Diagnostic Error(int line, int column, std::string message) {
  return {core::Severity::kError, {"plan.yaml", line, column}, std::move(message), ""};
}

TEST(FormatDiagnostic, ShowsTheSourceLineAndACaret) {
  SourceMap sources{{"plan.yaml", "version: 1\n  replcias: 3\n"}};
  EXPECT_EQ(
      "plan.yaml:2:3: error: unknown field \"replcias\"\n"
      " 2 |   replcias: 3\n"
      "   |   ^\n",
      FormatDiagnostic(Error(2, 3, "unknown field \"replcias\""), sources, {}));
}

TEST(FormatDiagnostic, CaretCountsCharactersAndKeepsTabs) {
  SourceMap sources{{"plan.yaml", "\tname: caf\xc3\xa9-x\r\n"}};
  EXPECT_EQ(
      "plan.yaml:1:13: warning: w\n"
      " 1 | \tname: caf\xc3\xa9-x\n"
      "   | \t          ^\n",
      FormatDiagnostic({core::Severity::kWarning, {"plan.yaml", 1, 13}, "w", ""}, sources, {}));
}

TEST(FormatDiagnostic, WithoutPositionOrSourceOnlyTheHeadline) {
  EXPECT_EQ("plan.yaml: error: file is empty\n",
            FormatDiagnostic(Error(0, 0, "file is empty"), {}, {}));
  EXPECT_EQ("plan.yaml:9:1: error: x\n", FormatDiagnostic(Error(9, 1, "x"), {}, {}));
}

TEST(FormatDiagnostic, ColourWhenAsked) {
  EXPECT_EQ("\033[1mplan.yaml:1:1:\033[0m \033[1;31merror:\033[0m boom\n",
            FormatDiagnostic(Error(1, 1, "boom"), {}, {.color = true}));
}

TEST(DiagnosticToJson, HasTheDocumentedShape) {
  core::Diagnostic d = Error(3, 7, "duplicate service \"pg\"");
  d.address = "service:ci/pg";
  EXPECT_EQ(nlohmann::json::parse(R"({"file":"plan.yaml","line":3,"column":7,
      "severity":"error","message":"duplicate service \"pg\"","address":"service:ci/pg"})"),
            DiagnosticToJson(d));
}

}  // namespace
}  // namespace aivenctl::render
