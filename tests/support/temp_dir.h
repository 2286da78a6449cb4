#pragma once
// A private temporary directory that removes itself (RAII).

#include <string>

namespace aivenctl::testing {

/// Creates a fresh directory under $TMPDIR (or /tmp) and deletes it recursively
/// on destruction unless Keep() was called. Move-only.
class TempDir {
 public:
  /// Makes "<tmp>/<prefix>XXXXXX"; aborts the test binary if that is impossible.
  explicit TempDir(const std::string& prefix = "aivenctl-test-");
  ~TempDir();
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Absolute path of the directory (empty after being moved from).
  const std::string& path() const { return path_; }
  /// path() + "/" + name.
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  /// Writes `text` to File(name), making the folders on the way; returns that path.
  std::string Write(const std::string& name, const std::string& text) const;
  /// Leaves the directory on disk at destruction (e.g. to inspect logs of a failure).
  void Keep() { keep_ = true; }

 private:
  std::string path_;
  bool keep_ = false;
};

}  // namespace aivenctl::testing
