// Every rule's documentation is compiled in and its examples are true: the
// "Example" post triggers exactly that rule, the "Use instead" post lints clean.
#include <ctime>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "linter.h"
#include "rule.h"
#include "site.h"
#include "test_support.h"

namespace digestlint {
namespace {

// The first ```markdown block after `heading`, or nullopt.
std::optional<std::string> CodeBlockAfter(std::string_view doc, std::string_view heading) {
  const size_t section = doc.find(heading);
  if (section == std::string_view::npos) return std::nullopt;
  const std::string_view fence = "```markdown\n";
  const size_t start = doc.find(fence, section);
  if (start == std::string_view::npos) return std::nullopt;
  const size_t end = doc.find("\n```", start + fence.size());
  return std::string(doc.substr(start + fence.size(), end - start - fence.size() + 1));
}

// An example introduced by "File `PATH` in a Jekyll site:" is linted as that
// document of a site with Jekyll's default configuration; others as example.md.
std::vector<LocatedDiagnostic> LintExample(std::string_view doc, std::string_view heading, const std::string& post) {
  const size_t section = doc.find(heading);
  const size_t fence = doc.find("```markdown", section);
  const std::string_view lead = doc.substr(section, fence - section);
  const std::string marker = "File `";
  const size_t file = lead.find(marker);
  if (file == std::string_view::npos || lead.find("` in a Jekyll site:") == std::string_view::npos) {
    return LintBytes("example.md", post, Schema::Default());
  }
  const std::string path(
      lead.substr(file + marker.size(), lead.find('`', file + marker.size()) - file - marker.size()));
  LintSettings settings;
  settings.jekyll = JekyllSite::WithDefaultConfig("/site", std::time(nullptr)).Document(path);
  REQUIRE(settings.jekyll);
  return LintBytes(path, post, settings);
}

TEST_CASE("every rule is documented with the same sections", "[docs]") {
  std::set<std::string> codes;
  for (const Rule* rule : BuiltinRules()) {
    const std::string code(rule->info.code);
    DYNAMIC_SECTION(code) {
      CHECK(codes.insert(code).second);
      const std::string doc = RuleDocumentation(rule->info);
      REQUIRE_FALSE(doc.empty());
      CHECK(doc.rfind("# " + code + " " + std::string(rule->info.name) + "\n", 0) == 0);
      CHECK(doc.find("Default severity: **" + std::string(SeverityName(rule->info.severity)) + "**") !=
            std::string_view::npos);
      for (const char* heading : {"\n## What it checks\n", "\n## Why it matters\n", "\n## Fix\n"}) {
        INFO(heading);
        CHECK(doc.find(heading) != std::string_view::npos);
      }
      // The Fix section says what the rule declares.
      const char* fix_phrase = rule->info.fix == FixAvailability::kSafe ? "\n## Fix\n\nSafe fix: "
                               : rule->info.fix == FixAvailability::kUnsafe
                                   ? "\n## Fix\n\nUnsafe fix (`--unsafe-fixes`): "
                                   : "\n## Fix\n\nNot fixable";
      INFO(fix_phrase);
      CHECK(doc.find(fix_phrase) != std::string_view::npos);
    }
  }
  CHECK(std::is_sorted(codes.begin(), codes.end()));
}

// The declaration is the one place for a rule's code, name, severity and fix:
// its documentation file holds prose only, and its file name gives the code
// the registry (generated from the file names) expects.
TEST_CASE("rule files hold their declaration once: code from the file name, prose-only docs", "[docs]") {
  namespace fs = std::filesystem;
  std::set<std::string> declared;
  for (const Rule* rule : BuiltinRules()) declared.insert(std::string(rule->info.code));
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() / "rules")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("DL", 0) != 0) continue;
    const std::string code = name.substr(0, name.find('_'));
    files.insert(code);
    if (entry.path().extension() == ".md") {
      INFO(name);
      CHECK(testing::ReadFile(entry.path()).rfind("## What it checks\n", 0) == 0);
    }
    if (entry.path().extension() == ".cc") {
      INFO(name);
      const std::string source = testing::ReadFile(entry.path());
      CHECK(testing::Contains(source, "const Rule kRule_" + code + "{"));
      CHECK(testing::Contains(source, "{\"" + code + "\", "));
    }
  }
  CHECK(files == declared);
}

TEST_CASE("documented examples trigger exactly their rule, and the fixed ones nothing", "[docs]") {
  for (const Rule* rule : BuiltinRules()) {
    const std::string doc = RuleDocumentation(rule->info);
    const std::optional<std::string> failing = CodeBlockAfter(doc, "\n## Example\n");
    const std::optional<std::string> passing = CodeBlockAfter(doc, "\n## Use instead\n");
    DYNAMIC_SECTION(rule->info.code) {
      // Bytes that are not a readable post, and a post with over 1,000 problems (DL006), make no example.
      if (rule->info.file_rule || rule->info.code == "DL006") {
        CHECK_FALSE(failing);
        continue;
      }
      if (rule->blog_check) continue;  // several posts: the next test
      REQUIRE(failing);
      REQUIRE(passing);
      std::set<std::string> failing_rules;
      for (const auto& d : LintExample(doc, "\n## Example\n", *failing))
        failing_rules.insert(std::string(d.rule->code));
      CHECK(failing_rules == std::set<std::string>{std::string(rule->info.code)});
      const auto clean = LintExample(doc, "\n## Use instead\n", *passing);
      CHECK(clean.empty());
    }
  }
}

// A cross-post rule's example is a small site: files named in backticks, each
// followed by its block (```markdown for posts, ```yaml for .digestlint.yaml).
std::vector<std::pair<std::string, std::string>> SiteFiles(std::string_view doc, std::string_view heading) {
  std::vector<std::pair<std::string, std::string>> files;
  const size_t at = doc.find(heading);
  if (at == std::string_view::npos) return files;
  const size_t end = doc.find("\n## ", at + heading.size());
  const std::string_view section = doc.substr(at, end - at);
  // A line "`NAME`:", a blank line, then a fenced block.
  for (size_t line = section.find('\n'); line != std::string_view::npos; line = section.find('\n', line + 1)) {
    const size_t line_end = section.find('\n', line + 1);
    const std::string_view text = section.substr(line + 1, line_end - line - 1);
    if (text.size() < 4 || text[0] != '`' || text[1] == '`' || text.substr(text.size() - 2) != "`:") continue;
    const size_t block = section.find('\n', section.find("```", line_end)) + 1;
    const size_t block_end = section.find("\n```", block);
    files.emplace_back(std::string(text.substr(1, text.size() - 3)),
                       std::string(section.substr(block, block_end - block + 1)));
  }
  return files;
}

TEST_CASE("cross-post rules' documented sites trigger exactly their rule, and the fixed ones nothing", "[docs][blog]") {
  int rules = 0;
  for (const Rule* rule : BuiltinRules()) {
    if (!rule->blog_check) continue;
    ++rules;
    const std::string code(rule->info.code);
    const std::string doc = RuleDocumentation(rule->info);
    for (const char* heading : {"\n## Example\n", "\n## Use instead\n"}) {
      DYNAMIC_SECTION(code << heading) {
        const auto files = SiteFiles(doc, heading);
        REQUIRE(files.size() >= 2);
        testing::TempDir site;
        testing::WriteFile(site.path() / ".digestlint.yaml", "{}\n");  // a site, even without a series
        for (const auto& [name, text] : files) {
          CHECK((name == ".digestlint.yaml" || name.rfind("_posts/", 0) == 0));
          std::filesystem::create_directories((site.path() / name).parent_path());
          testing::WriteFile(site.path() / name, text);
        }
        const auto run = testing::RunDigestlint({"--select", code, "--format", "json", site.path().string()});
        INFO(run.out << run.err);
        const auto report = nlohmann::json::parse(run.out);
        std::set<std::string> found;
        for (const auto& d : report["diagnostics"]) found.insert(d["rule"].get<std::string>());
        if (std::string(heading) == "\n## Example\n") {
          CHECK(found == std::set<std::string>{code});
        } else {
          CHECK(report["diagnostics"].empty());
        }
      }
    }
  }
  CHECK(rules == 4);
}

}  // namespace
}  // namespace digestlint

namespace digestlint {
namespace {

TEST_CASE("the rules reference page is up to date", "[docs]") {
  const auto generated = testing::RunDigestlint({"rules", "--no-config", "--format", "markdown"});
  REQUIRE(generated.status == 0);
  INFO("rules/README.md is stale: run ci/generate-rules-reference.sh and commit it");
  CHECK(testing::ReadFile(testing::SourceDir() / "rules/README.md") == generated.out);

  // README.md's rule table is the reference's, linking into it.
  std::string table;
  bool in_table = false;
  std::istringstream lines(generated.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| code |", 0) == 0) in_table = true;
    if (in_table && line.rfind("|", 0) != 0) break;
    if (!in_table) continue;
    for (size_t at = line.find("](#"); at != std::string::npos; at = line.find("](#", at)) {
      line.replace(at, 3, "](rules/README.md#");
    }
    table += line + "\n";
  }
  const std::string readme = testing::ReadFile(testing::SourceDir() / "README.md");
  const size_t begin = readme.find("\n", readme.find("<!-- rules-table:begin"));
  const size_t end = readme.find("<!-- rules-table:end");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  INFO("README.md's rule table is stale: run ci/generate-rules-reference.sh and commit it");
  CHECK(readme.substr(begin + 1, end - begin - 1) == table);
}

}  // namespace
}  // namespace digestlint
