// libFuzzer target: arbitrary bytes as a saved changeset (`apply CHANGESET.json`): parsed as
// JSON the way `apply` reads the file, then diff::FromJson. Must never crash, hang or
// throw; whatever loads must round-trip exactly (FromJson(ToJson(cs)) == cs) and render.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "diff/changeset_json.h"
#include "render/changeset_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using aivenctl::diff::FromJson;
  using aivenctl::diff::ToJson;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  auto loaded = FromJson(j);
  if (!loaded.ok()) {
    // `apply` prints this message: it must exist and be printable.
    if (loaded.status().message().empty()) std::abort();
    return 0;
  }
  const nlohmann::json again = ToJson(*loaded);
  auto reloaded = FromJson(nlohmann::json::parse(again.dump()));
  if (!reloaded.ok() || !(*reloaded == *loaded)) std::abort();  // the round trip is exact
  if (ToJson(*reloaded) != again) std::abort();
  (void)aivenctl::render::FormatChangesetText(*loaded, {});
  (void)aivenctl::render::FormatChangesetMarkdown(*loaded);
  (void)aivenctl::render::FormatGraphDot(*loaded);
  (void)aivenctl::render::FormatGraphMermaid(*loaded);
  return 0;
}
