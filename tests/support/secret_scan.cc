#include "support/secret_scan.h"

#include <algorithm>
#include <cctype>

#include "support/api_client.h"

namespace aivenctl::testing {
namespace {

using nlohmann::json;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Keys whose string value is a secret: "password", "admin_password", "kafka_access_key", ...
// but not "password_encryption" or "password_updated_time".
bool IsSecretKey(std::string key) {
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* word :
       {"password", "access_key", "access_cert", "private_key", "secret", "api_key", "token"}) {
    if (key == word || EndsWith(key, std::string("_") + word)) return true;
  }
  return false;
}

// A secret must be long enough that finding it is not chance ("x", "true", "[REDACTED]").
bool WorthSearching(const std::string& value) {
  return value.size() >= 8 && value.find("REDACTED") == std::string::npos;
}

void Walk(const json& doc, const std::string& key, std::map<std::string, std::string>* out) {
  if (doc.is_object()) {
    for (auto it = doc.begin(); it != doc.end(); ++it) Walk(it.value(), it.key(), out);
  } else if (doc.is_array()) {
    for (const auto& item : doc) Walk(item, key, out);
  } else if (doc.is_string()) {
    const std::string& value = doc.get_ref<const std::string&>();
    if (IsSecretKey(key) && WorthSearching(value)) out->emplace(value, key);
    // scheme://user:PASSWORD@host: the password alone (the URI holds it too)
    const std::size_t scheme = value.find("://");
    const std::size_t at = value.find('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
      const std::string userinfo = value.substr(scheme + 3, at - scheme - 3);
      const std::size_t colon = userinfo.find(':');
      if (colon != std::string::npos && WorthSearching(userinfo.substr(colon + 1))) {
        out->emplace(userinfo.substr(colon + 1), key + " (password in a URI)");
      }
    }
  }
}

}  // namespace

void SecretScan::AddPrinted(std::string_view bytes) {
  std::lock_guard lock(mu_);
  printed_.append(bytes);
}

std::size_t SecretScan::AddPrintedExceptMaskLines(std::string_view bytes) {
  static constexpr std::string_view kMask = "::add-mask::";
  std::string kept;
  std::size_t left_out = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    const std::string_view line = bytes.substr(start, end - start);
    if (line.substr(0, kMask.size()) == kMask) {
      ++left_out;
    } else {
      kept.append(line);
    }
    start = end;
  }
  AddPrinted(kept);
  return left_out;
}

void SecretScan::AddSecretsFrom(const json& doc) {
  std::map<std::string, std::string> found;
  Walk(doc, "", &found);
  std::lock_guard lock(mu_);
  secrets_.insert(found.begin(), found.end());
}

int SecretScan::CollectFrom(TestApi& api) {
  const CallOptions quiet{.validate = false};
  ApiResponse projects = api.Get("/v1/project", quiet);
  if (!projects.ok()) return 0;
  int read = 0;
  for (const auto& p : projects.body.value("projects", json::array())) {
    const std::string project = p.value("project_name", "");
    ApiResponse services = api.Get("/v1/project/" + project + "/service", quiet);
    if (!services.ok()) continue;
    for (const auto& s : services.body.value("services", json::array())) {
      ApiResponse one = api.Get("/v1/project/" + project + "/service/" +
                                    s.value("service_name", "") + "?include_secrets=true",
                                quiet);
      if (!one.ok()) continue;
      AddSecretsFrom(one.body.value("service", json::object()));
      ++read;
    }
  }
  return read;
}

std::size_t SecretScan::CountIn(std::string_view text) const {
  std::lock_guard lock(mu_);
  return static_cast<std::size_t>(std::count_if(
      secrets_.begin(), secrets_.end(),
      [&](const auto& entry) { return text.find(entry.first) != std::string_view::npos; }));
}

SecretScan::Report SecretScan::Search() const {
  std::lock_guard lock(mu_);
  Report r{.bytes = printed_.size(), .secrets = secrets_.size(), .hits = {}};
  if (!token_.empty() && printed_.find(token_) != std::string::npos) {
    r.hits.push_back("the API token");
  }
  for (const auto& [secret, key] : secrets_) {
    const std::size_t at = printed_.find(secret);
    if (at == std::string::npos) continue;
    // Where: up to 80 bytes of the text before it (never the secret itself; any other
    // secret in them masked too).
    const std::size_t line = printed_.rfind('\n', at);
    const std::size_t from =
        std::max(line == std::string::npos ? 0 : line + 1, at > 80 ? at - 80 : std::size_t{0});
    std::string before = printed_.substr(from, at - from);
    for (const auto& [other, other_key] : secrets_) {
      for (std::size_t p; (p = before.find(other)) != std::string::npos;) {
        before.replace(p, other.size(), "<" + other_key + ">");
      }
    }
    for (std::size_t p; !token_.empty() && (p = before.find(token_)) != std::string::npos;) {
      before.replace(p, token_.size(), "<token>");
    }
    r.hits.push_back("a " + key + " of " + std::to_string(secret.size()) + " characters at byte " +
                     std::to_string(at) + ", after: " + before);
  }
  return r;
}

}  // namespace aivenctl::testing
