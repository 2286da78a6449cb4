#include "user_config_check.h"

#include <regex>
#include <vector>

#include "core/pattern.h"

namespace aivenctl::emulator {
namespace {

std::string Fail(const std::string& path, const std::string& what) {
  return "Invalid '" + path + "': " + what;
}

std::vector<std::string> Types(const Json& schema) {
  std::vector<std::string> out;
  auto it = schema.find("type");
  if (it == schema.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string()) out.push_back(t.get<std::string>());
    }
  }
  return out;
}

bool AllowsNull(const Json& schema) {
  for (const std::string& t : Types(schema)) {
    if (t == "null") return true;
  }
  return false;
}

double Num(const Json& v) { return v.get<double>(); }

std::optional<std::string> Check(const Json& schema, const Json& v, const std::string& path);

std::optional<std::string> CheckObject(const Json& schema, const Json& v, const std::string& path) {
  static const Json kEmpty = Json::object();
  auto props_it = schema.find("properties");
  const Json& props = props_it != schema.end() && props_it->is_object() ? *props_it : kEmpty;
  auto extra_it = schema.find("additionalProperties");
  bool closed = extra_it != schema.end() && extra_it->is_boolean() && !extra_it->get<bool>();
  if (closed) {
    std::vector<std::string> extra;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!props.contains(it.key())) extra.push_back(it.key());
    }
    if (!extra.empty()) {
      std::string list;
      for (const std::string& k : extra) list += (list.empty() ? "" : ", ") + PyRepr(k);
      return Fail(path, "Additional properties are not allowed (" + list +
                            (extra.size() == 1 ? " was" : " were") + " unexpected)");
    }
  }
  if (auto req = schema.find("required"); req != schema.end() && req->is_array()) {
    for (const Json& name : *req) {
      if (!name.is_string()) continue;
      auto it = v.find(name.get<std::string>());
      if (it == v.end() || it->is_null()) {
        return Fail(path, PyRepr(name) + " is a required property");
      }
    }
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string child = path + "." + it.key();
    if (auto sub = props.find(it.key()); sub != props.end()) {
      if (it->is_null() && !AllowsNull(*sub)) continue;  // null = absent (REFERENCE §8)
      if (auto err = Check(*sub, *it, child)) return err;
    } else if (extra_it != schema.end() && extra_it->is_object()) {
      if (auto err = Check(*extra_it, *it, child)) return err;
    }
  }
  return std::nullopt;
}

std::optional<std::string> Check(const Json& schema, const Json& v, const std::string& path) {
  if (!schema.is_object()) return std::nullopt;
  if (v.is_null() && AllowsNull(schema)) return std::nullopt;  // null = "use the default"
  std::vector<std::string> types = Types(schema);
  if (!types.empty()) {
    bool ok = false;
    for (const std::string& t : types) ok = ok || JsonIsType(v, t);
    if (!ok) {
      std::string names;
      for (const std::string& t : types) names += (names.empty() ? "" : ", ") + PyRepr(t);
      return Fail(path, PyRepr(v) + " is not of type " + names);
    }
  }
  if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
    bool found = false;
    for (const Json& option : *e) found = found || option == v;
    if (!found) return Fail(path, PyRepr(v) + " is not one of " + PyRepr(*e));
  }
  if (v.is_number()) {
    if (auto m = schema.find("minimum"); m != schema.end() && m->is_number() && Num(v) < Num(*m)) {
      return Fail(path, v.dump() + " is less than the minimum of " + m->dump());
    }
    if (auto m = schema.find("maximum"); m != schema.end() && m->is_number() && Num(v) > Num(*m)) {
      return Fail(path, v.dump() + " is greater than the maximum of " + m->dump());
    }
  }
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (auto m = schema.find("maxLength");
        m != schema.end() && m->is_number_unsigned() && s.size() > m->get<std::size_t>()) {
      return Fail(path, PyRepr(v) + " is too long");
    }
    if (auto m = schema.find("minLength");
        m != schema.end() && m->is_number_unsigned() && s.size() < m->get<std::size_t>()) {
      return Fail(path, PyRepr(v) + " is too short");
    }
    if (auto p = schema.find("pattern"); p != schema.end() && p->is_string()) {
      try {
        if (!std::regex_search(s, std::regex(core::PortablePattern(p->get<std::string>())))) {
          return Fail(path, PyRepr(v) + " does not match " + PyRepr(*p));
        }
      } catch (const std::regex_error&) {
        // A pattern std::regex cannot compile restricts nothing here.
      }
    }
  }
  if (v.is_array()) {
    if (auto m = schema.find("maxItems");
        m != schema.end() && m->is_number_unsigned() && v.size() > m->get<std::size_t>()) {
      return Fail(path, PyRepr(v) + " is too long");
    }
    if (auto m = schema.find("minItems");
        m != schema.end() && m->is_number_unsigned() && v.size() < m->get<std::size_t>()) {
      return Fail(path, PyRepr(v) + " is too short");
    }
    if (auto items = schema.find("items"); items != schema.end()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (auto err = Check(*items, v[i], path + "[" + std::to_string(i) + "]")) return err;
      }
    }
  }
  if (v.is_object()) return CheckObject(schema, v, path);
  return std::nullopt;
}

}  // namespace

std::string PyRepr(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "None";
    case Json::value_t::boolean:
      return value.get<bool>() ? "True" : "False";
    case Json::value_t::string: {
      std::string out = "'";
      for (char c : value.get_ref<const std::string&>()) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
      }
      return out + "'";
    }
    case Json::value_t::array: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + PyRepr(value[i]);
      return out + "]";
    }
    case Json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        out += (first ? "" : ", ") + PyRepr(it.key()) + ": " + PyRepr(*it);
        first = false;
      }
      return out + "}";
    }
    default:
      return value.dump();
  }
}

std::optional<std::string> CheckAgainstSchema(const Json& schema, const Json& value,
                                              const std::string& root) {
  return Check(schema, value, root);
}

}  // namespace aivenctl::emulator
