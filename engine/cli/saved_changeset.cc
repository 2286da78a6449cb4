#include "cli/saved_changeset.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "api/redact.h"
#include "diff/changeset_json.h"
#include "diff/resume.h"
#include "diff/sha256.h"

namespace aivenctl::cli {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

model::Project& ProjectNamed(model::Plan& plan, const std::string& name) {
  for (auto& p : plan.projects) {
    if (p.name == name) return p;
  }
  model::Project& p = plan.projects.emplace_back();
  p.name = name;
  p.address = core::Address::Project(name);
  return p;
}

// True when `cs` still sends a request that carries the secrets of `address`.
bool SendsSecrets(const diff::Changeset& cs, const core::Address& address) {
  return std::any_of(cs.operations.begin(), cs.operations.end(), [&](const auto& op) {
    return op.address == address && diff::CarriesSecrets(op.request);
  });
}

}  // namespace

bool IsSavedChangeset(const std::string& target) {
  return target.size() > 5 && target.substr(target.size() - 5) == ".json";
}

std::optional<diff::Changeset> ReadChangeset(const std::string& path, Io& io) {
  auto text = ReadText(path);
  if (!text) {
    io.err << "aivenctl: cannot read " << path << "\n";
    return std::nullopt;
  }
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded()) {
    io.err << "aivenctl: " << path << " is not JSON (a changeset saved by `aivenctl plan --out`)\n";
    return std::nullopt;
  }
  auto cs = diff::FromJson(j);
  if (!cs.ok()) {
    io.err << "aivenctl: " << path << ": " << cs.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(*cs);
}

model::Plan PlanOf(const diff::Changeset& cs) {
  model::Plan plan;
  plan.name = cs.plan_name;
  plan.file = cs.plan_file;
  for (const auto& name : cs.plan_projects) ProjectNamed(plan, name);
  for (const auto& ps : cs.plan_services) {
    model::Service s;
    s.name = ps.name;
    s.project = ps.project;
    s.type = ps.type;
    s.address = core::Address::Service(ps.project, ps.name);
    for (const auto& name : ps.databases) {
      s.databases.push_back(
          {.name = name,
           .address = core::Address::Child(core::Kind::kDatabase, ps.project, ps.name, name)});
    }
    for (const auto& name : ps.users) {
      s.users.push_back(
          {.name = name,
           .address = core::Address::Child(core::Kind::kUser, ps.project, ps.name, name)});
    }
    for (const auto& [topic, keys] : ps.topic_config_keys) {
      model::Topic t;
      t.name = topic;
      t.address = core::Address::Child(core::Kind::kTopic, ps.project, ps.name, topic);
      for (const auto& key : keys) t.config[key] = nullptr;  // the refresh reads the keys only
      s.topics.push_back(std::move(t));
    }
    ProjectNamed(plan, ps.project).services.push_back(std::move(s));
  }
  return plan;
}

std::string RelativePlanPath(const std::string& out, const std::string& plan_file) {
  std::error_code error;
  const fs::path folder = fs::absolute(fs::path(out), error).parent_path();
  const fs::path plan = fs::absolute(fs::path(plan_file), error);
  if (error) return "";
  return plan.lexically_normal().lexically_relative(folder.lexically_normal()).generic_string();
}

bool CheckPlanFile(const std::string& path, const diff::Changeset& cs, Io& io) {
  std::vector<std::string> candidates;
  if (!cs.plan_relative_path.empty()) {
    candidates.push_back((fs::path(path).parent_path() / cs.plan_relative_path).string());
  }
  if (!cs.plan_file.empty()) candidates.push_back(cs.plan_file);
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (!fs::is_regular_file(candidate, error)) continue;
    auto text = ReadText(candidate);
    if (!text) continue;
    if (cs.plan_digest.empty() || diff::Sha256Hex(*text) == cs.plan_digest) return true;
    io.err << "aivenctl: refusing to apply " << path << ": the plan file " << candidate
           << " changed since the changeset was saved; run `aivenctl plan " << candidate
           << " --out " << path << "` again to save what it says now\n";
    return false;
  }
  if (!cs.plan_file.empty()) {
    io.err << "aivenctl: plan file " << cs.plan_file
           << " not found; applying the changeset as saved\n";
  }
  return true;
}

std::optional<diff::Changeset> LoadSaved(const std::string& path, bool resume, Session& session,
                                         const LockFlags& lock, const GlobalOptions& options,
                                         RunControl& control, Io& io, int& exit_code) {
  exit_code = kExitInvalid;
  auto cs = ReadChangeset(path, io);
  if (!cs || !CheckPlanFile(path, *cs, io)) return std::nullopt;
  // Before any request; a resumed run needs only the secrets of what is left (checked then).
  if (!resume && !CheckSecrets(*cs, io)) return std::nullopt;
  session.plan = PlanOf(*cs);
  if (int locked = LockAndRefresh(session, lock, options, control, io); locked != kExitOk) {
    exit_code = locked;
    return std::nullopt;
  }
  std::vector<std::string> changed = diff::StaleObjects(*cs, session.refreshed.live, resume);
  if (!changed.empty()) {
    io.err << "aivenctl: refusing to apply " << path << ": the live state changed since it was "
           << "saved:\n";
    for (const auto& line : changed) io.err << "  " << line << "\n";
    io.err << "Run `aivenctl plan` again to see the new diff.\n";
    return std::nullopt;
  }
  if (!resume) return cs;
  diff::Changeset left = diff::Remaining(*cs, session.refreshed.live);
  io.err << "aivenctl: resuming " << path << ": " << left.operations.size() << " of "
         << cs->operations.size() << " operations left to run\n";
  return left;
}

bool CheckSecrets(const diff::Changeset& cs, Io& io) {
  std::vector<const diff::SecretFromEnv*> missing;
  for (const auto& secret : cs.secrets_from_env) {
    if (!SendsSecrets(cs, secret.address)) continue;  // done by a stopped run (--resume)
    auto value = io.env.Get(secret.env);
    if (!value || value->empty()) missing.push_back(&secret);
  }
  if (missing.empty()) return true;
  io.err << "aivenctl: the changeset reads secrets from the environment, and "
         << (missing.size() == 1 ? "this one is" : "these are") << " not set:\n";
  for (const auto* secret : missing) {
    io.err << "  " << secret->env << " (" << secret->path << " of " << secret->address.ToString()
           << ")\n";
  }
  io.err << "Set " << (missing.size() == 1 ? "it" : "them")
         << " in the environment and run again; nothing was changed.\n";
  return false;
}

bool FillSecrets(diff::Changeset& cs, Io& io) {
  if (!CheckSecrets(cs, io)) return false;
  for (const auto& secret : cs.secrets_from_env) {
    if (!SendsSecrets(cs, secret.address)) continue;
    const std::string value = io.env.Get(secret.env).value_or("");
    api::Secrets().Add(value);
    // A connector's key is the rest of "config.KEY" (dots and all); any other secret sits
    // at a user_config path (FromJson refused every other form).
    const bool connector = secret.address.kind == core::Kind::kConnector;
    std::optional<nlohmann::json::json_pointer> at;
    if (connector) {
      at = nlohmann::json::json_pointer() / secret.path.substr(secret.path.find('.') + 1);
    } else {
      at = diff::SecretPointer(secret.path);
    }
    for (auto& op : cs.operations) {
      if (op.address != secret.address) continue;
      nlohmann::json* config = diff::SecretConfig(op.request);
      if (config == nullptr) continue;
      try {
        if (!at) throw std::invalid_argument("not a user_config path");
        (*config)[*at] = value;
      } catch (const std::exception&) {
        io.err << "aivenctl: " << secret.path << " of " << secret.address.ToString() << " (from "
               << secret.env << ") has no place in its " << (connector ? "config" : "user_config")
               << "; run `aivenctl plan` again to save a fresh changeset. Nothing was changed.\n";
        return false;
      }
    }
  }
  return true;
}

}  // namespace aivenctl::cli
