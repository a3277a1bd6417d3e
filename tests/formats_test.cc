// Output formats: golden files for concise, github and junit (with text that
// needs escaping), SARIF validated against the official schema, GitLab and
// rdjson against their documented fields, streaming, text that is not UTF-8,
// and -o.
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "json_schema.h"
#include "reporter.h"
#include "rule.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;

const char* const kGoldenPost = "escaping, 100%: post.md";

// Runs digestlint from tests/golden, so the report names the post as written.
testing::CliRun RunInGolden(std::vector<std::string> args) {
  const fs::path previous = fs::current_path();
  fs::current_path(SourceDir() / "tests/golden");
  args.emplace_back(kGoldenPost);
  const auto run = RunDigestlint(args);
  fs::current_path(previous);
  return run;
}

TEST_CASE("concise, github and junit match their golden files", "[formats]") {
  for (const char* format : {"concise", "github", "junit"}) {
    DYNAMIC_SECTION(format) {
      const auto run = RunInGolden({"--format", format});
      CHECK(run.status == 1);
      CHECK(run.out == ReadFile(SourceDir() / "tests/golden" / (std::string("escaping.") + format)));
    }
  }
}

// A diagnostic of a made-up rule, for text no real post produces.
LocatedDiagnostic Synthetic(const std::string& path, Position start, Position end, Severity severity,
                            const std::string& message) {
  static const RuleInfo kRule{"DL999", "test-rule", Severity::kWarning, FixAvailability::kNone, "test"};
  LocatedDiagnostic d;
  d.path = path;
  d.start = start;
  d.end = end;
  d.rule = &kRule;
  d.severity = severity;
  d.message = message;
  return d;
}

TEST_CASE("github annotations escape %, CR and LF in messages, and : and , in properties", "[formats]") {
  const LocatedDiagnostic d =
      Synthetic("a,b:c%.md", {2, 3}, {2, 5}, Severity::kWarning, "line one\r\nline two: 50%, done");
  std::ostringstream out;
  WriteReport(*FindFormat("github"), out, Report{{d.path}, {d}, false});
  CHECK(out.str() ==
        "::warning file=a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=5,title=DL999 test-rule::"
        "line one%0D%0Aline two: 50%25, done\n");
}

TEST_CASE("junit keeps every message, escapes XML and makes control characters visible", "[formats]") {
  const LocatedDiagnostic error = Synthetic("b.md", {1, 1}, {1, 2}, Severity::kError, "<&\"'>\x01");
  const LocatedDiagnostic info = Synthetic("b.md", {2, 1}, {2, 2}, Severity::kInfo, "just so you know");
  std::ostringstream out;
  WriteReport(*FindFormat("junit"), out, Report{{"a.md", "b.md"}, {error, info}, false});
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"digestlint\">\n"
        "  <testsuite name=\"a.md\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
        "    <testcase name=\"no problems\" classname=\"a.md\"/>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"b.md\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
        "    <testcase name=\"DL999 test-rule at 1:1\" classname=\"b.md\">\n"
        "      <failure type=\"DL999\" message=\"&lt;&amp;&quot;&apos;&gt;\\x01\">b.md:1:1: error[DL999 test-rule] "
        "&lt;&amp;&quot;&apos;&gt;\\x01</failure>\n"
        "    </testcase>\n"
        "    <testcase name=\"DL999 test-rule at 2:1\" classname=\"b.md\">\n"
        "      <system-out>b.md:2:1: info[DL999 test-rule] just so you know</system-out>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("SARIF output describes every rule and every result with its fix", "[formats][sarif]") {
  const auto run = RunDigestlint(
      {"--no-config", "--format", "sarif", (SourceDir() / "examples/2025-10-28-daily-papers.md").string()});
  CHECK(run.status == 1);
  const auto sarif = nlohmann::json::parse(run.out);
  CHECK(sarif["version"] == "2.1.0");
  const auto& driver = sarif["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "digestlint");
  CHECK(driver["rules"].size() == BuiltinRules().size());
  int dl307_index = -1;
  for (size_t i = 0; i < driver["rules"].size(); ++i) {
    if (driver["rules"][i]["id"] == "DL307") dl307_index = static_cast<int>(i);
  }
  REQUIRE(dl307_index >= 0);
  const auto& dl307 = driver["rules"][static_cast<size_t>(dl307_index)];
  CHECK(dl307["id"] == "DL307");
  CHECK(dl307["name"] == "link-id-mismatch");
  CHECK(dl307["defaultConfiguration"]["level"] == "error");
  CHECK(dl307["fullDescription"]["text"].get<std::string>().rfind(
            "A link whose kind has `same-id-as` carries another identifier", 0) == 0);
  const auto& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 5);
  const auto& mismatch = results[3];
  CHECK(mismatch["ruleId"] == "DL307");
  CHECK(mismatch["ruleIndex"] == dl307_index);
  CHECK(mismatch["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 34}, {"startColumn", 14}, {"endLine", 34}, {"endColumn", 61}});
  CHECK(mismatch["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] ==
        "https://www.alphaxiv.org/ko/overview/2510.21223");
  CHECK(results[0]["ruleId"] == "DL106");
  CHECK(results[0]["fixes"][0]["description"]["text"] == "unsafe fix for DL106");
}

TEST_CASE("SARIF output validates against the official SARIF 2.1.0 schema", "[formats][sarif]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared is not on this machine: skipped validating SARIF against the official schema");
    return;
  }
  TempDir dir;
  const fs::path report = dir.path() / "report.sarif";
  // Every kind of result: errors, warnings, fixes, an unreadable path, a path that needs escaping.
  testing::WriteFile(dir.path() / "a b#.md", ReadFile(SourceDir() / "examples/2025-10-27-daily-papers.md"));
  const auto run = RunDigestlint({"--no-config", "--format", "sarif", "-o", report.string(),
                                  (SourceDir() / "examples/2025-10-28-daily-papers.md").string(),
                                  (dir.path() / "a b#.md").string(), (dir.path() / "missing.md").string()});
  CHECK(run.status == 2);
  CHECK(run.out.find("error[DL307 link-id-mismatch]") != std::string::npos);  // the readable log
  const std::string command =
      "/usr/bin/python3 -c 'import json, sys, jsonschema; "
      "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' '" +
      report.string() + "' '" + (*shared / "schemas/sarif-schema-2.1.0.json").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  const auto sarif = nlohmann::json::parse(ReadFile(report));
  std::set<std::string> uris;
  for (const auto& result : sarif["runs"][0]["results"]) {
    uris.insert(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
  }
  CHECK(uris.count("file://" + dir.path().string() + "/a%20b%23.md") == 1);
}

TEST_CASE("option -o writes the report to a file and keeps a readable log on stdout", "[formats]") {
  TempDir dir;
  const fs::path report = dir.path() / "report.json";
  const auto run = RunDigestlint({"--no-config", "--format=json", "--output", report.string(),
                                  (SourceDir() / "examples/2025-10-28-daily-papers.md").string()});
  CHECK(run.status == 1);
  CHECK(nlohmann::json::parse(ReadFile(report))["diagnostics"].size() == 5);
  CHECK(run.out.find(":34:14: error[DL307 link-id-mismatch]") != std::string::npos);
  CHECK(run.err.find("digestlint: 5 errors") != std::string::npos);
  const auto unwritable =
      RunDigestlint({"--no-config", "--format=json", "-o", (dir.path() / "no/such/dir.json").string(),
                     (SourceDir() / "examples/2025-10-28-daily-papers.md").string()});
  CHECK(unwritable.status == 2);
  CHECK(unwritable.err.find("cannot write the report to") != std::string::npos);
}

// The structured formats stream file by file; their bytes must be exactly
// what nlohmann's dump(2) makes of the whole document.
TEST_CASE("streamed JSON formats have the bytes of a whole-document dump", "[formats][streaming]") {
  TempDir dir;
  testing::WriteFile(dir.path() / "clean.md", ReadFile(SourceDir() / "examples/2025-10-27-daily-papers.md"));
  for (const char* format : {"json", "sarif", "gitlab", "rdjson"}) {
    for (const std::vector<std::string>& posts :
         {std::vector<std::string>{(SourceDir() / "examples/2025-10-28-daily-papers.md").string(),
                                   (dir.path() / "clean.md").string(), (dir.path() / "missing.md").string()},
          std::vector<std::string>{(dir.path() / "clean.md").string()}}) {
      std::vector<std::string> args = {"--no-config", "--select=DL1,DL3,DL4,DL0", "--format", format};
      args.insert(args.end(), posts.begin(), posts.end());
      const auto run = RunDigestlint(args);
      INFO(format << " on " << posts.size() << " posts");
      CHECK(run.out == nlohmann::ordered_json::parse(run.out).dump(2) + "\n");
    }
  }
  const auto stats = RunDigestlint(
      {"--no-config", "--statistics", "--format=json", (SourceDir() / "examples/2025-10-28-daily-papers.md").string()});
  CHECK(stats.out == nlohmann::ordered_json::parse(stats.out).dump(2) + "\n");
  CHECK(RunDigestlint({"--no-config", "--select=DL1", "--format=json", (dir.path() / "clean.md").string()}).out ==
        "{\n  \"version\": 1,\n  \"files\": 1,\n  \"diagnostics\": []\n}\n");
}

// Text that is not UTF-8 must never crash the JSON formats: nlohmann throws on
// it unless told to replace it (the title's YAML escape and a file name).
TEST_CASE("json, sarif, gitlab and rdjson survive text that is not UTF-8", "[formats][regression]") {
  TempDir dir;
  const fs::path bad_name = dir.path() / "caf\xe9.md";
  testing::WriteFile(bad_name, ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md"));
  const std::string title = (SourceDir() / "tests/regressions/title-backslash-before-non-ascii.md").string();
  for (const char* format : {"json", "sarif", "gitlab", "rdjson", "junit", "human", "concise", "github"}) {
    DYNAMIC_SECTION(format) {
      const auto run = RunDigestlint({"--no-config", "--format", format, bad_name.string(), title});
      CHECK(run.status == 2);  // the title's front matter is not YAML (DL103)
      CHECK(run.err ==
            "digestlint: 6 errors, 0 warnings in 2 files (1 file could not be linted); 2 fixable with --fix, "
            "3 more with --unsafe-fixes\n");
      if (std::string(format) == "json" || std::string(format) == "sarif" || std::string(format) == "gitlab" ||
          std::string(format) == "rdjson") {
        const auto report = nlohmann::json::parse(run.out);  // valid JSON, invalid bytes as U+FFFD
        // SARIF names files by URI: the byte is percent-encoded there.
        CHECK(run.out.find(std::string(format) == "sarif" ? "caf%E9.md" : "caf\xef\xbf\xbd.md") != std::string::npos);
        CHECK(run.out.find("unknown escape character: \xef\xbf\xbd") != std::string::npos);
        CHECK(run.out.find("caf\xe9") == std::string::npos);
      } else {  // people read these: the bytes are shown escaped
        CHECK(run.out.find("caf\\xe9.md") != std::string::npos);
        CHECK(run.out.find("unknown escape character: \\xe2") != std::string::npos);
        CHECK(run.out.find("\xe9") == std::string::npos);
      }
    }
  }
}

std::vector<SchemaViolation> Validate(const std::string& schema_file, const nlohmann::json& document) {
  const JsonSchema schema(nlohmann::json::parse(ReadFile(SourceDir() / "tests/schemas/formats" / schema_file)));
  return schema.Validate(document, "the report");
}

std::string Describe(const std::vector<SchemaViolation>& violations) {
  std::string text;
  for (const SchemaViolation& v : violations) text += v.pointer + ": " + v.message + "\n";
  return text;
}

TEST_CASE("gitlab output has GitLab's documented fields and stable, distinct fingerprints", "[formats][gitlab]") {
  TempDir dir;
  fs::create_directories(dir.path() / ".git");  // a repository: paths are relative to its root
  fs::create_directories(dir.path() / "_posts");
  const std::string post = ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md");
  testing::WriteFile(dir.path() / "_posts/2025-10-28-daily-papers.md", post);
  std::string twice = post;  // the same finding twice in one file: two fingerprints
  twice.replace(twice.find("Better merged accuracy"), 6, "Better  merged");
  twice.replace(twice.find("Anchors cost"), 7, "Anchors  cost");
  testing::WriteFile(dir.path() / "_posts/2025-10-29-daily-papers.md", twice);
  const std::vector<std::string> args = {"--no-config", "--format=gitlab",
                                         (dir.path() / "_posts/2025-10-28-daily-papers.md").string(),
                                         (dir.path() / "_posts/2025-10-29-daily-papers.md").string()};
  const auto run = RunDigestlint(args);
  CHECK(run.status == 1);
  const auto issues = nlohmann::json::parse(run.out);
  INFO(run.out);
  CHECK(Describe(Validate("gitlab-code-quality.schema.json", issues)).empty());
  REQUIRE(issues.size() >= 10);
  const auto& mismatch = issues[3];
  CHECK(mismatch["description"] ==
        "Alphaxiv link is for 2510.21270 but the paper's arXiv link is for 2510.21223 (a line pasted under the wrong "
        "paper?)");
  CHECK(mismatch["check_name"] == "DL307");
  CHECK(mismatch["severity"] == "major");
  const nlohmann::json location = {{"path", "_posts/2025-10-28-daily-papers.md"}, {"lines", {{"begin", 34}}}};
  CHECK(mismatch["location"] == location);
  std::set<std::string> fingerprints;
  for (const auto& issue : issues) {
    CHECK(issue["location"]["path"].get<std::string>().rfind("_posts/", 0) == 0);  // no ./ and no absolute path
    fingerprints.insert(issue["fingerprint"]);
  }
  CHECK(fingerprints.size() == issues.size());                      // different for different findings
  CHECK(nlohmann::json::parse(RunDigestlint(args).out) == issues);  // stable across runs
  for (const auto& issue : issues) {
    if (issue["check_name"] == "DL501") CHECK(issue["severity"] == "minor");
  }
}

TEST_CASE("rdjson output is reviewdog's DiagnosticResult, with byte columns and suggestions", "[formats][rdjson]") {
  TempDir dir;
  std::string post = ReadFile(SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md");
  post.replace(post.find("A Study of Things"), 17, "한국어  제목");
  testing::WriteFile(dir.path() / "p.md", post);
  const auto run = RunDigestlint({"--no-config", "--format=rdjson", (dir.path() / "p.md").string(),
                                  (SourceDir() / "examples/2025-10-28-daily-papers.md").string()});
  CHECK(run.status == 1);
  const auto result = nlohmann::json::parse(run.out);
  INFO(run.out);
  CHECK(Describe(Validate("rdjson.schema.json", result)).empty());
  CHECK(result["source"]["name"] == "digestlint");
  const auto& whitespace = result["diagnostics"][0];
  // Columns count UTF-8 bytes: "# 1. [" is 6 bytes and 한국어 9.
  const nlohmann::json range = {{"start", {{"line", 9}, {"column", 16}}}, {"end", {{"line", 9}, {"column", 18}}}};
  const nlohmann::json location = {{"path", (dir.path() / "p.md").string()}, {"range", range}};
  CHECK(whitespace["location"] == location);
  CHECK(whitespace["severity"] == "WARNING");
  CHECK(whitespace["code"]["value"] == "DL501");
  CHECK(whitespace["code"]["url"] ==
        std::string(DIGESTLINT_REPOSITORY_URL) + "/blob/v" + DIGESTLINT_VERSION + "/rules/DL501_title_whitespace.md");
  const nlohmann::json suggestion = {{"range", range}, {"text", " "}};
  CHECK(whitespace["suggestions"] == nlohmann::json::array({suggestion}));
  size_t errors = 0;
  for (const auto& d : result["diagnostics"]) errors += d["severity"] == "ERROR";
  CHECK(errors == 5);
}

TEST_CASE("SARIF links each built-in rule to its page and holds no path of the machine", "[formats][sarif]") {
  TempDir dir;
  fs::create_directories(dir.path() / ".git");
  fs::create_directories(dir.path() / "_posts");
  fs::create_directories(dir.path() / "styles");
  testing::WriteFile(dir.path() / "_posts/2025-10-28-daily-papers.md",
                     ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md"));
  testing::WriteFile(dir.path() / "styles/huggingface.yml", ReadFile(SourceDir() / "examples/styles/huggingface.yml"));
  testing::WriteFile(dir.path() / ".digestlint.yaml", "custom-rules: [\"styles/*.yml\"]\n");
  const auto run = RunDigestlint({"--format=sarif", (dir.path() / "_posts/2025-10-28-daily-papers.md").string()});
  CHECK(run.status == 1);
  CHECK(run.out.find(dir.path().string()) == std::string::npos);
  const auto sarif = nlohmann::json::parse(run.out);
  const auto& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == BuiltinRules().size() + 1);
  CHECK(rules[0]["helpUri"] ==
        std::string(DIGESTLINT_REPOSITORY_URL) + "/blob/v" + DIGESTLINT_VERSION + "/rules/DL001_unreadable_file.md");
  const auto& custom = rules[BuiltinRules().size()];
  CHECK(custom["id"] == "BLOG001");
  CHECK_FALSE(custom.contains("helpUri"));
  CHECK(custom["help"]["text"].get<std::string>().find("Custom rule from `huggingface.yml`") != std::string::npos);
  for (const auto& result : sarif["runs"][0]["results"]) {
    const nlohmann::json artifact = {{"uri", "_posts/2025-10-28-daily-papers.md"}, {"uriBaseId", "%SRCROOT%"}};
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"] == artifact);
  }
  CHECK(sarif["runs"][0]["results"][1]["ruleId"] == "BLOG001");
  CHECK(sarif["runs"][0]["results"][1]["ruleIndex"] == BuiltinRules().size());
}

}  // namespace
}  // namespace digestlint
