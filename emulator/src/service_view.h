#pragma once
// Service records: creation defaults and the API view (GET/list/create/update shape).

#include <string>

#include "world.h"

namespace aivenctl::emulator {

/// A fresh random password in Aiven's style ("AVNS_" + 21 characters).
std::string NewPassword();
/// A new user record ({username, type, password, ...}); kafka users get a cert/key.
Json NewUser(const std::string& username, const std::string& service_type, bool primary,
             double now);
/// The primary user of a type ("avnadmin"; valkey: "default").
std::string PrimaryUser(const std::string& service_type);
/// Types that have SQL databases (defaultdb, the db endpoints).
bool HasDatabases(const std::string& service_type);

/// The service object as the API returns it. Secrets are "<redacted>" unless
/// `include_secrets`. `doc` supplies integrations; `now` derives the state.
Json ServiceView(const World& w, const Json& doc, const std::string& project, const Json& record,
                 double now, bool include_secrets);
/// One user as in service.users / GET .../user/{u}.
Json UserView(const Json& user, bool include_secrets);

}  // namespace aivenctl::emulator
