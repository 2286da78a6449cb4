#include "cli/safe_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <random>

namespace aivenctl::cli {
namespace {

std::string Error(const std::string& path, int err) {
  return "cannot write " + path + ": " + std::strerror(err);
}

/// Why `st` (what `path` is) is not a file aivenctl writes, and what to do instead.
core::Status Refusal(const std::string& path, const struct stat& st) {
  std::string what;
  std::string fix = "name a regular file (it may not exist yet)";
  if (S_ISLNK(st.st_mode)) {
    char target[PATH_MAX];
    ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
    what = "a symbolic link";
    if (n > 0) what += " to " + std::string(target, static_cast<size_t>(n));
    fix = "name the file itself, or remove the link first";
  } else if (S_ISFIFO(st.st_mode)) {
    what = "a FIFO (named pipe)";
  } else if (S_ISCHR(st.st_mode)) {
    what = "a character device";
  } else if (S_ISBLK(st.st_mode)) {
    what = "a block device";
  } else if (S_ISSOCK(st.st_mode)) {
    what = "a socket";
  } else if (S_ISDIR(st.st_mode)) {
    what = "a directory";
    fix = "name a file inside it";
  } else {
    what = "not a regular file";
  }
  return core::InvalidArgument("refusing to write " + path + ": it is " + what +
                               ", and aivenctl writes only regular files, never through links; " +
                               fix);
}

std::string RandomSuffix() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string out;
  for (int i = 0; i < 12; ++i) out += kHex[random() % 16];
  return out;
}

/// Writes all of `text` to `fd`; 0 or the errno.
int WriteAll(int fd, const std::string& text) {
  const char* data = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    data += n;
    left -= static_cast<size_t>(n);
  }
  return 0;
}

/// The folder holding `path` ("." for a bare name) and the name in it.
void SplitPath(const std::string& path, std::string& dir, std::string& base) {
  const size_t slash = path.rfind('/');
  dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  base = slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

core::Status CheckWriteTarget(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    // A missing file is what we create; a missing folder is reported by the write.
    return errno == ENOENT ? core::Status::Ok() : core::InvalidArgument(Error(path, errno));
  }
  return S_ISREG(st.st_mode) ? core::Status::Ok() : Refusal(path, st);
}

core::Status WriteFileAtomic(const std::string& path, const std::string& text, int mode) {
  if (core::Status target = CheckWriteTarget(path); !target.ok()) return target;
  std::string dir, base;
  SplitPath(path, dir, base);
  if (base.empty()) {
    return core::InvalidArgument("refusing to write " + path +
                                 ": it names a directory; name a "
                                 "file inside it");
  }
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmp = dir + "/." + base + ".tmp-" + RandomSuffix();
    // 0600 from the first byte; the mode asked for is set once the content is complete.
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
      if (errno == ENOENT) {
        return core::InvalidArgument("cannot write " + path + ": the folder " + dir +
                                     " does not exist; create it first");
      }
      return core::InvalidArgument(Error(path, errno));
    }
  }
  if (fd < 0) return core::InvalidArgument(Error(path, EEXIST));
  int err = WriteAll(fd, text);
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (err == 0 && ::fchmod(fd, static_cast<mode_t>(mode)) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && std::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return core::InvalidArgument(Error(path, err));
  }
  // The rename is durable once the folder is.
  if (int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return core::Status::Ok();
}

core::Status AppendToFile(const std::string& path, const std::string& text) {
  if (core::Status target = CheckWriteTarget(path); !target.ok()) return target;
  // O_NONBLOCK: a FIFO that appears after the check must not block the open.
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                  0600);
  if (fd < 0) {
    if (errno == ELOOP) {  // a link appeared after the check: say what it is
      core::Status target = CheckWriteTarget(path);
      return target.ok() ? core::InvalidArgument(Error(path, ELOOP)) : target;
    }
    return core::InvalidArgument(Error(path, errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Refusal(path, st);
  }
  int err = WriteAll(fd, text);
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  return err == 0 ? core::Status::Ok() : core::InvalidArgument(Error(path, err));
}

}  // namespace aivenctl::cli
