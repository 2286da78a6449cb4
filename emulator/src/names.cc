#include "names.h"

#include <regex>

namespace aivenctl::emulator {
namespace {

bool Matches(const std::string& s, const char* pattern) {
  static thread_local std::map<const char*, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
  return std::regex_match(s, it->second);
}

}  // namespace

void CheckProjectName(const std::string& name) {
  if (!Matches(name, "[a-z0-9][a-z0-9_-]{0,62}")) {
    throw ApiError{400, "Project name must consist of 1-64 alphanumerical characters", ""};
  }
}

void CheckServiceName(const std::string& name) {
  if (!Matches(name, "[a-z][a-z0-9-]{0,63}")) {
    throw ApiError{400, "Service name must consist of 1-64 alphanumerical characters", ""};
  }
}

void CheckTopicName(const std::string& name) {
  if (!Matches(name, "[a-zA-Z0-9._-]{1,249}")) {
    throw ApiError{
        400, "Topic name must consist of 1-249 characters of letters, digits, '.', '_' and '-'",
        "kafka_topic_invalid_config"};
  }
}

void CheckUserName(const std::string& name) {
  if (!Matches(name, "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")) {
    throw ApiError{400,
                   "Username must consist of 1-64 characters of letters, digits, '_', '.' and '-'",
                   "username_is_invalid"};
  }
}

void CheckDatabaseName(const std::string& name) {
  if (!Matches(name, "[a-zA-Z0-9_][a-zA-Z0-9_-]{0,39}")) {
    throw ApiError{
        400, "Database name must consist of 1-40 characters of letters, digits, '_' and '-'", ""};
  }
}

void CheckTags(const Json& tags, bool allow_null_values) {
  if (!tags.is_object()) throw ApiError{400, "Invalid input for tags: expected an object", ""};
  for (const auto& [key, value] : tags.items()) {
    if (!Matches(key, "[A-Za-z0-9_.:-]{1,64}")) {
      throw ApiError{400,
                     "Invalid tag key '" + key +
                         "': use 1-64 characters of letters, digits, '_', '-', '.' and ':'",
                     ""};
    }
    if (value.is_null() && allow_null_values) continue;
    if (!value.is_string() || value.get<std::string>().size() > 64) {
      throw ApiError{
          400, "Invalid value for tag '" + key + "': expected a string of at most 64 characters",
          ""};
    }
  }
}

void CheckMaintenance(const Json& m) {
  if (!m.is_object()) throw ApiError{400, "Invalid input for maintenance: expected an object", ""};
  const std::string dow = OptString(m, "dow");
  static const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                "friday", "saturday", "sunday",    "never"};
  if (!dow.empty() && std::find(std::begin(kDays), std::end(kDays), dow) == std::end(kDays)) {
    throw ApiError{400, "Invalid input for maintenance.dow: '" + dow + "' is not a day of the week",
                   ""};
  }
  const std::string time = OptString(m, "time");
  if (!time.empty() && !Matches(time, "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]")) {
    throw ApiError{400, "Invalid input for maintenance.time: expected HH:MM:SS (UTC)", ""};
  }
}

}  // namespace aivenctl::emulator
