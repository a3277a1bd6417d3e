// digestlint init: a commented configuration for the site it finds, valid
// against the configuration schema, never replacing one without --force.
#include <catch2/catch.hpp>

#include "config.h"
#include "front_matter.h"
#include "init.h"
#include "json_schema.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// Checks `text` against schemas/digestlint-config.schema.json; returns the violations.
std::string SchemaProblems(const std::string& text) {
  const YamlDocument yaml = ParseYaml(text, 0);
  if (!yaml.ok) return "not YAML: " + yaml.error;
  const JsonSchema schema(nlohmann::json::parse(ReadFile(SourceDir() / "schemas/digestlint-config.schema.json")));
  std::string problems;
  for (const SchemaViolation& v : schema.Validate(yaml.data, "the configuration")) problems += v.message + "\n";
  return problems;
}

TEST_CASE("init writes a valid, commented configuration for a Jekyll site", "[init]") {
  TempDir dir;
  const fs::path site = dir.path() / "blog";
  for (const char* folder : {"_posts/2025", "_drafts", "_site", "vendor/bundle"}) fs::create_directories(site / folder);
  WriteFile(site / "_config.yml", "title: A blog\n");
  const std::string post = ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md");
  WriteFile(site / "_posts/2025/2025-10-28-daily-papers.md", post);
  WriteFile(site / "_drafts/2025-10-29-draft.md", post);
  WriteFile(site / "vendor/bundle/README.md", "# A gem\n");
  WriteFile(site / "README.md", "# The blog\n");

  const auto run = RunDigestlint({"init", site.string()});
  CHECK(run.status == 0);
  CHECK(run.err == "digestlint: wrote " + (site / ".digestlint.yaml").string() + "\n");
  const std::string text = ReadFile(site / ".digestlint.yaml");
  CHECK(text == InitialConfig(site));
  CHECK(SchemaProblems(text).empty());
  CHECK(text.rfind("# digestlint configuration, written by `digestlint init` for this folder (a Jekyll site).", 0) ==
        0);
  // digestlint reads the site itself: include and exclude stay commented.
  CHECK(text.find("\n# The files a folder walk lints. Here digestlint lints what Jekyll reads as posts\n"
                  "# and collection documents (not pages, _site/, vendor/, node_modules/; _drafts/\n"
                  "# with --drafts); include and exclude narrow that further.\n"
                  "# include: [\"*.md\", \"*.markdown\"]\n") != std::string::npos);
  CHECK(text.find("\n# exclude: []\n") != std::string::npos);

  // digestlint reads it back as written.
  std::string error;
  const std::optional<Config> config = LoadConfig((site / ".digestlint.yaml").string(), &error);
  INFO(error);
  REQUIRE(config);
  CHECK(config->include == std::vector<std::string>{"*.md", "*.markdown"});
  CHECK(config->exclude.empty());
  CHECK(config->select == std::vector<std::string>{"ALL"});

  // Linting the site lints the posts, not the READMEs.
  const auto lint = RunDigestlint({"--format=json", site.string()});
  CHECK(lint.status == 1);
  const auto report = nlohmann::json::parse(lint.out);
  CHECK(report["files"] == 1);
  for (const auto& d : report["diagnostics"]) {
    CHECK(d["path"] == (site / "_posts/2025/2025-10-28-daily-papers.md").string());
  }
}

TEST_CASE("init outside a Jekyll site says which folders hold posts and which never do", "[init]") {
  TempDir dir;
  for (const char* folder : {"_posts", "_drafts", "_site", "vendor/bundle"})
    fs::create_directories(dir.path() / folder);
  const std::string text = InitialConfig(dir.path());
  CHECK(SchemaProblems(text).empty());
  CHECK(text.rfind("# digestlint configuration, written by `digestlint init` for this folder.\n", 0) == 0);
  CHECK(text.find("\ninclude: [\"_posts/**/*.md\", \"_posts/**/*.markdown\"]  # found _posts/: Jekyll's posts\n") !=
        std::string::npos);
  CHECK(text.find("\nexclude: [\"_site/\", \"vendor/\"]  # _site/: the site Jekyll generates; vendor/: installed gems "
                  "(their README files are not posts)\n") != std::string::npos);
  CHECK(text.find("\n# exclude: [\"_drafts/\"]  # to skip _drafts/: Jekyll's unpublished drafts\n") !=
        std::string::npos);
  WriteFile(dir.path() / ".digestlint.yaml", text);
  std::string error;
  const std::optional<Config> config = LoadConfig((dir.path() / ".digestlint.yaml").string(), &error);
  INFO(error);
  REQUIRE(config);
  CHECK(config->include == std::vector<std::string>{"_posts/**/*.md", "_posts/**/*.markdown"});
  CHECK(config->exclude == std::vector<std::string>{"_site/", "vendor/"});
}

TEST_CASE("init refuses to replace a configuration unless --force", "[init]") {
  TempDir dir;
  WriteFile(dir.path() / ".digestlint.yml", "select: [DL1]\n");
  const auto refused = RunDigestlint({"init", dir.path().string()});
  CHECK(refused.status == 2);
  CHECK(refused.err ==
        "digestlint: error: " + (dir.path() / ".digestlint.yml").string() + " exists; use --force to replace it\n");
  CHECK(ReadFile(dir.path() / ".digestlint.yml") == "select: [DL1]\n");
  CHECK_FALSE(fs::exists(dir.path() / ".digestlint.yaml"));

  const auto forced = RunDigestlint({"init", "--force", dir.path().string()});
  CHECK(forced.status == 0);
  CHECK(ReadFile(dir.path() / ".digestlint.yml") == InitialConfig(dir.path()));  // the file that was there
  CHECK_FALSE(fs::exists(dir.path() / ".digestlint.yaml"));
}

TEST_CASE("init in a plain folder writes the defaults, commented", "[init]") {
  TempDir dir;
  const std::string text = InitialConfig(dir.path());
  CHECK(SchemaProblems(text).empty());
  CHECK(text.rfind("# digestlint configuration, written by `digestlint init` for this folder.\n", 0) == 0);
  CHECK(text.find("\n# include: [\"*.md\", \"*.markdown\"]\n") != std::string::npos);
  CHECK(text.find("\n# exclude: []\n") != std::string::npos);
  // Every key of the configuration schema appears, set or commented.
  const auto schema = nlohmann::json::parse(ReadFile(SourceDir() / "schemas/digestlint-config.schema.json"));
  for (const auto& [key, unused] : schema["properties"].items()) {
    INFO(key);
    CHECK((text.find("\n" + key + ":") != std::string::npos || text.find("\n# " + key + ":") != std::string::npos));
  }
  const auto missing = RunDigestlint({"init", (dir.path() / "no/such/folder").string()});
  CHECK(missing.status == 2);
  CHECK(missing.err == "digestlint: error: cannot write " + (dir.path() / "no/such/folder/.digestlint.yaml").string() +
                           ": No such file or directory\n");
}

}  // namespace
}  // namespace digestlint
