#include "diff/changeset.h"

#include <algorithm>
#include <utility>

namespace aivenctl::diff {
namespace {

constexpr std::pair<Action, const char*> kActions[] = {
    {Action::kNoop, "no-op"},      {Action::kCreate, "create"}, {Action::kUpdate, "update"},
    {Action::kReplace, "replace"}, {Action::kDelete, "delete"},
};

constexpr std::pair<Gate, const char*> kGates[] = {
    {Gate::kNone, "none"},
    {Gate::kServiceRunning, "service-running"},
    {Gate::kServiceBackup, "service-backup"},
    {Gate::kTopicActive, "topic-active"},
    {Gate::kIntegrationActive, "integration-active"},
    {Gate::kConnectorRunning, "connector-running"},
    {Gate::kDatabaseOk, "database-ok"},
    {Gate::kGone, "gone"},
    {Gate::kVpcActive, "vpc-active"},
};

bool SameDiagnostics(const core::Diagnostics& a, const core::Diagnostics& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const core::Diagnostic& x, const core::Diagnostic& y) {
                      return x.severity == y.severity && x.pos == y.pos && x.message == y.message &&
                             x.address == y.address;
                    });
}

}  // namespace

const char* ActionName(Action action) {
  for (const auto& [a, name] : kActions) {
    if (a == action) return name;
  }
  return "no-op";
}

std::optional<Action> ParseAction(const std::string& text) {
  for (const auto& [a, name] : kActions) {
    if (text == name) return a;
  }
  return std::nullopt;
}

const char* GateName(Gate gate) {
  for (const auto& [g, name] : kGates) {
    if (g == gate) return name;
  }
  return "none";
}

std::optional<Gate> ParseGate(const std::string& text) {
  for (const auto& [g, name] : kGates) {
    if (text == name) return g;
  }
  return std::nullopt;
}

Summary Changeset::Summarize() const {
  Summary s;
  for (const auto& c : changes) {
    switch (c.action) {
      case Action::kNoop:
        ++s.noop;
        break;
      case Action::kCreate:
        ++s.create;
        break;
      case Action::kUpdate:
        ++s.update;
        break;
      case Action::kReplace:
        ++s.replace;
        break;
      case Action::kDelete:
        ++s.destroy;
        break;
    }
  }
  return s;
}

const Change* Changeset::FindChange(const core::Address& address) const {
  auto it = std::lower_bound(changes.begin(), changes.end(), address,
                             [](const Change& c, const core::Address& a) { return c.address < a; });
  if (it != changes.end() && it->address == address) return &*it;
  for (const auto& c : changes) {  // not sorted (hand-built changesets)
    if (c.address == address) return &c;
  }
  return nullptr;
}

bool operator==(const Changeset& a, const Changeset& b) {
  return a.format_version == b.format_version && a.engine_version == b.engine_version &&
         a.plan_name == b.plan_name && a.plan_file == b.plan_file &&
         a.plan_relative_path == b.plan_relative_path && a.plan_digest == b.plan_digest &&
         a.plan_projects == b.plan_projects && a.plan_services == b.plan_services &&
         a.secrets_from_env == b.secrets_from_env && a.created_at == b.created_at &&
         a.kind == b.kind && a.changes == b.changes && a.operations == b.operations &&
         a.fingerprints == b.fingerprints && a.cost == b.cost &&
         SameDiagnostics(a.warnings, b.warnings) && a.unmanaged == b.unmanaged;
}

}  // namespace aivenctl::diff
