#include "cli/outputs_command.h"

#include <filesystem>
#include <random>

#include "cli/safe_write.h"
#include "cli/saved_changeset.h"
#include "core/suggest.h"

namespace aivenctl::cli {
namespace {

constexpr const char* kPrintHint =
    "to print the connection details, run `aivenctl outputs PLANFILE --outputs -`";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The connection values of the plan's services that exist, and how many services they are.
struct Collected {
  render::Outputs vars;
  size_t services = 0;
};

std::optional<Collected> Collect(const Session& session, Io& io) {
  api::Api& api = session.connection->api();
  std::vector<render::ServiceSecrets> services;
  std::map<std::string, std::string> ca_by_project;
  bool ok = true;
  for (const auto& project : session.plan.projects) {
    for (const auto& service : project.services) {
      auto secrets = api.GetServiceSecrets(project.name, service.name);
      if (secrets.status().IsNotFound()) {
        io.err << "aivenctl: outputs: " << service.address.ToString()
               << " does not exist (apply the plan first); left out\n";
        continue;
      }
      if (!secrets.ok()) {
        io.err << "aivenctl: outputs: " << secrets.status().message() << "\n";
        ok = false;
        continue;
      }
      if (!ca_by_project.count(project.name)) {
        auto ca = api.GetProjectCa(project.name);
        ca_by_project[project.name] = ca.ok() ? *ca : "";
      }
      render::ServiceSecrets s{project.name,
                               service.name,
                               service.type,
                               std::move(*secrets),
                               ca_by_project[project.name],
                               {},
                               {}};
      for (const auto& user : service.users) s.plan_users.push_back(user.name);
      for (const auto& pool : service.pools) s.plan_pools.push_back(pool.name);
      for (const auto& database : service.databases) s.plan_databases.push_back(database.name);
      services.push_back(std::move(s));
    }
  }
  if (!ok) return std::nullopt;
  return Collected{render::OutputVariables(services), services.size()};
}

std::string RandomDelimiter() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string out = "AIVENCTL_EOF_";
  for (int i = 0; i < 20; ++i) out += kHex[random() % 16];
  return out;
}

/// Prints a writer's error; a refused target gets the hint how to print instead.
bool Failed(const core::Status& status, Io& io) {
  io.err << "aivenctl: " << status.message();
  if (status.message().rfind("refusing to write", 0) == 0) io.err << "; " << kPrintHint;
  io.err << "\n";
  return false;
}

bool WriteEnvFile(const Collected& c, const std::string& path, Io& io) {
  std::error_code error;
  const std::string absolute = std::filesystem::absolute(path, error).string();
  if (error)
    return Failed(core::InvalidArgument("cannot write " + path + ": " + error.message()), io);
  render::EnvFile env_file =
      render::RenderEnvFile(c.vars, [&](const std::string& name) { return absolute + "." + name; });
  for (const auto& [file, content] : env_file.files) {
    if (core::Status s = WriteFileAtomic(file, content, 0600); !s.ok()) return Failed(s, io);
  }
  if (core::Status s = WriteFileAtomic(path, env_file.text, 0600); !s.ok()) return Failed(s, io);
  io.err << "aivenctl: wrote " << c.vars.size() << " connection values of " << c.services
         << " services to " << path << " (mode 0600), the " << env_file.files.size()
         << " multi-line ones to files beside it named " << path << ".NAME (NAME_FILE)\n";
  return true;
}

bool AppendGithub(const Collected& c, const std::string& path, Io& io) {
  const std::string masks = render::GithubMasks(c.vars);
  io.out << masks;  // before the values reach the runner, so no later log line shows them
  io.out.flush();
  core::Status s = AppendToFile(path, render::GithubEnv(c.vars, RandomDelimiter));
  if (!s.ok()) return Failed(s, io);
  size_t secrets = 0;
  for (const auto& [name, v] : c.vars) secrets += v.secret ? 1 : 0;
  io.err << "aivenctl: appended " << c.vars.size() << " connection values of " << c.services
         << " services to $GITHUB_ENV (" << path << "); " << secrets
         << " secret ones are masked in the job's log\n";
  return true;
}

}  // namespace

core::Result<OutputsTarget> ResolveOutputs(const OutputsFlags& flags, bool stdout_allowed,
                                           const core::Environment& env) {
  OutputsTarget target;
  target.wanted = !flags.path.empty() || !flags.format.empty();
  if (!target.wanted) return target;
  target.path = flags.path;
  if (!flags.format.empty()) {
    auto format = render::ParseOutputsFormat(flags.format);
    if (!format) {
      return core::InvalidArgument("--outputs-format: unknown format \"" + flags.format +
                                   "\"; use " + core::JoinOr(render::OutputsFormatNames()));
    }
    target.format = *format;
  } else if (EndsWith(flags.path, ".json")) {
    target.format = render::OutputsFormat::kJson;
  }
  if (target.format == render::OutputsFormat::kGithub) {
    if (!flags.path.empty()) {
      return core::InvalidArgument(
          "--outputs-format github appends to the file $GITHUB_ENV "
          "names: drop --outputs " +
          flags.path);
    }
    auto github_env = env.Get("GITHUB_ENV");
    if (!github_env || github_env->empty()) {
      return core::InvalidArgument(
          "--outputs-format github needs $GITHUB_ENV, which GitHub Actions sets in a job; "
          "elsewhere use --outputs FILE with --outputs-format dotenv or env-file");
    }
    target.path = *github_env;
  } else if (flags.path.empty()) {
    return core::InvalidArgument("--outputs-format " + flags.format +
                                 " needs --outputs FILE (the file to write)");
  }
  if (target.path == "-") {
    if (!stdout_allowed) {
      return core::InvalidArgument(
          "--outputs -: standard output carries the progress of this command; write a file, "
          "or print the details afterwards with `aivenctl outputs PLANFILE --outputs -`");
    }
    if (target.format == render::OutputsFormat::kEnvFile) {
      return core::InvalidArgument(
          "--outputs-format env-file writes multi-line values to files beside FILE: give "
          "--outputs FILE, or print another format with --outputs -");
    }
    return target;
  }
  if (core::Status s = CheckWriteTarget(target.path); !s.ok()) {
    return core::InvalidArgument(s.message() + (target.format == render::OutputsFormat::kGithub
                                                    ? std::string()
                                                    : std::string("; ") + kPrintHint));
  }
  return target;
}

bool WriteOutputs(const Session& session, const OutputsTarget& target, Io& io) {
  auto collected = Collect(session, io);
  if (!collected) return false;
  switch (target.format) {
    case render::OutputsFormat::kEnvFile:
      return WriteEnvFile(*collected, target.path, io);
    case render::OutputsFormat::kGithub:
      return AppendGithub(*collected, target.path, io);
    case render::OutputsFormat::kDotenv:
    case render::OutputsFormat::kJson:
      break;
  }
  const std::string text = target.format == render::OutputsFormat::kJson
                               ? render::OutputsJson(collected->vars)
                               : render::Dotenv(collected->vars);
  if (target.path == "-") {
    io.out << text;
    return true;
  }
  if (core::Status s = WriteFileAtomic(target.path, text, 0600); !s.ok()) return Failed(s, io);
  io.err << "aivenctl: wrote " << collected->vars.size() << " connection values of "
         << collected->services << " services to " << target.path << " (mode 0600)\n";
  return true;
}

int RunOutputs(const std::string& file, const std::string& name, const OutputsFlags& flags,
               bool show_secrets, const GlobalOptions& options, Io& io) {
  OutputsFlags effective = flags;
  if (!name.empty() && (show_secrets || !flags.path.empty() || !flags.format.empty())) {
    io.err << "aivenctl: outputs " << file << " " << name
           << " prints that one value: drop --outputs, --outputs-format and --show-secrets\n";
    return kExitUsage;
  }
  if (name.empty() && flags.path.empty() && flags.format != "github") {
    if (!show_secrets) {
      io.err << "aivenctl: outputs holds passwords and keys: write them to a file with "
                "--outputs FILE (mode 0600), print them with --outputs - (or --show-secrets), "
                "or print one with `aivenctl outputs PLANFILE NAME`\n";
      return kExitUsage;
    }
    effective.path = "-";
  }
  auto target = ResolveOutputs(effective, /*stdout_allowed=*/true, io.env);
  if (!target.ok()) {
    io.err << "aivenctl: " << target.status().message() << "\n";
    return kExitInvalid;
  }
  std::optional<Session> session;
  if (IsSavedChangeset(file)) {
    // Another job than the plan's: the changeset knows the services and their users.
    auto cs = ReadChangeset(file, io);
    if (!cs) return kExitInvalid;
    session.emplace();
    session->plan = PlanOf(*cs);
  } else {
    session = LoadPlan(file, options, io);
  }
  if (!session) return kExitInvalid;
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return kExitInvalid;
  }
  session->connection = std::move(*connection);
  if (name.empty()) return WriteOutputs(*session, *target, io) ? kExitOk : kExitInvalid;

  auto collected = Collect(*session, io);
  if (!collected) return kExitInvalid;
  if (auto it = collected->vars.find(name); it != collected->vars.end()) {
    io.out << it->second.value;
    return kExitOk;
  }
  std::vector<std::string> names;
  for (const auto& [known, v] : collected->vars) names.push_back(known);
  std::string close = core::DidYouMean(name, names);
  io.err << "aivenctl: outputs: plan " << session->plan.name << " has no value named \"" << name
         << "\"";
  if (!close.empty()) {
    io.err << close << "\n";
  } else if (names.empty()) {
    io.err << ": none of its services exists yet (apply the plan first)\n";
  } else {
    io.err << "; it has " << core::JoinOr(names) << "\n";
  }
  return kExitInvalid;
}

}  // namespace aivenctl::cli
