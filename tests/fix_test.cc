// --fix end to end: generated posts, the command line, --diff with patch,
// and SIGKILL at random moments.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "fixer.h"
#include "linter.h"
#include "post_generator.h"
#include "test_support.h"
#include "unified_diff.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::TempDir;
using testing::WriteFile;

// Original line numbers that a unified diff removes or replaces (insertions
// change no original line).
std::set<int> ChangedLines(const std::string& diff) {
  std::set<int> changed;
  std::istringstream in(diff);
  std::string line;
  int old_line = 0;
  while (std::getline(in, line)) {
    if (line.rfind("@@ -", 0) == 0) {
      old_line = std::stoi(line.substr(4));
    } else if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0 || line.rfind("\\", 0) == 0) {
      continue;
    } else if (!line.empty() && line[0] == '-') {
      changed.insert(old_line++);
    } else if (!line.empty() && line[0] == ' ') {
      ++old_line;
    }
  }
  return changed;
}

TEST_CASE("fixing generated posts: idempotent, complete, never worse, and local", "[fix][generator]") {
  constexpr int kPosts = 300;
  int fixed_posts = 0;
  for (int index = 0; index < kPosts; ++index) {
    const auto post = generator::GeneratePost(424242, index);
    INFO("post " << index << "\n" << post.text);
    const std::vector<LocatedDiagnostic> before = LintBytes(post.file_name, post.text, Schema::Default());
    const FixResult once = FixBytes(post.file_name, post.text, Schema::Default(), FixOptions{});
    REQUIRE_FALSE(once.refused);  // the fixer refuses any result with a new diagnostic
    const FixResult twice = FixBytes(post.file_name, once.fixed, Schema::Default(), FixOptions{});
    CHECK(twice.fixed == once.fixed);
    for (const LocatedDiagnostic& d : once.remaining) CHECK_FALSE((d.fix && d.fix->safety == FixSafety::kSafe));
    if (once.fixed == post.text) continue;
    ++fixed_posts;
    // Every line that changed is a line some fix of the original lint touched.
    std::set<int> touched;
    for (const LocatedDiagnostic& d : before) {
      if (!d.fix || d.fix->safety != FixSafety::kSafe) continue;
      for (const LocatedEdit& edit : d.fix_edits) {
        for (int line = edit.start.line; line <= edit.end.line; ++line) touched.insert(line);
      }
    }
    for (int line : ChangedLines(UnifiedDiff("post.md", post.text, once.fixed))) {
      INFO("changed line " << line);
      CHECK(touched.count(line) == 1);
    }
  }
  CHECK(fixed_posts >= 100);
}

const std::string kBroken = ReadFile(testing::SourceDir() / "examples/2025-10-28-daily-papers.md");

TEST_CASE("option --fix writes files in place, keeps the mode, follows symlinks", "[fix][cli]") {
  TempDir dir;
  const fs::path post = dir.path() / "2025-10-28-post.md";
  WriteFile(post, kBroken);
  chmod(post.c_str(), 0640);
  fs::create_symlink(post.filename(), dir.path() / "link.md");
  const auto run = RunDigestlint({(dir.path() / "link.md").string(), "--color=never"});
  CHECK(run.status == 1);
  const auto fixed = RunDigestlint({"--fix", (dir.path() / "link.md").string()});
  CHECK(fixed.status == 1);  // DL106, DL202 and DL307 need --unsafe-fixes
  CHECK(fixed.err ==
        "digestlint: fixed 2 problems in 1 file (DL302 x1, DL401 x1)\n"
        "digestlint: 3 errors, 0 warnings in 1 file; 3 more with --unsafe-fixes\n");
  CHECK(fs::is_symlink(dir.path() / "link.md"));
  CHECK((fs::status(post).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  const std::string after = ReadFile(post);
  CHECK(after.find("https://arxiv.org/abs/2510.21270)") != std::string::npos);
  CHECK(after.find("# 2. [Model Merging") != std::string::npos);
  const auto unsafe = RunDigestlint({"--fix", "--unsafe-fixes", post.string()});
  CHECK(unsafe.status == 0);
  CHECK(unsafe.err ==
        "digestlint: fixed 3 problems in 1 file (DL106 x1, DL202 x1, DL307 x1)\ndigestlint: no problems in 1 file\n");
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".digestlint-") == std::string::npos);
  }
}

TEST_CASE("option --fix never writes a file it could not read as a post", "[fix][cli]") {
  TempDir dir;
  const std::string latin1 = "---\nlayout: post\n---\n# 1. [Caf\xe9  au lait](http://arxiv.org/abs/2510.19871)\n";
  WriteFile(dir.path() / "latin1.md", latin1);
  const std::string broken_yaml = "---\ntitle: [\n---\n# 1. [A  B](http://arxiv.org/abs/2510.19871)\n";
  WriteFile(dir.path() / "yaml.md", broken_yaml);
  const auto run = RunDigestlint({"--fix", dir.path().string()});
  CHECK(run.status == 2);
  CHECK(ReadFile(dir.path() / "latin1.md") == latin1);
  CHECK(ReadFile(dir.path() / "yaml.md") == broken_yaml);
}

TEST_CASE("option --fix with - reads stdin and writes the fixed post to stdout", "[fix][cli]") {
  const auto run = RunDigestlint({"--fix", "-", "--stdin-filename", "2025-10-28-x.md"}, {}, kBroken);
  CHECK(run.status == 1);
  CHECK(run.out == FixBytes("2025-10-28-x.md", kBroken, Schema::Default(), FixOptions{}).fixed);
  CHECK(run.err.find("2025-10-28-x.md:3:8: error[DL106 date-mismatch]") != std::string::npos);
  const auto lint = RunDigestlint({"-", "--format", "json"}, {}, kBroken);
  CHECK(lint.status == 1);
  CHECK(lint.out.find("\"path\": \"-\"") != std::string::npos);
}

TEST_CASE("option --diff writes nothing, and patch applies it to the same bytes as --fix", "[fix][cli]") {
  TempDir dir;
  const std::string crlf_bom = [] {
    std::string text = "\xEF\xBB\xBF";
    for (char c : kBroken) text += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return text;
  }();
  WriteFile(dir.path() / "a.md", kBroken);
  WriteFile(dir.path() / "b.md", crlf_bom);
  const fs::path previous = fs::current_path();
  fs::current_path(dir.path());
  const auto run = RunDigestlint({"--diff", "--unsafe-fixes", "a.md", "b.md"});
  fs::current_path(previous);
  CHECK(run.status == 1);
  CHECK(run.err.find("shown as a diff; nothing was written") != std::string::npos);
  CHECK(ReadFile(dir.path() / "a.md") == kBroken);
  CHECK(ReadFile(dir.path() / "b.md") == crlf_bom);
  WriteFile(dir.path() / "fix.diff", run.out);
  const std::string command = "cd '" + dir.path().string() + "' && patch -s -p1 < fix.diff";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(ReadFile(dir.path() / "a.md") == FixBytes("a.md", kBroken, Schema::Default(), FixOptions{true, 10}).fixed);
  CHECK(ReadFile(dir.path() / "b.md") == FixBytes("b.md", crlf_bom, Schema::Default(), FixOptions{true, 10}).fixed);
  CHECK(ReadFile(dir.path() / "b.md").find("\r\n") != std::string::npos);
  const auto clean = RunDigestlint({"--diff", (dir.path() / "a.md").string()});
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
}

// Kills digestlint --fix at random moments while it fixes many files; every
// file must then be its original or its fully fixed bytes.
TEST_CASE("SIGKILL during --fix leaves every file whole", "[fix][kill][slow]") {
  TempDir dir;
  constexpr int kFiles = 150;
  std::map<fs::path, std::pair<std::string, std::string>> versions;  // original, fixed
  for (int i = 0; i < kFiles; ++i) {
    generator::GeneratorOptions options;
    options.fault_rate = 1.0;
    const auto post = generator::GeneratePost(99, i, options);
    const fs::path path = dir.path() / post.file_name;
    WriteFile(path, post.text);
    versions[path] = {post.text, FixBytes(post.file_name, post.text, Schema::Default(), FixOptions{}).fixed};
  }
  int needing_fix = 0;
  for (const auto& [path, texts] : versions) needing_fix += texts.first != texts.second;
  REQUIRE(needing_fix > kFiles / 2);
  const auto start_fix = [&] {
    const pid_t child = fork();
    if (child == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      execl(DIGESTLINT_BINARY, "digestlint", "--fix", dir.path().c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return child;
  };
  // Kill times are drawn across the length of a whole run, measured here, so
  // the test interrupts mid-run on a fast machine and on a loaded one.
  const auto begin = std::chrono::steady_clock::now();
  int status = 0;
  waitpid(start_fix(), &status, 0);
  const auto whole_run =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - begin).count();
  std::mt19937 random(12345);
  int killed = 0;
  int interrupted_midway = 0;  // kills that landed after some files and before others
  int leftovers = 0;
  for (int attempt = 0; attempt < 30; ++attempt) {
    // Start from the originals each time, so there is always work to interrupt.
    for (const auto& [path, texts] : versions) WriteFile(path, texts.first);
    const pid_t child = start_fix();
    REQUIRE(child > 0);
    // Up to 1.5 runs: a loaded machine (CTest runs tests in parallel) makes runs slower than the one measured.
    const auto delay = std::uniform_int_distribution<long>(whole_run / 20, whole_run * 3 / 2)(random);
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    if (kill(child, SIGKILL) == 0) ++killed;
    waitpid(child, &status, 0);
    int fixed = 0;
    for (const auto& [path, texts] : versions) {
      const std::string now = ReadFile(path);
      INFO(path.filename().string());
      CHECK((now == texts.first || now == texts.second));
      fixed += now == texts.second && texts.first != texts.second;
    }
    interrupted_midway += fixed > 0 && fixed < needing_fix;
    // A kill between linking and swapping may leave one temporary name holding the whole fixed post, or, just
    // after the swap, the whole original; nothing removes it, as no run may delete a name it did not create.
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      const size_t mark = name.find(".digestlint-");
      if (mark == std::string::npos) continue;
      ++leftovers;
      const fs::path original = dir.path() / name.substr(1, mark - 1);
      const std::string kept = ReadFile(entry.path());
      CHECK((kept == versions.at(original).second || kept == versions.at(original).first));
      fs::remove(entry.path());
    }
  }
  CHECK(leftovers <= killed);
  CHECK(killed >= 10);
  CHECK(interrupted_midway >= 3);
  // A run to the end completes every file and leaves no temporary name.
  const auto finish = RunDigestlint({"--fix", dir.path().string()});
  CHECK(finish.status != 2);
  for (const auto& [path, texts] : versions) CHECK(ReadFile(path) == texts.second);
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".digestlint-") == std::string::npos);
  }
}

}  // namespace
}  // namespace digestlint

namespace digestlint {
namespace {

TEST_CASE("option -j N gives the same output, status and fixes as -j 1", "[cli][parallel]") {
  TempDir one;
  TempDir many;
  for (int i = 0; i < 200; ++i) {
    const auto post = generator::GeneratePost(2024, i);
    WriteFile(one.path() / post.file_name, post.text);
    WriteFile(many.path() / post.file_name, post.text);
  }
  WriteFile(one.path() / "binary.md", std::string("\0\1\2", 3));
  WriteFile(many.path() / "binary.md", std::string("\0\1\2", 3));
  const auto in = [](const TempDir& dir) { return dir.path().string(); };
  for (const char* format : {"human", "concise", "json", "sarif", "github", "junit"}) {
    DYNAMIC_SECTION(format) {
      const auto sequential = RunDigestlint({"--no-config", "-j", "1", "--format", format, in(one)});
      // Same folder, so paths in the reports are equal.
      const auto parallel = RunDigestlint({"--no-config", "--jobs=4", "--format", format, in(one)});
      CHECK(sequential.status == 2);
      CHECK(parallel.status == sequential.status);
      CHECK(parallel.out == sequential.out);
      CHECK(parallel.err == sequential.err);
    }
  }
  SECTION("--fix") {
    const auto sequential = RunDigestlint({"--no-config", "--fix", "-j", "1", in(one)});
    const auto parallel = RunDigestlint({"--no-config", "--fix", "-j", "4", in(many)});
    CHECK(parallel.status == sequential.status);
    for (const auto& entry : fs::directory_iterator(one.path())) {
      CHECK(ReadFile(entry.path()) == ReadFile(many.path() / entry.path().filename()));
    }
  }
  CHECK(RunDigestlint({"-j", "0", in(one)}).err ==
        "digestlint: error: -j takes a whole number from 1 to 1024, not '0'\nTry 'digestlint --help'.\n");
}

}  // namespace
}  // namespace digestlint
