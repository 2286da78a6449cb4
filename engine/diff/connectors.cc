// Kafka Connect connectors of a service: create, update in place (the whole config is PUT),
// prune; the class checked against the classes the service offers; secrets from the
// environment named, never valued.

#include <algorithm>
#include <set>

#include "core/suggest.h"
#include "diff/fingerprint.h"
#include "diff/planner_internal.h"

namespace aivenctl::diff::internal {
namespace {

using nlohmann::json;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string SecretNote(const std::string& env) { return "(secret from $" + env + " at apply)"; }

// Each secret of `k` is read again from the environment at apply (create and update: the
// PUT replaces the whole config, so it carries them too).
void NeedSecrets(Context& cx, const model::Connector& k) {
  for (const auto& [key, env] : k.config_env)
    cx.secrets.push_back({k.address, "config." + key, env});
}

void Create(Context& cx, const model::Connector& k, Pending& p) {
  auto& f = p.change.fields;
  f.push_back({"class", json(), k.class_name, false});
  for (const auto& [key, value] : k.config.items())
    f.push_back({"config." + key, json(), value, false});
  for (const auto& [key, env] : k.config_env) {
    f.push_back({"config." + key, json(), SecretNote(env), false});
  }
  std::sort(f.begin() + 1, f.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  p.create_request = ConnectorCreate{k.name, k.class_name, k.config};
  p.create_gate = Gate::kConnectorRunning;
  NeedSecrets(cx, k);
}

// The plan-time class check: an error when the service's classes are known and lack it
// (with the nearest as a suggestion), else a warning that apply checks it.
void CheckClass(Context& cx, const model::Service& s, const model::LiveService* ls,
                const model::Connector& k) {
  const core::SourcePos pos = model::PosOf(k.key_pos, "class", k.pos);
  if (ls == nullptr || !ls->connector_classes) {
    cx.Warn(pos, k.address,
            k.address.ToString() + ": class " + Quote(k.class_name) +
                " is checked at apply, once " + s.address.ToString() +
                " runs Kafka Connect and lists its available connectors");
    return;
  }
  const auto& classes = *ls->connector_classes;
  if (std::binary_search(classes.begin(), classes.end(), k.class_name)) return;
  cx.Error(pos, k.address,
           k.address.ToString() + ": class " + Quote(k.class_name) +
               " is not among the connectors " + s.address.ToString() + " offers" +
               core::DidYouMean(k.class_name, classes));
}

}  // namespace

void CreateConnectors(Context& cx, const model::Service& s, const std::string& reason) {
  for (const auto& k : s.connectors) {
    CheckClass(cx, s, nullptr, k);
    Pending& p = cx.Add(k.address, Action::kCreate);
    p.change.reason = reason;
    Create(cx, k, p);
  }
}

void DiffConnectors(Context& cx, const model::Service& s, const model::LiveService& ls) {
  std::set<std::string> declared;
  for (const auto& k : s.connectors) {
    declared.insert(k.name);
    CheckClass(cx, s, &ls, k);
    const model::LiveConnector* lk = ls.FindConnector(k.name);
    Pending& p = cx.Add(k.address, Action::kCreate);
    if (lk == nullptr) {
      Create(cx, k, p);
      p.fingerprint = kAbsent;
      continue;
    }
    p.fingerprint = FingerprintObject(*lk);
    std::vector<FieldChange> fields;
    if (k.class_name != lk->class_name) {
      fields.push_back({"class", lk->class_name, k.class_name, false});
    }
    std::set<std::string> keys;
    for (const auto& [key, value] : k.config.items()) keys.insert(key);
    for (const auto& [key, value] : lk->config.items()) keys.insert(key);
    for (const auto& [key, env] : k.config_env) keys.insert(key);
    for (const auto& key : lk->secret_keys) keys.insert(key);
    auto live_secret = [&](const std::string& key) {
      return std::binary_search(lk->secret_keys.begin(), lk->secret_keys.end(), key);
    };
    for (const auto& key : keys) {
      const std::string path = "config." + key;
      const auto env = k.config_env.find(key);
      const json before = lk->config.contains(key) ? lk->config[key]
                          : live_secret(key)       ? json("(secret)")
                                                   : json();
      if (env != k.config_env.end()) {
        // A secret's value cannot be compared (it is never read back): only its presence.
        if (!live_secret(key)) fields.push_back({path, before, SecretNote(env->second), false});
        continue;
      }
      const json after = k.config.contains(key) ? k.config[key] : json();
      if (before != after) fields.push_back({path, before, after, false});
    }
    if (fields.empty()) {
      p.change.action = Action::kNoop;
      continue;
    }
    p.change.action = Action::kUpdate;
    ConnectorUpdate update{.class_name = k.class_name, .config = k.config};
    for (const auto& f : fields) update.changed.push_back(f.path);
    p.change.fields = std::move(fields);
    p.update_request = std::move(update);
    p.update_gate = Gate::kConnectorRunning;
    NeedSecrets(cx, k);
  }
  if (!s.prune) return;  // undeclared ones are "unmanaged, kept" (unmanaged.cc)
  for (const auto& c : ls.connectors) {
    if (declared.contains(c.name)) continue;
    Pending& p = cx.Add(core::Address::Child(core::Kind::kConnector, ls.project, ls.name, c.name),
                        Action::kDelete);
    p.change.reason = "not in the plan, prune: true";
    p.fingerprint = FingerprintObject(c);
    p.delete_request = ConnectorDelete{};
  }
}

}  // namespace aivenctl::diff::internal
