#pragma once
// SecretScan: the suite-wide secrets check. It keeps every byte a test saw aivenctl print
// or write, collects every secret the emulator issued (user passwords, access keys and
// certificates, Kafka service keys, URIs holding a password), and reports each place
// where the API token or one of those secrets shows up.

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace aivenctl::testing {

class TestApi;

class SecretScan {
 public:
  explicit SecretScan(std::string token) : token_(std::move(token)) {}

  /// Adds what aivenctl printed or wrote. Thread-safe.
  void AddPrinted(std::string_view bytes);

  /// Adds what aivenctl printed with `--outputs-format github`, leaving out exactly its
  /// whole lines that start with `::add-mask::` (GitHub's command that hides the rest of
  /// the line in the job's log, so it must name the secret); every other byte is searched.
  /// Returns how many lines were left out. Thread-safe.
  std::size_t AddPrintedExceptMaskLines(std::string_view bytes);

  /// Adds every secret in `doc` (a service answer with include_secrets=true, or any JSON):
  /// the string values of keys such as password, access_key, access_cert, kafka_access_key,
  /// private_key, at any depth, and URIs with a password in them. Thread-safe.
  void AddSecretsFrom(const nlohmann::json& doc);

  /// Adds the secrets of every service the emulator holds now (one GET with
  /// include_secrets=true per service). Failing requests are skipped (a test may have
  /// scripted faults or stopped the emulator). Returns the number of services read.
  int CollectFrom(TestApi& api);

  struct Report {
    std::size_t bytes = 0;          ///< bytes searched
    std::size_t secrets = 0;        ///< secrets searched for, the token not counted
    std::vector<std::string> hits;  ///< what was found, described without the secret itself
  };
  /// How many of the collected secrets occur in `text` (to check that the needles are the
  /// secrets users really get, e.g. in an outputs file).
  std::size_t CountIn(std::string_view text) const;

  /// Searches everything added so far for the token and every secret.
  Report Search() const;

 private:
  mutable std::mutex mu_;
  std::string token_;
  std::string printed_;
  std::map<std::string, std::string> secrets_;  // secret -> the key it was found under
};

}  // namespace aivenctl::testing
