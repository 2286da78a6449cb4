#include "api/config.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "api/redact.h"

namespace aivenctl::api {

namespace {

std::optional<std::string> NonEmpty(std::optional<std::string> value) {
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::string Trim(std::string s) {
  const char* space = " \t\r\n";
  s.erase(s.find_last_not_of(space) + 1);
  s.erase(0, s.find_first_not_of(space));
  return s;
}

}  // namespace

core::Result<ResolvedConnection> ResolveConnection(const ConnectionFlags& flags,
                                                   const core::Environment& env,
                                                   const TokenFileReader& read_file) {
  ResolvedConnection out;
  out.base_url = std::string(kDefaultApiUrl);
  out.url_source = "default";
  if (auto url = NonEmpty(flags.api_url)) {
    out.base_url = *url;
    out.url_source = "--api-url";
  } else {
    for (const char* name : {"AIVEN_API_URL", "AIVEN_WEB_URL"}) {
      if (auto env_url = NonEmpty(env.Get(name))) {
        out.base_url = *env_url;
        out.url_source = name;
        break;
      }
    }
  }
  while (!out.base_url.empty() && out.base_url.back() == '/') out.base_url.pop_back();
  if (out.base_url.ends_with("/v1")) out.base_url.resize(out.base_url.size() - 3);
  if (!out.base_url.starts_with("https://") && !out.base_url.starts_with("http://")) {
    return core::InvalidArgument(out.url_source +
                                 ": API URL must start with https:// or "
                                 "http://: \"" +
                                 Redact(out.base_url) + "\"");
  }

  out.token_source = "none";
  if (auto path = NonEmpty(flags.token_file)) {
    core::Result<TokenFile> file = read_file(*path);
    if (!file.ok()) {
      return core::InvalidArgument("--token-file " + *path + ": " + file.status().message());
    }
    out.token = Trim(file->contents);
    if (out.token.empty()) return core::InvalidArgument("--token-file " + *path + ": empty file");
    out.token_source = "--token-file " + *path;
    if ((file->mode & 077) != 0) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%03o", file->mode & 0777);
      out.warnings.push_back("--token-file " + *path + " is readable by group or others (mode " +
                             mode + "); run: chmod 600 " + *path);
    }
  } else {
    for (const char* name : {"AIVEN_TOKEN", "AIVEN_AUTH_TOKEN"}) {
      if (auto token = NonEmpty(env.Get(name))) {
        out.token = Trim(*token);
        out.token_source = name;
        break;
      }
    }
  }
  if (!out.token.empty()) Secrets().Add(out.token);
  return out;
}

TokenFileReader RealTokenFileReader() {
  return [](const std::string& path) -> core::Result<TokenFile> {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return core::NotFound(std::strerror(errno));
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::FailedPrecondition(std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return TokenFile{text.str(), static_cast<unsigned>(st.st_mode & 0777)};
  };
}

}  // namespace aivenctl::api
