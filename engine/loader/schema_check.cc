#include "loader/schema_check.h"

#include <algorithm>
#include <regex>
#include <set>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "core/suggest.h"
#include "loader/json_convert.h"
#include "loader/schema.h"
#include "model/json_schema.h"

namespace aivenctl::loader {
namespace {

using nlohmann::json;

// valijson's compiled form of the plan schema, built once.
const valijson::Schema* CompiledSchema(std::string& error) {
  static std::string parse_error;
  static const valijson::Schema* schema = [] {
    auto* s = new valijson::Schema;
    try {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(PlanSchema());
      parser.populateSchema(adapter, *s);
    } catch (const std::exception& e) {
      parse_error = e.what();
      delete s;
      return static_cast<valijson::Schema*>(nullptr);
    }
    return s;
  }();
  error = parse_error;
  return schema;
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool IsWrapper(const std::string& d) {
  static const char* kWrappers[] = {
      "Failed to validate against schema associated with property name",
      "Failed to validate item #",
      "Failed to validate against any child schemas allowed by oneOf",
      "Failed to validate against any schemas allowed by anyOf",
      "Failed to validate against exactly one child schema",
      "Failed to validate against child schema #",
      "Failed to validate against additional properties schema",
      "Failed to validate against schema associated with pattern",
  };
  for (const char* w : kWrappers) {
    if (StartsWith(d, w)) return true;
  }
  return false;
}

// --- Walking the schema alongside the document --------------------------------------

const json* Resolve(const json& s) {
  const json* cur = &s;
  for (int guard = 0; guard < 16 && cur->is_object() && cur->contains("$ref"); ++guard) {
    std::string ref = (*cur)["$ref"].get<std::string>();
    const std::string prefix = "#/definitions/";
    if (!StartsWith(ref, prefix.c_str())) break;
    const json& defs = PlanSchema()["definitions"];
    auto it = defs.find(ref.substr(prefix.size()));
    if (it == defs.end()) break;
    cur = &*it;
  }
  return cur;
}

// All subschemas that apply at one place: $refs resolved, oneOf/anyOf/allOf flattened.
void Flatten(const json& s, std::vector<const json*>& out) {
  const json* r = Resolve(s);
  if (!r->is_object()) return;
  out.push_back(r);
  for (const char* k : {"oneOf", "anyOf", "allOf"}) {
    if (r->contains(k)) {
      for (const auto& sub : (*r)[k]) Flatten(sub, out);
    }
  }
}

// Keeps the subschemas whose type fits the instance (all of them when none fits).
std::vector<const json*> FitTo(const std::vector<const json*>& all, const json* instance) {
  if (instance == nullptr) return all;
  std::vector<const json*> fit;
  for (const json* s : all) {
    if (model::TypeAccepts(model::SchemaTypes(*s), model::JsonType(*instance))) fit.push_back(s);
  }
  return fit.empty() ? all : fit;
}

// Subschemas at `path`; `instance` is set to the document value there (or nullptr).
std::vector<const json*> SchemasAt(const json& doc, const Path& path, const json** instance) {
  std::vector<const json*> cur;
  Flatten(PlanSchema(), cur);
  const json* inst = &doc;
  for (const auto& step : path) {
    cur = FitTo(cur, inst);
    std::vector<const json*> next;
    for (const json* s : cur) {
      if (step.IsIndex()) {
        if (s->contains("items")) Flatten((*s)["items"], next);
      } else if (s->contains("properties") && (*s)["properties"].contains(step.key)) {
        Flatten((*s)["properties"][step.key], next);
      } else if (s->contains("additionalProperties") && (*s)["additionalProperties"].is_object()) {
        Flatten((*s)["additionalProperties"], next);
      }
    }
    const json* child = nullptr;
    if (inst != nullptr) {
      if (step.IsIndex() && inst->is_array() &&
          static_cast<std::size_t>(step.index) < inst->size()) {
        child = &(*inst)[static_cast<std::size_t>(step.index)];
      } else if (!step.IsIndex() && inst->is_object() && inst->contains(step.key)) {
        child = &(*inst)[step.key];
      }
    }
    inst = child;
    cur = std::move(next);
  }
  *instance = inst;
  return cur;
}

// --- Messages --------------------------------------------------------------------------

std::string FriendlyType(const std::string& t) {
  if (t == "object") return "mapping";
  if (t == "array") return "list";
  return t;
}

std::string Shown(const json* v) {
  if (v == nullptr) return "nothing";
  if (v->is_null()) return "an empty value";
  if (v->is_string()) return "string " + v->dump();
  if (v->is_boolean()) return "boolean " + v->dump();
  if (v->is_number_integer()) return "integer " + v->dump();
  if (v->is_number()) return "number " + v->dump();
  if (v->is_array()) return "a list";
  return "a mapping";
}

std::string Value(const json* v) {
  if (v == nullptr) return "nothing";
  std::string s = v->dump();
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

// "partitions", "databases[0]" (the last key and any indices after it).
std::string Label(const Path& path) {
  std::size_t k = path.size();
  while (k > 0 && path[k - 1].IsIndex()) --k;
  if (k == 0) return "the plan";
  std::string out = path[k - 1].key;
  for (std::size_t i = k; i < path.size(); ++i) out += "[" + std::to_string(path[i].index) + "]";
  return out;
}

std::string Join(const std::vector<std::string>& items, const std::string& last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? last_sep : ", ";
    out += items[i];
  }
  return out;
}

std::optional<std::string> Hint(const std::vector<const json*>& schemas, const char* keyword) {
  for (const json* s : schemas) {
    if (s->contains(keyword) && s->contains("x-hint")) return (*s)["x-hint"].get<std::string>();
  }
  return std::nullopt;
}

std::optional<double> Number(const std::vector<const json*>& schemas, const char* keyword) {
  for (const json* s : schemas) {
    if (s->contains(keyword) && (*s)[keyword].is_number()) return (*s)[keyword].get<double>();
  }
  return std::nullopt;
}

std::string NumberText(double d) {
  if (d == static_cast<double>(static_cast<long long>(d))) {
    return std::to_string(static_cast<long long>(d));
  }
  return json(d).dump();
}

std::string TypeMessage(const Path& path, const std::vector<const json*>& schemas,
                        const json* inst) {
  std::vector<std::string> types;
  for (const json* s : schemas) {
    std::vector<std::string> sorted = model::SchemaTypes(*s);
    std::sort(sorted.begin(), sorted.end());
    for (const auto& t : sorted) {
      std::string f = FriendlyType(t);
      if (std::find(types.begin(), types.end(), f) == types.end()) types.push_back(f);
    }
  }
  std::string expected = types.empty() ? "another type" : Join(types, " or ");
  return "expected " + expected + " for \"" + Label(path) + "\", got " + Shown(inst);
}

std::string EnumMessage(const Path& path, const std::vector<const json*>& schemas,
                        const json* inst) {
  std::vector<std::string> options;
  for (const json* s : schemas) {
    if (!s->contains("enum")) continue;
    for (const auto& e : (*s)["enum"])
      options.push_back(e.is_string() ? e.get<std::string>() : e.dump());
  }
  std::string head = "invalid value " + Value(inst) + " for \"" + Label(path) + "\"";
  if (auto hint = Hint(schemas, "enum")) return head + ": " + *hint;
  if (inst != nullptr && inst->is_string()) {
    if (auto s = core::Suggest(inst->get<std::string>(), options)) {
      return head + " (did you mean \"" + *s + "\"?)";
    }
  }
  return head + "; expected one of: " + Join(options, ", ");
}

struct Located {
  Path path;
  std::string message;
  bool at_key = false;  // position the diagnostic at the key of the last step
};

std::vector<Located> Translate(const json& doc, const YamlNode& root,
                               const valijson::ValidationResults::Error& error) {
  Located out;
  out.path = PathFromContext(root, error.context);
  const std::string& d = error.description;
  const json* inst = nullptr;
  std::vector<const json*> schemas = SchemasAt(doc, out.path, &inst);
  std::vector<const json*> fit = FitTo(schemas, inst);

  if (StartsWith(d, "Object contains a property that could not be validated")) {
    // valijson names only the first unknown key; report every one, in file order.
    std::vector<std::string> known;
    for (const json* s : fit) {
      if (!s->contains("properties")) continue;
      for (auto it = (*s)["properties"].begin(); it != (*s)["properties"].end(); ++it) {
        known.push_back(it.key());
      }
    }
    std::vector<std::regex> patterns;  // patternProperties, e.g. "^x-" extension fields
    for (const json* s : fit) {
      if (!s->contains("patternProperties")) continue;
      for (auto it = (*s)["patternProperties"].begin(); it != (*s)["patternProperties"].end();
           ++it) {
        patterns.emplace_back(it.key());
      }
    }
    const YamlNode* object = Locate(root, out.path);
    std::vector<Located> all;
    for (const auto& key : object->keys) {
      if (std::find(known.begin(), known.end(), key.value) != known.end()) continue;
      if (std::any_of(patterns.begin(), patterns.end(),
                      [&](const std::regex& r) { return std::regex_search(key.value, r); })) {
        continue;
      }
      Located one;
      one.path = out.path;
      one.path.push_back(PathStep{key.value, -1});
      one.at_key = true;
      one.message = "unknown field \"" + key.value + "\"";
      if (auto s = core::Suggest(key.value, known))
        one.message += " (did you mean \"" + *s + "\"?)";
      all.push_back(std::move(one));
    }
    return all;
  }
  if (StartsWith(d, "Missing required property '")) {
    std::string key = d.substr(27);
    if (key.size() >= 2) key.resize(key.size() - 2);
    out.message = "missing required field \"" + key + "\"";
    return {out};
  }
  if (StartsWith(d, "Value type not permitted")) {
    out.message = TypeMessage(out.path, schemas, inst);
    return {out};
  }
  if (StartsWith(d, "Failed to match against any enum values")) {
    out.message = EnumMessage(out.path, fit, inst);
    return {out};
  }
  if (StartsWith(d, "Failed to match regex")) {
    std::string head = "invalid value " + Value(inst) + " for \"" + Label(out.path) + "\"";
    if (auto hint = Hint(fit, "pattern")) {
      out.message = head + ": " + *hint;
    } else {
      out.message = head;
    }
    return {out};
  }
  if (StartsWith(d, "Expected number greater than")) {
    auto min = Number(fit, "minimum");
    out.message = "\"" + Label(out.path) + "\" must be at least " + (min ? NumberText(*min) : "?") +
                  ", got " + Value(inst);
    return {out};
  }
  if (StartsWith(d, "Expected number less than")) {
    auto max = Number(fit, "maximum");
    out.message = "\"" + Label(out.path) + "\" must be at most " + (max ? NumberText(*max) : "?") +
                  ", got " + Value(inst);
    return {out};
  }
  if (StartsWith(d, "String should be no more than")) {
    auto max = Number(fit, "maxLength");
    out.message = "\"" + Label(out.path) + "\" must be at most " + (max ? NumberText(*max) : "?") +
                  " characters";
    return {out};
  }
  if (StartsWith(d, "String should be no fewer than")) {
    out.message = "\"" + Label(out.path) + "\" must not be empty";
    return {out};
  }
  if (StartsWith(d, "Array should contain no fewer than")) {
    auto min = Number(fit, "minItems");
    out.message = "\"" + Label(out.path) + "\" needs at least " + (min ? NumberText(*min) : "1") +
                  " item" + (min && *min > 1 ? "s" : "");
    return {out};
  }
  out.message =
      d + " (at " + (out.path.empty() ? std::string("top level") : PathText(out.path)) + ")";
  return {out};
}

bool IsPrefix(const Path& a, const Path& b) {  // a is a prefix of (or equal to) b
  if (a.size() > b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].key != b[i].key || a[i].index != b[i].index) return false;
  }
  return true;
}

}  // namespace

void CheckSchema(const std::string& file, const json& doc, const YamlNode& root,
                 core::Diagnostics& diags) {
  std::string schema_error;
  const valijson::Schema* schema = CompiledSchema(schema_error);
  if (schema == nullptr) {
    diags.push_back({core::Severity::kError,
                     {file, 0, 0},
                     "internal error: the plan schema does not load: " + schema_error,
                     ""});
    return;
  }
  valijson::ValidationResults results;
  try {
    valijson::Validator validator;
    valijson::adapters::NlohmannJsonAdapter target(doc);
    if (validator.validate(*schema, target, &results)) return;
  } catch (const std::exception& e) {
    diags.push_back({core::Severity::kError,
                     {file, 0, 0},
                     std::string("internal error while checking the schema: ") + e.what(),
                     ""});
    return;
  }

  struct Item {
    Located located;
    bool type_error;
  };
  std::vector<Item> items;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (IsWrapper(error.description)) continue;
    bool type_error = StartsWith(error.description, "Value type not permitted");
    for (auto& t : Translate(doc, root, error)) items.push_back({std::move(t), type_error});
  }
  // A value may be "a string or a mapping" (oneOf): the branch that does not fit its type
  // only adds a type error; drop it when a more specific problem was found at or below it.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& item : items) {
    if (item.type_error) {
      bool more_specific = std::any_of(items.begin(), items.end(), [&](const Item& other) {
        return !other.type_error && IsPrefix(item.located.path, other.located.path);
      });
      if (more_specific) continue;
    }
    const YamlNode* key = nullptr;
    const YamlNode* node = Locate(root, item.located.path, &key);
    const YamlNode* at = (item.located.at_key && key != nullptr) ? key : node;
    std::string where = std::to_string(at->line) + ":" + std::to_string(at->column);
    if (!seen.insert({where, item.located.message}).second) continue;
    diags.push_back(
        {core::Severity::kError, {file, at->line, at->column}, item.located.message, ""});
  }
}

}  // namespace aivenctl::loader
