// The project CA certificate (REFERENCE §5.2, GET /v1/project/{project}/kms/ca).
#include "project_ca.h"

namespace aivenctl::emulator {

// A real self-signed CA certificate, so that clients and tests can parse what they are given
// (`openssl x509`); its private key was discarded, as the emulator serves no TLS. Made with
//   openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -days 36500
//     -subj "/O=aiven-emulator/CN=aiven-emulator Project CA"
//     -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
// Aiven gives each project its own CA; the emulator gives every project this one.
const char* ProjectCaPem() {
  return "-----BEGIN CERTIFICATE-----\n"
         "MIIDbTCCAlWgAwIBAgIUJp+qpoOIVTMYg2iThJJt9R1fY0kwDQYJKoZIhvcNAQEL\n"
         "BQAwPTEXMBUGA1UECgwOYWl2ZW4tZW11bGF0b3IxIjAgBgNVBAMMGWFpdmVuLWVt\n"
         "dWxhdG9yIFByb2plY3QgQ0EwIBcNMjYxMjAyMTk0NjIzWhgPMjEyNjExMDgxOTQ2\n"
         "MjNaMD0xFzAVBgNVBAoMDmFpdmVuLWVtdWxhdG9yMSIwIAYDVQQDDBlhaXZlbi1l\n"
         "bXVsYXRvciBQcm9qZWN0IENBMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC\n"
         "AQEA3mMXEhjQuHPDCRCN0GOTAeLHzclytoIxvWHRtnN7+BLOauhGPG+0bfAvVIF9\n"
         "N9BpJMgvYfWRSUU0WNjXyOT7KRM5xReVZV7T33zxp96guTWzfKqzWY8eZTfdN9SQ\n"
         "NHVEz8XpcCTYhbKOv9Qt7HnmtBVWxgHKIsPmst8p2+T5YUB/oBk/OqMnNuzuXgfR\n"
         "mrrhP/wH1J9kZhwR2KtZBdIfbyoJTGiWggHWRZirS/WZUrxkiZh1C4fLCJCZ+tfH\n"
         "9dtyAfQVf7dLdVnEcvPXj8fd5PqJl2W09X0RedVTGrR1O2LuWjKmitgWzCHokhbH\n"
         "yEiQalTCmMOtwsFqGhisOVjE5wIDAQABo2MwYTAdBgNVHQ4EFgQU368qq+n9V7Tv\n"
         "xAY6H5+k3B8OKnQwHwYDVR0jBBgwFoAU368qq+n9V7TvxAY6H5+k3B8OKnQwDwYD\n"
         "VR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwDQYJKoZIhvcNAQELBQADggEB\n"
         "AEevU4WD5gbgeYdxil+PmuG/d4BNmrkw85AL+wLkjLr4p1edWA/bSW7jq6cyBUKV\n"
         "xaweGPJiyxQ+uErh8Q5eN2L2NhuovhrkZ491vjqRvEJqfwbA6lzPVdYveZHpojAC\n"
         "7/uoR2dSAypZ4O7V4ECLwkcLVxWD7VwXJt8sWOPgfnrrR0JKyIPF3QEy1uVcUaf2\n"
         "XrXAi+/MEKNvJbM9hi74CBaTXlqAGVZZzXzGygdKBnAso7VLOGJusJL9UIV1+SLl\n"
         "ggRkCkIGd3H/f0HPd0swy4cfB+qS1eW7evSiL9IgJQt7A5HfMVISO4l7KfPEFsMd\n"
         "EPPy8nUiH1XdUVJd2cOFhp8=\n"
         "-----END CERTIFICATE-----\n";
}

}  // namespace aivenctl::emulator
