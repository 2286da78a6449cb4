// SecretScan finds the token and every kind of issued secret in printed bytes, and its
// report never repeats a secret.

#include "support/secret_scan.h"

#include <gtest/gtest.h>

namespace aivenctl::testing {
namespace {

using nlohmann::json;

const json kService = json::parse(R"({
  "service_name": "k", "service_uri": "postgres://avnadmin:AVNS_uriPassword1@h:1/db",
  "users": [{"username": "avnadmin", "password": "AVNS_userPassword2",
             "access_key": "-----BEGIN PRIVATE KEY-----\nMIIEkey\n-----END PRIVATE KEY-----\n",
             "access_cert": "-----BEGIN CERTIFICATE-----\nMIIEcert\n-----END CERTIFICATE-----\n"}],
  "connection_info": {"kafka_access_key": "KAFKA-SERVICE-KEY-123", "kafka": ["h:2"]},
  "service_uri_params": {"password": "[REDACTED]", "user": "avnadmin"},
  "user_config": {"pg": {"x": "short"}}
})");

TEST(SecretScan, CollectsEveryKindOfSecretButNotRedactedOrShortValues) {
  SecretScan scan("tok-12345678");
  scan.AddSecretsFrom(kService);
  EXPECT_EQ(scan.Search().secrets, 5u);  // uri password, user password, key, cert, kafka key
  for (const char* printed : {"AVNS_uriPassword1", "AVNS_userPassword2", "MIIEkey", "MIIEcert",
                              "KAFKA-SERVICE-KEY-123"}) {
    SecretScan one("tok-12345678");
    one.AddSecretsFrom(kService);
    const std::string text = std::string("x ") + printed + " y";
    one.AddPrinted(text);
    // The PEM values are found only whole: a fragment of one is not a hit.
    const bool whole = std::string(printed).rfind("MIIE", 0) != 0;
    EXPECT_EQ(one.Search().hits.size(), whole ? 1u : 0u) << printed;
  }
}

TEST(SecretScan, FindsTheTokenAndASecretAndReportsWithoutThem) {
  SecretScan scan("tok-12345678");
  scan.AddSecretsFrom(kService);
  scan.AddPrinted("[1.0s] plan ok\n");
  EXPECT_TRUE(scan.Search().hits.empty());
  scan.AddPrinted("Authorization: aivenv1 tok-12345678 pw=AVNS_userPassword2 end\n");
  const SecretScan::Report r = scan.Search();
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0], "the API token");
  EXPECT_NE(r.hits[1].find("a password of 18 characters"), std::string::npos) << r.hits[1];
  EXPECT_NE(r.hits[1].find("aivenv1 <token> pw="), std::string::npos) << r.hits[1];
  for (const auto& hit : r.hits) {
    EXPECT_EQ(hit.find("tok-12345678"), std::string::npos) << hit;
    EXPECT_EQ(hit.find("AVNS_"), std::string::npos) << hit;
  }
  EXPECT_EQ(r.bytes, 15u + 62u);
}

TEST(SecretScan, MaskLinesAreTheOnlyExceptionOfTheGithubFormat) {
  SecretScan scan("tok-12345678");
  scan.AddSecretsFrom(kService);
  EXPECT_EQ(scan.AddPrintedExceptMaskLines("::add-mask::AVNS_userPassword2\n"
                                           "progress\n"
                                           "::add-mask::AVNS_uriPassword1"),
            2u);
  EXPECT_TRUE(scan.Search().hits.empty());
  EXPECT_EQ(scan.Search().bytes, 9u) << "only the other line is kept";
  // Anything but a whole line that starts with the command is searched.
  EXPECT_EQ(scan.AddPrintedExceptMaskLines(" ::add-mask::AVNS_userPassword2\n"
                                           "x ::add-mask::AVNS_uriPassword1\n"),
            0u);
  EXPECT_EQ(scan.Search().hits.size(), 2u);
}

}  // namespace
}  // namespace aivenctl::testing
