// Configuration files, rule selection, inline suppressions and custom rules,
// through the command line as users meet them.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::Contains;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

const std::string kBroken = ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md");
const std::string kReference = ReadFile(SourceDir() / "examples/2025-10-27-daily-papers.md");

// A blog in a temporary git repository: _posts/ holds the faulty example post.
struct Blog {
  TempDir dir;
  Blog() {
    fs::create_directories(root() / ".git");
    fs::create_directories(root() / "_posts");
    Write("_posts/2025-10-28-daily-papers.md", kBroken);
  }
  fs::path root() const { return dir.path(); }
  std::string Path(const std::string& relative) const { return (root() / relative).string(); }
  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories((root() / relative).parent_path());
    WriteFile(root() / relative, text);
  }
  // The rule codes reported, in order, as "CODE@line".
  std::vector<std::string> Codes(std::vector<std::string> args, int* status = nullptr) const {
    args.insert(args.begin(), {"--format", "json"});
    const auto run = RunDigestlint(args);
    if (status) *status = run.status;
    std::vector<std::string> codes;
    if (run.out.empty()) {
      FAIL_CHECK("no report; stderr: " << run.err);
      return codes;
    }
    const auto report = nlohmann::json::parse(run.out);
    for (const auto& d : report["diagnostics"]) {
      codes.push_back(d["rule"].get<std::string>() + "@" + std::to_string(d["line"].get<int>()));
    }
    return codes;
  }
};

const std::vector<std::string> kAll = {"DL106@3", "DL302@11", "DL401@32", "DL307@34", "DL202@44"};

TEST_CASE("configuration discovery: nearest file upward, stopping at the repository root", "[config]") {
  Blog blog;
  const std::string post = blog.Path("_posts/2025-10-28-daily-papers.md");
  CHECK(blog.Codes({post}) == kAll);
  blog.Write(".digestlint.yaml", "ignore: [DL106]\n");
  CHECK(blog.Codes({post}) == std::vector<std::string>{"DL302@11", "DL401@32", "DL307@34", "DL202@44"});
  SECTION("a nearer file wins, whole: settings do not merge") {
    blog.Write("_posts/.digestlint.yml", "ignore: [DL3]\n");
    CHECK(blog.Codes({post}) == std::vector<std::string>{"DL106@3", "DL401@32", "DL202@44"});
  }
  SECTION("a file above the repository root is not used") {
    fs::rename(blog.root() / ".digestlint.yaml", blog.root() / "_posts/.digestlint.yaml");
    fs::create_directories(blog.root() / "_posts/.git");
    CHECK(blog.Codes({post}) == std::vector<std::string>{"DL302@11", "DL401@32", "DL307@34", "DL202@44"});
    fs::remove_all(blog.root() / "_posts/.git");
    fs::create_directories(blog.root() / "_posts/deeper/.git");
    fs::rename(blog.root() / "_posts/2025-10-28-daily-papers.md",
               blog.root() / "_posts/deeper/2025-10-28-daily-papers.md");
    CHECK(blog.Codes({blog.Path("_posts/deeper/2025-10-28-daily-papers.md")}) == kAll);
  }
  SECTION("--config names the file for every post; --no-config uses none") {
    blog.Write("other.yaml", "select: [DL4]\n");
    CHECK(blog.Codes({"--config", blog.Path("other.yaml"), post}) == std::vector<std::string>{"DL401@32"});
    CHECK(blog.Codes({"--no-config", post}) == kAll);
  }
}

TEST_CASE("select, extend-select and ignore take codes, names, prefixes and ALL", "[config]") {
  Blog blog;
  const std::string post = blog.Path("_posts/2025-10-28-daily-papers.md");
  blog.Write(".digestlint.yaml",
             "select: [DL3, paper-numbering]\nextend-select: [DL106]\nignore: [link-id-mismatch]\n");
  CHECK(blog.Codes({post}) == std::vector<std::string>{"DL106@3", "DL302@11", "DL401@32"});
  SECTION("--select replaces select; --ignore adds to ignore") {
    CHECK(blog.Codes({"--select", "ALL", "--ignore", "DL1,DL2", post}) ==
          std::vector<std::string>{"DL302@11", "DL401@32"});
  }
  SECTION("input errors cannot be switched off") {
    CHECK(blog.Codes({"--select", "DL5", blog.Path("missing.md")}) == std::vector<std::string>{"DL001@1"});
  }
}

TEST_CASE("severity overrides, per-file-ignores, fail-on and --exit-zero", "[config]") {
  Blog blog;
  const std::string post = blog.Path("_posts/2025-10-28-daily-papers.md");
  blog.Write("_posts/2025-10-27-daily-papers.md", kReference);
  blog.Write(".digestlint.yaml",
             "severity: {DL106: warning, section-order: \"off\", DL302: info}\n"
             "per-file-ignores:\n  \"_posts/2025-10-28-*.md\": [DL3, paper-repeated]\n");
  const auto run = RunDigestlint({"--format", "json", post});
  const auto report = nlohmann::json::parse(run.out);
  REQUIRE(report["diagnostics"].size() == 2);
  CHECK(report["diagnostics"][0]["rule"] == "DL106");
  CHECK(report["diagnostics"][0]["severity"] == "warning");
  CHECK(report["diagnostics"][1]["rule"] == "DL401");
  CHECK(run.status == 1);
  blog.Write(".digestlint.yaml", "severity: {DL302: info}\nignore: [DL106, DL2, DL307, DL401, DL7]\n");
  const auto info = nlohmann::json::parse(RunDigestlint({"--format", "json", post}).out);
  CHECK(info["diagnostics"][0]["severity"] == "info");
  CHECK(RunDigestlint({post}).status == 0);  // an info does not fail
  SECTION("fail-on: warning fails on the reference post's warnings") {
    const std::string reference = blog.Path("_posts/2025-10-27-daily-papers.md");
    CHECK(RunDigestlint({reference}).status == 0);
    blog.Write(".digestlint.yaml", "fail-on: warning\n");
    CHECK(RunDigestlint({reference}).status == 1);
  }
  SECTION("--exit-zero") {
    blog.Write(".digestlint.yaml", "{}\n");
    CHECK(RunDigestlint({post}).status == 1);
    CHECK(RunDigestlint({"--exit-zero", post}).status == 0);
    CHECK(RunDigestlint({"--exit-zero", blog.Path("missing.md")}).status == 2);
  }
}

TEST_CASE("include and exclude, with excludes applied to named files unless --no-force-exclude", "[config]") {
  Blog blog;
  blog.Write("_drafts/2025-10-28-draft.md", kBroken);
  blog.Write("notes/todo.markdown", kBroken);
  blog.Write("notes/readme.txt", kBroken);
  blog.Write(".digestlint.yaml", "include: [\"_posts/*.md\", \"*.markdown\"]\nexclude: [\"_drafts/\"]\n");
  const auto run = RunDigestlint({"--format", "json", blog.root().string()});
  std::set<std::string> paths;
  const auto report = nlohmann::json::parse(run.out);
  for (const auto& d : report["diagnostics"]) paths.insert(d["path"]);
  CHECK(paths ==
        std::set<std::string>{blog.Path("_posts/2025-10-28-daily-papers.md"), blog.Path("notes/todo.markdown")});
  const std::string draft = blog.Path("_drafts/2025-10-28-draft.md");
  CHECK(RunDigestlint({draft}).err == "digestlint: no problems in 0 files\n");
  CHECK(RunDigestlint({"--no-force-exclude", draft}).status == 1);
}

TEST_CASE("schema and schemas keys, and the removed language key names its replacement", "[config]") {
  Blog blog;
  blog.Write("_posts/2025-10-27-daily-papers.md", kReference);
  const std::string reference = blog.Path("_posts/2025-10-27-daily-papers.md");
  blog.Write(".digestlint.yaml", "language: ja\n");
  const auto removed = RunDigestlint({reference});
  CHECK(removed.status == 2);
  CHECK(removed.err == "digestlint: error: " + blog.Path(".digestlint.yaml") +
                           ":1:1: 'language' was removed: the Alphaxiv URL, language segment included, is now the "
                           "schema's (x-digestlint links[].url); see README, \"Describing your blog's format\"\n");
  blog.Write("schemas/weekly.json", ReadFile(SourceDir() / "tests/schemas/weekly-notes.schema.json"));
  blog.Write(".digestlint.yaml", "schema: schemas/weekly.json\n");
  std::vector<std::string> codes = blog.Codes({reference});
  CHECK(codes.front() == "DL104@3");  // the title is not "Weekly Notes — ..."

  // One schema per glob; a file no glob claims is not a digest and is not linted.
  blog.Write("_posts/2025-11-02-weekly-notes.md", ReadFile(SourceDir() / "tests/fixtures/custom_schema/clean.md"));
  blog.Write("_posts/2025-11-03-about.md", "# About this blog\n");
  blog.Write(".digestlint.yaml",
             "schemas:\n  - files: \"*-weekly-notes.md\"\n    schema: schemas/weekly.json\n"
             "  - files: [\"*-daily-papers.md\"]\n    schema: " +
                 (SourceDir() / "schemas/daily-papers.schema.json").string() + "\n");
  int status = -1;
  codes = blog.Codes({blog.root().string()}, &status);
  const auto run = RunDigestlint({"--format", "json", blog.root().string()});
  const nlohmann::json report = nlohmann::json::parse(run.out);
  std::set<std::string> linted;
  for (const auto& d : report["diagnostics"]) linted.insert(d["path"]);
  INFO(run.err);
  // The weekly post is clean under its own schema; the daily ones have their known problems.
  CHECK(linted == std::set<std::string>{blog.Path("_posts/2025-10-27-daily-papers.md"),
                                        blog.Path("_posts/2025-10-28-daily-papers.md")});
  CHECK(report["files"] == 3);  // not about.md
  CHECK(RunDigestlint({blog.Path("_posts/2025-11-03-about.md")}).err == "digestlint: no problems in 0 files\n");

  blog.Write(".digestlint.yaml", "schema: a.json\nschemas:\n  - files: x\n    schema: b.json\n");
  CHECK(Contains(RunDigestlint({reference}).err, ":2:1: use either 'schema' (one schema for every post) or 'schemas'"));
}

TEST_CASE("invalid configurations are exit 2 with file:line:col", "[config]") {
  Blog blog;
  const std::string post = blog.Path("_posts/2025-10-28-daily-papers.md");
  const std::string config = blog.Path(".digestlint.yaml");
  const auto error_for = [&](const std::string& text) {
    blog.Write(".digestlint.yaml", text);
    const auto run = RunDigestlint({post});
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    return run.err;
  };
  CHECK(error_for("ignore: [DL106]\nselct: [DL1]\n") ==
        "digestlint: error: " + config + ":2:1: unknown key 'selct' (did you mean 'select'?)\n");
  CHECK(error_for("fail-on: warnings\n") ==
        "digestlint: error: " + config +
            ":1:1: 'fail-on' is \"warnings\" but must be one of: \"error\", \"warning\"\n");
  CHECK(error_for("ignore: DL106\n") ==
        "digestlint: error: " + config + ":1:1: 'ignore' must be a list but is a string\n");
  CHECK(error_for("select: [DL1]\nignore: [DL2O1]\n") ==
        "digestlint: error: " + config + ":2:1: unknown rule 'DL2O1' (did you mean 'DL201'?)\n");
  CHECK(error_for("severity: {title-whitespce: error}\n") ==
        "digestlint: error: " + config + ":1:1: unknown rule 'title-whitespce' (did you mean 'title-whitespace'?)\n");
  CHECK(error_for("ignore: [DL106\n") ==
        "digestlint: error: " + config + ":1:16: not valid YAML: end of sequence flow not found\n");
  CHECK(RunDigestlint({"--no-config", "--ignore", "DL99", post}).err ==
        "digestlint: error: --ignore: unknown rule 'DL99'\n");
}

TEST_CASE("inline suppressions silence diagnostics by line, range and file", "[suppressions]") {
  Blog blog;
  std::string post = kBroken;
  post.replace(post.find("# 3. [Model"), 0, "<!-- digestlint-disable-next-line paper-numbering -->\n");
  post.replace(
      post.find("> [Alphaxiv](https://www.alphaxiv.org/ko/overview/2510.21270)\n\n## Introduction\n- Goal: merge"), 0,
      "<!-- digestlint-disable DL307 -->\n");
  post += "<!-- digestlint-enable DL307 -->\n<!-- digestlint-disable-file DL106 -->\n";
  blog.Write("_posts/2025-10-28-daily-papers.md", post);
  CHECK(blog.Codes({blog.Path("_posts/2025-10-28-daily-papers.md")}) ==
        std::vector<std::string>{"DL302@11", "DL202@46"});
}

const char* const kSubstitution = R"(id: BLOG001
name: say-paper
message: "Say '{replacement}', not '{match}'"
severity: warning
scope: section:Method
kind: substitution
ignore-case: true
swap: {"\\bPDFs?\\b": "paper"}
)";

TEST_CASE("custom rules: every kind and scope, with selection, severity, suppression and fixes", "[custom-rules]") {
  Blog blog;
  blog.Write("styles/say-paper.yml", kSubstitution);
  blog.Write("styles/no-draft.yml",
             "id: BLOG002\nmessage: \"'{match}' in a title\"\nscope: title\nkind: existence\npattern: '(?i)draft'\n"
             "severity: error\n");
  blog.Write("styles/needs-goal.yml",
             "id: BLOG003\nmessage: Introduction needs a goal\nscope: section:Introduction\nkind: required\n"
             "pattern: 'Goal:'\n");
  blog.Write("styles/heading.yml", "id: BLOG004\nmessage: no colon\nscope: heading\nkind: existence\npattern: ':'\n");
  blog.Write("styles/tags.yml",
             "id: BLOG005\nmessage: typo {match}\nscope: front-matter:tags\nkind: substitution\nswap: {hugginface: "
             "huggingface}\n");
  blog.Write("styles/body.yml", "id: BLOG006\nmessage: TODO left\nscope: body\nkind: existence\npattern: TODO\n");
  blog.Write(".digestlint.yaml", "select: [BLOG]\ncustom-rules: [\"styles/*.yml\"]\n");
  std::string post = kBroken;
  post.replace(post.find("Segmented permutation"), 0, "The PDF shows it. ");
  post.replace(post.find("# 3. [Model Merging"), 12, "# 3. [Draft Merging");
  post.replace(post.find("- Goal: merge"), 13, "- Aim: merge");
  post += "\nTODO\n";
  blog.Write("_posts/2025-10-28-daily-papers.md", post);
  const std::string file = blog.Path("_posts/2025-10-28-daily-papers.md");
  // tags (front matter), ':' in headings, PDF in Method, Draft in a title, Introduction without Goal:, TODO.
  CHECK(blog.Codes({file}) == std::vector<std::string>{"BLOG005@5", "BLOG004@11", "BLOG001@21", "BLOG002@32",
                                                       "BLOG004@32", "BLOG003@36", "BLOG006@53"});
  const auto run = RunDigestlint({"--format", "json", "--select", "BLOG001,BLOG002", file});
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report["diagnostics"][0]["message"] == "Say 'paper', not 'PDF'");
  CHECK(report["diagnostics"][0]["severity"] == "warning");
  CHECK(report["diagnostics"][0]["fixable"] == true);
  CHECK(report["diagnostics"][1]["message"] == "'Draft' in a title");
  SECTION("severity override and suppression work as for built-ins") {
    blog.Write(".digestlint.yaml",
               "select: [BLOG001]\nseverity: {say-paper: error}\ncustom-rules: [\"styles/*.yml\"]\n");
    CHECK(nlohmann::json::parse(RunDigestlint({"--format", "json", file}).out)["diagnostics"][0]["severity"] ==
          "error");
    std::string suppressed = post;
    suppressed.replace(suppressed.find("The PDF"), 0, "<!-- digestlint-disable-next-line BLOG001 -->\n");
    blog.Write("_posts/2025-10-28-daily-papers.md", suppressed);
    CHECK(blog.Codes({file}).empty());
  }
  SECTION("the substitution is a safe fix") {
    blog.Write(".digestlint.yaml", "select: [BLOG001, BLOG005]\ncustom-rules: [\"styles/*.yml\"]\n");
    CHECK(RunDigestlint({"--fix", file}).status == 0);
    const std::string fixed = ReadFile(file);
    CHECK(fixed.find("The paper shows it.") != std::string::npos);
    CHECK(fixed.find("tags: [papers, huggingface]") != std::string::npos);
  }
  SECTION("rules and explain list custom rules like built-ins") {
    const fs::path previous = fs::current_path();
    fs::current_path(blog.root());
    const auto rules = RunDigestlint({"rules"});
    const auto explain = RunDigestlint({"explain", "say-paper"});
    fs::current_path(previous);
    CHECK(rules.out.find("BLOG001 say-paper") != std::string::npos);
    CHECK(explain.out.rfind("# BLOG001 say-paper\n\nDefault severity: **warning**.", 0) == 0);
    CHECK(explain.out.find("Safe fix: replaces each match") != std::string::npos);
  }
}

TEST_CASE("invalid custom rules are exit 2 naming the file and line", "[custom-rules]") {
  Blog blog;
  const std::string post = blog.Path("_posts/2025-10-28-daily-papers.md");
  blog.Write(".digestlint.yaml", "custom-rules: [styles/rule.yml]\n");
  const std::string rule = blog.Path("styles/rule.yml");
  const auto error_for = [&](const std::string& text) {
    blog.Write("styles/rule.yml", text);
    const auto run = RunDigestlint({post});
    CHECK(run.status == 2);
    return run.err;
  };
  const std::string base = "id: BLOG001\nmessage: m\nscope: body\n";
  CHECK(error_for(base + "kind: existence\npattern: '(unclosed'\n") ==
        "digestlint: error: " + rule + ":5:1: invalid pattern /(unclosed/: missing ): (unclosed\n");
  CHECK(error_for(base + "kind: forbid\npattern: x\n") ==
        "digestlint: error: " + rule +
            ":4:1: 'kind' is \"forbid\" but must be one of: \"existence\", \"required\", \"substitution\"\n");
  CHECK(error_for("id: BLOG001\nmessage: m\nscope: paragraph\nkind: existence\npattern: x\n") ==
        "digestlint: error: " + rule +
            ":3:1: 'scope' is \"paragraph\" but must be of the form title, heading, body, section:NAME or "
            "front-matter:KEY\n");
  CHECK(error_for("id: BLOG001\nscope: body\nkind: existence\npattern: x\n") ==
        "digestlint: error: " + rule + ":1:1: missing required key 'message'\n");
  CHECK(error_for(base + "kind: existence\n") ==
        "digestlint: error: " + rule + ":4:1: an existence rule needs 'pattern'\n");
  CHECK(error_for("id: DL900\nmessage: m\nscope: body\nkind: existence\npattern: x\n") ==
        "digestlint: error: " + rule + ":1:1: the DL prefix is reserved for built-in rules\n");
  // RE2's memory budget, then digestlint's program-size cap.
  CHECK(error_for(base + "kind: existence\npattern: '\\pL{1000}'\n") ==
        "digestlint: error: " + rule + ":5:1: invalid pattern /\\pL{1000}/: pattern too large - compile failed\n");
  CHECK(error_for(base + "kind: existence\npattern: '(abcdefghijklmnopqrstuvwxy){900}'\n") ==
        "digestlint: error: " + rule +
            ":5:1: pattern /(abcdefghijklmnopqrstuvwxy){900}/ is too complex (program size 24304, limit 20000)\n");
}

TEST_CASE("rules, explain and config subcommands", "[config][cli]") {
  const auto rules = RunDigestlint({"rules", "--no-config"});
  CHECK(rules.status == 0);
  CHECK(rules.out.find("DL401  paper-numbering           error     safe    Paper numbers skip or repeat\n") !=
        std::string::npos);
  const auto json = nlohmann::json::parse(RunDigestlint({"rules", "--format", "json", "--no-config"}).out);
  CHECK(json[0] == nlohmann::json{{"code", "DL001"},
                                  {"name", "unreadable-file"},
                                  {"severity", "error"},
                                  {"fix", "none"},
                                  {"summary", "The path does not exist or cannot be read as a file"}});
  CHECK(RunDigestlint({"explain", "DL401", "--no-config"}).out.rfind("# DL401 paper-numbering\n", 0) == 0);
  const auto unknown = RunDigestlint({"explain", "paper-numbring", "--no-config"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "digestlint: error: unknown rule 'paper-numbring' (did you mean 'paper-numbering'?)\n");
  Blog blog;
  blog.Write(".digestlint.yaml", "ignore: [DL207]\n");
  const auto config = RunDigestlint({"config", blog.Path("_posts")});
  CHECK(config.out.find("ignore: [\"DL207\"]  # " + blog.Path(".digestlint.yaml")) != std::string::npos);
  CHECK(config.out.find("select: [\"ALL\"]  # default") != std::string::npos);
}

TEST_CASE("option --statistics counts diagnostics per rule and --quiet drops the summary", "[cli]") {
  const std::string post = (SourceDir() / "examples/2025-10-27-daily-papers.md").string();
  const auto stats = RunDigestlint({"--no-config", "--statistics", post});
  CHECK(stats.out ==
        "    2  DL207  bullet-labels             warning \n"
        "    4  DL501  title-whitespace          warning [*]\n");
  const auto quiet = RunDigestlint({"--no-config", "--quiet", "--format", "concise", post});
  CHECK(quiet.err.empty());
  CHECK(std::count(quiet.out.begin(), quiet.out.end(), '\n') == 6);
}

}  // namespace
}  // namespace digestlint

namespace digestlint {
namespace {

// README's walkthrough: examples/.digestlint.yaml and examples/styles/.
TEST_CASE("the example configuration and custom rule do what the README says", "[config][example]") {
  const std::string examples = (SourceDir() / "examples").string();
  const auto run = RunDigestlint({"--format", "json", examples});
  CHECK(run.status == 1);
  const auto report = nlohmann::json::parse(run.out);
  std::vector<std::string> found;
  for (const auto& d : report["diagnostics"]) {
    found.push_back(d["rule"].get<std::string>() + "@" + std::to_string(d["line"].get<int>()) + " " +
                    d["severity"].get<std::string>());
  }
  CHECK(found == std::vector<std::string>{"BLOG001@5 warning", "DL501@10 warning", "DL207@58 info", "DL501@100 warning",
                                          "DL207@104 info", "DL501@123 warning", "DL501@146 warning", "DL106@3 error",
                                          "BLOG001@5 warning", "DL701@11 error", "DL302@11 error", "DL701@32 error",
                                          "DL401@32 error", "DL307@34 error", "DL202@44 error"});
  CHECK(run.err ==
        "digestlint: 7 errors, 6 warnings, 2 infos in 2 files; 8 fixable with --fix, 3 more with "
        "--unsafe-fixes\n");
}

}  // namespace
}  // namespace digestlint
