// The one file writer: regular files only, 0600 from creation, never through a link, never
// into a FIFO or a device; the refusals hold as root (these tests run as root in CI too).

#include "cli/safe_write.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace aivenctl::cli {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

unsigned Mode(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

/// Names in `dir`, to see that no temporary file is left behind.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Sets the umask for one test and restores it.
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }

 private:
  mode_t old_;
};

class SafeWrite : public ::testing::Test {
 protected:
  testing::TempDir dir_{"aivenctl-safe-write-"};
};

TEST_F(SafeWrite, NewFileHasTheModeAskedForWhateverTheUmask) {
  Umask open_umask(0);  // the umask must not widen what we promise
  const std::string path = dir_.File("ci.env");
  ASSERT_TRUE(WriteFileAtomic(path, "A='1'\n", 0600).ok());
  EXPECT_EQ(Read(path), "A='1'\n");
  EXPECT_EQ(Mode(path), 0600u);
  ASSERT_TRUE(WriteFileAtomic(dir_.File("cs.json"), "{}\n", 0644).ok());
  EXPECT_EQ(Mode(dir_.File("cs.json")), 0644u);
  EXPECT_EQ(Names(dir_.path()), (std::vector<std::string>{"ci.env", "cs.json"}));
}

TEST_F(SafeWrite, ReplacesARegularFileWholeAndNarrowsItsMode) {
  const std::string path = dir_.File("ci.env");
  std::ofstream(path) << "old content that is longer than the new one\n";
  ::chmod(path.c_str(), 0666);
  ASSERT_TRUE(WriteFileAtomic(path, "new\n", 0600).ok());
  EXPECT_EQ(Read(path), "new\n");
  EXPECT_EQ(Mode(path), 0600u);
  EXPECT_EQ(Names(dir_.path()), (std::vector<std::string>{"ci.env"}));
}

TEST_F(SafeWrite, RefusesASymlinkAndLeavesItAndItsTargetAlone) {
  const std::string real = dir_.File("real.env");
  const std::string link = dir_.File("link.env");
  std::ofstream(real) << "keep\n";
  ::chmod(real.c_str(), 0400);  // root could write it anyway: the refusal must not rely on it
  ASSERT_EQ(::symlink(real.c_str(), link.c_str()), 0);
  for (const core::Status& s : {WriteFileAtomic(link, "secret\n", 0600), AppendToFile(link, "x")}) {
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.message(), "refusing to write " + link + ": it is a symbolic link to " + real +
                               ", and aivenctl writes only regular files, never through links; "
                               "name the file itself, or remove the link first");
  }
  EXPECT_EQ(Read(real), "keep\n");
  EXPECT_EQ(Mode(real), 0400u);
  struct stat st {};
  ASSERT_EQ(::lstat(link.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  EXPECT_EQ(Names(dir_.path()), (std::vector<std::string>{"link.env", "real.env"}));
}

TEST_F(SafeWrite, RefusesADanglingSymlinkToo) {
  const std::string link = dir_.File("link.env");
  ASSERT_EQ(::symlink(dir_.File("nowhere").c_str(), link.c_str()), 0);
  core::Status s = WriteFileAtomic(link, "secret\n", 0600);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("it is a symbolic link to " + dir_.File("nowhere")), std::string::npos)
      << s.message();
  EXPECT_FALSE(std::filesystem::exists(dir_.File("nowhere")));
}

TEST_F(SafeWrite, RefusesAFifoWithoutBlockingOnIt) {
  const std::string fifo = dir_.File("pipe.env");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const core::Status& s : {WriteFileAtomic(fifo, "secret\n", 0600), AppendToFile(fifo, "x")}) {
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.message(), "refusing to write " + fifo +
                               ": it is a FIFO (named pipe), and aivenctl writes only regular "
                               "files, never through links; name a regular file (it may not "
                               "exist yet)");
  }
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(SafeWrite, RefusesDevicesAndDirectories) {
  core::Status device = WriteFileAtomic("/dev/null", "secret\n", 0600);
  EXPECT_EQ(device.message(),
            "refusing to write /dev/null: it is a character device, and aivenctl writes only "
            "regular files, never through links; name a regular file (it may not exist yet)");
  EXPECT_FALSE(AppendToFile("/dev/null", "x").ok());
  core::Status directory = WriteFileAtomic(dir_.path(), "secret\n", 0600);
  EXPECT_EQ(directory.message(), "refusing to write " + dir_.path() +
                                     ": it is a directory, and aivenctl writes only regular "
                                     "files, never through links; name a file inside it");
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/null was replaced";
}

TEST_F(SafeWrite, MissingFolderIsNamed) {
  const std::string path = dir_.File("no/such/ci.env");
  core::Status s = WriteFileAtomic(path, "x", 0600);
  EXPECT_EQ(s.message(), "cannot write " + path + ": the folder " + dir_.File("no/such") +
                             " does not exist; create it first");
}

TEST_F(SafeWrite, AppendKeepsTheFileItsOwnerAndModeAndCreates0600) {
  const std::string path = dir_.File("github_env");
  std::ofstream(path) << "EARLIER=1\n";
  ::chmod(path.c_str(), 0644);
  struct stat before {};
  ASSERT_EQ(::stat(path.c_str(), &before), 0);
  ASSERT_TRUE(AppendToFile(path, "A=2\n").ok());
  EXPECT_EQ(Read(path), "EARLIER=1\nA=2\n");
  struct stat after {};
  ASSERT_EQ(::stat(path.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino) << "appended in place, not replaced";
  EXPECT_EQ(after.st_mode & 07777, 0644u);

  Umask open_umask(0);
  const std::string fresh = dir_.File("fresh_env");
  ASSERT_TRUE(AppendToFile(fresh, "B=3\n").ok());
  EXPECT_EQ(Read(fresh), "B=3\n");
  EXPECT_EQ(Mode(fresh), 0600u);
}

TEST_F(SafeWrite, CheckWriteTargetAcceptsMissingAndRegularFiles) {
  EXPECT_TRUE(CheckWriteTarget(dir_.File("missing.env")).ok());
  std::ofstream(dir_.File("there.env")) << "x";
  EXPECT_TRUE(CheckWriteTarget(dir_.File("there.env")).ok());
  EXPECT_FALSE(CheckWriteTarget("/dev/stdout").ok()) << "a link to /proc/self/fd/1";
}

}  // namespace
}  // namespace aivenctl::cli
