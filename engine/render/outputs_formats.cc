// The outputs formats: each is what its consumer reads back exactly (see outputs.h).
#include "render/outputs.h"

namespace aivenctl::render {
namespace {

bool MultiLine(const std::string& value) { return value.find('\n') != std::string::npos; }

/// `value` split at '\n' (a trailing newline gives no empty last line).
std::vector<std::string> Lines(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < value.size()) {
    size_t end = value.find('\n', start);
    if (end == std::string::npos) end = value.size();
    out.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& OutputsFormatNames() {
  static const std::vector<std::string> kNames = {"dotenv", "env-file", "github", "json"};
  return kNames;
}

std::optional<OutputsFormat> ParseOutputsFormat(const std::string& name) {
  if (name == "dotenv") return OutputsFormat::kDotenv;
  if (name == "env-file") return OutputsFormat::kEnvFile;
  if (name == "github") return OutputsFormat::kGithub;
  if (name == "json") return OutputsFormat::kJson;
  return std::nullopt;
}

std::string Dotenv(const Outputs& vars) {
  std::string out;
  for (const auto& [key, v] : vars) {
    out += key + "='";
    for (char c : v.value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += "'\n";
  }
  return out;
}

std::string OutputsJson(const Outputs& vars) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, v] : vars) j[key] = v.value;
  return j.dump(2) + "\n";
}

EnvFile RenderEnvFile(const Outputs& vars,
                      const std::function<std::string(const std::string&)>& file_for) {
  EnvFile out;
  for (const auto& [key, v] : vars) {
    if (MultiLine(v.value)) {
      const std::string path = file_for(key);
      out.files[path] = v.value;
      out.text += key + "_FILE=" + path + "\n";
    } else {
      out.text += key + "=" + v.value + "\n";
    }
  }
  return out;
}

std::string GithubEnv(const Outputs& vars, const std::function<std::string()>& delimiter) {
  std::string out;
  for (const auto& [key, v] : vars) {
    if (!MultiLine(v.value)) {
      out += key + "=" + v.value + "\n";
      continue;
    }
    std::string end = delimiter();
    while (end.empty() || v.value.find(end) != std::string::npos) end = delimiter();
    // The runner takes the text up to the newline before the delimiter's line: a value
    // ending in a newline keeps it through the empty line this leaves.
    out += key + "<<" + end + "\n" + v.value + "\n" + end + "\n";
  }
  return out;
}

std::string GithubMasks(const Outputs& vars) {
  std::string out;
  for (const auto& [key, v] : vars) {
    if (!v.secret) continue;
    for (const std::string& line : Lines(v.value)) {
      if (line.empty()) continue;
      out += "::add-mask::";
      for (char c : line) {
        out += c == '%' ? std::string("%25") : c == '\r' ? std::string("%0D") : std::string(1, c);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace aivenctl::render
