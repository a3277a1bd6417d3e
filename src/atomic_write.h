#pragma once
// Replaces a file's contents all at once, and only if nobody changed it since
// it was read: a reader (or a crash) sees either the old bytes or the new
// ones, never a mix, and an edit made meanwhile by another process is never
// overwritten.

#include <sys/types.h>

#include <ctime>
#include <string>
#include <vector>

namespace digestlint {

/// What identifies the version of a file that was read.
struct FileStamp {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec modified{};
};

struct ReplaceOptions {
  bool read_only = false;  // also replace files without write permission (--fix-read-only)
};

struct ReplaceResult {
  std::string problem;             // why the file was not replaced; "" when it was (or already held the bytes)
  std::vector<std::string> notes;  // what the user should know although it was replaced
};

/// Replaces the file at `path` (through a symlink: its target) with
/// `contents`, if it still is `read` (same inode, size, modification time and
/// bytes as `original`). The new bytes go to an unnamed temporary file in the
/// same folder (O_TMPFILE), get the original's owner and group where permitted,
/// its extended attributes (ACLs included) and its mode bits (setuid and setgid
/// included), are fsynced, linked under a name only this call uses
/// (".NAME.digestlint-PID-N.tmp", created exclusively) and swapped with the
/// target (RENAME_EXCHANGE), so the original keeps a name until it is known
/// that nobody wrote to it. From the check to the swap, a read lease on the
/// original tells whether another process opens it for writing; if one does,
/// the names are swapped back and the file is reported as changed. Never
/// deletes any name it did not create itself.
ReplaceResult ReplaceFileIfUnchanged(const std::string& path, const FileStamp& read, const std::string& original,
                                     const std::string& contents, const ReplaceOptions& options = {});

}  // namespace digestlint
