// Folder walks on awkward trees (issue #16): symbolic link loops, links out of
// the tree, names with a newline or bytes that are not UTF-8, paths longer
// than PATH_MAX. Each either is linted or is said, with its exit status.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <functional>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// Removes `name` in the folder `parent` and everything below it, one level at
// a time (openat, unlinkat), however deep it goes.
void RemoveTree(const char* parent, const char* name) {
  const int parent_fd = open(parent, O_RDONLY | O_DIRECTORY);
  std::function<void(int, const char*)> remove = [&](int at, const char* entry) {
    const int fd = openat(at, entry, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd >= 0) {
      DIR* listing = fdopendir(fd);
      while (const dirent* child = readdir(listing)) {
        const std::string child_name = child->d_name;
        if (child_name == "." || child_name == "..") continue;
        if (child->d_type == DT_DIR) {
          remove(fd, child->d_name);
        } else {
          unlinkat(fd, child->d_name, 0);
        }
      }
      closedir(listing);
    }
    unlinkat(at, entry, AT_REMOVEDIR);
  };
  remove(parent_fd, name);
  close(parent_fd);
}

std::string CleanPost() { return ReadFile(SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md"); }

TEST_CASE("symbolic link loops end: each folder is walked once", "[walk]") {
  TempDir dir;
  const fs::path tree = dir.path() / "tree";
  fs::create_directories(tree / "posts");
  WriteFile(tree / "posts/post.md", CleanPost());
  fs::create_directory_symlink(".", tree / "posts/a");
  fs::create_directory_symlink(".", tree / "posts/b");
  fs::create_directory_symlink("..", tree / "posts/up");
  const auto run = RunDigestlint({tree.string(), "--no-config"});
  CHECK(run.status == 0);
  CHECK(run.err == "digestlint: no problems in 1 file\n");
}

TEST_CASE("a walk does not leave its folder through a symbolic link, and says so", "[walk]") {
  TempDir dir;
  const fs::path tree = dir.path() / "tree";
  const fs::path outside = dir.path() / "outside";
  fs::create_directories(tree);
  fs::create_directories(outside / "more");
  WriteFile(tree / "inside.md", CleanPost());
  WriteFile(outside / "post.md", CleanPost());
  WriteFile(outside / "more/deeper.md", CleanPost());
  fs::create_symlink("../outside/post.md", tree / "out.md");
  fs::create_directory_symlink("../outside/more", tree / "more");
  fs::create_symlink("inside.md", tree / "alias.md");  // inside the tree: followed
  const auto run = RunDigestlint({tree.string(), "--no-config"});
  CHECK(run.status == 0);
  const std::string target = fs::canonical(outside).string();
  CHECK(run.err == "digestlint: note: " + (tree / "more").string() + ": not linted: a symbolic link out of " +
                       tree.string() + " (to " + target + "/more); --follow-symlinks follows it\n" +
                       "digestlint: note: " + (tree / "out.md").string() + ": not linted: a symbolic link out of " +
                       tree.string() + " (to " + target + "/post.md); --follow-symlinks follows it\n" +
                       "digestlint: no problems in 2 files\n");
  const auto followed = RunDigestlint({tree.string(), "--no-config", "--follow-symlinks"});
  CHECK(followed.err == "digestlint: no problems in 4 files\n");
  CHECK(RunDigestlint({tree.string(), "--no-config", "-q"}).err.empty());  // notes are not printed with -q
}

TEST_CASE("option --fix does not write through a named link out of its folder unless asked", "[walk][fix]") {
  TempDir dir;
  const fs::path tree = dir.path() / "tree";
  fs::create_directories(tree);
  std::string broken = CleanPost();
  broken.replace(broken.find("# 2. ["), 6, "# 5. [");
  WriteFile(dir.path() / "outside.md", broken);
  fs::create_symlink("../outside.md", tree / "link.md");
  const std::string link = (tree / "link.md").string();
  const auto refused = RunDigestlint({"--fix", "--no-config", link});
  CHECK(refused.status == 2);
  CHECK(refused.err.find("digestlint: error: " + link + ": not fixed: it is a symbolic link to " +
                         fs::canonical(dir.path() / "outside.md").string() +
                         ", outside the folder it is in (--follow-symlinks writes through it)\n") == 0);
  CHECK(ReadFile(dir.path() / "outside.md") == broken);
  const auto asked = RunDigestlint({"--fix", "--no-config", "--follow-symlinks", link});
  CHECK(asked.status == 0);
  CHECK(ReadFile(dir.path() / "outside.md") == CleanPost());
  CHECK(fs::is_symlink(link));
}

TEST_CASE("folder names with a newline or invalid UTF-8 are walked like any other", "[walk]") {
  TempDir dir;
  for (const std::string folder : {"plain", "new\nline",
                                   "bad\xff"
                                   "byte"}) {
    fs::create_directories(dir.path() / folder);
    WriteFile(dir.path() / folder / "post.md", CleanPost());
    WriteFile(dir.path() / folder /
                  ("odd\x01\xfe"
                   ".md"),
              CleanPost());
  }
  const auto run = RunDigestlint({dir.path().string(), "--no-config"});
  CHECK(run.status == 0);
  CHECK(run.err == "digestlint: no problems in 6 files\n");
}

TEST_CASE("a path longer than PATH_MAX in a walk is an error with exit 2, not a silent skip", "[walk]") {
  TempDir dir;
  // Built with mkdirat and openat, one level at a time: no single path is too long to create.
  const std::string name(200, 'd');
  int folder = open(dir.path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(folder >= 0);
  std::string path = dir.path().string();
  while (path.size() <= PATH_MAX) {
    REQUIRE(mkdirat(folder, name.c_str(), 0755) == 0);
    const int deeper = openat(folder, name.c_str(), O_RDONLY | O_DIRECTORY);
    close(folder);
    folder = deeper;
    REQUIRE(folder >= 0);
    path += "/" + name;
  }
  const int post = openat(folder, "post.md", O_WRONLY | O_CREAT, 0644);
  REQUIRE(post >= 0);
  close(post);
  close(folder);
  WriteFile(dir.path() / "ok.md", CleanPost());
  const auto run = RunDigestlint({dir.path().string(), "--no-config", "--format", "concise"});
  CHECK(run.status == 2);
  CHECK(run.out == path + ":1:1: DL001 cannot read the file: File name too long\n");
  CHECK(run.err == "digestlint: 1 error, 0 warnings in 2 files (1 file could not be linted)\n");
  RemoveTree(dir.path().c_str(), name.c_str());  // deeper than TempDir's remove_all can reach
}

TEST_CASE("a folder that cannot be read is an error with exit 2, and no 'no problems' summary", "[walk]") {
  if (geteuid() == 0) {
    WARN("running as root: a folder cannot be made unreadable, so this case is skipped");
    return;
  }
  TempDir dir;
  fs::create_directories(dir.path() / "locked");
  WriteFile(dir.path() / "locked/post.md", CleanPost());
  chmod((dir.path() / "locked").c_str(), 0);
  const auto run = RunDigestlint({dir.path().string(), "--no-config", "--format", "concise"});
  chmod((dir.path() / "locked").c_str(), 0755);
  CHECK(run.status == 2);
  CHECK(run.out == (dir.path() / "locked").string() +
                       ":1:1: DL001 cannot read the file: it is a folder that cannot be read: Permission denied\n");
  CHECK(run.err == "digestlint: 1 error, 0 warnings in 1 file (1 file could not be linted)\n");
}

}  // namespace
}  // namespace digestlint
