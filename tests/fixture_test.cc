// Runs every fixture post under tests/fixtures/. Expected diagnostics are
// written in the post itself, at the end of a line:
//   <!-- expect: DL301:12 -->          this line, column 12
//   <!-- expect: DL201@+1:1 "Results" --> next line, column 1, message contains "Results"
//   # expect: DL104@-1:1               the same, as a YAML comment in front matter
// `@N` without a sign is an absolute line. `<!-- fixture-schema: FILE -->`
// lints with another schema (FILE relative to the fixture). A fixture below a
// folder holding a _config.yml is linted as a document of that Jekyll site
// (its path relative to the site, its front-matter defaults). Markers are
// blanked before linting, so line numbers do not move. A fixture without
// markers must lint clean, and every diagnostic must be expected.
//
// Fixes: X.fixed.md is what --fix makes of X.md, X.unsafe-fixed.md what
// --fix --unsafe-fixes makes of it; both are checked with LF, CRLF and a BOM.
// Every fixture is also fixed: the fix must be accepted, idempotent, and
// leave nothing it could fix.
#include <algorithm>
#include <ctime>
#include <map>
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "fixer.h"
#include "fixture_markers.h"
#include "linter.h"
#include "rule.h"
#include "site.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::Describe;
using testing::Expectation;
using testing::Fixture;
using testing::ParseFixture;
using testing::ReadFile;
using testing::SourceDir;

std::vector<fs::path> AllFixtures() {
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "tests" / "fixtures")) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") fixtures.push_back(entry.path());
  }
  std::sort(fixtures.begin(), fixtures.end());
  return fixtures;
}

const Schema& SchemaFor(const Fixture& fixture) {
  static std::map<fs::path, Schema> loaded;
  if (!fixture.schema) return Schema::Default();
  auto found = loaded.find(*fixture.schema);
  if (found == loaded.end()) {
    std::string error;
    std::optional<Schema> schema = Schema::Load(ReadFile(*fixture.schema), &error);
    INFO("schema " << fixture.schema->string() << ": " << error);
    REQUIRE(schema);
    found = loaded.emplace(*fixture.schema, std::move(*schema)).first;
  }
  return found->second;
}

// The site a fixture belongs to: the nearest _config.yml up to tests/fixtures.
std::optional<JekyllSite> SiteOf(const fs::path& fixture) {
  for (fs::path folder = fixture.parent_path();
       folder != SourceDir() / "tests" / "fixtures" && folder.has_parent_path(); folder = folder.parent_path()) {
    if (!fs::exists(folder / "_config.yml")) continue;
    std::string error;
    std::optional<JekyllSite> site = JekyllSite::Load((folder / "_config.yml").string(), std::time(nullptr), &error);
    INFO(error);
    REQUIRE(site);
    return site;
  }
  return std::nullopt;
}

// The name a fixture is linted under, and its settings: its schema and site.
std::pair<std::string, LintSettings> LintAs(const fs::path& path, const Fixture& fixture) {
  LintSettings settings;
  settings.schema = &SchemaFor(fixture);
  std::string name = fs::relative(path, SourceDir()).string();
  if (const std::optional<JekyllSite> site = SiteOf(path)) {
    name = fs::relative(path, site->root()).generic_string();
    settings.jekyll = site->Document(name);
    INFO(name << " is not a document of its site");
    REQUIRE(settings.jekyll);
  }
  return {name, settings};
}

TEST_CASE("every fixture post gives exactly its expected diagnostics", "[fixtures]") {
  const std::vector<fs::path> fixtures = AllFixtures();
  REQUIRE(fixtures.size() >= 50);
  for (const fs::path& path : fixtures) {
    DYNAMIC_SECTION(fs::relative(path, SourceDir()).string()) {
      const Fixture fixture = ParseFixture(path);
      const auto [name, settings] = LintAs(path, fixture);
      const std::vector<LocatedDiagnostic> actual = LintBytes(name, fixture.text, settings);
      std::vector<std::string> missing;
      std::vector<bool> used(actual.size(), false);
      for (const Expectation& expected : fixture.expected) {
        bool found = false;
        for (size_t i = 0; i < actual.size() && !found; ++i) {
          const LocatedDiagnostic& d = actual[i];
          if (!used[i] && d.rule->code == expected.code && d.start.line == expected.line &&
              d.start.column == expected.column && d.message.find(expected.message_part) != std::string::npos) {
            used[i] = found = true;
          }
        }
        if (!found) missing.push_back(Describe(expected));
      }
      std::vector<std::string> unexpected;
      for (size_t i = 0; i < actual.size(); ++i) {
        if (used[i]) continue;
        unexpected.push_back(std::string(actual[i].rule->code) + "@" + std::to_string(actual[i].start.line) + ":" +
                             std::to_string(actual[i].start.column) + " " + actual[i].message);
      }
      INFO("missing: " << ::Catch::Detail::stringify(missing));
      INFO("unexpected: " << ::Catch::Detail::stringify(unexpected));
      CHECK(missing.empty());
      CHECK(unexpected.empty());
    }
  }
}

std::string ToCrlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

bool IsGolden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.find(".fixed.md") != std::string::npos;
}

TEST_CASE("fixes give exactly the golden posts, with LF, CRLF and a BOM", "[fixtures][fix]") {
  int pairs = 0;
  for (const fs::path& path : AllFixtures()) {
    if (IsGolden(path)) continue;
    for (const bool unsafe : {false, true}) {
      const fs::path golden = path.parent_path() / (path.stem().string() + (unsafe ? ".unsafe-fixed.md" : ".fixed.md"));
      if (!fs::exists(golden)) continue;
      ++pairs;
      const Fixture input = ParseFixture(path);
      const std::string expected = ParseFixture(golden).text;
      const auto [name, settings] = LintAs(path, input);
      const std::string bom = "\xEF\xBB\xBF";
      const std::pair<std::string, std::string> variants[] = {
          {input.text, expected}, {ToCrlf(input.text), ToCrlf(expected)}, {bom + input.text, bom + expected}};
      for (const auto& [before, after] : variants) {
        DYNAMIC_SECTION(fs::relative(golden, SourceDir()).string()
                        << (before.rfind(bom, 0) == 0 ? " (BOM)" : "")
                        << (before.find('\r') != std::string::npos ? " (CRLF)" : "")) {
          const FixResult result = FixBytes(name, before, settings, FixOptions{unsafe, 10});
          REQUIRE_FALSE(result.refused);
          CHECK(result.fixed == after);
        }
      }
    }
  }
  CHECK(pairs >= 13);
}

TEST_CASE("fixing any fixture is accepted, idempotent and complete", "[fixtures][fix]") {
  for (const fs::path& path : AllFixtures()) {
    const Fixture fixture = ParseFixture(path);
    for (const bool unsafe : {false, true}) {
      DYNAMIC_SECTION(fs::relative(path, SourceDir()).string() << (unsafe ? " (unsafe)" : "")) {
        const FixOptions options{unsafe, 10};
        const auto [name, settings] = LintAs(path, fixture);
        const FixResult once = FixBytes(name, fixture.text, settings, options);
        REQUIRE_FALSE(once.refused);
        const FixResult twice = FixBytes(name, once.fixed, settings, options);
        CHECK(twice.fixed == once.fixed);
        for (const LocatedDiagnostic& d : once.remaining) {
          INFO(d.rule->code << " at " << d.start.line << ":" << d.start.column);
          CHECK_FALSE((d.fix && FixApplies(*d.fix, options)));
        }
      }
    }
  }
}

TEST_CASE("every fixable rule has a golden fix", "[fixtures][fix]") {
  for (const Rule* rule : BuiltinRules()) {
    if (rule->info.fix == FixAvailability::kNone) continue;
    std::string folder = std::string(rule->info.code) + "_" + std::string(rule->info.name);
    std::replace(folder.begin(), folder.end(), '-', '_');
    const std::string suffix = rule->info.fix == FixAvailability::kUnsafe ? ".unsafe-fixed.md" : ".fixed.md";
    bool found = false;
    for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "tests" / "fixtures" / folder)) {
      const std::string name = entry.path().filename().string();
      found = found ||
              (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
               (suffix == ".unsafe-fixed.md" || name.find(".unsafe-fixed.md") == std::string::npos));
    }
    INFO(folder << " needs a *" << suffix);
    CHECK(found);
  }
}

// Every rule has a folder tests/fixtures/DLnnn_name with a post that
// triggers it and a post that does not.
TEST_CASE("every rule has a triggering and a clean fixture", "[fixtures]") {
  // DL001 needs a path that cannot be read and DL004 a huge post, so cli_test.cc covers them; DL005 needs a
  // failure inside digestlint, which reliability_test.cc injects, and DL006 over 1,000 problems, made there too.
  const std::set<std::string> covered_elsewhere = {"DL001", "DL004", "DL005", "DL006"};
  for (const Rule* rule : BuiltinRules()) {
    const std::string code(rule->info.code);
    if (covered_elsewhere.count(code)) continue;
    std::string folder = code + "_" + std::string(rule->info.name);
    std::replace(folder.begin(), folder.end(), '-', '_');
    const fs::path dir = SourceDir() / "tests" / "fixtures" / folder;
    if (rule->blog_check) {  // cross-post rules: the fixture blogs of blog_test.cc, with tests/blogs/clean
      DYNAMIC_SECTION(folder << " (a fixture blog)") {
        bool triggers = false;
        for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "tests" / "blogs")) {
          if (entry.path().extension() != ".md") continue;
          const Fixture fixture = ParseFixture(entry.path());
          triggers = triggers || std::any_of(fixture.expected.begin(), fixture.expected.end(),
                                             [&](const Expectation& e) { return e.code == code; });
        }
        CHECK(triggers);
        CHECK(fs::is_directory(SourceDir() / "tests" / "blogs" / "clean"));
      }
      continue;
    }
    DYNAMIC_SECTION(folder) {
      REQUIRE(fs::is_directory(dir));
      bool triggers = false;
      bool clean = false;
      for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".md") continue;
        const Fixture fixture = ParseFixture(entry.path());
        const bool expects_rule = std::any_of(fixture.expected.begin(), fixture.expected.end(),
                                              [&](const Expectation& e) { return e.code == code; });
        (expects_rule ? triggers : clean) = true;
      }
      CHECK(triggers);
      CHECK(clean);
    }
  }
}

// A rule's declared fix is what it emits: a rule declared safe emits only
// safe fixes (and at least one somewhere in the fixtures), one declared unsafe
// only unsafe ones, one declared without a fix none at all.
TEST_CASE("every rule emits exactly the fixes it declares", "[fixtures][fix]") {
  std::map<std::string, std::set<FixSafety>> emitted;
  for (const fs::path& path : AllFixtures()) {
    const Fixture fixture = ParseFixture(path);
    for (const LocatedDiagnostic& d :
         LintBytes(fs::relative(path, SourceDir()).string(), fixture.text, SchemaFor(fixture))) {
      if (!d.fix) continue;
      emitted[std::string(d.rule->code)].insert(d.fix->safety);
      const FixAvailability declared = d.rule->fix;
      INFO(fs::relative(path, SourceDir()).string()
           << ": " << d.rule->code << " at " << d.start.line << ":" << d.start.column << " emits a "
           << FixSafetyName(d.fix->safety) << " fix");
      CHECK(declared != FixAvailability::kNone);
      if (declared == FixAvailability::kSafe) CHECK(d.fix->safety == FixSafety::kSafe);
      if (declared == FixAvailability::kUnsafe) CHECK(d.fix->safety == FixSafety::kUnsafe);
    }
  }
  for (const Rule* rule : BuiltinRules()) {
    if (rule->info.fix == FixAvailability::kNone) continue;
    INFO(rule->info.code << " declares a fix that no fixture shows");
    CHECK(emitted.count(std::string(rule->info.code)));
  }
}

}  // namespace
}  // namespace digestlint
