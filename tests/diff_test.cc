// --diff: patches that git apply accepts (paths relative to the repository's
// root, also for absolute and ./ paths), and the same bytes as the previous
// whole-file algorithm on ordinary posts.
#include <catch2/catch.hpp>

#include "fixer.h"
#include "post_generator.h"
#include "test_support.h"
#include "unified_diff.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::ShellQuote;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// The diff as digestlint wrote it before regions: Myers over the whole file,
// with a trace of quadratic size. Kept only as the reference the new diff
// must equal on ordinary posts.
namespace previous {

// Lines with their terminators, so "\r\n" and a missing final newline survive.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { kKeep, kDelete, kInsert };

// Myers' O(ND) shortest edit script.
std::vector<Op> EditScript(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int max = n + m;
  std::vector<int> v(2 * static_cast<size_t>(max) + 2, 0);
  std::vector<std::vector<int>> trace;
  const auto at = [&](int k) -> int& {
    const int index = k + max + 1;  // k runs from -max to max
    return v[static_cast<size_t>(index)];
  };
  for (int d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (int k = -d; k <= d && !done; k += 2) {
      int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) ++x, ++y;
      at(k) = x;
      done = x >= n && y >= m;
    }
    if (done) break;
  }
  std::vector<Op> ops;
  int x = n;
  int y = m;
  for (int d = static_cast<int>(trace.size()) - 1; d >= 0 && (x > 0 || y > 0); --d) {
    v = trace[static_cast<size_t>(d)];
    const int k = x - y;
    const int previous_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const int previous_x = d == 0 ? 0 : at(previous_k);
    const int previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      ops.push_back(Op::kKeep);
      --x, --y;
    }
    if (d > 0) ops.push_back(x == previous_x ? Op::kInsert : Op::kDelete);
    x = previous_x;
    y = previous_y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void AppendLine(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string PreviousUnifiedDiff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return "";
  constexpr size_t kContext = 3;
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  const std::vector<Op> ops = EditScript(a, b);

  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from kContext kept lines before this change to kContext after the
    // last change that is less than 2 * kContext kept lines from the next.
    size_t start = i;
    for (size_t c = 0; c < kContext && start > 0 && ops[start - 1] == Op::kKeep; ++c) --start;
    size_t end = i;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::kKeep) ++end;
      size_t keep = end;
      while (keep < ops.size() && ops[keep] == Op::kKeep) ++keep;
      if (keep < ops.size() && keep - end <= 2 * kContext) {
        end = keep;
        continue;
      }
      end = std::min(end + kContext, keep);
      break;
    }
    // Line numbers where the hunk starts in a and b.
    int a_line = 0;
    int b_line = 0;
    for (size_t k = 0; k < start; ++k) {
      if (ops[k] != Op::kInsert) ++a_line;
      if (ops[k] != Op::kDelete) ++b_line;
    }
    int a_count = 0;
    int b_count = 0;
    std::string body;
    int ai = a_line;
    int bi = b_line;
    for (size_t k = start; k < end; ++k) {
      if (ops[k] == Op::kKeep) {
        AppendLine(body, ' ', a[static_cast<size_t>(ai++)]);
        ++bi, ++a_count, ++b_count;
      } else if (ops[k] == Op::kDelete) {
        AppendLine(body, '-', a[static_cast<size_t>(ai++)]);
        ++a_count;
      } else {
        AppendLine(body, '+', b[static_cast<size_t>(bi++)]);
        ++b_count;
      }
    }
    const auto range = [](int line, int count) {
      return std::to_string(count == 0 ? line : line + 1) + (count == 1 ? "" : "," + std::to_string(count));
    };
    out += "@@ -" + range(a_line, a_count) + " +" + range(b_line, b_count) + " @@\n" + body;
    i = end;
  }
  return out;
}

}  // namespace previous

// Every fixture and generated post whose fix changes it, fixed safely and unsafely.
std::vector<std::pair<std::string, std::string>> OrdinaryPosts() {
  std::vector<std::pair<std::string, std::string>> posts;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "tests/fixtures")) {
    if (entry.path().extension() == ".md") posts.emplace_back(entry.path().filename().string(), ReadFile(entry.path()));
  }
  for (const char* example : {"examples/2025-10-27-daily-papers.md", "examples/2025-10-28-daily-papers.md"}) {
    posts.emplace_back(fs::path(example).filename().string(), ReadFile(SourceDir() / example));
  }
  for (int index = 0; index < 300; ++index) {
    const auto post = generator::GeneratePost(424242, index);
    posts.emplace_back(post.file_name, post.text);
  }
  return posts;
}

TEST_CASE("the diff of fixed regions has the bytes of the whole-file diff on ordinary posts", "[fix][diff]") {
  int compared = 0;
  for (const auto& [name, text] : OrdinaryPosts()) {
    for (const bool unsafe : {false, true}) {
      FixOptions options;
      options.unsafe = unsafe;
      const FixResult result = FixBytes(name, text, Schema::Default(), options);
      if (!result.changed()) continue;
      INFO(name << (unsafe ? " (unsafe)" : ""));
      const std::string expected = previous::PreviousUnifiedDiff(name, result.original, result.fixed);
      CHECK(UnifiedDiff(name, result.original, result.fixed, result.changes) == expected);
      CHECK(UnifiedDiff(name, result.original, result.fixed) == expected);  // one region, first to last change
      ++compared;
    }
  }
  CHECK(compared > 300);
}

TEST_CASE("diffs of texts that differ in few or many places", "[fix][diff]") {
  CHECK(UnifiedDiff("x.md", "same\n", "same\n").empty());
  CHECK(UnifiedDiff("x.md", "a\nb\n", "a\nc") ==
        "--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file\n");
  CHECK(UnifiedDiff("x.md", "", "new\n") == "--- a/x.md\n+++ b/x.md\n@@ -0,0 +1 @@\n+new\n");
  // Two changes on one line, the first shrinking it: one block, right line numbers.
  const std::string before = "x\nkeep  a  b\ny\n";
  const std::string after = "x\nkeep a b\ny\n";
  const std::vector<TextChange> changes = {{Span{6, 8}, Span{6, 7}}, {Span{9, 11}, Span{8, 9}}};
  CHECK(UnifiedDiff("x.md", before, after, changes) == previous::PreviousUnifiedDiff("x.md", before, after));
  // A change that joins two lines (a line break removed): both sides widen together.
  const std::string joined_before = "a\nb\nc\nd\n";
  const std::string joined_after = "a\nbc\nd\n";
  CHECK(UnifiedDiff("x.md", joined_before, joined_after, {{Span{3, 4}, Span{3, 3}}}) ==
        previous::PreviousUnifiedDiff("x.md", joined_before, joined_after));
}

// Runs `command` with sh in `folder`; returns its status.
int Shell(const fs::path& folder, const std::string& command) {
  return std::system(("cd " + ShellQuote(folder.string()) + " && " + command + " > /dev/null 2>&1").c_str());
}

TEST_CASE("git apply accepts --diff output for relative, ./ and absolute paths", "[fix][diff][git][slow]") {
  TempDir dir;
  const fs::path repo = dir.path() / "blog";
  fs::create_directories(repo / "_posts");
  const std::string post = ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md");
  WriteFile(repo / "_posts/2025-10-28-daily-papers.md", post);
  REQUIRE(Shell(repo, "git init -q && git add -A") == 0);
  const fs::path absolute = repo / "_posts/2025-10-28-daily-papers.md";
  struct Case {
    fs::path folder;  // where digestlint and git apply run
    std::string path;
  };
  const std::vector<Case> cases = {{repo, "_posts/2025-10-28-daily-papers.md"},
                                   {repo, "./_posts/2025-10-28-daily-papers.md"},
                                   {repo, absolute.string()},
                                   {repo / "_posts", "2025-10-28-daily-papers.md"},
                                   {repo / "_posts", "../_posts/./2025-10-28-daily-papers.md"},
                                   {dir.path(), absolute.string()}};
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    DYNAMIC_SECTION("case " << i) {  // not named by path: the temporary folder changes per run
      const fs::path patch = dir.path() / "fixes.diff";
      const fs::path previous = fs::current_path();
      fs::current_path(c.folder);
      const auto run = RunDigestlint({"--no-config", "--diff", c.path});
      fs::current_path(previous);
      CHECK(run.status == 1);
      CHECK(run.out.rfind("--- a/_posts/2025-10-28-daily-papers.md\n+++ b/_posts/2025-10-28-daily-papers.md\n", 0) ==
            0);
      WriteFile(patch, run.out);
      CHECK(Shell(repo, "git apply --check " + ShellQuote(patch.string())) == 0);
      CHECK(Shell(repo / "_posts", "git apply --check " + ShellQuote(patch.string())) == 0);
    }
  }
  // Applied, the patch gives what --fix writes.
  const auto diff = RunDigestlint({"--no-config", "--diff", "--unsafe-fixes", absolute.string()});
  WriteFile(dir.path() / "all.diff", diff.out);
  REQUIRE(Shell(repo, "git apply " + ShellQuote((dir.path() / "all.diff").string())) == 0);
  const std::string applied = ReadFile(absolute);
  WriteFile(absolute, post);
  CHECK(RunDigestlint({"--no-config", "--fix", "--unsafe-fixes", absolute.string()}).status == 0);
  CHECK(ReadFile(absolute) == applied);
}

}  // namespace
}  // namespace digestlint
