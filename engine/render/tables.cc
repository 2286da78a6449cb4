#include "render/tables.h"

#include <algorithm>
#include <cctype>

namespace aivenctl::render {
namespace {

// Characters in UTF-8 text (continuation bytes are not counted).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

}  // namespace

std::string FormatTable(const Table& table) {
  const size_t columns = table.headers.size();
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> header;
  for (const auto& h : table.headers) header.push_back(Upper(h));
  lines.push_back(header);
  for (const auto& row : table.rows) {
    std::vector<std::string> line(columns);
    for (size_t i = 0; i < columns && i < row.size(); ++i) line[i] = row[i];
    lines.push_back(std::move(line));
  }
  std::vector<size_t> widths(columns, 0);
  for (const auto& line : lines) {
    for (size_t i = 0; i < columns; ++i) widths[i] = std::max(widths[i], Width(line[i]));
  }
  std::string out;
  for (const auto& line : lines) {
    std::string text;
    for (size_t i = 0; i < columns; ++i) {
      const bool right = i < table.right_aligned.size() && table.right_aligned[i];
      const std::string pad(widths[i] - Width(line[i]), ' ');
      if (i > 0) text += "  ";
      text += right ? pad + line[i] : line[i] + pad;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

Table CloudsTable(const std::vector<model::Cloud>& clouds) {
  Table t{{"name", "provider", "region", "description"}, {}, {}};
  for (const auto& c : clouds) t.rows.push_back({c.name, c.provider, c.geo_region, c.description});
  return t;
}

nlohmann::json CloudsJson(const std::vector<model::Cloud>& clouds) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : clouds) {
    list.push_back({{"name", c.name},
                    {"provider", c.provider},
                    {"geo_region", c.geo_region},
                    {"description", c.description}});
  }
  return {{"clouds", list}};
}

Table ProjectsTable(const std::vector<model::ProjectInfo>& projects) {
  Table t{{"name", "roles", "default cloud", "tags"}, {}, {}};
  for (const auto& p : projects) {
    std::vector<std::string> tags;
    for (const auto& [k, v] : p.tags) tags.push_back(k + "=" + v);
    t.rows.push_back({p.name, Join(p.roles, ","), p.default_cloud, Join(tags, ",")});
  }
  return t;
}

nlohmann::json ProjectsJson(const std::vector<model::ProjectInfo>& projects) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : projects) {
    list.push_back({{"name", p.name},
                    {"roles", p.roles},
                    {"default_cloud", p.default_cloud},
                    {"tags", nlohmann::json(p.tags)}});
  }
  return {{"projects", list}};
}

std::string FormatStats(const std::vector<EndpointTiming>& endpoints) {
  int64_t requests = 0, time_ms = 0;
  Table t{{"endpoint", "requests", "retries", "failures", "time ms"},
          {},
          {false, true, true, true, true}};
  for (const auto& e : endpoints) {
    requests += e.requests;
    time_ms += e.time_ms;
    t.rows.push_back({e.endpoint, std::to_string(e.requests), std::to_string(e.retries),
                      std::to_string(e.failures), std::to_string(e.time_ms)});
  }
  std::string out = "api: " + std::to_string(requests) +
                    (requests == 1 ? " request, " : " requests, ") + std::to_string(time_ms) +
                    " ms transfer time\n";
  if (!endpoints.empty()) out += FormatTable(t);
  return out;
}

}  // namespace aivenctl::render
