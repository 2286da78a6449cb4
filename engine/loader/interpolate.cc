#include "loader/interpolate.h"

#include <optional>
#include <vector>

namespace aivenctl::loader {

bool IsVariableName(const std::string& name) {
  if (name.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(name[0])) return false;
  for (char c : name) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

namespace {

// The '}' closing a reference whose text starts at `from`, counting nested "${".
std::size_t MatchingBrace(const std::string& text, std::size_t from) {
  int depth = 0;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (text[i] == '}') {
      if (depth == 0) return i;
      --depth;
    }
  }
  return std::string::npos;
}

class Resolver {
 public:
  Resolver(const std::string& file, const VarMap& cli, const core::Environment& env,
           core::Diagnostics& diags)
      : file_(file), cli_(cli), env_(env), diags_(diags) {}

  void Declare(const YamlNode& key, YamlNode& value) {
    if (!IsVariableName(key.value)) {
      Error(key, "invalid variable name \"" + key.value +
                     "\": use letters, digits and '_', not starting with a digit");
      return;
    }
    vars_[key.value] = Var{&key, &value};
  }

  // Resolves every declared variable (so that errors in unused ones are reported too),
  // writes resolved values back into the tree and warns about unused ones.
  VarMap Finish() {
    VarMap out = cli_;
    for (auto& [name, var] : vars_) {
      auto v = Lookup(name, *var.value, /*count_use=*/false);
      if (v && !cli_.contains(name)) out[name] = *v;
      if (var.value->IsScalar() && v) var.value->value = *v;
    }
    return out;
  }

  void WarnUnused() {
    for (auto& [name, var] : vars_) {
      if (!var.used) {
        diags_.push_back({core::Severity::kWarning,
                          {file_, var.key->line, var.key->column},
                          "variable \"" + name + "\" is defined but never used",
                          ""});
      }
    }
  }

  // Expands the references in `text`, written at `where`. Returns nullopt on error.
  std::optional<std::string> Expand(const std::string& text, const YamlNode& where) {
    std::string out;
    bool ok = true;
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t dollar = text.find('$', i);
      if (dollar == std::string::npos) {
        out.append(text, i, std::string::npos);
        break;
      }
      out.append(text, i, dollar - i);
      if (text.compare(dollar, 3, "$${") == 0) {
        out += "${";
        i = dollar + 3;
        continue;
      }
      if (text.compare(dollar, 2, "${") != 0) {
        out += '$';
        i = dollar + 1;
        continue;
      }
      std::size_t close = MatchingBrace(text, dollar + 2);
      if (close == std::string::npos) {
        Error(where, "unterminated \"${\" in \"" + text + "\"; write \"$${\" for a literal \"${\"");
        return std::nullopt;
      }
      std::string inner = text.substr(dollar + 2, close - dollar - 2);
      auto value = Reference(inner, where);
      if (value) {
        out += *value;
      } else {
        ok = false;
      }
      i = close + 1;
    }
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  struct Var {
    const YamlNode* key = nullptr;
    YamlNode* value = nullptr;
    enum class State { kUnresolved, kResolving, kDone, kFailed } state = State::kUnresolved;
    std::string resolved;
    bool used = false;
  };

  void Error(const YamlNode& where, std::string message) {
    diags_.push_back(
        {core::Severity::kError, {file_, where.line, where.column}, std::move(message), ""});
  }

  std::optional<std::string> Reference(const std::string& inner, const YamlNode& where) {
    if (inner.rfind("env:", 0) == 0) {
      std::string rest = inner.substr(4);
      std::optional<std::string> fallback;
      std::size_t sep = rest.find(":-");
      std::string name = rest.substr(0, sep);
      if (sep != std::string::npos) fallback = rest.substr(sep + 2);
      if (!IsVariableName(name)) {
        Error(where, "invalid environment variable reference \"${" + inner +
                         "}\"; write ${env:NAME} or ${env:NAME:-default}");
        return std::nullopt;
      }
      if (auto v = env_.Get(name)) return v;
      if (fallback) return Expand(*fallback, where);  // defaults may hold references too
      Error(where, "environment variable \"" + name + "\" is not set (write ${env:" + name +
                       ":-default} to give a default)");
      return std::nullopt;
    }
    if (!IsVariableName(inner)) {
      Error(where, "invalid variable reference \"${" + inner +
                       "}\"; write ${name}, ${env:NAME} or ${env:NAME:-default}");
      return std::nullopt;
    }
    return Lookup(inner, where, /*count_use=*/true);
  }

  std::optional<std::string> Lookup(const std::string& name, const YamlNode& where,
                                    bool count_use) {
    auto it = vars_.find(name);
    if (it != vars_.end() && count_use) it->second.used = true;
    if (auto c = cli_.find(name); c != cli_.end()) return c->second;
    if (it == vars_.end()) {
      Error(where, "undefined variable \"" + name + "\" (define it under vars: or pass --var " +
                       name + "=VALUE)");
      return std::nullopt;
    }
    Var& var = it->second;
    switch (var.state) {
      case Var::State::kDone:
        return var.resolved;
      case Var::State::kFailed:
        return std::nullopt;  // already reported where the variable is defined
      case Var::State::kResolving: {
        std::string cycle;
        bool in = false;
        for (const auto& s : stack_) {
          if (s == name) in = true;
          if (in) cycle += s + " -> ";
        }
        Error(*var.value, "variable \"" + name + "\" refers to itself: " + cycle + name);
        var.state = Var::State::kFailed;
        return std::nullopt;
      }
      case Var::State::kUnresolved:
        break;
    }
    var.state = Var::State::kResolving;
    stack_.push_back(name);
    std::optional<std::string> v;
    if (var.value->IsScalar()) {
      v = Expand(var.value->value, *var.value);
    } else if (var.value->kind == YamlNode::Kind::kNull) {
      v = std::string();
    } else {
      v = std::nullopt;  // the schema reports the wrong type
    }
    stack_.pop_back();
    if (var.state == Var::State::kFailed) return std::nullopt;  // a cycle through itself
    var.state = v ? Var::State::kDone : Var::State::kFailed;
    if (v) var.resolved = *v;
    return v;
  }

  const std::string& file_;
  const VarMap& cli_;
  const core::Environment& env_;
  core::Diagnostics& diags_;
  std::map<std::string, Var> vars_;
  std::vector<std::string> stack_;
};

void Walk(YamlNode& node, Resolver& resolver, const YamlNode* skip,
          std::set<std::pair<int, int>>& unresolved) {
  if (&node == skip) return;
  if (node.IsScalar()) {
    if (node.value.find('$') != std::string::npos) {
      if (auto v = resolver.Expand(node.value, node)) {
        node.value = std::move(*v);
      } else {
        unresolved.insert({node.line, node.column});
      }
    }
    return;
  }
  for (auto& k : node.keys) Walk(k, resolver, skip, unresolved);
  for (auto& v : node.values) Walk(v, resolver, skip, unresolved);
}

}  // namespace

VarMap Interpolate(const std::string& file, YamlNode& root, const VarMap& cli_vars,
                   const core::Environment& env, core::Diagnostics& diags,
                   std::set<std::pair<int, int>>& unresolved) {
  Resolver resolver(file, cli_vars, env, diags);
  YamlNode* vars = root.Find("vars");
  if (vars != nullptr && vars->IsMap()) {
    for (std::size_t i = 0; i < vars->keys.size(); ++i) {
      resolver.Declare(vars->keys[i], vars->values[i]);
    }
  }
  Walk(root, resolver, vars, unresolved);
  VarMap out = resolver.Finish();
  resolver.WarnUnused();
  return out;
}

}  // namespace aivenctl::loader
