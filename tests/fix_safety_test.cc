// What --fix guarantees when it writes a file (issue 16): the bytes replace
// the original only if it is still the version read; line endings, BOM, mode
// bits (setuid and setgid included), owner, group, extended attributes and
// ACLs are kept; read-only files are refused unless asked; a broken hard link
// is said; no name the run did not create is ever removed; an append made by
// another process while --fix runs is never lost.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cstdint>
#include <regex>

#include <catch2/catch.hpp>

#include "atomic_write.h"
#include "fixer.h"
#include "linter.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

const std::string kBroken = ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md");
constexpr const char* kName = "2025-10-28-post.md";
constexpr const char* kChanged =
    "not written: it changed during the run (its size, modification time or bytes are not what was read, or "
    "another process opened it for writing); run digestlint --fix again\n";

std::string Fixed(const std::string& text) { return FixBytes(kName, text, Schema::Default(), FixOptions{}).fixed; }

std::string XattrValue(const fs::path& path, const char* name) {
  char value[256];
  const ssize_t size = getxattr(path.c_str(), name, value, sizeof value);
  return size < 0 ? "(none)" : std::string(value, static_cast<size_t>(size));
}

// A POSIX access ACL in the kernel's xattr form (what setfacl -m u:4242:r writes).
std::string AccessAcl() {
  std::string acl;
  const auto put32 = [&](uint32_t value) { acl.append(reinterpret_cast<const char*>(&value), 4); };
  const auto entry = [&](uint16_t tag, uint16_t permissions, uint32_t id) {
    acl.append(reinterpret_cast<const char*>(&tag), 2);
    acl.append(reinterpret_cast<const char*>(&permissions), 2);
    put32(id);
  };
  put32(2);                    // version
  entry(0x01, 6, UINT32_MAX);  // user::rw-
  entry(0x02, 4, 4242);        // user:4242:r--
  entry(0x04, 4, UINT32_MAX);  // group::r--
  entry(0x10, 4, UINT32_MAX);  // mask::r--
  entry(0x20, 0, UINT32_MAX);  // other::---
  return acl;
}

TEST_CASE("option --fix keeps CRLF line endings and the BOM", "[fix][safety]") {
  TempDir dir;
  std::string crlf = "\xEF\xBB\xBF";
  for (const char c : kBroken) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const fs::path post = dir.path() / kName;
  WriteFile(post, crlf);
  const auto run = RunDigestlint({"--no-config", "--fix", post.string()});
  CHECK(run.status == 1);
  const std::string after = ReadFile(post);
  CHECK(after != crlf);
  CHECK(after == Fixed(crlf));
  CHECK(after.rfind("\xEF\xBB\xBF---\r\n", 0) == 0);
  CHECK(std::regex_search(after, std::regex("[^\r]\n")) == false);
}

TEST_CASE("option --fix keeps setuid, setgid, owner, group, extended attributes and ACLs", "[fix][safety]") {
  TempDir dir;
  const fs::path post = dir.path() / kName;
  WriteFile(post, kBroken);
  if (geteuid() == 0) REQUIRE(chown(post.c_str(), 4242, 4343) == 0);
  REQUIRE(setxattr(post.c_str(), "user.digestlint-test", "kept", 4, 0) == 0);
  const std::string acl = AccessAcl();
  const bool acls = setxattr(post.c_str(), "system.posix_acl_access", acl.data(), acl.size(), 0) == 0;
  REQUIRE(chmod(post.c_str(), 06750) == 0);
  struct stat before {};
  REQUIRE(stat(post.c_str(), &before) == 0);
  const std::string acl_before = XattrValue(post, "system.posix_acl_access");

  const auto run = RunDigestlint({"--no-config", "--fix", post.string()});
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(run.err.find("digestlint: warning") == std::string::npos);
  CHECK(ReadFile(post) == Fixed(kBroken));
  struct stat after {};
  REQUIRE(stat(post.c_str(), &after) == 0);
  CHECK(after.st_ino != before.st_ino);  // replaced, not rewritten in place
  CHECK((after.st_mode & 07777) == 06750);
  CHECK(after.st_uid == before.st_uid);
  CHECK(after.st_gid == before.st_gid);
  CHECK(XattrValue(post, "user.digestlint-test") == "kept");
  if (acls) {
    CHECK(XattrValue(post, "system.posix_acl_access") == acl_before);
  } else {
    WARN("this file system has no POSIX ACLs; their copy is not checked");
  }
}

TEST_CASE("option --fix refuses read-only files unless --fix-read-only", "[fix][safety]") {
  TempDir dir;
  const fs::path post = dir.path() / kName;
  WriteFile(post, kBroken);
  REQUIRE(chmod(post.c_str(), 0444) == 0);
  const auto refused = RunDigestlint({"--no-config", "--fix", post.string()});
  CHECK(refused.status == 2);
  CHECK(refused.err.find("digestlint: error: " + post.string() +
                         ": not written: it is read-only (--fix-read-only writes it anyway)\n") != std::string::npos);
  CHECK(ReadFile(post) == kBroken);
  const auto asked = RunDigestlint({"--no-config", "--fix", "--fix-read-only", post.string()});
  CHECK(asked.status == 1);
  CHECK(ReadFile(post) == Fixed(kBroken));
  CHECK((fs::status(post).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read));
}

TEST_CASE("option --fix says when it breaks a hard link", "[fix][safety]") {
  TempDir dir;
  const fs::path post = dir.path() / kName;
  WriteFile(post, kBroken);
  fs::create_hard_link(post, dir.path() / "other-name.md");
  const auto run = RunDigestlint({"--no-config", "--fix", post.string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("digestlint: warning: " + post.string() +
                     ": it had 2 hard links: this name now holds the fixed post, the other 1 keep the old text\n") !=
        std::string::npos);
  CHECK(ReadFile(post) == Fixed(kBroken));
  CHECK(ReadFile(dir.path() / "other-name.md") == kBroken);
}

TEST_CASE("option --fix never removes a file it did not create, even one named like its temporaries", "[fix][safety]") {
  TempDir dir;
  const fs::path post = dir.path() / kName;
  WriteFile(post, kBroken);
  const std::vector<std::string> lookalikes = {
      std::string(".") + kName + ".digestlint-Ab12Cd", std::string(".") + kName + ".digestlint-123",
      std::string(".") + kName + ".digestlint-" + std::to_string(getpid()) + "-0.tmp"};
  for (const std::string& name : lookalikes) WriteFile(dir.path() / name, "user data " + name);
  const auto run = RunDigestlint({"--no-config", "--fix", post.string()});
  CHECK(run.status == 1);
  CHECK(ReadFile(post) == Fixed(kBroken));
  for (const std::string& name : lookalikes) CHECK(ReadFile(dir.path() / name) == "user data " + name);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) files += entry.is_regular_file();
  CHECK(files == 1 + static_cast<int>(lookalikes.size()));
}

TEST_CASE("a file changed after it was read is not replaced", "[fix][safety]") {
  TempDir dir;
  const fs::path post = dir.path() / kName;
  const auto read_then = [&](const std::function<void()>& change) {
    WriteFile(post, kBroken);
    std::string problem;
    FileStamp stamp;
    const std::optional<std::string> bytes = ReadPostFile(post.string(), &problem, &stamp);
    REQUIRE(bytes == kBroken);
    change();
    return ReplaceFileIfUnchanged(post.string(), stamp, *bytes, Fixed(*bytes));
  };
  SECTION("appended to") {
    const ReplaceResult result = read_then([&] { WriteFile(post, kBroken + "appended\n"); });
    CHECK(result.problem + "\n" == std::string(kChanged).substr(std::string("not written: ").size()));
    CHECK(ReadFile(post) == kBroken + "appended\n");
  }
  SECTION("same size and modification time, other bytes") {
    const ReplaceResult result = read_then([&] {
      struct stat status {};
      stat(post.c_str(), &status);
      std::string same_size = kBroken;
      same_size[same_size.find("Sparser")] = 's';
      WriteFile(post, same_size);
      const timespec times[2] = {status.st_atim, status.st_mtim};
      utimensat(AT_FDCWD, post.c_str(), times, 0);
    });
    CHECK_FALSE(result.problem.empty());
    CHECK(ReadFile(post).find("sparser Block") != std::string::npos);
  }
  SECTION("replaced by another file") {
    const ReplaceResult result = read_then([&] {
      WriteFile(dir.path() / "new.md", kBroken);
      fs::rename(dir.path() / "new.md", post);
    });
    CHECK_FALSE(result.problem.empty());
    CHECK(ReadFile(post) == kBroken);
  }
  SECTION("already fixed by another run: nothing to do, no error") {
    const ReplaceResult result = read_then([&] { WriteFile(post, Fixed(kBroken)); });
    CHECK(result.problem.empty());
    CHECK(ReadFile(post) == Fixed(kBroken));
  }
  SECTION("unchanged: replaced") {
    const ReplaceResult result = read_then([] {});
    CHECK(result.problem.empty());
    CHECK(result.notes.empty());
    CHECK(ReadFile(post) == Fixed(kBroken));
  }
}

// Another process appends in bursts (open, write, close, as an editor or a
// logger would): lines, then a paper with safe fixes to make (numbering,
// whitespace, a missing Alphaxiv line), then a pause. Meanwhile --fix runs on
// the post again and again, so many runs write it while appends go on. Every
// appended line and paper is in the file at the end.
TEST_CASE("an append made while --fix runs is never lost", "[fix][safety][concurrent][slow]") {
  TempDir dir;
  const fs::path post = dir.path() / kName;
  WriteFile(post, kBroken);
  constexpr int kBursts = 100;
  constexpr int kLinesPerBurst = 10;
  const pid_t appender = fork();
  REQUIRE(appender >= 0);
  if (appender == 0) {
    const auto append = [&](const std::string& text) {
      const int fd = open(post.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
      if (fd < 0 || write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) _exit(1);
      close(fd);
    };
    for (int burst = 0; burst < kBursts; ++burst) {
      for (int line = 0; line < kLinesPerBurst; ++line) {
        append("<!-- appended " + std::to_string(burst * kLinesPerBurst + line) + " -->\n");
        usleep(300);
      }
      const std::string id = "2510." + std::to_string(30000 + burst);
      append("\n# 1. [Appended  paper](https://arxiv.org/abs/" + id + ")\n<!-- paper " + std::to_string(burst) +
             " -->\n");
      usleep(20000);  // a pause in which a run can finish
    }
    _exit(0);
  }
  int runs = 0;
  int written = 0;
  int refused = 0;
  std::string kept_copies;
  int status = 0;
  while (waitpid(appender, &status, WNOHANG) == 0) {
    const auto run = RunDigestlint({"--no-config", "--fix", post.string()});
    ++runs;
    INFO(run.err);
    if (run.status == 2) {
      ++refused;
      // A writer that reached the fixed copy while it held the name: that copy is kept.
      static const std::regex kept_as("went to the fixed copy, kept as (\\S+)\n");
      std::smatch kept;
      if (std::regex_search(run.err, kept, kept_as)) kept_copies += ReadFile(kept[1].str());
      const bool explained =
          run.err.find(kChanged) != std::string::npos || !kept.empty() ||
          run.err.find("not written: another process keeps it open for writing") != std::string::npos;
      CHECK(explained);
    } else {
      CHECK(run.status == 1);
      written += run.err.find("digestlint: fixed 0 problems") == std::string::npos;
    }
  }
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  INFO(runs << " runs, " << written << " wrote, " << refused << " refused");
  const auto last = RunDigestlint({"--no-config", "--fix", post.string()});
  CHECK(last.status == 1);
  const std::string after = ReadFile(post);
  const std::string everywhere = after + kept_copies;
  for (int i = 0; i < kBursts * kLinesPerBurst; ++i) {
    if (everywhere.find("<!-- appended " + std::to_string(i) + " -->\n") == std::string::npos)
      FAIL("line " << i << " lost");
  }
  for (int i = 0; i < kBursts; ++i) {
    if (everywhere.find("<!-- paper " + std::to_string(i) + " -->\n") == std::string::npos)
      FAIL("paper " << i << " lost");
  }
  CHECK(written >= 10);
  CHECK(after == Fixed(after));  // every paper appended was fixed
  CHECK(after.find("Appended  paper") == std::string::npos);
}

}  // namespace
}  // namespace digestlint
