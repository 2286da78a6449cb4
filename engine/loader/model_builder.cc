#include "loader/model_builder.h"

#include "loader/names.h"
#include "loader/schema_text.h"

namespace aivenctl::loader {
namespace {

using nlohmann::json;

// A value in the document together with the YAML node it came from.
struct Cursor {
  const json* j = nullptr;
  const YamlNode* n = nullptr;

  bool ok() const { return j != nullptr && n != nullptr; }
  Cursor Get(const std::string& key) const {
    if (!ok() || !j->is_object() || !n->IsMap()) return {};
    auto it = j->find(key);
    const YamlNode* node = n->Find(key);
    if (it == j->end() || node == nullptr) return {};
    return {&*it, node};
  }
  // The key node of `key` in this mapping (for positions of whole entries).
  const YamlNode* Key(const std::string& key) const {
    if (!ok() || !n->IsMap()) return nullptr;
    for (std::size_t i = 0; i < n->keys.size(); ++i) {
      if (n->keys[i].value == key) return &n->keys[i];
    }
    return nullptr;
  }
  std::size_t Size() const { return ok() && j->is_array() && n->IsSequence() ? j->size() : 0; }
  Cursor At(std::size_t i) const {
    if (i >= Size() || i >= n->values.size()) return {};
    return {&(*j)[i], &n->values[i]};
  }
  std::optional<std::string> Str() const {
    if (ok() && j->is_string()) return j->get<std::string>();
    return std::nullopt;
  }
  // Strings, numbers and booleans as written (for tags, versions, config values).
  std::optional<std::string> Text() const {
    if (!ok()) return std::nullopt;
    if (j->is_string()) return j->get<std::string>();
    if ((j->is_number() || j->is_boolean()) && n->IsScalar()) return n->value;
    return std::nullopt;
  }
  std::optional<bool> Bool() const {
    if (ok() && j->is_boolean()) return j->get<bool>();
    return std::nullopt;
  }
  std::optional<long long> Int() const {
    if (ok() && j->is_number_integer()) return j->get<long long>();
    return std::nullopt;
  }
};

class Builder {
 public:
  Builder(const std::string& file, core::Diagnostics& diags) : file_(file), diags_(diags) {}

  model::Plan Build(const Cursor& root, const VarMap& vars) {
    model::Plan plan;
    plan.file = file_;
    plan.pos = Pos(root.n);
    plan.vars = vars;
    if (auto v = root.Get("version").Int()) plan.version = static_cast<int>(*v);
    Cursor name = root.Get("name");
    if (auto s = name.Str()) {
      plan.name = *s;
      CheckNameAt(NameKind::kPlan, "plan", *s, name);
    }
    if (auto s = root.Get("description").Str()) plan.description = *s;
    Cursor defaults = root.Get("defaults");
    plan.defaults.cloud = defaults.Get("cloud").Str();
    plan.defaults.cloud_pos = Pos(defaults.Get("cloud").n);
    plan.defaults.ttl = Ttl(defaults.Get("ttl"));
    plan.defaults.ttl_pos = Pos(defaults.Get("ttl").n);
    plan.defaults.tags = Tags(defaults.Get("tags"));

    Cursor projects = root.Get("projects");
    for (std::size_t i = 0; i < projects.Size(); ++i) {
      Cursor p = projects.At(i);
      if (p.ok() && p.j->is_object()) plan.projects.push_back(Project(p, plan));
    }
    return plan;
  }

 private:
  // `build` of each object in `list` (items of another type were reported by the schema).
  template <typename T, typename Build>
  static void EachObject(const Cursor& list, std::vector<T>& out, const Build& build) {
    for (std::size_t i = 0; i < list.Size(); ++i) {
      Cursor item = list.At(i);
      if (item.ok() && item.j->is_object()) out.push_back(build(item));
    }
  }

  core::SourcePos Pos(const YamlNode* n) const {
    if (n == nullptr) return {};
    return {file_, n->line, n->column};
  }

  // The position of every key (and sequence item) under `c`, by path from `path`.
  void RecordKeys(const Cursor& c, const std::string& path, model::KeyPositions& out) const {
    if (!c.ok()) return;
    if (c.j->is_object() && c.n->IsMap()) {
      for (const auto& key : c.n->keys) {
        const std::string here = path + "." + key.value;
        out[here] = Pos(&key);
        RecordKeys(c.Get(key.value), here, out);
      }
    } else if (c.j->is_array() && c.n->IsSequence()) {
      for (std::size_t i = 0; i < c.Size(); ++i) {
        const std::string here = path + "[" + std::to_string(i) + "]";
        out[here] = Pos(c.At(i).n);
        RecordKeys(c.At(i), here, out);
      }
    }
  }

  void Report(core::Severity severity, const YamlNode* n, std::string message,
              const core::Address* address = nullptr) {
    core::Diagnostic d;
    d.severity = severity;
    d.pos = Pos(n);
    d.message = std::move(message);
    if (address != nullptr) d.address = address->ToString();
    diags_.push_back(std::move(d));
  }
  void Error(const YamlNode* n, std::string message, const core::Address* a = nullptr) {
    Report(core::Severity::kError, n, std::move(message), a);
  }
  void Warning(const YamlNode* n, std::string message, const core::Address* a = nullptr) {
    Report(core::Severity::kWarning, n, std::move(message), a);
  }

  void CheckNameAt(NameKind kind, const char* what, const std::string& name, const Cursor& at) {
    if (auto rule = CheckName(kind, name)) {
      Error(at.n, std::string("invalid ") + what + " name \"" + name + "\": " + *rule);
    }
  }

  std::optional<core::Seconds> Ttl(const Cursor& c) {
    auto s = c.Str();
    if (!s) return std::nullopt;
    if (s->find("${") != std::string::npos) return std::nullopt;  // reported by interpolation
    auto d = core::ParseDuration(*s);
    if (!d.ok()) {
      Error(c.n, "invalid ttl: " + d.status().message());
      return std::nullopt;
    }
    if (d->count() == 0) {
      Error(c.n, "ttl must be longer than 0s");
      return std::nullopt;
    }
    return *d;
  }

  model::Tags Tags(const Cursor& c) {
    model::Tags tags;
    if (!c.ok() || !c.j->is_object() || !c.n->IsMap()) return tags;
    for (std::size_t i = 0; i < c.n->keys.size(); ++i) {
      const std::string& key = c.n->keys[i].value;
      if (key.rfind("aivenctl", 0) == 0) {
        Error(&c.n->keys[i], "tag \"" + key +
                                 "\" is reserved: aivenctl stamps tags starting "
                                 "with \"aivenctl\" itself");
        continue;
      }
      if (auto v = c.Get(key).Text()) tags[key] = *v;
    }
    return tags;
  }

  static model::Tags Merge(const model::Tags& under, const model::Tags& over) {
    model::Tags out = under;
    for (const auto& [k, v] : over) out[k] = v;
    return out;
  }

  model::Project Project(const Cursor& c, const model::Plan& plan) {
    model::Project p;
    p.pos = Pos(c.n);
    Cursor name = c.Get("name");
    if (auto s = name.Str()) {
      p.name = *s;
      CheckNameAt(NameKind::kProject, "project", *s, name);
    }
    p.address = core::Address::Project(p.name);
    if (auto b = c.Get("create").Bool()) p.create = *b;
    if (auto s = c.Get("billing_group_id").Str()) p.billing_group_id = *s;
    if (auto s = c.Get("parent_id").Str()) p.parent_id = *s;
    if (!p.create && (p.billing_group_id || p.parent_id)) {
      Warning(c.Key(p.billing_group_id ? "billing_group_id" : "parent_id"),
              "billing_group_id and parent_id only apply to projects the plan creates "
              "(create: false here)",
              &p.address);
    }
    if (auto s = c.Get("cloud").Str()) {
      p.cloud = {*s, model::Origin::kExplicit, Pos(c.Get("cloud").n)};
    } else if (plan.defaults.cloud) {
      p.cloud = {plan.defaults.cloud, model::Origin::kDefaults, plan.defaults.cloud_pos};
    }
    if (auto t = Ttl(c.Get("ttl"))) {
      p.ttl = {*t, model::Origin::kExplicit, Pos(c.Get("ttl").n)};
    } else if (plan.defaults.ttl && !c.Get("ttl").ok()) {
      p.ttl = {plan.defaults.ttl, model::Origin::kDefaults, plan.defaults.ttl_pos};
    }
    p.tags = Merge(plan.defaults.tags, Tags(c.Get("tags")));
    p.prune_vpcs = c.Get("prune").Bool().value_or(false);
    Cursor vpcs = c.Get("vpcs");
    for (std::size_t i = 0; i < vpcs.Size(); ++i) {
      Cursor v = vpcs.At(i);
      if (!v.ok() || !v.j->is_object()) continue;
      model::Vpc& vpc = p.vpcs.emplace_back();
      vpc.pos = Pos(v.n);
      vpc.name = v.Get("name").Str().value_or("");
      vpc.cloud = v.Get("cloud").Str().value_or("");
      vpc.network_cidr = v.Get("network_cidr").Str().value_or("");
      for (const char* key : {"name", "cloud", "network_cidr"}) {
        if (v.Get(key).ok()) vpc.key_pos[key] = Pos(v.Get(key).n);
      }
      vpc.address = core::Address::Vpc(p.name, vpc.cloud);
    }
    EachObject(c.Get("services"), p.services, [&](const Cursor& s) { return Service(s, p, plan); });
    EachObject(c.Get("endpoints"), p.endpoints,
               [&](const Cursor& e) { return IntegrationEndpoint(e, p); });
    if (auto b = c.Get("prune_endpoints").Bool()) p.prune_endpoints = *b;
    EachObject(c.Get("integrations"), p.integrations,
               [&](const Cursor& s) { return Integration(s, p); });
    return p;
  }

  template <typename T>
  static model::Inherited<T> Inherit(const model::Inherited<T>& from_project) {
    model::Inherited<T> out = from_project;
    if (out.origin == model::Origin::kExplicit) out.origin = model::Origin::kProject;
    return out;
  }

  model::Service Service(const Cursor& c, const model::Project& project, const model::Plan& plan) {
    model::Service s;
    s.pos = Pos(c.n);
    s.project = project.name;
    Cursor name = c.Get("name");
    if (auto v = name.Str()) {
      s.name = *v;
      CheckNameAt(NameKind::kService, "service", *v, name);
    }
    s.address = core::Address::Service(project.name, s.name);
    if (auto v = c.Get("type").Str()) s.type = *v;
    if (c.Get("type").ok()) s.key_pos["type"] = Pos(c.Get("type").n);
    if (auto v = c.Get("plan").Str()) s.plan = *v;
    if (auto v = c.Get("cloud").Str()) {
      s.cloud = {*v, model::Origin::kExplicit, Pos(c.Get("cloud").n)};
    } else {
      s.cloud = Inherit(project.cloud);
    }
    if (auto t = Ttl(c.Get("ttl"))) {
      s.ttl = {*t, model::Origin::kExplicit, Pos(c.Get("ttl").n)};
    } else if (!c.Get("ttl").ok()) {
      s.ttl = Inherit(project.ttl);
    }
    if (auto v = c.Get("vpc").Str()) {
      s.vpc = *v;
      s.key_pos["vpc"] = Pos(c.Get("vpc").n);
    }
    Cursor user_config = c.Get("user_config");
    if (user_config.ok() && user_config.j->is_object()) s.user_config = *user_config.j;
    RecordKeys(user_config, "user_config", s.key_pos);
    Version(c, s);
    s.termination_protection = c.Get("termination_protection").Bool();
    Cursor maintenance = c.Get("maintenance");
    auto dow = maintenance.Get("dow").Str();
    auto time = maintenance.Get("time").Str();
    if (dow && time) s.maintenance = model::Maintenance{*dow, *time};
    s.disk_space_mb = c.Get("disk_space_mb").Int();
    s.powered = c.Get("powered").Bool();
    s.tags = Merge(plan.defaults.tags, Tags(c.Get("tags")));
    s.prune = c.Get("prune").Bool().value_or(false);
    s.protect = c.Get("protect").Bool().value_or(false);
    s.adopt = c.Get("adopt").Bool().value_or(false);
    if (s.protect && s.ttl.value) {
      Warning(c.Get("protect").n,
              "service \"" + s.name + "\" is protected but has a ttl (" +
                  core::FormatDuration(*s.ttl.value) +
                  "); aivenctl will not delete it when it expires",
              &s.address);
    }
    Children(c, s);
    return s;
  }

  // `version: X` is shorthand for user_config.<type>_version: X.
  void Version(const Cursor& c, model::Service& s) {
    Cursor version = c.Get("version");
    auto text = version.Text();
    if (!text || s.type.empty()) return;
    s.version = *text;
    const std::string key = s.type + "_version";
    Cursor explicit_version = c.Get("user_config").Get(key);
    if (auto other = explicit_version.Text()) {
      if (*other != *text) {
        Error(version.n,
              "version \"" + *text + "\" disagrees with user_config." + key + " \"" + *other +
                  "\"; keep one of them",
              &s.address);
      }
      return;
    }
    s.user_config[key] = *text;
    s.key_pos["user_config." + key] = Pos(version.n);
  }

  void Children(const Cursor& c, model::Service& s) {
    model::ChildSupport allowed = model::ChildrenOf(s.type);
    const bool known = model::IsKnownServiceType(s.type);
    auto misfit = [&](const char* field, const char* which) {
      Error(c.Key(field),
            "service \"" + s.name + "\" of type " + s.type + " cannot have " + field + " (" +
                which + ")",
            &s.address);
    };
    Cursor databases = c.Get("databases");
    if (databases.Size() > 0 && known && !allowed.databases) {
      misfit("databases", "only pg, mysql, alloydbomni and clickhouse services have databases");
    }
    for (std::size_t i = 0; i < databases.Size(); ++i) {
      Cursor d = databases.At(i);
      if (!d.ok()) continue;
      model::Database db;
      db.pos = Pos(d.n);
      Cursor name = d.j->is_object() ? d.Get("name") : d;
      auto n = name.Str();
      if (!n) continue;
      db.name = *n;
      CheckNameAt(NameKind::kDatabase, "database", *n, name);
      db.lc_collate = d.Get("lc_collate").Str();
      db.lc_ctype = d.Get("lc_ctype").Str();
      db.address = core::Address::Child(core::Kind::kDatabase, s.project, s.name, db.name);
      for (const char* locale : {"lc_collate", "lc_ctype"}) {
        if (allowed.clickhouse_databases && d.Get(locale).ok()) {
          Error(d.Key(locale),
                std::string(locale) +
                    " applies to pg, mysql and alloydbomni databases, not to "
                    "a clickhouse one",
                &db.address);
        }
      }
      s.databases.push_back(std::move(db));
    }
    Cursor users = c.Get("users");
    if (users.Size() > 0 && known && !allowed.users) {
      misfit("users", "this service type has no service users");
    }
    for (std::size_t i = 0; i < users.Size(); ++i) {
      Cursor u = users.At(i);
      if (!u.ok()) continue;
      model::User user;
      user.pos = Pos(u.n);
      Cursor name = u.j->is_object() ? u.Get("name") : u;
      auto n = name.Str();
      if (!n) continue;
      user.name = *n;
      CheckNameAt(NameKind::kUser, "user", *n, name);
      user.address = core::Address::Child(core::Kind::kUser, s.project, s.name, user.name);
      user.authentication = u.Get("authentication").Str();
      if (user.authentication && s.type != "mysql") {
        Error(u.Key("authentication"),
              "authentication applies to mysql users only, not to a " + s.type + " service",
              &user.address);
      }
      Cursor acl = u.Get("access_control");
      if (acl.ok() && acl.j->is_object()) user.access_control = *acl.j;
      s.users.push_back(std::move(user));
    }
    Cursor pools = c.Get("pools");
    if (pools.Size() > 0 && known && !allowed.pools) {
      misfit("pools", "only pg services have PgBouncer connection pools");
    }
    EachObject(pools, s.pools, [&](const Cursor& p) { return Pool(p, s); });
    Cursor topics = c.Get("topics");
    if (topics.Size() > 0 && known && !allowed.topics) {
      misfit("topics", "only kafka services have topics");
    }
    EachObject(topics, s.topics, [&](const Cursor& t) { return Topic(t, s); });
    Acls(c, s, known && !allowed.acls, misfit);
    Cursor schemas = c.Get("schemas");
    if (schemas.Size() > 0 && known && !allowed.schemas) {
      misfit("schemas", "only kafka services have a Schema Registry");
    } else if (schemas.Size() > 0 && known) {
      SchemaRegistryOn(s, schemas);
    }
    EachObject(schemas, s.schemas, [&](const Cursor& e) { return Schema(e, s); });
    Cursor connectors = c.Get("connectors");
    if (connectors.Size() > 0 && known && !allowed.connectors) {
      misfit("connectors",
             "only kafka_connect services and kafka services with user_config kafka_connect: "
             "true have connectors");
    } else if (connectors.Size() > 0 && known && !model::HasConnect(s.type, s.user_config)) {
      Error(c.Key("connectors"),
            "service \"" + s.name +
                "\" has connectors but does not run Kafka Connect: set user_config "
                "kafka_connect: true, or declare them on a kafka_connect service",
            &s.address);
    }
    EachObject(connectors, s.connectors, [&](const Cursor& k) { return Connector(k, s); });
  }

  // `acls` and `schema_registry_acls` (the schema checked their keys and permissions).
  template <typename Misfit>
  void Acls(const Cursor& c, model::Service& s, bool refuse, const Misfit& misfit) {
    const auto read = [&](const char* key, const char* resource_key, core::Kind kind,
                          std::vector<model::Acl>& out) {
      Cursor list = c.Get(key);
      if (list.Size() > 0 && refuse) misfit(key, "only kafka services have ACLs");
      for (std::size_t i = 0; i < list.Size(); ++i) {
        Cursor a = list.At(i);
        if (!a.ok() || !a.j->is_object()) continue;
        auto username = a.Get("username").Str();
        auto resource = a.Get(resource_key).Str();
        auto permission = a.Get("permission").Str();
        if (!username || !resource || !permission) continue;
        model::Acl acl{*username, *resource, *permission, Pos(a.n), {}};
        acl.address =
            core::Address::Acl(kind, s.project, s.name, acl.username, acl.resource, acl.permission);
        out.push_back(std::move(acl));
      }
    };
    read("acls", "topic", core::Kind::kKafkaAcl, s.acls);
    read("schema_registry_acls", "resource", core::Kind::kSchemaRegistryAcl,
         s.schema_registry_acls);
  }

  // Subjects need the service's Schema Registry: user_config.schema_registry: true. Reported
  // at the first subject, naming the key to set.
  void SchemaRegistryOn(const model::Service& s, const Cursor& schemas) {
    auto it = s.user_config.find("schema_registry");
    if (it != s.user_config.end() && it->is_boolean() && it->get<bool>()) return;
    if (it != s.user_config.end() && it->is_string()) return;  // a variable, judged at apply
    const bool off = it != s.user_config.end();
    Cursor first = schemas.At(0);
    Error(first.ok() && first.j->is_object() && first.Get("subject").ok() ? first.Get("subject").n
                                                                          : first.n,
          "schemas need the service's Schema Registry: set user_config.schema_registry: true "
          "on service \"" +
              s.name + "\"" + (off ? " (it is false)" : ""),
          &s.address);
  }

  model::Schema Schema(const Cursor& c, const model::Service& s) {
    model::Schema x;
    x.pos = Pos(c.n);
    Cursor subject = c.Get("subject");
    if (auto n = subject.Str()) {
      x.name = *n;
      CheckNameAt(NameKind::kSubject, "subject", *n, subject);
    }
    x.address = core::Address::Child(core::Kind::kSchema, s.project, s.name, x.name);
    Cursor type = c.Get("type");
    if (auto t = type.Str()) {
      x.type = *t;
      x.key_pos["type"] = Pos(type.n);
    }
    Cursor level = c.Get("compatibility");
    if (auto l = level.Str()) {
      x.compatibility = *l;
      x.key_pos["compatibility"] = Pos(level.n);
    }
    Cursor inline_text = c.Get("schema");
    Cursor file = c.Get("schema_file");
    if (inline_text.ok() && file.ok()) {
      Error(file.n, "set either schema or schema_file, not both", &x.address);
      return x;
    }
    if (!inline_text.ok() && !file.ok()) {
      Error(subject.ok() ? subject.n : c.n,
            "subject \"" + x.name +
                "\" needs its schema: add schema_file (a path relative "
                "to the plan file) or schema (the text inline)",
            &x.address);
      return x;
    }
    const Cursor& where = file.ok() ? file : inline_text;
    x.key_pos[file.ok() ? "schema_file" : "schema"] = Pos(where.n);
    std::string label = "inline schema";
    if (auto path = file.Str()) {
      x.schema_file = *path;
      label = *path;
      std::string error;
      auto text = ReadSchemaFile(file_, *path, error);
      if (!text) {
        Error(file.n, "schema_file: " + error, &x.address);
        return x;
      }
      x.schema = std::move(*text);
    } else if (auto text = inline_text.Str()) {
      x.schema = *text;
    } else {
      return x;  // the schema check reports the type
    }
    const bool known_type = x.type == "AVRO" || x.type == "JSON" || x.type == "PROTOBUF";
    if (!known_type) return x;  // the schema check names the allowed types
    if (auto problem = CheckSchemaText(x.type, x.schema)) {
      const bool placed = problem->front() >= '0' && problem->front() <= '9';
      Error(where.n, label + (placed && x.schema_file ? ":" : ": ") + *problem, &x.address);
    }
    return x;
  }

  model::Connector Connector(const Cursor& c, const model::Service& s) {
    model::Connector k;
    k.pos = Pos(c.n);
    Cursor name = c.Get("name");
    if (auto n = name.Str()) {
      k.name = *n;
      CheckNameAt(NameKind::kConnector, "connector", *n, name);
    }
    k.address = core::Address::Child(core::Kind::kConnector, s.project, s.name, k.name);
    if (auto cls = c.Get("class").Str()) {
      k.class_name = *cls;
      k.key_pos["class"] = Pos(c.Get("class").n);
    }
    Cursor config = c.Get("config");
    if (!config.ok() || !config.j->is_object() || !config.n->IsMap()) return k;
    RecordKeys(config, "config", k.key_pos);
    for (const auto& key : config.n->keys) {
      if (key.value == "name" || key.value == "connector.class") {
        Error(&key,
              "connector \"" + k.name + "\": config." + key.value + " is set by its " +
                  (key.value == "name" ? "`name:`" : "`class:`") + "; remove it from config",
              &k.address);
        continue;
      }
      // A list or mapping is the schema's error ("expected boolean, number or string").
      if (auto text = config.Get(key.value).Text()) k.config[key.value] = *text;
    }
    return k;
  }

  model::Pool Pool(const Cursor& c, const model::Service& s) {
    model::Pool pool;
    pool.pos = Pos(c.n);
    Cursor name = c.Get("name");
    if (auto n = name.Str()) {
      pool.name = *n;
      CheckNameAt(NameKind::kPool, "pool", *n, name);
    }
    pool.address = core::Address::Child(core::Kind::kPool, s.project, s.name, pool.name);
    pool.database = c.Get("database").Str().value_or("");
    pool.username = c.Get("user").Str();
    if (auto size = c.Get("size").Int(); size && *size >= 1 && *size <= 10'000) {
      pool.size = static_cast<int>(*size);
    }
    pool.mode = c.Get("mode").Str();
    for (const char* key : {"database", "user", "size", "mode"}) {
      if (c.Get(key).ok()) pool.key_pos[key] = Pos(c.Get(key).n);
    }
    return pool;
  }

  model::Topic Topic(const Cursor& c, const model::Service& s) {
    model::Topic t;
    t.pos = Pos(c.n);
    Cursor name = c.Get("name");
    if (auto n = name.Str()) {
      t.name = *n;
      CheckNameAt(NameKind::kTopic, "topic", *n, name);
    }
    t.address = core::Address::Child(core::Kind::kTopic, s.project, s.name, t.name);
    auto small = [](std::optional<long long> v) -> std::optional<int> {
      if (!v || *v < 0 || *v > 1'000'000) return std::nullopt;
      return static_cast<int>(*v);
    };
    t.partitions = small(c.Get("partitions").Int());
    t.replication = small(c.Get("replication").Int());
    t.min_insync_replicas = small(c.Get("min_insync_replicas").Int());
    if (t.replication && t.min_insync_replicas && *t.min_insync_replicas > *t.replication) {
      Error(c.Get("min_insync_replicas").n,
            "min_insync_replicas (" + std::to_string(*t.min_insync_replicas) +
                ") is larger than replication (" + std::to_string(*t.replication) +
                "); writes with acks=all would always fail",
            &t.address);
    }
    Cursor config = c.Get("config");
    if (config.ok() && config.j->is_object() && config.n->IsMap()) {
      t.config = *config.j;
      RecordKeys(config, "config", t.key_pos);
      for (const auto& key : config.n->keys) {
        if (key.value.find('.') == std::string::npos) continue;
        std::string fixed = key.value;
        for (char& ch : fixed) {
          if (ch == '.') ch = '_';
        }
        Error(&key,
              "topic config key \"" + key.value +
                  "\" uses Kafka's dotted form; Aiven "
                  "expects \"" +
                  fixed + "\"",
              &t.address);
      }
    }
    t.tags = Tags(c.Get("tags"));
    t.description = c.Get("description").Str();
    return t;
  }

  model::Endpoint Endpoint(const Cursor& c, const model::Project& project) {
    model::Endpoint e;
    e.pos = Pos(c.n);
    e.project = project.name;
    if (auto s = c.Str()) {
      std::size_t slash = s->find('/');
      if (slash == std::string::npos) {
        e.service = *s;
      } else {
        e.project = s->substr(0, slash);
        e.service = s->substr(slash + 1);
      }
    } else if (c.ok() && c.j->is_object()) {
      if (auto p = c.Get("project").Str()) e.project = *p;
      if (auto s = c.Get("service").Str()) e.service = *s;
      if (auto n = c.Get("endpoint").Str()) e.endpoint = *n;
      if (!e.endpoint.empty() && c.Get("service").ok()) {
        Error(c.Key("endpoint"),
              "an integration end is a service or an endpoint, not both (remove \"service\" or "
              "\"endpoint\")");
        e.service.clear();
      } else if (!e.endpoint.empty() && c.Get("project").ok() && e.project != project.name) {
        Error(c.Key("project"),
              "an integration endpoint end must be in the integration's project (" + project.name +
                  "); declare the integration in project \"" + e.project + "\"");
        e.project = project.name;
      }
    }
    return e;
  }

  model::IntegrationEndpoint IntegrationEndpoint(const Cursor& c, const model::Project& project) {
    model::IntegrationEndpoint e;
    e.pos = Pos(c.n);
    Cursor name = c.Get("name");
    if (auto v = name.Str()) {
      e.name = *v;
      if (v->empty() || v->size() > 40) {
        Error(name.n, "invalid endpoint name \"" + *v +
                          "\": an integration endpoint name is 1-40 "
                          "characters");
      }
    }
    e.address = core::Address::Endpoint(project.name, e.name);
    if (auto v = c.Get("type").Str()) e.type = *v;
    if (c.Get("name").ok()) e.key_pos["name"] = Pos(c.Get("name").n);
    if (c.Get("type").ok()) e.key_pos["type"] = Pos(c.Get("type").n);
    Cursor user_config = c.Get("user_config");
    if (user_config.ok() && user_config.j->is_object()) e.user_config = *user_config.j;
    RecordKeys(user_config, "user_config", e.key_pos);
    return e;
  }

  model::Integration Integration(const Cursor& c, const model::Project& project) {
    model::Integration i;
    i.pos = Pos(c.n);
    if (auto t = c.Get("type").Str()) i.type = *t;
    i.source = Endpoint(c.Get("source"), project);
    i.destination = Endpoint(c.Get("destination"), project);
    i.external = c.Get("external").Bool().value_or(false);
    Cursor user_config = c.Get("user_config");
    if (user_config.ok() && user_config.j->is_object()) i.user_config = *user_config.j;
    RecordKeys(user_config, "user_config", i.key_pos);
    if (c.Get("type").ok()) i.key_pos["type"] = Pos(c.Get("type").n);
    i.address = core::Address::Integration(project.name, i.type, i.source.Label(project.name),
                                           i.destination.Label(project.name));
    return i;
  }

  const std::string& file_;
  core::Diagnostics& diags_;
};

}  // namespace

model::Plan BuildPlan(const std::string& file, const json& doc, const YamlNode& root,
                      const VarMap& vars, core::Diagnostics& diags) {
  Builder builder(file, diags);
  return builder.Build(Cursor{&doc, &root}, vars);
}

}  // namespace aivenctl::loader
