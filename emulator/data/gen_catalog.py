#!/usr/bin/env python3
"""Generates emulator/data/catalog.json, the emulator's SAMPLE Aiven catalog.

Run from anywhere: python3 emulator/data/gen_catalog.py. Standard library only.
The numbers (prices, sizes, coordinates) are realistic in proportion, not Aiven's
price list. The emulator reads only the JSON; this script is how it is made.
"""
import json
import os

# (cloud_name, description, geo_region, latitude, longitude, price factor)
CLOUDS = [
    ("aws-af-south-1", "Africa, South Africa - Amazon Web Services: Cape Town", "africa", -33.92, 18.42, 1.15),
    ("aws-ap-northeast-1", "Asia, Japan - Amazon Web Services: Tokyo", "east asia", 35.68, 139.69, 1.10),
    ("aws-ap-southeast-1", "Asia, Singapore - Amazon Web Services: Singapore", "southeast asia", 1.29, 103.85, 1.08),
    ("aws-eu-central-1", "Europe, Germany - Amazon Web Services: Frankfurt", "europe", 50.11, 8.68, 1.04),
    ("aws-eu-north-1", "Europe, Sweden - Amazon Web Services: Stockholm", "europe", 59.33, 18.07, 1.0),
    ("aws-eu-west-1", "Europe, Ireland - Amazon Web Services: Ireland", "europe", 53.41, -8.24, 1.0),
    ("aws-us-east-1", "United States, Virginia - Amazon Web Services: N. Virginia", "north america", 38.13, -78.45, 1.0),
    ("aws-us-west-2", "United States, Oregon - Amazon Web Services: Oregon", "north america", 45.84, -119.70, 1.0),
    ("azure-eastus", "United States, Virginia - Azure: East US", "north america", 37.37, -79.82, 1.0),
    ("azure-germany-westcentral", "Europe, Germany - Azure: Germany West Central", "europe", 50.11, 8.68, 1.05),
    ("azure-northeurope", "Europe, Ireland - Azure: North Europe", "europe", 53.35, -6.26, 1.0),
    ("azure-southeastasia", "Asia, Singapore - Azure: Southeast Asia", "southeast asia", 1.28, 103.83, 1.08),
    ("azure-westeurope", "Europe, Netherlands - Azure: West Europe", "europe", 52.37, 4.90, 1.02),
    ("do-ams", "Europe, Netherlands - DigitalOcean: Amsterdam", "europe", 52.37, 4.90, 1.0),
    ("do-fra", "Europe, Germany - DigitalOcean: Frankfurt", "europe", 50.11, 8.68, 1.0),
    ("do-nyc", "United States, New York - DigitalOcean: New York", "north america", 40.71, -74.01, 1.0),
    ("do-sgp", "Asia, Singapore - DigitalOcean: Singapore", "southeast asia", 1.29, 103.85, 1.05),
    ("google-asia-northeast1", "Asia, Japan - Google Cloud: Tokyo", "east asia", 35.69, 139.69, 1.10),
    ("google-australia-southeast1", "Australia, New South Wales - Google Cloud: Sydney", "australia", -33.87, 151.21, 1.12),
    ("google-europe-north1", "Europe, Finland - Google Cloud: Finland", "europe", 60.57, 27.19, 1.0),
    ("google-europe-west1", "Europe, Belgium - Google Cloud: Belgium", "europe", 50.45, 3.82, 1.0),
    ("google-europe-west3", "Europe, Germany - Google Cloud: Frankfurt", "europe", 50.11, 8.68, 1.04),
    ("google-us-central1", "United States, Iowa - Google Cloud: Iowa", "north america", 41.26, -95.86, 1.0),
    ("google-us-east1", "United States, South Carolina - Google Cloud: South Carolina", "north america", 33.84, -81.16, 1.0),
    ("upcloud-de-fra1", "Europe, Germany - UpCloud: Frankfurt", "europe", 50.11, 8.68, 1.0),
    ("upcloud-fi-hel1", "Europe, Finland - UpCloud: Helsinki", "europe", 60.17, 24.94, 1.0),
    ("upcloud-us-nyc1", "United States, New York - UpCloud: New York", "north america", 40.71, -74.01, 1.0),
]

PROVIDERS = {
    # provider: (description, price factor, extra disk price per GiB-hour)
    "aws": ("Amazon Web Services", 1.00, "0.000137"),
    "azure": ("Microsoft Azure", 1.05, "0.000145"),
    "do": ("DigitalOcean", 0.90, "0.000123"),
    "google": ("Google Cloud Platform", 1.00, "0.000137"),
    "upcloud": ("UpCloud", 0.85, "0.000116"),
}

GIB = 1024


# The user_config schemas are Aiven's own (schemas/aiven/user_config.json, converted from
# go-api-schemas by scripts/gen-aiven-schemas; Apache-2.0, see schemas/aiven/NOTICE).
AIVEN_SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas", "aiven",
                             "user_config.json")

# Service types: Aiven's current list (the keys of AIVEN_SCHEMAS' service_types); the
# descriptions and the default versions are the sample's.
SERVICE_TYPES = {
    "clickhouse": ("ClickHouse - Fast resource-effective data warehouse for analytical workloads", "25.8"),
    "dragonfly": ("Dragonfly - Multi-threaded in-memory data store", ""),
    "flink": ("Flink - Stream processing framework", "1.20"),
    "grafana": ("Grafana - Metrics Dashboard", "11"),
    "kafka": ("Kafka - High-Throughput Distributed Messaging System", "3.9"),
    "kafka_connect": ("Kafka Connect - Data integration framework for Kafka", ""),
    "kafka_mirrormaker": ("Kafka MirrorMaker - Replicate data between Kafka clusters", ""),
    "mysql": ("MySQL - Relational Database Management System", "8.4"),
    "opensearch": ("OpenSearch - Search & Analyze Data in Real Time", "2.19"),
    "pg": ("PostgreSQL - Object-Relational Database Management System", "16"),
    "thanos": ("Aiven for Metrics - Thanos-based metrics storage and query", ""),
    "valkey": ("Valkey - In-memory data structure store", "8.1"),
}


def latest_version(name, schema):
    """The highest version the schema's <type>_version enum offers, "" when it has none."""
    enum = schema["properties"].get(f"{name}_version", {}).get("enum", [])
    return max(enum, key=lambda v: [int(x) for x in v.split(".")]) if enum else ""


# Plans: (name, nodes, cpu per node, memory MB per node, total disk GiB, base USD/hour)
PLANS = {
    "pg": [("hobbyist", 1, 1, 2048, 8, 0.026), ("startup-4", 1, 2, 4096, 80, 0.137),
           ("startup-8", 1, 2, 8192, 175, 0.274), ("business-4", 2, 2, 4096, 80, 0.411),
           ("business-8", 2, 2, 8192, 175, 0.822), ("premium-8", 3, 2, 8192, 350, 1.233)],
    "kafka": [("startup-2", 3, 2, 2048, 90, 0.274), ("business-4", 3, 1, 4096, 600, 0.685),
              ("business-8", 3, 2, 8192, 1200, 1.370), ("premium-6x-8", 6, 2, 8192, 2400, 2.740)],
    "kafka_connect": [("startup-4", 1, 1, 4096, 0, 0.137), ("business-4", 3, 1, 4096, 0, 0.411)],
    "kafka_mirrormaker": [("startup-4", 1, 1, 4096, 0, 0.137), ("business-4", 3, 1, 4096, 0, 0.411)],
    "mysql": [("hobbyist", 1, 1, 2048, 8, 0.026), ("startup-4", 1, 2, 4096, 80, 0.137),
              ("business-4", 2, 2, 4096, 80, 0.411)],
    "valkey": [("hobbyist", 1, 1, 1024, 8, 0.026), ("startup-4", 1, 1, 4096, 16, 0.137),
               ("business-4", 2, 1, 4096, 16, 0.274)],
    "opensearch": [("hobbyist", 1, 1, 2048, 16, 0.026), ("startup-4", 1, 1, 4096, 80, 0.137),
                   ("business-4", 3, 1, 4096, 240, 0.548)],
    "grafana": [("startup-1", 1, 1, 1024, 5, 0.026), ("startup-4", 1, 1, 4096, 5, 0.100),
                ("business-4", 2, 1, 4096, 10, 0.274)],
    "clickhouse": [("startup-16", 1, 2, 16384, 1150, 0.616), ("business-16", 3, 2, 16384, 3450, 1.849)],
    "flink": [("business-4", 2, 1, 4096, 0, 0.411), ("business-8", 2, 2, 8192, 0, 0.822)],
    "dragonfly": [("startup-4", 1, 1, 4096, 16, 0.150), ("business-4", 2, 1, 4096, 16, 0.300)],
    "thanos": [("startup-4", 1, 1, 4096, 20, 0.137), ("business-4", 2, 1, 4096, 40, 0.411)],
}

# Types that keep point-in-time recovery backups, and types with no backups at all.
PITR_TYPES = {"pg", "mysql"}
NO_BACKUP_TYPES = {"kafka", "kafka_connect", "kafka_mirrormaker", "flink", "thanos"}
MAX_MEMORY_PERCENT = {"valkey": 80, "clickhouse": 90}
SHARDED = {"clickhouse"}


def tier(plan):
    return plan.split("-")[0]


def backup_config(type_, plan):
    if type_ in NO_BACKUP_TYPES:
        return {"interval": 0, "max_count": 0, "recovery_mode": "basic"}
    count = {"hobbyist": 2, "startup": 2, "business": 14, "premium": 30}[tier(plan)]
    cfg = {"interval": 24, "max_count": count, "recovery_mode": "pitr" if type_ in PITR_TYPES and tier(plan) != "hobbyist" else "basic"}
    if type_ == "valkey":
        cfg.update({"frequent_interval_minutes": 720, "frequent_oldest_age_minutes": 2880})
    return cfg


def price(base, cloud, provider):
    factor = PROVIDERS[provider][1] * cloud[5]
    return f"{base * factor:.3f}"


def plan_entry(type_, spec):
    name, nodes, cpu, mem, disk_gib, base = spec
    disk = disk_gib * GIB
    cap = disk if tier(name) == "hobbyist" else disk * 5
    plan = {"service_plan": name, "service_type": type_, "node_count": nodes,
            "backup_config": backup_config(type_, name), "disk_space_mb": disk}
    if disk:
        plan["disk_space_cap_mb"] = cap
        if cap > disk:
            plan["disk_space_step_mb"] = 10 * GIB if disk < 512 * GIB else 30 * GIB
    if type_ in SHARDED:
        plan["shard_count"] = 1
    if type_ in MAX_MEMORY_PERCENT:
        plan["max_memory_percent"] = MAX_MEMORY_PERCENT[type_]
    regions = {}
    for c in CLOUDS:
        provider = c[0].split("-")[0]
        region = {"price_usd": price(base, c, provider), "node_memory_mb": mem, "node_cpu_count": cpu,
                  "disk_space_mb": disk}
        if disk:
            region["disk_space_cap_mb"] = cap
        regions[c[0]] = region
    plan["regions"] = regions
    return plan


# Integration types. `source_endpoint_types` / `dest_endpoint_types` are the emulator's own
# keys (which endpoint types may stand at that end); the catalog body leaves them out.
ANY = ["clickhouse", "dragonfly", "flink", "grafana", "kafka", "kafka_connect", "kafka_mirrormaker", "mysql", "opensearch", "pg",
       "thanos", "valkey"]
# An integration type Aiven's schemas do not list takes no user_config.
NONE = {"type": "object", "properties": {}, "additionalProperties": False}


def itype(name, src, dst, src_desc, dst_desc, src_ep=(), dst_ep=()):
    """One integration type; main() adds Aiven's user_config_schema."""
    return {"integration_type": name, "source_service_types": sorted(src), "dest_service_types": sorted(dst),
            "source_description": src_desc, "dest_description": dst_desc,
            "source_endpoint_types": list(src_ep), "dest_endpoint_types": list(dst_ep)}

EP_SOURCES = ["clickhouse", "dragonfly", "flink", "grafana", "kafka", "kafka_connect", "kafka_mirrormaker", "mysql",
              "opensearch", "pg", "valkey"]
INTEGRATION_TYPES = [
    itype("autoscaler", ["pg", "mysql", "kafka", "opensearch", "valkey", "clickhouse"], [], "Autoscaled service",
          "Autoscaler endpoint", dst_ep=["autoscaler"]),
    itype("clickhouse_kafka", ["kafka"], ["clickhouse"], "Kafka service providing the topics",
          "ClickHouse service reading the topics"),
    itype("clickhouse_postgresql", ["pg"], ["clickhouse"], "PostgreSQL service to expose",
          "ClickHouse service querying PostgreSQL"),
    itype("dashboard", ["grafana"], ["pg", "thanos"], "Grafana service showing dashboards",
          "Service storing the metrics"),
    itype("datadog", EP_SOURCES, [], "Service sending metrics", "Datadog endpoint", dst_ep=["datadog"]),
    itype("datasource", ["grafana"], ["clickhouse", "mysql", "opensearch", "pg", "thanos"],
          "Grafana service", "Service used as a Grafana datasource"),
    itype("disaster_recovery", ["kafka"], ["kafka"], "Active Kafka service", "Passive Kafka service"),
    itype("external_elasticsearch_logs", EP_SOURCES, [], "Service sending logs", "External Elasticsearch", dst_ep=["external_elasticsearch_logs"]),
    itype("external_google_cloud_logging", EP_SOURCES, [], "Service sending logs", "Google Cloud Logging",
          dst_ep=["external_google_cloud_logging"]),
    itype("external_opensearch_logs", EP_SOURCES, [], "Service sending logs", "External OpenSearch", dst_ep=["external_opensearch_logs"]),
    itype("flink", ["kafka", "opensearch", "pg"], ["flink"], "Service providing data for Flink applications",
          "Flink service"),
    itype("flink_external_kafka", [], ["flink"], "External Kafka cluster", "Flink service",
          src_ep=["external_kafka"]),
    itype("flink_external_postgresql", [], ["flink"], "External PostgreSQL server", "Flink service",
          src_ep=["external_postgresql"]),
    itype("jolokia", ["kafka", "kafka_connect", "kafka_mirrormaker"], [], "Service exposing JMX metrics",
          "Jolokia endpoint", dst_ep=["jolokia"]),
    itype("kafka_connect", ["kafka"], ["kafka_connect"], "Kafka service", "Kafka Connect service"),
    itype("kafka_logs", EP_SOURCES, ["kafka"], "Service sending logs", "Kafka service receiving logs"),
    itype("kafka_mirrormaker", ["kafka"], ["kafka_mirrormaker"], "Kafka cluster to replicate",
          "Kafka MirrorMaker service", src_ep=["external_kafka"]),
    itype("logs", EP_SOURCES + ["thanos"], ["opensearch"], "Service sending logs", "OpenSearch service storing logs"),
    itype("metrics", ANY, ["pg", "thanos"], "Service sending metrics", "Service storing metrics"),
    itype("prometheus", EP_SOURCES + ["thanos"], [], "Service exposing Prometheus metrics", "Prometheus endpoint",
          dst_ep=["prometheus"]),
    itype("read_replica", ["mysql", "pg", "valkey"], ["mysql", "pg", "valkey"], "Primary service",
          "Read replica service"),
    itype("rsyslog", EP_SOURCES + ["thanos"], [], "Service sending logs", "Remote syslog endpoint",
          dst_ep=["rsyslog"]),
]
# read_replica joins like types only; the emulator checks that through this table.
SAME_TYPE_ONLY = ["disaster_recovery", "read_replica"]


def ep(name, title, types):
    """One endpoint type; main() adds Aiven's user_config_schema."""
    return {"endpoint_type": name, "title": title, "service_types": sorted(types)}


ENDPOINT_TYPES = [
    ep("autoscaler", "Autoscaler", ["clickhouse", "kafka", "mysql", "opensearch", "pg", "valkey"]),
    ep("datadog", "Send service metrics to Datadog", EP_SOURCES),
    ep("external_elasticsearch_logs", "Send service logs to an external Elasticsearch", EP_SOURCES),
    ep("external_google_cloud_logging", "Send service logs to Google Cloud Logging", EP_SOURCES),
    ep("external_kafka", "External Apache Kafka", ["flink", "kafka_mirrormaker"]),
    ep("external_opensearch_logs", "Send service logs to an external OpenSearch", EP_SOURCES),
    ep("external_postgresql", "External PostgreSQL", ["flink"]),
    ep("jolokia", "Jolokia", ["kafka", "kafka_connect", "kafka_mirrormaker"]),
    ep("prometheus", "Prometheus", EP_SOURCES + ["thanos"]),
    ep("rsyslog", "Send service logs to a remote syslog", EP_SOURCES + ["thanos"]),
]

def main():
    clouds = []
    for c in CLOUDS:
        provider = c[0].split("-")[0]
        clouds.append({"cloud_name": c[0], "cloud_description": c[1], "geo_region": c[2], "geo_latitude": c[3],
                       "geo_longitude": c[4], "provider": provider, "provider_description": PROVIDERS[provider][0]})
    with open(AIVEN_SCHEMAS, encoding="utf-8") as f:
        aiven = json.load(f)
    if sorted(SERVICE_TYPES) != sorted(aiven["service_types"]):
        raise SystemExit(f"SERVICE_TYPES must be Aiven's current list: {sorted(aiven['service_types'])}")
    types = {}
    for name, (description, default_version) in SERVICE_TYPES.items():
        schema = aiven["service_types"][name]
        types[name] = {"description": description, "default_version": default_version,
                       "latest_available_version": latest_version(name, schema),
                       "service_plans": [plan_entry(name, p) for p in PLANS[name]],
                       "user_config_schema": schema}
    for t in INTEGRATION_TYPES:
        t["user_config_schema"] = aiven["integration_types"].get(t["integration_type"], NONE)
    for t in ENDPOINT_TYPES:
        t["user_config_schema"] = aiven["endpoint_types"][t["endpoint_type"]]
    catalog = {
        "_comment": "SAMPLE Aiven catalog for aiven-emulator, generated by gen_catalog.py: realistic shapes and "
                    "relative prices, not Aiven's price list. Edit the script, not this file. The "
                    "user_config_schema members are Aiven's (schemas/aiven/user_config.json, Apache-2.0, see "
                    "schemas/aiven/NOTICE).",
        "_demo_note": "'metrics' goes from any service to a metrics store (pg or thanos), never to grafana; "
                      "grafana reads it through 'dashboard' (grafana -> pg|thanos) or 'datasource'. A pg + "
                      "grafana demo uses: metrics pg -> pg2 (or thanos), then dashboard grafana -> pg2.",
        "clouds": clouds,
        "extra_disk_price_per_gb_usd": {p: v[2] for p, v in PROVIDERS.items()},
        "service_types": types,
        "integration_types": INTEGRATION_TYPES,
        "same_type_integrations": SAME_TYPE_ONLY,
        "endpoint_types": ENDPOINT_TYPES,
        "build_multipliers": {
            "service_types": {"kafka": 1.5, "clickhouse": 1.3, "opensearch": 1.3, "flink": 1.2},
            "plan_tiers": {"hobbyist": 0.8, "business": 1.2, "premium": 1.5},
        },
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(catalog, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"wrote {out}: {len(clouds)} clouds, {len(types)} service types, "
          f"{sum(len(t['service_plans']) for t in types.values())} plans")


if __name__ == "__main__":
    main()
