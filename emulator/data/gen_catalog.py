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


def prop(type_, title, **kw):
    """One JSON-Schema property in Aiven's style."""
    p = {"type": type_, "title": title}
    p.update(kw)
    return p


def obj(title, props, **kw):
    p = {"type": "object", "title": title, "properties": props, "additionalProperties": False}
    p.update(kw)
    return p


def flags(title, names):
    return obj(title, {n: prop("boolean", f"Allow clients to connect to {n}", default=False) for n in names})


IP_FILTER = {
    "type": "array",
    "title": "IP filter",
    "description": "Allow incoming connections from CIDR address block, e.g. '10.20.0.0/16'",
    "maxItems": 1024,
    "default": ["0.0.0.0/0"],
    "items": {
        "type": ["string", "object"],
        "title": "CIDR address block, either as a string, or in a dict with an optional description field",
        "maxLength": 43,
        "properties": {
            "network": prop("string", "CIDR address block", maxLength=43),
            "description": prop("string", "Description for IP filter list entry", maxLength=1024),
        },
        "required": ["network"],
        "additionalProperties": False,
    },
}

FORK = {
    "project_to_fork_from": prop(["string", "null"], "Name of another project to fork a service from. "
                                 "This has effect only when a new service is being created.", maxLength=63),
    "service_to_fork_from": prop(["string", "null"], "Name of another service to fork from. "
                                 "This has effect only when a new service is being created.", maxLength=64),
}
PITR = {"recovery_target_time": prop(["string", "null"], "Recovery target time when forking a service. "
                                     "This has effect only when a new service is being created.", maxLength=32)}
ADMIN = {
    "admin_username": prop(["string", "null"], "Custom username for admin user. This must be set only when a new "
                           "service is being created.", maxLength=64, pattern="^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$"),
    "admin_password": prop(["string", "null"], "Custom password for admin user. Defaults to random string. This must "
                           "be set only when a new service is being created.", maxLength=256,
                           pattern="^[a-zA-Z0-9-_]+$"),
}
BACKUP_TIME = {
    "backup_hour": prop(["integer", "null"], "The hour of day (in UTC) when backup for the service is started. "
                        "New backup is only started if previous backup has already completed.", minimum=0, maximum=23),
    "backup_minute": prop(["integer", "null"], "The minute of an hour when backup for the service is started. "
                          "New backup is only started if previous backup has already completed.", minimum=0,
                          maximum=59),
}
COMMON = {
    "ip_filter": IP_FILTER,
    "static_ips": prop("boolean", "Use static public IP addresses", default=False),
    "service_log": prop(["boolean", "null"], "Store logs for the service so that they are available in the HTTP API "
                        "and console."),
}


def version(key, name, versions, default):
    return {key: prop(["string", "null"], f"{name} major version", enum=versions, default=default)}


def schema(*parts):
    props = {}
    for p in parts:
        props.update(p)
    return {"type": "object", "title": "Service user config", "properties": dict(sorted(props.items())),
            "additionalProperties": False}


PG_SETTINGS = obj("postgresql.conf configuration values", {
    "autovacuum_max_workers": prop("integer", "autovacuum_max_workers", minimum=1, maximum=20),
    "deadlock_timeout": prop("integer", "deadlock_timeout", minimum=500, maximum=1800000),
    "idle_in_transaction_session_timeout": prop("integer", "idle_in_transaction_session_timeout", minimum=0,
                                                maximum=604800000),
    "jit": prop("boolean", "jit"),
    "log_min_duration_statement": prop("integer", "log_min_duration_statement", minimum=-1, maximum=86400000),
    "max_connections": prop("integer", "max_connections", minimum=25, maximum=10000),
    "max_parallel_workers": prop("integer", "max_parallel_workers", minimum=0, maximum=96),
    "max_wal_senders": prop("integer", "max_wal_senders", minimum=20, maximum=64),
    "timezone": prop("string", "timezone", maxLength=64),
    "track_io_timing": prop("string", "track_io_timing", enum=["off", "on"]),
    "wal_level": prop("string", "wal_level", enum=["logical", "replica"]),
})

KAFKA_SETTINGS = obj("Kafka broker configuration values", {
    "auto_create_topics_enable": prop("boolean", "auto.create.topics.enable"),
    "compression_type": prop("string", "compression.type",
                             enum=["gzip", "snappy", "lz4", "zstd", "uncompressed", "producer"]),
    "default_replication_factor": prop("integer", "default.replication.factor", minimum=1, maximum=10),
    "log_retention_bytes": prop("integer", "log.retention.bytes", minimum=-1, maximum=9223372036854775807),
    "log_retention_hours": prop("integer", "log.retention.hours", minimum=-1, maximum=2147483647),
    "message_max_bytes": prop("integer", "message.max.bytes", minimum=0, maximum=100001200),
    "min_insync_replicas": prop("integer", "min.insync.replicas", minimum=1, maximum=7),
    "num_partitions": prop("integer", "num.partitions", minimum=1, maximum=1000),
})

KAFKA_CONNECT_SETTINGS = obj("Kafka Connect configuration values", {
    "consumer_isolation_level": prop("string", "Consumer isolation level", enum=["read_uncommitted", "read_committed"]),
    "consumer_max_poll_records": prop("integer", "The maximum number of records returned in a single call to poll()",
                                      minimum=1, maximum=10000),
    "offset_flush_interval_ms": prop("integer", "The interval at which to try committing offsets for tasks",
                                     minimum=1, maximum=100000000),
    "session_timeout_ms": prop("integer", "The timeout used to detect failures", minimum=1, maximum=2147483647),
})

SERVICE_TYPES = {
    "pg": dict(
        description="PostgreSQL - Object-Relational Database Management System",
        default_version="16", latest_available_version="17",
        schema=schema(COMMON, ADMIN, BACKUP_TIME, FORK, PITR,
                      version("pg_version", "PostgreSQL", ["13", "14", "15", "16", "17"], "16"), {
                          "enable_ipv6": prop("boolean", "Register AAAA DNS records for the service"),
                          "pg": PG_SETTINGS,
                          "pg_read_replica": prop(["boolean", "null"], "Should the service which is being forked be "
                                                  "a read replica (deprecated, use read_replica service integration "
                                                  "instead)."),
                          "pgbouncer": obj("PGBouncer connection pooling settings", {
                              "default_pool_size": prop("integer", "default_pool_size", minimum=5, maximum=10000),
                              "server_idle_timeout": prop("integer", "server_idle_timeout", minimum=0, maximum=86400),
                          }),
                          "private_access": flags("Allow access to selected service ports from private networks",
                                                  ["pg", "pgbouncer", "prometheus"]),
                          "public_access": flags("Allow access to selected service ports from the public Internet",
                                                 ["pg", "pgbouncer", "prometheus"]),
                          "shared_buffers_percentage": prop("number", "Percentage of total RAM that the database "
                                                            "server uses for shared memory buffers", minimum=20,
                                                            maximum=60),
                          "synchronous_replication": prop("string", "Synchronous replication type",
                                                          enum=["quorum", "off"]),
                          "variant": prop(["string", "null"], "Variant of the PostgreSQL service",
                                          enum=["aiven", "timescale"]),
                          "work_mem": prop("integer", "work_mem in MB", minimum=1, maximum=1024),
                      })),
    "kafka": dict(
        description="Kafka - High-Throughput Distributed Messaging System",
        default_version="3.8", latest_available_version="3.9",
        schema=schema(COMMON, version("kafka_version", "Kafka", ["3.7", "3.8", "3.9"], "3.8"), {
            "aiven_kafka_topic_messages": prop("boolean", "Allow access to read Kafka topic messages in the Aiven "
                                               "Console and REST API."),
            "kafka": KAFKA_SETTINGS,
            "kafka_authentication_methods": obj("Kafka authentication methods", {
                "certificate": prop("boolean", "Enable certificate/SSL authentication", default=True),
                "sasl": prop("boolean", "Enable SASL authentication", default=False),
            }),
            "kafka_connect": prop("boolean", "Enable Kafka Connect service", default=False),
            "kafka_connect_config": KAFKA_CONNECT_SETTINGS,
            "kafka_rest": prop("boolean", "Enable Kafka-REST service", default=False),
            "kafka_rest_config": obj("Kafka REST configuration", {
                "consumer_enable_auto_commit": prop("boolean", "consumer.enable.auto.commit", default=True),
                "producer_acks": prop("string", "producer.acks", enum=["all", "-1", "0", "1"], default="1"),
            }),
            "private_access": flags("Allow access to selected service ports from private networks",
                                    ["kafka", "kafka_connect", "kafka_rest", "prometheus", "schema_registry"]),
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["kafka", "kafka_connect", "kafka_rest", "prometheus", "schema_registry"]),
            "schema_registry": prop("boolean", "Enable Schema-Registry service", default=False),
            "schema_registry_config": obj("Schema Registry configuration", {
                "leader_eligibility": prop("boolean", "leader_eligibility"),
                "topic_name": prop("string", "topic_name", maxLength=249),
            }),
            "tiered_storage": obj("Tiered storage configuration", {
                "enabled": prop("boolean", "Whether to enable the tiered storage functionality"),
            }),
        })),
    "kafka_connect": dict(
        description="Kafka Connect - Data integration framework for Kafka",
        default_version="3.8", latest_available_version="3.9",
        schema=schema(COMMON, {
            "kafka_connect": KAFKA_CONNECT_SETTINGS,
            "private_access": flags("Allow access to selected service ports from private networks",
                                    ["kafka_connect", "prometheus"]),
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["kafka_connect", "prometheus"]),
        })),
    "kafka_mirrormaker": dict(
        description="Kafka MirrorMaker - Replicate data between Kafka clusters",
        default_version="3.8", latest_available_version="3.9",
        schema=schema(COMMON, {
            "kafka_mirrormaker": obj("Kafka MirrorMaker configuration values", {
                "refresh_topics_enabled": prop("boolean", "Refresh topics and partitions"),
                "sync_group_offsets_enabled": prop("boolean", "Sync consumer group offsets"),
            }),
        })),
    "mysql": dict(
        description="MySQL - Relational Database Management System",
        default_version="8", latest_available_version="8",
        schema=schema(COMMON, ADMIN, BACKUP_TIME, FORK, PITR, version("mysql_version", "MySQL", ["8"], "8"), {
            "binlog_retention_period": prop("integer", "The minimum amount of time in seconds to keep binlog entries "
                                            "before deletion.", minimum=600, maximum=86400),
            "mysql": obj("mysql.conf configuration values", {
                "innodb_lock_wait_timeout": prop("integer", "innodb_lock_wait_timeout", minimum=1, maximum=3600),
                "max_connections": prop("integer", "max_connections", minimum=1, maximum=10000),
                "sql_mode": prop("string", "sql_mode", maxLength=1024,
                                 pattern="^[A-Z_]*(,[A-Z_]+)*$"),
                "sql_require_primary_key": prop("boolean", "sql_require_primary_key"),
                "wait_timeout": prop("integer", "wait_timeout", minimum=1, maximum=2147483),
            }),
            "private_access": flags("Allow access to selected service ports from private networks",
                                    ["mysql", "mysqlx", "prometheus"]),
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["mysql", "mysqlx", "prometheus"]),
        })),
    "valkey": dict(
        description="Valkey - In-memory data structure store",
        default_version="8.1", latest_available_version="8.1",
        schema=schema(COMMON, FORK, version("valkey_version", "Valkey", ["8.0", "8.1"], "8.1"), {
            "private_access": flags("Allow access to selected service ports from private networks",
                                    ["prometheus", "valkey"]),
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["prometheus", "valkey"]),
            "valkey_maxmemory_policy": prop(["string", "null"], "Valkey maxmemory-policy",
                                            enum=["noeviction", "allkeys-lru", "volatile-lru", "allkeys-random",
                                                  "volatile-random", "volatile-ttl", "volatile-lfu", "allkeys-lfu"],
                                            default="noeviction"),
            "valkey_persistence": prop("string", "Valkey persistence", enum=["off", "rdb"]),
            "valkey_timeout": prop("integer", "Valkey idle connection timeout in seconds", minimum=0,
                                   maximum=31536000, default=300),
        })),
    "opensearch": dict(
        description="OpenSearch - Search & Analyze Data in Real Time",
        default_version="2", latest_available_version="2",
        schema=schema(COMMON, FORK, PITR, version("opensearch_version", "OpenSearch", ["1", "2"], "2"), {
            "opensearch": obj("OpenSearch settings", {
                "action_auto_create_index_enabled": prop("boolean", "action.auto_create_index"),
                "http_max_content_length": prop("integer", "http.max_content_length", minimum=1,
                                                maximum=2147483647),
            }),
            "opensearch_dashboards": obj("OpenSearch Dashboards settings", {
                "enabled": prop("boolean", "Enable or disable OpenSearch Dashboards", default=True),
            }),
            "private_access": flags("Allow access to selected service ports from private networks",
                                    ["opensearch", "opensearch_dashboards", "prometheus"]),
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["opensearch", "opensearch_dashboards", "prometheus"]),
        })),
    "grafana": dict(
        description="Grafana - Metrics Dashboard",
        default_version="10", latest_available_version="10",
        schema=schema(COMMON, FORK, {
            "alerting_enabled": prop("boolean", "Enable or disable Grafana legacy alerting functionality"),
            "dashboards_min_refresh_interval": prop("string", "Minimum refresh interval", maxLength=16,
                                                    pattern="^[0-9]+(ms|s|m|h|d)$"),
            "disable_gravatar": prop("boolean", "Set to true to disable gravatar"),
            "private_access": flags("Allow access to selected service ports from private networks", ["grafana"]),
            "public_access": flags("Allow access to selected service ports from the public Internet", ["grafana"]),
            "user_auto_assign_org_role": prop("string", "Set role for new signups",
                                              enum=["Viewer", "Admin", "Editor"]),
        })),
    "clickhouse": dict(
        description="ClickHouse - Fast resource-effective data warehouse for analytical workloads",
        default_version="24.8", latest_available_version="24.8",
        schema=schema(COMMON, FORK, {
            "private_access": flags("Allow access to selected service ports from private networks",
                                    ["clickhouse", "clickhouse_https", "clickhouse_mysql", "prometheus"]),
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["clickhouse", "clickhouse_https", "clickhouse_mysql", "prometheus"]),
        })),
    "flink": dict(
        description="Flink - Stream processing framework",
        default_version="1.20", latest_available_version="1.20",
        schema=schema({"ip_filter": IP_FILTER, "static_ips": COMMON["static_ips"]},
                      version("flink_version", "Flink", ["1.19", "1.20"], "1.20"), {
                          "number_of_task_slots": prop("integer", "Flink taskmanager.numberOfTaskSlots", minimum=1,
                                                       maximum=1024),
                          "privatelink_access": flags("Allow access to selected service components through "
                                                      "Privatelink", ["flink", "prometheus"]),
                      })),
    "thanos": dict(
        description="Aiven for Metrics - Thanos-based metrics storage and query",
        default_version="", latest_available_version="",
        schema=schema(COMMON, {
            "public_access": flags("Allow access to selected service ports from the public Internet",
                                   ["compactor", "query", "query_frontend", "receiver_ingesting", "receiver_routing",
                                    "store"]),
        })),
}

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
ANY = ["clickhouse", "flink", "grafana", "kafka", "kafka_connect", "kafka_mirrormaker", "mysql", "opensearch", "pg",
       "thanos", "valkey"]
NONE = {"type": "object", "title": "Integration user config", "properties": {}, "additionalProperties": False}


def itype(name, src, dst, src_desc, dst_desc, schema_=None, src_ep=(), dst_ep=()):
    return {"integration_type": name, "source_service_types": sorted(src), "dest_service_types": sorted(dst),
            "source_description": src_desc, "dest_description": dst_desc,
            "user_config_schema": schema_ or NONE,
            "source_endpoint_types": list(src_ep), "dest_endpoint_types": list(dst_ep)}


LOGS_SCHEMA = obj("Integration user config", {
    "elasticsearch_index_days_max": prop("integer", "Elasticsearch index retention limit", minimum=1, maximum=10000,
                                         default=3),
    "elasticsearch_index_prefix": prop("string", "Elasticsearch index prefix", maxLength=1024, default="logs"),
    "selected_log_fields": {"type": "array", "title": "The list of logging fields that will be sent to the "
                            "integration logging service.", "maxItems": 5,
                            "items": prop("string", "Log field name",
                                          enum=["HOSTNAME", "PRIORITY", "REALTIME_TIMESTAMP", "service_name",
                                                "SYSTEMD_UNIT"])},
})
METRICS_SCHEMA = obj("Integration user config", {
    "database": prop("string", "Name of the database where to store metric datapoints", maxLength=40),
    "retention_days": prop("integer", "Number of days to keep old metrics", minimum=0, maximum=10000),
    "ro_username": prop("string", "Name of a user that can be used to read metrics", maxLength=40),
    "username": prop("string", "Name of the user used to write metrics", maxLength=40),
})
KAFKA_CONNECT_SCHEMA = obj("Integration user config", {
    "kafka_connect": obj("Kafka Connect service configuration values", {
        "config_storage_topic": prop("string", "The name of the topic where connector configurations are stored",
                                     maxLength=249),
        "group_id": prop("string", "A unique string that identifies the Connect cluster group", maxLength=249),
        "offset_storage_topic": prop("string", "The name of the topic where offsets are stored", maxLength=249),
        "status_storage_topic": prop("string", "The name of the topic where statuses are stored", maxLength=249),
    }),
})
KAFKA_LOGS_SCHEMA = obj("Integration user config", {
    "kafka_topic": prop("string", "Topic name", maxLength=249, pattern="^[a-zA-Z0-9._-]+$"),
}, required=["kafka_topic"])
MIRRORMAKER_SCHEMA = obj("Integration user config", {
    "cluster_alias": prop("string", "The alias under which the Kafka cluster is known to MirrorMaker",
                          maxLength=128, pattern="^[a-zA-Z0-9_.-]+$"),
})
EP_SOURCES = ["clickhouse", "flink", "grafana", "kafka", "kafka_connect", "kafka_mirrormaker", "mysql",
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
    itype("external_elasticsearch_logs", EP_SOURCES, [], "Service sending logs", "External Elasticsearch",
          LOGS_SCHEMA, dst_ep=["external_elasticsearch_logs"]),
    itype("external_google_cloud_logging", EP_SOURCES, [], "Service sending logs", "Google Cloud Logging",
          dst_ep=["external_google_cloud_logging"]),
    itype("external_opensearch_logs", EP_SOURCES, [], "Service sending logs", "External OpenSearch",
          LOGS_SCHEMA, dst_ep=["external_opensearch_logs"]),
    itype("flink", ["kafka", "opensearch", "pg"], ["flink"], "Service providing data for Flink applications",
          "Flink service"),
    itype("flink_external_kafka", [], ["flink"], "External Kafka cluster", "Flink service",
          src_ep=["external_kafka"]),
    itype("flink_external_postgresql", [], ["flink"], "External PostgreSQL server", "Flink service",
          src_ep=["external_postgresql"]),
    itype("jolokia", ["kafka", "kafka_connect", "kafka_mirrormaker"], [], "Service exposing JMX metrics",
          "Jolokia endpoint", dst_ep=["jolokia"]),
    itype("kafka_connect", ["kafka"], ["kafka_connect"], "Kafka service", "Kafka Connect service",
          KAFKA_CONNECT_SCHEMA),
    itype("kafka_logs", EP_SOURCES, ["kafka"], "Service sending logs", "Kafka service receiving logs",
          KAFKA_LOGS_SCHEMA),
    itype("kafka_mirrormaker", ["kafka"], ["kafka_mirrormaker"], "Kafka cluster to replicate",
          "Kafka MirrorMaker service", MIRRORMAKER_SCHEMA, src_ep=["external_kafka"]),
    itype("logs", EP_SOURCES + ["thanos"], ["opensearch"], "Service sending logs", "OpenSearch service storing logs",
          LOGS_SCHEMA),
    itype("metrics", ANY, ["pg", "thanos"], "Service sending metrics", "Service storing metrics", METRICS_SCHEMA),
    itype("prometheus", EP_SOURCES + ["thanos"], [], "Service exposing Prometheus metrics", "Prometheus endpoint",
          dst_ep=["prometheus"]),
    itype("read_replica", ["mysql", "pg", "valkey"], ["mysql", "pg", "valkey"], "Primary service",
          "Read replica service"),
    itype("rsyslog", EP_SOURCES + ["thanos"], [], "Service sending logs", "Remote syslog endpoint",
          dst_ep=["rsyslog"]),
]
# read_replica joins like types only; the emulator checks that through this table.
SAME_TYPE_ONLY = ["disaster_recovery", "read_replica"]


def ep(name, title, types, props, required):
    s = obj("Integration endpoint user config", props, required=required)
    return {"endpoint_type": name, "title": title, "service_types": sorted(types), "user_config_schema": s}


URL = dict(maxLength=2048)
ENDPOINT_TYPES = [
    ep("autoscaler", "Autoscaler", ["clickhouse", "kafka", "mysql", "opensearch", "pg", "valkey"], {
        "autoscaling": {"type": "array", "title": "Configure autoscaling thresholds for a service", "maxItems": 1,
                        "items": obj("AutoscalingProperties", {
                            "cap_gb": prop("integer", "The maximum total disk size (in gb) to allow autoscaler to "
                                           "scale up to", minimum=50, maximum=10000),
                            "type": prop("string", "Type of autoscale event", enum=["autoscale_disk"]),
                        }, required=["cap_gb", "type"])}}, ["autoscaling"]),
    ep("datadog", "Send service metrics to Datadog", EP_SOURCES, {
        "datadog_api_key": prop("string", "Datadog API key", minLength=1, maxLength=256,
                                pattern="^[A-Za-z0-9]{32}$"),
        "site": prop("string", "Datadog intake site", enum=["datadoghq.com", "datadoghq.eu", "us3.datadoghq.com",
                                                            "us5.datadoghq.com", "ap1.datadoghq.com"]),
    }, ["datadog_api_key"]),
    ep("external_elasticsearch_logs", "Send service logs to an external Elasticsearch", EP_SOURCES, {
        "url": prop("string", "Elasticsearch connection URL", minLength=12, **URL),
        "index_prefix": prop("string", "Elasticsearch index prefix", minLength=1, maxLength=1000),
        "index_days_max": prop("integer", "Maximum number of days of logs to keep", minimum=1, maximum=10000),
        "timeout": prop("number", "Elasticsearch request timeout limit", minimum=10, maximum=120),
        "ca": prop("string", "PEM encoded CA certificate", maxLength=16384),
    }, ["url", "index_prefix"]),
    ep("external_google_cloud_logging", "Send service logs to Google Cloud Logging", EP_SOURCES, {
        "project_id": prop("string", "GCP project id", minLength=6, maxLength=30),
        "log_id": prop("string", "Google Cloud Logging log id", maxLength=512),
        "service_account_credentials": prop("string", "Google Service Account Credentials", maxLength=4096),
    }, ["project_id", "log_id", "service_account_credentials"]),
    ep("external_kafka", "External Apache Kafka", ["flink", "kafka_mirrormaker"], {
        "bootstrap_servers": prop("string", "Bootstrap servers", minLength=3, maxLength=256),
        "security_protocol": prop("string", "Security protocol", enum=["PLAINTEXT", "SSL", "SASL_PLAINTEXT",
                                                                      "SASL_SSL"]),
        "sasl_mechanism": prop("string", "SASL mechanism", enum=["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]),
        "sasl_plain_username": prop("string", "Username for SASL PLAIN", minLength=1, maxLength=256),
        "sasl_plain_password": prop("string", "Password for SASL PLAIN", minLength=1, maxLength=256),
    }, ["bootstrap_servers", "security_protocol"]),
    ep("external_opensearch_logs", "Send service logs to an external OpenSearch", EP_SOURCES, {
        "url": prop("string", "OpenSearch connection URL", minLength=12, **URL),
        "index_prefix": prop("string", "OpenSearch index prefix", minLength=1, maxLength=1000),
        "index_days_max": prop("integer", "Maximum number of days of logs to keep", minimum=1, maximum=10000),
        "timeout": prop("number", "OpenSearch request timeout limit", minimum=10, maximum=120),
        "ca": prop("string", "PEM encoded CA certificate", maxLength=16384),
    }, ["url", "index_prefix"]),
    ep("external_postgresql", "External PostgreSQL", ["flink"], {
        "host": prop("string", "Hostname or IP address of the server", maxLength=255),
        "port": prop("integer", "Port number of the server", minimum=1, maximum=65535),
        "username": prop("string", "User name", maxLength=256),
        "password": prop("string", "Password", maxLength=256),
        "default_database": prop("string", "Default database", maxLength=63),
        "ssl_mode": prop("string", "SSL mode", enum=["disable", "allow", "prefer", "require", "verify-ca",
                                                     "verify-full"], default="verify-full"),
    }, ["host", "port", "username"]),
    ep("jolokia", "Jolokia", ["kafka", "kafka_connect", "kafka_mirrormaker"], {
        "basic_auth_username": prop("string", "Jolokia basic authentication username", minLength=5, maxLength=32,
                                    pattern="^[a-z0-9\\-@_]{5,32}$"),
        "basic_auth_password": prop("string", "Jolokia basic authentication password", minLength=8, maxLength=64),
    }, []),
    ep("prometheus", "Prometheus", EP_SOURCES + ["thanos"], {
        "basic_auth_username": prop("string", "Prometheus basic authentication username", minLength=5,
                                    maxLength=32, pattern="^[a-z0-9\\-@_]{5,32}$"),
        "basic_auth_password": prop("string", "Prometheus basic authentication password", minLength=8,
                                    maxLength=64),
    }, []),
    ep("rsyslog", "Send service logs to a remote syslog", EP_SOURCES + ["thanos"], {
        "server": prop("string", "Rsyslog server IP address or hostname", minLength=4, maxLength=255),
        "port": prop("integer", "Rsyslog server port", minimum=1, maximum=65535, default=514),
        "format": prop("string", "Message format", enum=["rfc5424", "rfc3164", "custom"], default="rfc5424"),
        "tls": prop("boolean", "Require TLS", default=True),
        "logline": prop("string", "Custom syslog message format", minLength=1, maxLength=512),
    }, ["server", "port", "format", "tls"]),
]


def main():
    clouds = []
    for c in CLOUDS:
        provider = c[0].split("-")[0]
        clouds.append({"cloud_name": c[0], "cloud_description": c[1], "geo_region": c[2], "geo_latitude": c[3],
                       "geo_longitude": c[4], "provider": provider, "provider_description": PROVIDERS[provider][0]})
    types = {}
    for name, t in SERVICE_TYPES.items():
        types[name] = {"description": t["description"], "default_version": t["default_version"],
                       "latest_available_version": t["latest_available_version"],
                       "service_plans": [plan_entry(name, p) for p in PLANS[name]],
                       "user_config_schema": t["schema"]}
    catalog = {
        "_comment": "SAMPLE Aiven catalog for aiven-emulator, generated by gen_catalog.py: realistic shapes and "
                    "relative prices, not Aiven's price list. Edit the script, not this file.",
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
