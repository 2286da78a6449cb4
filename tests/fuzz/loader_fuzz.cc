// libFuzzer target: arbitrary bytes through the whole loader and the diagnostics renderer.
// Must never crash, hang or leak, whatever the input.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/env.h"
#include "loader/loader.h"
#include "render/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const aivenctl::core::MapEnvironment env(
      std::map<std::string, std::string>{{"CI_PIPELINE_ID", "42"}, {"EMPTY", ""}});
  aivenctl::loader::LoadOptions options;
  options.env = &env;
  options.vars = {{"run", "fuzz"}};
  options.yaml.max_nodes = 200'000;  // keeps alias expansion within the RSS limit
  std::string text(reinterpret_cast<const char*>(data), size);
  auto result = aivenctl::loader::LoadPlanText("fuzz.yaml", text, options);
  aivenctl::render::SourceMap sources{{"fuzz.yaml", result.source}};
  std::string rendered = aivenctl::render::FormatDiagnostics(result.diagnostics, sources, {});
  for (const auto& d : result.diagnostics) (void)aivenctl::render::DiagnosticToJson(d).dump();
  return rendered.empty() && !result.ok() ? 1 : 0;
}
