#include "atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>

namespace digestlint {

namespace {

namespace fs = std::filesystem;

std::string ErrnoText() { return std::strerror(errno); }

// Closes a file descriptor when it goes away.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() { Close(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  int Close() {
    const int result = fd_ >= 0 ? close(fd_) : 0;
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

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

// The whole file behind `fd`, read from its start.
bool ReadAll(int fd, std::string* bytes) {
  bytes->clear();
  char buffer[1 << 16];
  for (off_t at = 0;;) {
    const ssize_t n = pread(fd, buffer, sizeof buffer, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    bytes->append(buffer, static_cast<size_t>(n));
    at += n;
  }
}

bool SameVersion(const struct stat& now, const FileStamp& read) {
  return now.st_dev == read.device && now.st_ino == read.inode && now.st_size == read.size &&
         now.st_mtim.tv_sec == read.modified.tv_sec && now.st_mtim.tv_nsec == read.modified.tv_nsec;
}

bool SameTime(const struct stat& a, const struct stat& b) {
  return a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

// A name next to `target` that only this process uses; each call gives another.
std::string TemporaryName(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  return (target.parent_path() / ("." + target.filename().string() + ".digestlint-" + std::to_string(getpid()) + "-" +
                                  std::to_string(counter++) + ".tmp"))
      .string();
}

// Gives the file open as `fd` a fresh name next to `target` (never replacing
// an existing one); returns the name, or "" and sets errno.
std::string LinkUnderNewName(int fd, const fs::path& target) {
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = TemporaryName(target);
    if (linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return name;
    if (errno != EEXIST) return "";
  }
  return "";
}

// An unnamed file in the target's folder (O_TMPFILE), or, where the file system
// cannot do that, a new one under a fresh name, which is then set in `named`.
int CreateTemporary(const fs::path& target, std::string* named) {
  const int fd = open(target.parent_path().c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) return fd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    *named = TemporaryName(target);
    const int created = open(named->c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (created >= 0 || errno != EEXIST) return created;
  }
  return -1;
}

// A lease break is signalled with SIGIO, whose default action ends the process;
// the break is read with F_GETLEASE instead.
void IgnoreLeaseSignals() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGIO, SIG_IGN); });
}

// A read lease on the original: the kernel then tells whether any process
// opens it for writing (or truncates it), and holds that open back until the
// lease is released. Returns false where leases cannot be taken (another
// owner, a file system without them); sets `busy` when a process has it open
// for writing right now and keeps it so for two seconds.
bool TakeReadLease(int fd, bool* busy) {
  IgnoreLeaseSignals();
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (;;) {
    if (fcntl(fd, F_SETLEASE, F_RDLCK) == 0) return true;
    if (errno != EAGAIN) return false;
    if (std::chrono::steady_clock::now() > give_up) {
      *busy = true;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool LeaseBroken(int fd) { return fcntl(fd, F_GETLEASE) != F_RDLCK; }

// Gives the temporary the original's owner, group, extended attributes (ACLs
// are system.posix_acl_*) and mode, in that order: changing the owner clears
// setuid and setgid, and the mode set last is exact. What cannot be kept is a
// note; a mode that cannot be set is a failure.
std::string CopyMetadata(int from, int to, const struct stat& original, std::vector<std::string>* notes) {
  const bool root = geteuid() == 0;
  if (fchown(to, root ? original.st_uid : static_cast<uid_t>(-1), original.st_gid) != 0) {
    notes->push_back("its group (" + std::to_string(original.st_gid) + ") could not be kept: " + ErrnoText());
  }
  const ssize_t size = flistxattr(from, nullptr, 0);
  std::string names(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  const ssize_t listed = size > 0 ? flistxattr(from, names.data(), names.size()) : 0;
  for (size_t at = 0; listed > 0 && at < static_cast<size_t>(listed); at = names.find('\0', at) + 1) {
    const std::string name = names.c_str() + at;
    const ssize_t length = fgetxattr(from, name.c_str(), nullptr, 0);
    std::string value(length > 0 ? static_cast<size_t>(length) : 0, '\0');
    if (length < 0 || fgetxattr(from, name.c_str(), value.data(), value.size()) < 0 ||
        fsetxattr(to, name.c_str(), value.data(), value.size(), 0) != 0) {
      notes->push_back("its extended attribute " + name + " could not be kept: " + ErrnoText());
    }
  }
  if (fchmod(to, original.st_mode & 07777) != 0) return "cannot set the mode of the temporary file: " + ErrnoText();
  struct stat result {};
  if (fstat(to, &result) == 0 && (result.st_mode & 07777) != (original.st_mode & 07777)) {
    notes->push_back("its mode could not be kept exactly (setuid or setgid cleared by the system)");
  }
  return "";
}

void SyncFolder(const fs::path& folder) {
  const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

constexpr const char* kChanged =
    "it changed during the run (its size, modification time or bytes are not what was read, or another process "
    "opened it for writing); run digestlint --fix again";
constexpr const char* kChangedTooLate =
    "it changed while it was replaced (this file system cannot swap names, so the original could not be put "
    "back): the fixed post is in place; check it";

}  // namespace

ReplaceResult ReplaceFileIfUnchanged(const std::string& path, const FileStamp& read, const std::string& original,
                                     const std::string& contents, const ReplaceOptions& options) {
  ReplaceResult result;
  std::error_code error;
  const fs::path target = fs::canonical(path, error);
  if (error) {
    result.problem = "cannot resolve " + path + ": " + error.message();
    return result;
  }
  const Descriptor current(open(target.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  struct stat status {};
  if (current.get() < 0 || fstat(current.get(), &status) != 0) {
    result.problem = "cannot open " + target.string() + ": " + ErrnoText();
    return result;
  }
  if (!S_ISREG(status.st_mode)) {
    result.problem = kChanged;
    return result;
  }
  const bool writable = (status.st_mode & 0222) != 0 && faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) == 0;
  if (!writable && !options.read_only) {
    result.problem = "it is read-only (--fix-read-only writes it anyway)";
    return result;
  }
  bool busy = false;
  const bool leased = TakeReadLease(current.get(), &busy);
  if (busy) {
    result.problem = "another process keeps it open for writing";
    return result;
  }
  const struct stat before = status;
  std::string now;
  const bool read_now = ReadAll(current.get(), &now);
  if (!read_now || !SameVersion(status, read) || now != original) {
    // Unless the change is the very fix (another run made it): then there is nothing to do.
    if (!read_now || now != contents) result.problem = kChanged;
    return result;
  }
  if (status.st_nlink > 1) {
    result.notes.push_back("it had " + std::to_string(status.st_nlink) + " hard links: this name now holds the fixed " +
                           "post, the other " + std::to_string(status.st_nlink - 1) + " keep the old text");
  }

  std::string temporary;  // the one name this call creates
  Descriptor fresh(CreateTemporary(target, &temporary));
  const auto fail = [&](const std::string& why) {
    if (!temporary.empty()) unlink(temporary.c_str());
    result.problem = why;
    return result;
  };
  if (fresh.get() < 0) return fail("cannot create a temporary file next to " + target.string() + ": " + ErrnoText());
  if (!WriteAll(fresh.get(), contents)) return fail("cannot write a temporary file: " + ErrnoText());
  if (std::string why = CopyMetadata(current.get(), fresh.get(), status, &result.notes); !why.empty()) {
    return fail(why);
  }
  if (fsync(fresh.get()) != 0) return fail("cannot flush the temporary file: " + ErrnoText());
  struct stat written {};
  if (fstat(fresh.get(), &written) != 0) return fail("cannot stat the temporary file: " + ErrnoText());
  if (temporary.empty()) {
    temporary = LinkUnderNewName(fresh.get(), target);
    if (temporary.empty()) return fail("cannot link the temporary file: " + ErrnoText());
  }
  if (fresh.Close() != 0) return fail("cannot close the temporary file: " + ErrnoText());

  // The last look before the swap: the lease (or, without one, the stamp).
  const auto changed_since_check = [&] {
    struct stat again {};
    return (leased && LeaseBroken(current.get())) || fstat(current.get(), &again) != 0 || !SameTime(again, before) ||
           again.st_size != before.st_size;
  };
  if (changed_since_check()) return fail(kChanged);
  // Swapped, not renamed over: the original keeps a name (the temporary's)
  // until it is known that nobody wrote to it meanwhile.
  if (renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
      return fail("cannot replace " + target.string() + ": " + ErrnoText());
    }
    // A file system that cannot swap names: the original has no name left
    // after this, so a write that reaches it from now on cannot be put back.
    if (rename(temporary.c_str(), target.c_str()) != 0) {
      return fail("cannot replace " + target.string() + ": " + ErrnoText());
    }
    temporary.clear();
    if (changed_since_check()) result.problem = kChangedTooLate;
  } else if (!changed_since_check()) {
    unlink(temporary.c_str());  // now the original's name
  } else if (renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    // A writer reached the original after the last look: swap back failed.
    result.problem = "it changed while it was replaced and could not be put back (" + ErrnoText() +
                     "): the original, with that change, is " + temporary;
  } else {
    // The original, with what was written to it, is back under its name. The
    // fixed copy is dropped unless a writer reached it too while it had the name.
    struct stat fixed {};
    if (stat(temporary.c_str(), &fixed) == 0 && fixed.st_size == written.st_size && SameTime(fixed, written)) {
      unlink(temporary.c_str());
      result.problem = kChanged;
    } else {
      result.problem = std::string(kChanged) + "; an edit made meanwhile went to the fixed copy, kept as " + temporary;
    }
  }
  if (leased) fcntl(current.get(), F_SETLEASE, F_UNLCK);
  SyncFolder(target.parent_path());  // make the names durable
  return result;
}

}  // namespace digestlint
