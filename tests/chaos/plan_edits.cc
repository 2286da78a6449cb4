#include "chaos/plan_edits.h"

namespace aivenctl::testing {

std::vector<PlanEdit> ChangeEditsFor(const std::string& file) {
  if (file == "ci-postgres.yaml") {
    return {
        {"        plan: startup-4        #", "        plan: business-4       #",
         "change plan startup-4 -> business-4"},
        {"        databases:\n          - app\n",
         "        databases:\n          - app\n          - reports\n", "add database reports"},
        {"        users:\n          - app\n",
         "        users:\n          - app\n          - reader\n", "add user reader"},
    };
  }
  if (file == "demo-observability.yaml") {
    return {
        {"      - name: grafana\n        type: grafana\n        plan: startup-1\n"
         "        ttl: 1d                # the dashboard can go first\n",
         "", "remove service grafana"},
        {"      - type: dashboard        # grafana reads the metrics store\n"
         "        source: grafana\n        destination: metrics\n",
         "", "remove integration dashboard"},
        {"        databases: [shop]\n", "        databases: [shop, orders]\n",
         "add database orders"},
        {"        type: pg               # long-term store for the metrics integration\n"
         "        plan: hobbyist\n",
         "        type: pg               # long-term store for the metrics integration\n"
         "        plan: startup-4\n",
         "change plan hobbyist -> startup-4"},
    };
  }
  if (file == "kafka-pipeline.yaml") {
    return {
        {"          - name: customers\n            partitions: 3\n            replication: 3\n"
         "            config:\n              cleanup_policy: compact      # latest record per "
         "key\n",
         "", "remove topic customers (prune: true)"},
        {"          - name: orders.dlq\n",
         "          - name: payments\n            partitions: 3\n            replication: 3\n"
         "          - name: orders.dlq\n",
         "add topic payments"},
        {"            partitions: 6\n", "            partitions: 12\n",
         "change orders partitions 6 -> 12"},
        {"users: [connect_sink, {name: analyst}]",
         "users: [connect_sink, {name: analyst}, reporter]", "add user reporter"},
        {"              tasks.max: 1\n", "              tasks.max: 2\n",
         "change connector tasks.max 1 -> 2 (in place)"},
    };
  }
  if (file == "pr-preview.yaml") {
    return {
        {"      - name: cache\n        type: valkey\n        plan: startup-4\n", "",
         "remove service cache"},
        {"        plan: hobbyist\n", "        plan: startup-4\n",
         "change db plan hobbyist -> startup-4"},
        {"          - {name: app-events, partitions: 3, replication: 2}\n",
         "          - {name: app-events, partitions: 3, replication: 2}\n"
         "          - {name: audit, partitions: 1, replication: 2}\n",
         "add topic audit"},
        {"          - {username: app, topic: \"app-*\", permission: readwrite}\n",
         "          - {username: app, topic: \"app-*\", permission: readwrite}\n"
         "          - {username: \"reader-*\", topic: \"app-*\", permission: read}\n",
         "add ACL reader-* read"},
    };
  }
  if (file == "pr-platform.yaml") {
    return {
        {"size: 20, mode: transaction}", "size: 30, mode: transaction}",
         "change pool app size 20 -> 30 (in place)"},
        {"databases: [events]", "databases: [events, sessions]",
         "add ClickHouse database sessions"},
        {"          - {name: orders, partitions: 3, replication: 3}\n",
         "          - {name: orders, partitions: 3, replication: 3}\n"
         "          - {name: payments, partitions: 3, replication: 3}\n",
         "add topic payments"},
        {"      - {type: prometheus, source: analytics, destination: {endpoint: prom}}\n", "",
         "remove integration prometheus:analytics->@prom"},
    };
  }
  return {};
}

bool ApplyEdits(std::string& text, const std::vector<PlanEdit>& edits, std::string& problem) {
  for (const auto& e : edits) {
    const std::size_t at = text.find(e.from);
    if (at == std::string::npos || text.find(e.from, at + 1) != std::string::npos) {
      problem = "edit \"" + e.what + "\" must match the plan exactly once";
      return false;
    }
    text.replace(at, e.from.size(), e.to);
  }
  return true;
}

}  // namespace aivenctl::testing
