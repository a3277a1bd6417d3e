// Output formats: golden files for concise, github and junit (with text that
// needs escaping), SARIF validated against the official schema, and -o.
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
  WriteGithub(out, Report{{d.path}, {d}, false});
  CHECK(out.str() ==
        "::warning file=a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=5,title=DL999 test-rule::"
        "line one%0D%0Aline two: 50%25, done\n");
}

TEST_CASE("junit has a passing testcase for a clean file and escapes XML", "[formats]") {
  const LocatedDiagnostic d = Synthetic("b.md", {1, 1}, {1, 2}, Severity::kError, "<&\"'>\x01");
  std::ostringstream out;
  WriteJunit(out, Report{{"a.md", "b.md"}, {d}, false});
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"digestlint\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
        "  <testsuite name=\"a.md\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
        "    <testcase name=\"no problems\" classname=\"a.md\"/>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"b.md\" tests=\"1\" failures=\"1\" errors=\"0\">\n"
        "    <testcase name=\"DL999 test-rule at 1:1\" classname=\"b.md\">\n"
        "      <failure type=\"DL999\" message=\"&lt;&amp;&quot;&apos;&gt;\">b.md:1:1: error[DL999 test-rule] "
        "&lt;&amp;&quot;&apos;&gt;</failure>\n"
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

}  // namespace
}  // namespace digestlint
