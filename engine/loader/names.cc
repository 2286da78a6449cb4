#include "loader/names.h"

namespace aivenctl::loader {
namespace {

bool Lower(char c) { return c >= 'a' && c <= 'z'; }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }

struct Rule {
  bool (*first)(char);
  bool (*rest)(char);
  std::size_t max;
  const char* hint;
};

const Rule& RuleFor(NameKind kind) {
  static const Rule kPlan{[](char c) { return Lower(c); },
                          [](char c) { return Lower(c) || Digit(c) || c == '-'; }, 40,
                          "a plan name is 1-40 characters: lowercase letters, digits and '-', "
                          "starting with a letter"};
  static const Rule kProject{
      [](char c) { return Lower(c) || Digit(c); },
      [](char c) { return Lower(c) || Digit(c) || c == '-' || c == '_'; }, 63,
      "a project name is 1-63 characters: lowercase letters, digits, '_' and '-', starting "
      "with a letter or digit"};
  static const Rule kService{[](char c) { return Lower(c); },
                             [](char c) { return Lower(c) || Digit(c) || c == '-'; }, 64,
                             "a service name is 1-64 characters: lowercase letters, digits and "
                             "'-', starting with a letter"};
  static const Rule kTopic{
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '.' || c == '_' || c == '-'; },
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '.' || c == '_' || c == '-'; },
      249, "a topic name is 1-249 characters: letters, digits, '.', '_' and '-'"};
  static const Rule kUser{
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '_'; },
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '_' || c == '.' || c == '-'; },
      64,
      "a user name is 1-64 characters: letters, digits, '_', '.' and '-', not starting with "
      "'.' or '-'"};
  static const Rule kDatabase{
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '_'; },
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '_' || c == '-'; }, 40,
      "a database name is 1-40 characters: letters, digits, '_' and '-', not starting with "
      "'-'"};
  // Karapace takes any string; aivenctl keeps subjects to what fits an address and a URL path
  // segment, and leaves names starting with '_' to Aiven (its internal subjects).
  static const Rule kSubject{
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '.' || c == '-'; },
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '.' || c == '_' || c == '-'; },
      255,
      "a subject is 1-255 characters: letters, digits, '.', '_' and '-', not starting with '_' "
      "(Aiven's own)"};
  static const Rule kConnector{
      [](char c) { return Lower(c) || Upper(c) || Digit(c); },
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '.' || c == '_' || c == '-'; },
      1024,
      "a connector name is 1-1024 characters: letters, digits, '.', '_' and '-', starting with "
      "a letter or digit"};
  static const Rule kPool{
      [](char c) { return Lower(c) || Upper(c) || c == '_'; },
      [](char c) { return Lower(c) || Upper(c) || Digit(c) || c == '_' || c == '-'; }, 63,
      "a pool name is 1-63 characters: letters, digits, '_' and '-', starting with a letter or "
      "'_'"};
  switch (kind) {
    case NameKind::kSubject:
      return kSubject;
    case NameKind::kConnector:
      return kConnector;
    case NameKind::kPlan:
      return kPlan;
    case NameKind::kProject:
      return kProject;
    case NameKind::kService:
      return kService;
    case NameKind::kTopic:
      return kTopic;
    case NameKind::kUser:
      return kUser;
    case NameKind::kDatabase:
      return kDatabase;
    case NameKind::kPool:
      return kPool;
  }
  return kService;
}

}  // namespace

std::optional<std::string> CheckName(NameKind kind, const std::string& name) {
  const Rule& rule = RuleFor(kind);
  bool ok = !name.empty() && name.size() <= rule.max && rule.first(name[0]);
  for (std::size_t i = 1; ok && i < name.size(); ++i) ok = rule.rest(name[i]);
  if (ok && kind == NameKind::kTopic && (name == "." || name == "..")) {
    return std::string("a topic cannot be named \".\" or \"..\"");
  }
  if (ok) return std::nullopt;
  return std::string(rule.hint);
}

}  // namespace aivenctl::loader
