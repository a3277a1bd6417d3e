// The whole program, run in-process through RunCli.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace digestlint {
namespace {

using testing::Contains;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

const std::string kFrontMatter =
    "---\nlayout: post\ntitle: \"Daily Papers — 2025-10-27\"\ndate: 2025-10-27 08:15:00\ntags: [papers]\n"
    "categories: []\n---\n";

std::string CleanPost() { return ReadFile(SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md"); }

TEST_CASE("a clean post exits 0 and says so on stderr", "[cli]") {
  TempDir dir;
  WriteFile(dir.path() / "post.md", CleanPost());
  const auto run = RunDigestlint({(dir.path() / "post.md").string()});
  CHECK(run.status == 0);
  CHECK(run.out.empty());
  CHECK(run.err == "digestlint: no problems in 1 file\n");
}

TEST_CASE("warnings alone exit 0, errors exit 1", "[cli]") {
  TempDir dir;
  std::string post = CleanPost();
  post.replace(post.find("A Study of Things"), 17, "A Study  of Things");
  WriteFile(dir.path() / "warn.md", post);
  CHECK(RunDigestlint({(dir.path() / "warn.md").string()}).status == 0);
  post.replace(post.find("## Method"), 9, "## Methods");
  WriteFile(dir.path() / "error.md", post);
  const auto run = RunDigestlint({(dir.path() / "error.md").string()});
  CHECK(run.status == 1);
  CHECK(run.err == "digestlint: 2 errors, 1 warning in 1 file; 1 fixable with --fix, 1 more with --unsafe-fixes\n");
}

// Each bad input gets a path:line:col message and its exit status, and never
// stops the other files from being linted.
TEST_CASE("bad inputs are reported one by one without stopping the run", "[cli]") {
  TempDir dir;
  const auto path = [&](const char* name) { return (dir.path() / name).string(); };
  struct Case {
    const char* name;
    std::string contents;
    int status;
    std::string expected;  // a line of the human output, after "path:"
  };
  const std::vector<Case> cases = {
      {"empty.md", "", 1, "1:1: error[DL101 front-matter-missing] the file is empty"},
      {"no-front-matter.md", "# 1. [T](https://arxiv.org/abs/2510.19871)\n", 1,
       "1:1: error[DL101 front-matter-missing] no front matter"},
      {"unclosed.md", "---\nlayout: post\n\n# 1. [T](https://arxiv.org/abs/2510.19871)\n", 1,
       "1:1: error[DL102 front-matter-unclosed] front matter is not closed"},
      {"yaml-error.md", "---\nlayout: post\ntitle: [unclosed\n---\n", 2,
       "4:1: error[DL103 front-matter-syntax] front matter is not valid YAML: end of sequence flow not found"},
      {"list.md", "---\n- a\n- b\n---\n", 1,
       "1:1: error[DL104 front-matter-schema] the front matter must be a mapping but is a list"},
      {"no-papers.md", kFrontMatter + "\nNothing today.\n", 1, "8:1: error[DL403 no-papers] the post has no papers"},
      {"latin1.md", kFrontMatter + "caf\xe9\n", 2,
       "8:4: error[DL002 not-utf8-text] the file is not UTF-8 text: invalid UTF-8 byte sequence at byte"},
  };
  std::vector<std::string> all_paths;
  for (const Case& c : cases) {
    WriteFile(dir.path() / c.name, c.contents);
    all_paths.push_back(path(c.name));
    DYNAMIC_SECTION(c.name) {
      const auto run = RunDigestlint({path(c.name)});
      INFO(run.out);
      CHECK(run.status == c.status);
      CHECK(Contains(run.out, path(c.name) + ":" + c.expected));
    }
  }
  SECTION("a path that does not exist") {
    const auto run = RunDigestlint({path("missing.md")});
    CHECK(run.status == 2);
    CHECK(run.out ==
          path("missing.md") + ":1:1: error[DL001 unreadable-file] cannot read the file: No such file or directory\n");
    CHECK(run.err == "digestlint: 1 error, 0 warnings in 1 file (1 file could not be linted)\n");
  }
  SECTION("all at once, with a good post among them") {
    std::string good = CleanPost();
    good.replace(good.find("A Study of Things"), 17, "A Study  of Things");
    WriteFile(dir.path() / "good.md", good);
    all_paths.push_back(path("missing.md"));
    all_paths.push_back(path("good.md"));
    const auto run = RunDigestlint(all_paths);
    CHECK(run.status == 2);
    for (const Case& c : cases) CHECK(Contains(run.out, path(c.name) + ":" + c.expected));
    CHECK(Contains(run.out, path("missing.md") + ":1:1: error[DL001"));
    CHECK(Contains(run.out, path("good.md") + ":9:14: warning[DL501 title-whitespace]"));
    CHECK(Contains(run.err, "in 9 files (3 files could not be linted)"));
  }
}

TEST_CASE("a directory and an unreadable file are reported, not skipped", "[cli]") {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "folder.md");
  const auto folder = RunDigestlint({(dir.path() / "folder.md").string(), "--format", "json"});
  CHECK(folder.status == 0);  // a folder given on the command line is searched, and holds no posts
  WriteFile(dir.path() / "secret.md", CleanPost());
  chmod((dir.path() / "secret.md").c_str(), 0);
  if (geteuid() == 0) {
    WARN("running as root: an unreadable file cannot be made, so that case is skipped");
  } else {
    const auto run = RunDigestlint({(dir.path() / "secret.md").string()});
    CHECK(run.status == 2);
    CHECK(Contains(run.out, "error[DL001 unreadable-file] cannot read the file: Permission denied"));
  }
}

TEST_CASE("folders are searched recursively, in sorted order, skipping hidden entries", "[cli]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "b" / "deeper");
  std::filesystem::create_directories(dir.path() / ".git");
  std::string warned = CleanPost();
  warned.replace(warned.find("A Study of Things"), 17, "A Study  of Things");
  for (const char* name : {"b/deeper/z.markdown", "b/a.md", "a.md", ".git/x.md", ".hidden.md", "notes.txt"}) {
    WriteFile(dir.path() / name, warned);
  }
  const auto run = RunDigestlint({dir.path().string(), "--format", "json"});
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report["files"] == 3);
  std::vector<std::string> paths;
  for (const auto& d : report["diagnostics"]) paths.push_back(d["path"]);
  CHECK(paths == std::vector<std::string>{(dir.path() / "a.md").string(), (dir.path() / "b/a.md").string(),
                                          (dir.path() / "b/deeper/z.markdown").string()});
}

TEST_CASE("human output: location, rule, message, source line and caret", "[cli]") {
  TempDir dir;
  std::string post = CleanPost();
  post.replace(post.find("A Study of Things"), 17, "한국어  제목");
  WriteFile(dir.path() / "p.md", post);
  const std::string file = (dir.path() / "p.md").string();
  const auto run = RunDigestlint({file, "--color=never"});
  CHECK(run.out == file +
                       ":9:10: warning[DL501 title-whitespace] [*] paper title has a run of 2 whitespace characters; "
                       "use a "
                       "single space\n"
                       " 9 | # 1. [한국어  제목](https://arxiv.org/abs/2510.19871)\n"
                       "   |             ^^\n");
  SECTION("colour only when asked, or on a terminal without NO_COLOR") {
    CHECK(Contains(RunDigestlint({file, "--color=always"}).out, "\033[1;33mwarning"));
    CHECK_FALSE(Contains(RunDigestlint({file}, Terminal{false, false}).out, "\033["));
    CHECK(Contains(RunDigestlint({file}, Terminal{true, false}).out, "\033["));
    CHECK_FALSE(Contains(RunDigestlint({file}, Terminal{true, true}).out, "\033["));
  }
}

TEST_CASE("json output is one stable document", "[cli]") {
  TempDir dir;
  std::string post = CleanPost();
  post.replace(post.find("https://arxiv.org/abs/2510.19871"), 32, "http://arxiv.org/abs/2510.19871");
  post.replace(post.find("A Study of Things"), 17, "한국어  제목");
  WriteFile(dir.path() / "p.md", post);
  const auto run = RunDigestlint({(dir.path() / "p.md").string(), "--format=json"});
  CHECK(run.status == 1);
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report["version"] == 1);
  CHECK(report["files"] == 1);
  REQUIRE(report["diagnostics"].size() == 2);
  const auto& whitespace = report["diagnostics"][0];
  CHECK(whitespace ==
        nlohmann::json{
            {"path", (dir.path() / "p.md").string()},
            {"line", 9},
            {"column", 10},
            {"end_line", 9},
            {"end_column", 12},
            {"rule", "DL501"},
            {"name", "title-whitespace"},
            {"severity", "warning"},
            {"message", "paper title has a run of 2 whitespace characters; use a single space"},
            {"fixable", true},
            {"fix",
             {{"applicability", "safe"},
              {"edits", {{{"line", 9}, {"column", 10}, {"end_line", 9}, {"end_column", 12}, {"content", " "}}}}}}});
  CHECK(report["diagnostics"][1]["rule"] == "DL302");
  CHECK(report["diagnostics"][1]["column"] == 16);  // columns in code points: 한국어 counts 3
  CHECK(report["diagnostics"][1]["end_column"] == 47);
}

TEST_CASE("usage errors, --help and --version", "[cli]") {
  CHECK(RunDigestlint({"--version"}).out == std::string("digestlint ") + DIGESTLINT_VERSION + "\n");
  const auto help = RunDigestlint({"--help"});
  CHECK(help.status == 0);
  CHECK(Contains(help.out, "Usage: digestlint [check] [OPTIONS] [--] [PATH...]"));
  const auto unknown = RunDigestlint({"--frobnicate", "x.md"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "digestlint: error: unknown option '--frobnicate'\nTry 'digestlint --help'.\n");
  CHECK(RunDigestlint({"--format", "xml", "x.md"}).status == 2);
  CHECK(RunDigestlint({"--format"}).err == "digestlint: error: --format needs a value\nTry 'digestlint --help'.\n");
}

TEST_CASE("option --schema uses another schema, and a bad one exits 2 naming the problem", "[cli]") {
  TempDir dir;
  WriteFile(dir.path() / "bad.json", R"({"x-digestlint": {"papers": {"level": "1"}}})");
  WriteFile(dir.path() / "post.md", CleanPost());
  const auto bad = RunDigestlint({"--schema", (dir.path() / "bad.json").string(), (dir.path() / "post.md").string()});
  CHECK(bad.status == 2);
  CHECK(bad.err == "digestlint: error: --schema " + (dir.path() / "bad.json").string() +
                       ": invalid schema: /x-digestlint/papers/level: 'papers.level' must be an integer but is a "
                       "string\n");
  CHECK(bad.out.empty());
  const auto missing = RunDigestlint({"--schema", (dir.path() / "none.json").string(), "x.md"});
  CHECK(missing.status == 2);
  CHECK(Contains(missing.err, "none.json: cannot read the schema file"));

  const std::string weekly = (SourceDir() / "tests/schemas/weekly-notes.schema.json").string();
  const auto other = RunDigestlint({"--schema", weekly, (dir.path() / "post.md").string(), "--format", "json"});
  CHECK(other.status == 1);  // a daily-papers post breaks the weekly-notes schema
  // Under that schema papers are level-2 headings: one diagnostic says so, and no paper is checked.
  CHECK(Contains(other.out, "\"rule\": \"DL404\""));
  CHECK(Contains(other.out,
                 "papers are level-1 headings here (2 found); the schema expects level-2 headings like "
                 "'## 1. [Title](https://arxiv.org/abs/ID)'"));
  CHECK_FALSE(Contains(other.out, "\"rule\": \"DL2"));
  CHECK(Contains(other.out, "must be of the form Weekly Notes — YYYY-MM-DD"));
}

}  // namespace
}  // namespace digestlint

namespace digestlint {
namespace {

TEST_CASE("hostile files are per-file errors and the others are still linted", "[cli][robustness]") {
  TempDir dir;
  const auto path = [&](const char* name) { return (dir.path() / name).string(); };
  WriteFile(dir.path() / "good.md", CleanPost());
  // cmark 0.30's super-linear input (CVE-2023-22486): refused before parsing.
  std::string brackets = kFrontMatter;
  for (int i = 0; i < 10000; ++i) brackets += "![[]()";
  WriteFile(dir.path() / "brackets.md", brackets);
  REQUIRE(mkfifo(path("fifo.md").c_str(), 0600) == 0);
  std::filesystem::create_symlink(dir.path() / "nowhere.md", dir.path() / "dangling.md");
  WriteFile(dir.path() / "mixed.md", "---\r\nlayout: post\n---\r\n");
  const auto run = RunDigestlint({"--no-config", "--color=never", path("good.md"), path("brackets.md"), path("fifo.md"),
                                  path("dangling.md"), path("mixed.md")});
  CHECK(run.status == 2);
  CHECK(Contains(run.out, path("brackets.md") +
                              ":1:1: error[DL004 input-too-large] the file was not linted: it has 20002 '[' "
                              "characters, more than max-brackets (10000): cmark 0.30 parses such input in "
                              "super-linear time\n"));
  CHECK(Contains(run.out, path("fifo.md") + ":1:1: error[DL001 unreadable-file] cannot read the file: it is not a "
                                            "regular file\n"));
  CHECK(Contains(run.out, path("dangling.md") +
                              ":1:1: error[DL001 unreadable-file] cannot read the file: No such file or directory\n"));
  // Mixed line endings are still text: this post is linted.
  CHECK(
      Contains(run.out, path("mixed.md") + ":1:1: error[DL104 front-matter-schema] missing required key 'categories'"));
  CHECK(Contains(run.err, "in 5 files (3 files could not be linted)"));
  SECTION("the limits come from the configuration") {
    WriteFile(dir.path() / ".digestlint.yaml", "max-file-size: 100\nmax-brackets: 100000\n");
    std::filesystem::create_directories(dir.path() / ".git");
    const auto limited = RunDigestlint({path("good.md"), path("brackets.md")});
    CHECK(Contains(limited.out, path("good.md") +
                                    ":1:1: error[DL004 input-too-large] the file was not linted: it has " +
                                    std::to_string(CleanPost().size()) + " bytes, more than max-file-size (100)\n"));
    CHECK(Contains(limited.out, path("brackets.md") +
                                    ":1:1: error[DL004 input-too-large] the file was not linted: it "
                                    "has " +
                                    std::to_string(brackets.size()) + " bytes"));
    const auto fix = RunDigestlint({"--fix", path("brackets.md")});
    CHECK(fix.status == 2);
    CHECK(testing::ReadFile(dir.path() / "brackets.md") == brackets);
  }
}

}  // namespace
}  // namespace digestlint
