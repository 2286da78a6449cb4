#pragma once
// Fingerprints of live objects: the digest of a canonical JSON form without volatile fields
// (state, create_time, backups, integration activity), so a saved changeset can be checked
// against the world before it is applied (`apply CHANGESET.json`).

#include <string>

#include <nlohmann/json.hpp>

#include "core/address.h"
#include "model/live.h"

namespace aivenctl::diff {

/// What a fingerprint is for an object that does not exist.
inline constexpr const char* kAbsent = "absent";

/// Canonical JSON of each live object (children and volatile fields left out).
nlohmann::json CanonicalJson(const model::LiveProject& p);
nlohmann::json CanonicalJson(const model::LiveService& s);
nlohmann::json CanonicalJson(const model::LiveDatabase& d);
nlohmann::json CanonicalJson(const model::LiveUser& u);
nlohmann::json CanonicalJson(const model::LivePool& p);
nlohmann::json CanonicalJson(const model::LiveTopic& t);
nlohmann::json CanonicalJson(const model::LiveSchema& s);
nlohmann::json CanonicalJson(const model::LiveIntegration& i);
nlohmann::json CanonicalJson(const model::LiveVpc& v);
nlohmann::json CanonicalJson(const model::LiveEndpoint& e);
nlohmann::json CanonicalJson(const model::LiveAcl& a);
nlohmann::json CanonicalJson(const model::LiveConnector& c);

/// "sha256:<hex>" of the compact dump of `canonical` (keys sorted).
std::string Fingerprint(const nlohmann::json& canonical);

/// The fingerprint of one live object: Fingerprint(CanonicalJson(x)).
template <typename T>
std::string FingerprintObject(const T& x) {
  return Fingerprint(CanonicalJson(x));
}
/// Topics (most of a large live state) write their canonical text directly: same bytes as
/// CanonicalJson(t).dump(), without building a JSON value.
std::string FingerprintObject(const model::LiveTopic& t);

/// The live integration an integration address names (matched by type and both ends), or
/// nullptr. Ends written without a project live in the address's project.
const model::LiveIntegration* FindLiveIntegration(const model::LiveState& live,
                                                  const core::Address& address);

/// The two ends of an integration address as service addresses (an "@name" end: an
/// endpoint address); false when malformed.
bool IntegrationEnds(const core::Address& address, std::string* type, core::Address* source,
                     core::Address* destination);

/// The fingerprint of whatever `address` names in `live`, or kAbsent.
std::string FingerprintOf(const model::LiveState& live, const core::Address& address);

}  // namespace aivenctl::diff
