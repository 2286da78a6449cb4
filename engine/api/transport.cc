#include "api/transport.h"

#include <curl/curl.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "api/redact.h"

#ifndef AIVENCTL_VERSION
#define AIVENCTL_VERSION "0.0.0"
#endif

namespace aivenctl::api {

namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

struct ShareDeleter {
  void operator()(CURLSH* s) const { curl_share_cleanup(s); }
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after 100 Continue): start afresh
    headers->clear();
    return size * count;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
    value.remove_prefix(1);
  }
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
    value.remove_suffix(1);
  }
  (*headers)[name] = std::string(value);
  return size * count;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<std::stop_token*>(user)->stop_requested() ? 1 : 0;
}

TransportErrorKind KindOf(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportErrorKind::kConnect;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportErrorKind::kTimeout;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return TransportErrorKind::kConnectionLost;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
      return TransportErrorKind::kTls;
    case CURLE_ABORTED_BY_CALLBACK:
      return TransportErrorKind::kCancelled;
    default:
      return TransportErrorKind::kOther;
  }
}

// OpenSSL says "wrong version number" when an https:// URL reaches a server that answers
// in plain HTTP (the usual mix-up with a local emulator): say that, and what to use.
std::string TlsHint(const std::string& base_url, const std::string& detail) {
  constexpr std::string_view kHttps = "https://";
  if (detail.find("wrong version number") == std::string::npos ||
      base_url.compare(0, kHttps.size(), kHttps) != 0) {
    return detail;
  }
  return "the server at " + base_url + " does not speak TLS (" + detail + "): use http://" +
         base_url.substr(kHttps.size()) + "?";
}

}  // namespace

const char* TransportErrorKindName(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::kConnect:
      return "connect";
    case TransportErrorKind::kTimeout:
      return "timeout";
    case TransportErrorKind::kConnectionLost:
      return "connection lost";
    case TransportErrorKind::kTls:
      return "tls";
    case TransportErrorKind::kCancelled:
      return "cancelled";
    case TransportErrorKind::kOther:
      return "transport";
  }
  return "transport";
}

std::string HttpResponse::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

// The pool: idle easy handles, each with its own live connection(s). A thread takes one,
// sends, and puts it back, so N concurrent callers use at most N connections and reuse
// them. (libcurl documents that a shared *connection* cache must not be used from
// concurrent threads, so only DNS and TLS sessions go into the share handle.)
struct CurlTransport::Impl {
  CurlOptions options;
  std::string auth_header;
  std::unique_ptr<CURLSH, ShareDeleter> share;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> share_locks;
  std::mutex pool_mu;
  std::vector<EasyHandle> idle;

  static void Lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Impl*>(user)->share_locks[data].lock();
  }
  static void Unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Impl*>(user)->share_locks[data].unlock();
  }

  EasyHandle Take() {
    {
      std::lock_guard lock(pool_mu);
      if (!idle.empty()) {
        EasyHandle h = std::move(idle.back());
        idle.pop_back();
        return h;
      }
    }
    return EasyHandle(curl_easy_init());
  }
  void Give(EasyHandle h) {
    std::lock_guard lock(pool_mu);
    idle.push_back(std::move(h));
  }
};

CurlTransport::CurlTransport(CurlOptions options) : impl_(std::make_unique<Impl>()) {
  GlobalInitOnce();
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  if (options.user_agent.empty()) options.user_agent = DefaultUserAgent();
  if (!options.token.empty()) {
    Secrets().Add(options.token);
    impl_->auth_header = "Authorization: aivenv1 " + options.token;
  }
  impl_->options = std::move(options);
  impl_->share.reset(curl_share_init());
  CURLSH* share = impl_->share.get();
  curl_share_setopt(share, CURLSHOPT_LOCKFUNC, &Impl::Lock);
  curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC, &Impl::Unlock);
  curl_share_setopt(share, CURLSHOPT_USERDATA, impl_.get());
  curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
}

CurlTransport::~CurlTransport() {
  impl_->idle.clear();  // easy handles go before the share handle they use
}

std::string CurlTransport::DefaultUserAgent() { return "aivenctl/" AIVENCTL_VERSION; }

TransportResult CurlTransport::Send(const HttpRequest& request, std::stop_token stop) {
  const CurlOptions& o = impl_->options;
  TransportResult result;
  EasyHandle easy = impl_->Take();
  if (!easy) {
    result.error = {TransportErrorKind::kOther, "curl_easy_init failed", {}};
    return result;
  }
  CURL* h = easy.get();
  curl_easy_reset(h);  // keeps live connections and caches, drops per-request options

  std::string url = o.base_url + request.path;
  char sep = '?';
  for (const auto& [key, value] : request.query) {
    char* k = curl_easy_escape(h, key.data(), static_cast<int>(key.size()));
    char* v = curl_easy_escape(h, value.data(), static_cast<int>(value.size()));
    url += sep;
    url += k ? k : "";
    url += '=';
    url += v ? v : "";
    curl_free(k);
    curl_free(v);
    sep = '&';
  }

  Slist headers;
  auto add_header = [&](const std::string& line) {
    curl_slist* next = curl_slist_append(headers.get(), line.c_str());
    if (next) {
      (void)headers.release();
      headers.reset(next);
    }
  };
  add_header("Accept: application/json");
  add_header("Expect:");  // no 100-continue round trip
  if (!request.body.empty()) add_header("Content-Type: application/json");
  if (!impl_->auth_header.empty()) add_header(impl_->auth_header);
  for (const auto& [name, value] : request.headers) add_header(name + ": " + value);

  std::string body;
  std::map<std::string, std::string> response_headers;
  char error_buffer[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_SHARE, impl_->share.get());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_USERAGENT, o.user_agent.c_str());
  // gzip only: it is what the Aiven API serves, and offering br lets a server pick Brotli
  // at its slowest setting (cpp-httplib, so the emulator, takes 0.9 s instead of 10 ms to
  // compress the 150 KB catalog).
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!o.ca_cert.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, o.ca_cert.c_str());
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(o.request_timeout.count()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &response_headers);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &OnProgress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &stop);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  // libcurl silently sends a request again when a reused connection turns out dead before
  // any answer. For a POST that could repeat a create behind the retry policy's back, so a
  // POST always gets a fresh connection (creates are rare; reads keep reusing).
  if (request.method == "POST") curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
  if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (!request.body.empty() || request.method != "DELETE") {
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    }
  }

  CURLcode code = curl_easy_perform(h);
  long connects = 0;
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
  connections_opened_ += connects;
  double total_seconds = 0;
  curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &total_seconds);
  auto elapsed = std::chrono::milliseconds(static_cast<int64_t>(total_seconds * 1000));

  if (code != CURLE_OK) {
    std::string detail = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    TransportErrorKind kind = KindOf(code);
    if (kind == TransportErrorKind::kTls) detail = TlsHint(o.base_url, detail);
    result.error = {kind, Redact(std::string(TransportErrorKindName(kind)) + ": " + detail),
                    elapsed};
  } else {
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    result.response = HttpResponse{static_cast<int>(status), std::move(body),
                                   std::move(response_headers), elapsed};
  }
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, nullptr);
  impl_->Give(std::move(easy));
  return result;
}

}  // namespace aivenctl::api
