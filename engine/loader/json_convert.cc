#include "loader/json_convert.h"

#include <cerrno>
#include <cstdlib>

namespace aivenctl::loader {
namespace {

bool IsDecimalInteger(const std::string& s) {
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i >= s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

bool IsDecimalNumber(const std::string& s) {
  // [-+]? ( digits [. digits?] | . digits ) ([eE] [-+]? digits)?
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

nlohmann::json PlainScalar(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (IsDecimalInteger(s)) {
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (errno == 0 && end == s.c_str() + s.size()) return v;
  }
  if (IsDecimalNumber(s)) {
    errno = 0;
    double d = std::strtod(s.c_str(), nullptr);
    if (errno == 0) return d;
  }
  return s;
}

}  // namespace

nlohmann::json ToJson(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      return nullptr;
    case YamlNode::Kind::kScalar:
      return node.quoted ? nlohmann::json(node.value) : PlainScalar(node.value);
    case YamlNode::Kind::kSequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& v : node.values) a.push_back(ToJson(v));
      return a;
    }
    case YamlNode::Kind::kMap: {
      nlohmann::json o = nlohmann::json::object();
      for (std::size_t i = 0; i < node.keys.size(); ++i) {
        o[node.keys[i].value] = ToJson(node.values[i]);
      }
      return o;
    }
  }
  return nullptr;
}

Path PathFromContext(const YamlNode& root, const std::vector<std::string>& context) {
  Path path;
  const YamlNode* node = &root;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string text = part;
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
      text = text.substr(1, text.size() - 2);
    }
    PathStep step;
    if (node != nullptr && node->IsSequence() && !text.empty() && IsDecimalInteger(text)) {
      step.index = std::strtol(text.c_str(), nullptr, 10);
      node = static_cast<std::size_t>(step.index) < node->values.size()
                 ? &node->values[static_cast<std::size_t>(step.index)]
                 : nullptr;
    } else {
      step.key = text;
      node = node != nullptr ? node->Find(text) : nullptr;
    }
    path.push_back(std::move(step));
  }
  return path;
}

const YamlNode* Locate(const YamlNode& root, const Path& path, const YamlNode** key_node) {
  const YamlNode* node = &root;
  if (key_node != nullptr) *key_node = nullptr;
  for (std::size_t s = 0; s < path.size(); ++s) {
    const PathStep& step = path[s];
    const YamlNode* next = nullptr;
    if (step.IsIndex()) {
      if (node->IsSequence() && static_cast<std::size_t>(step.index) < node->values.size()) {
        next = &node->values[static_cast<std::size_t>(step.index)];
      }
    } else if (node->IsMap()) {
      for (std::size_t i = 0; i < node->keys.size(); ++i) {
        if (node->keys[i].value == step.key) {
          next = &node->values[i];
          if (key_node != nullptr && s + 1 == path.size()) *key_node = &node->keys[i];
          break;
        }
      }
    }
    if (next == nullptr) return node;
    node = next;
  }
  return node;
}

std::string PathText(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (step.IsIndex()) {
      out += "[" + std::to_string(step.index) + "]";
    } else {
      if (!out.empty()) out += '.';
      out += step.key;
    }
  }
  return out;
}

}  // namespace aivenctl::loader
