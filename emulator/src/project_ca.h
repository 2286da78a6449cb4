#pragma once
// The certificate the emulator answers for every project's CA.

namespace aivenctl::emulator {

/// A PEM "CERTIFICATE" block (a real, parseable self-signed CA), ending in a newline.
const char* ProjectCaPem();

}  // namespace aivenctl::emulator
