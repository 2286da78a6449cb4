#include "cli/outputs_command.h"

#include "cli/safe_write.h"
#include "render/outputs.h"

namespace aivenctl::cli {

bool WriteOutputs(const Session& session, const std::string& path, Io& io) {
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
                               {}};
      for (const auto& user : service.users) s.plan_users.push_back(user.name);
      services.push_back(std::move(s));
    }
  }
  if (!ok) return false;
  auto vars = render::OutputVariables(services);
  bool json = path.size() > 5 && path.substr(path.size() - 5) == ".json";
  std::string text = json ? render::OutputsJson(vars) : render::Dotenv(vars);
  if (path == "-") {
    io.out << text;
    return true;
  }
  core::Status written = WriteFileAtomic(path, text, 0600);
  if (!written.ok()) {
    io.err << "aivenctl: " << written.message() << "\n";
    return false;
  }
  io.err << "aivenctl: wrote " << vars.size() << " connection values of " << services.size()
         << " services to " << path << " (mode 0600)\n";
  return true;
}

int RunOutputs(const std::string& file, const std::string& path, bool show_secrets,
               const GlobalOptions& options, Io& io) {
  if (path.empty() && !show_secrets) {
    io.err << "aivenctl: outputs holds passwords and keys: write them to a file with "
              "--outputs FILE (mode 0600), or pass --show-secrets to print them\n";
    return kExitUsage;
  }
  auto session = LoadPlan(file, options, io);
  if (!session) return kExitInvalid;
  auto connection = Connection::Open(options, io, TokenNeed::kRequired);
  if (!connection.ok()) {
    io.err << "aivenctl: " << connection.status().message() << "\n";
    return kExitInvalid;
  }
  session->connection = std::move(*connection);
  bool ok = WriteOutputs(*session, path.empty() ? "-" : path, io);
  return ok ? kExitOk : kExitInvalid;
}

}  // namespace aivenctl::cli
