#include "atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>

namespace digestlint {

namespace {

namespace fs = std::filesystem;

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

bool WriteAll(int fd, const std::string& contents) {
  size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

std::string TemporaryPrefix(const fs::path& target) { return "." + target.filename().string() + ".digestlint-"; }

// Leftovers of a run that was killed between linking and renaming.
void RemoveStaleTemporaries(const fs::path& target) {
  const std::string prefix = TemporaryPrefix(target);
  std::error_code error;
  for (fs::directory_iterator it(target.parent_path(), error), end; !error && it != end; it.increment(error)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) fs::remove(it->path(), error);
  }
}

// An unnamed file in `folder` (O_TMPFILE), or a named one where the file
// system cannot do that; `named` is set to its name in the second case.
int CreateTemporary(const fs::path& target, std::string* named) {
  const int fd = open(target.parent_path().c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  *named = (target.parent_path() / (TemporaryPrefix(target) + "XXXXXX")).string();
  return mkstemp(named->data());
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, const std::string& contents) {
  std::error_code error;
  const fs::path target = fs::canonical(path, error);
  if (error) return "cannot resolve " + path + ": " + error.message();
  struct stat status {};
  if (stat(target.c_str(), &status) != 0) return Errno("cannot stat " + target.string());
  RemoveStaleTemporaries(target);

  std::string temporary;
  const int fd = CreateTemporary(target, &temporary);
  if (fd < 0) return Errno("cannot create a temporary file next to " + target.string());
  const auto fail = [&](const std::string& why) {
    close(fd);
    if (!temporary.empty()) unlink(temporary.c_str());
    return why;
  };
  if (!WriteAll(fd, contents)) return fail(Errno("cannot write a temporary file next to " + target.string()));
  if (fchmod(fd, status.st_mode & 07777) != 0) return fail(Errno("cannot set the mode of the temporary file"));
  if (getuid() == 0 && fchown(fd, status.st_uid, status.st_gid) != 0) {
    return fail(Errno("cannot set the owner of the temporary file"));
  }
  if (fsync(fd) != 0) return fail(Errno("cannot flush the temporary file"));
  if (temporary.empty()) {
    // Give the finished, durable file a name only now, just before the rename.
    std::random_device random;
    temporary = (target.parent_path() / (TemporaryPrefix(target) + std::to_string(random()))).string();
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temporary.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      const std::string why = Errno("cannot link the temporary file");
      temporary.clear();
      return fail(why);
    }
  }
  if (close(fd) != 0) {
    unlink(temporary.c_str());
    return Errno("cannot close the temporary file");
  }
  if (rename(temporary.c_str(), target.c_str()) != 0) {
    std::string why = Errno("cannot replace " + target.string());
    unlink(temporary.c_str());
    return why;
  }
  // Make the rename itself durable.
  const int folder = open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0) {
    fsync(folder);
    close(folder);
  }
  return "";
}

}  // namespace digestlint
