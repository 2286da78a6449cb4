#pragma once
// The one way aivenctl writes files (`--outputs`, `plan --out`): only regular files, never
// through a symbolic link, never into a FIFO or a device, never readable by others while
// the bytes are on their way. Holds as root too: the checks look at what a path is, not at
// what the caller may do to it.

#include <string>

#include "core/status.h"

namespace aivenctl::cli {

/// Ok when `path` does not exist or is a regular file; otherwise an error naming the path,
/// what it is (symbolic link and its target, FIFO, device, socket, directory) and what to
/// do instead. Writers call it first; callers may call it early to refuse before any work.
core::Status CheckWriteTarget(const std::string& path);

/// Replaces `path` with `text`: a new file in the same folder (O_CREAT|O_EXCL, mode 0600
/// from creation), written, fsynced, set to `mode`, renamed over `path`, and the folder
/// fsynced. Refuses what CheckWriteTarget refuses; a link in place of `path` is replaced,
/// never followed, even if it appears after the check.
core::Status WriteFileAtomic(const std::string& path, const std::string& text, int mode);

/// Appends `text` to the regular file `path` in one write and fsyncs it, keeping its owner
/// and mode (GitHub's $GITHUB_ENV belongs to the runner); creates it with mode 0600 when
/// missing. Refuses what CheckWriteTarget refuses, and opens with O_NOFOLLOW.
core::Status AppendToFile(const std::string& path, const std::string& text);

}  // namespace aivenctl::cli
