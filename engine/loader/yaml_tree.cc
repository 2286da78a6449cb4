#include "loader/yaml_tree.h"

#include <map>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace aivenctl::loader {

const YamlNode* YamlNode::Find(const std::string& key) const {
  if (kind != Kind::kMap) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].value == key) return &values[i];
  }
  return nullptr;
}

YamlNode* YamlNode::Find(const std::string& key) {
  return const_cast<YamlNode*>(static_cast<const YamlNode*>(this)->Find(key));
}

namespace {

class TooManyNodes {};
class TooManyAliasNodes {};

std::size_t CountNodes(const YamlNode& n) {
  std::size_t c = 1;
  for (const auto& k : n.keys) c += CountNodes(k);
  for (const auto& v : n.values) c += CountNodes(v);
  return c;
}

// Builds YamlNode trees from parser events. Containers under construction live on a stack
// and are moved into their parent when they end.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, const YamlLimits& limits, core::Diagnostics& diags)
      : file_(file), limits_(limits), diags_(diags) {}

  std::optional<YamlNode> TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n;
    n.kind = YamlNode::Kind::kNull;
    Place(n, mark);
    Add(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {  // yaml-cpp reports unknown aliases itself; be safe
      OnNull(mark, 0);
      return;
    }
    std::size_t size = anchor_sizes_[anchor];
    alias_nodes_ += size;
    if (alias_nodes_ > limits_.max_alias_nodes) throw TooManyAliasNodes();
    Count(size);
    Add(YamlNode(it->second), 0, /*counted=*/true);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n;
    n.kind = YamlNode::Kind::kScalar;
    Place(n, mark);
    n.value = value;
    n.quoted = tag != "?";  // "?" marks a plain scalar; "!" quoted/block; others explicit tags
    Add(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(YamlNode::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(YamlNode::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor;
  };

  void Place(YamlNode& n, const YAML::Mark& mark) {
    n.line = mark.line + 1;
    n.column = mark.column + 1;
  }

  void Count(std::size_t n) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) throw TooManyNodes();
  }

  void Open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Count(1);
    Frame f{YamlNode{}, anchor};
    f.node.kind = kind;
    Place(f.node, mark);
    stack_.push_back(std::move(f));
  }

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.node.IsMap()) FinishMap(f.node);
    Add(std::move(f.node), f.anchor, /*counted=*/true);
  }

  void Add(YamlNode n, YAML::anchor_t anchor, bool counted = false) {
    if (!counted && n.kind != YamlNode::Kind::kMap && n.kind != YamlNode::Kind::kSequence) {
      Count(1);
    }
    if (anchor != 0) {
      anchor_sizes_[anchor] = CountNodes(n);
      anchors_[anchor] = n;
    }
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    YamlNode& parent = stack_.back().node;
    if (parent.IsSequence()) {
      parent.values.push_back(std::move(n));
    } else if (parent.keys.size() == parent.values.size()) {
      parent.keys.push_back(std::move(n));
    } else {
      parent.values.push_back(std::move(n));
    }
  }

  void Error(int line, int column, std::string message) {
    diags_.push_back({core::Severity::kError, {file_, line, column}, std::move(message), ""});
  }

  // Checks keys, expands "<<" merge keys and drops repeated keys (reporting them).
  void FinishMap(YamlNode& map) {
    YamlNode out;
    out.kind = map.kind;
    out.line = map.line;
    out.column = map.column;
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<YamlNode*> merges;
    for (std::size_t i = 0; i < map.keys.size(); ++i) {
      YamlNode& key = map.keys[i];
      if (!key.IsScalar()) {
        Error(key.line, key.column, "mapping keys must be plain strings");
        continue;
      }
      if (!key.quoted && key.value == "<<") {
        merges.push_back(&map.values[i]);
        continue;
      }
      auto [it, inserted] = seen.emplace(key.value, out.keys.size());
      if (!inserted) {
        const YamlNode& first = out.keys[it->second];
        Error(key.line, key.column,
              "duplicate key \"" + key.value + "\" (first defined at " +
                  std::to_string(first.line) + ":" + std::to_string(first.column) + ")");
        continue;
      }
      out.keys.push_back(std::move(key));
      out.values.push_back(std::move(map.values[i]));
    }
    for (YamlNode* merge : merges) {
      std::vector<YamlNode*> sources;
      if (merge->IsMap()) sources.push_back(merge);
      if (merge->IsSequence()) {
        for (auto& v : merge->values) sources.push_back(&v);
      }
      if (sources.empty() || (merge->IsSequence() && merge->values.empty())) {
        Error(merge->line, merge->column,
              "a \"<<\" merge key needs a mapping or a list of mappings");
      }
      for (YamlNode* src : sources) {
        if (!src->IsMap()) {
          Error(src->line, src->column, "a \"<<\" merge key needs a mapping or a list of mappings");
          continue;
        }
        for (std::size_t i = 0; i < src->keys.size(); ++i) {
          if (seen.emplace(src->keys[i].value, out.keys.size()).second) {
            out.keys.push_back(src->keys[i]);
            out.values.push_back(src->values[i]);
          }
        }
      }
    }
    map = std::move(out);
  }

  const std::string& file_;
  const YamlLimits& limits_;
  core::Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  std::map<YAML::anchor_t, std::size_t> anchor_sizes_;
  std::size_t nodes_ = 0;
  std::size_t alias_nodes_ = 0;
};

// True when 1-based line `line` of `text` has a tab in its leading whitespace.
bool LineIndentedWithTab(const std::string& text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line && start != std::string::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (line < 1 || start == std::string::npos) return false;
  for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return true;
  }
  return false;
}

}  // namespace

std::optional<YamlNode> ParseYaml(const std::string& file, const std::string& text,
                                  const YamlLimits& limits, core::Diagnostics& diags) {
  std::istringstream in(text);
  core::Diagnostics local;
  std::optional<YamlNode> root;
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(file, limits, local);
    if (!parser.HandleNextDocument(builder)) {
      diags.push_back({core::Severity::kError,
                       {file, 0, 0},
                       "file contains no YAML document; a plan needs at least version, name "
                       "and projects",
                       ""});
      return std::nullopt;
    }
    root = builder.TakeRoot();
    TreeBuilder extra(file, limits, local);
    if (parser.HandleNextDocument(extra)) {
      auto second = extra.TakeRoot();
      int line = second ? second->line : 0;
      int column = second ? second->column : 0;
      local.push_back({core::Severity::kError,
                       {file, line, column},
                       "a plan file holds one YAML document; found a second one",
                       ""});
    }
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    diags.insert(diags.end(), local.begin(), local.end());
    std::string message = "invalid YAML: " + e.msg;
    if (LineIndentedWithTab(text, line))
      message += " (the line is indented with a tab; YAML needs spaces)";
    diags.push_back({core::Severity::kError, {file, line, column}, message, ""});
    return std::nullopt;
  } catch (const TooManyAliasNodes&) {
    diags.push_back({core::Severity::kError,
                     {file, 0, 0},
                     "aliases expand to more than " + std::to_string(limits.max_alias_nodes) +
                         " nodes; refusing what looks like an alias bomb",
                     ""});
    return std::nullopt;
  } catch (const TooManyNodes&) {
    diags.push_back(
        {core::Severity::kError,
         {file, 0, 0},
         "document too large: more than " + std::to_string(limits.max_nodes) + " YAML nodes",
         ""});
    return std::nullopt;
  }
  diags.insert(diags.end(), local.begin(), local.end());
  if (!root || !root->IsMap()) {
    int line = root ? root->line : 1;
    int column = root ? root->column : 1;
    diags.push_back({core::Severity::kError,
                     {file, line, column},
                     "a plan file must be a mapping with version, name and projects at the top "
                     "level",
                     ""});
    return std::nullopt;
  }
  return root;
}

}  // namespace aivenctl::loader
