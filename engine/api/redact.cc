#include "api/redact.h"

#include <algorithm>
#include <cctype>

namespace aivenctl::api {

namespace {

// Masks the credential that follows an authorization scheme word, whatever it is.
void MaskSchemes(std::string& text) {
  for (std::string_view scheme : {"aivenv1 ", "Bearer ", "bearer "}) {
    std::size_t pos = 0;
    while ((pos = text.find(scheme, pos)) != std::string::npos) {
      std::size_t start = pos + scheme.size();
      std::size_t end = start;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
             text[end] != '"' && text[end] != ',') {
        ++end;
      }
      if (end > start && text.compare(start, end - start, kRedacted) != 0) {
        text.replace(start, end - start, kRedacted);
      }
      pos = start + kRedacted.size();
    }
  }
}

}  // namespace

void SecretSet::Add(std::string secret) {
  if (secret.size() < 4) return;
  std::lock_guard lock(mu_);
  if (std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end()) return;
  secrets_.push_back(std::move(secret));
  std::stable_sort(secrets_.begin(), secrets_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string SecretSet::Redact(std::string_view text) const {
  std::string out(text);
  {
    std::lock_guard lock(mu_);
    for (const std::string& secret : secrets_) {
      std::size_t pos = 0;
      while ((pos = out.find(secret, pos)) != std::string::npos) {
        out.replace(pos, secret.size(), kRedacted);
        pos += kRedacted.size();
      }
    }
  }
  MaskSchemes(out);
  return out;
}

SecretSet& Secrets() {
  static SecretSet* set = new SecretSet();  // never destroyed: usable during exit
  return *set;
}

std::string Redact(std::string_view text) { return Secrets().Redact(text); }

}  // namespace aivenctl::api
