#pragma once
// Aiven's naming rules (REFERENCE §6), each throwing the real 400 message.

#include <string>

#include "http.h"

namespace aivenctl::emulator {

void CheckProjectName(const std::string& name);
void CheckServiceName(const std::string& name);
void CheckTopicName(const std::string& name);
void CheckUserName(const std::string& name);
void CheckDatabaseName(const std::string& name);
/// Tag maps: string keys (1-64 of [A-Za-z0-9_.:-]) to string values (<= 64 chars).
void CheckTags(const Json& tags, bool allow_null_values);
/// Maintenance window {dow: monday..sunday|never, time: "HH:MM:SS"}.
void CheckMaintenance(const Json& maintenance);

}  // namespace aivenctl::emulator
