#pragma once
// What a configuration means for linting: the schema, the enabled rules and
// their severities, and which files are included, per configuration file.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bounded_markdown.h"
#include "config.h"
#include "diagnostic.h"
#include "glob.h"
#include "schema.h"
#include "site.h"

namespace digestlint {

class Blog;
class CustomRule;

/// Everything LintBytes needs besides the bytes.
struct LintSettings {
  const Schema* schema = nullptr;            // nullptr: the built-in schema
  std::set<std::string> disabled;            // rule codes switched off
  std::map<std::string, Severity> severity;  // rule code -> overriding severity
  const std::vector<std::unique_ptr<CustomRule>>* custom_rules = nullptr;
  // Beyond these a post is not parsed (DL004): cmark 0.30 is super-linear on
  // some bracket-heavy input (CVE-2023-22486), and size bounds memory.
  size_t max_file_size = 10 << 20;
  size_t max_brackets = 10000;
  // Beyond this much memory inside cmark a body is not parsed (DL004).
  size_t max_parse_memory = kDefaultMaxParseMemory;
  // Beyond this many diagnostics in one post, only the earliest are kept (DL006).
  size_t max_diagnostics = 1000;
  // When the post is a document of a Jekyll site: its front-matter defaults
  // and the site's publishing settings.
  std::optional<JekyllDocument> jekyll;
  // The other posts of the post's site, for the cross-post rules (DL7xx);
  // nullptr when the post is linted alone.
  const Blog* blog = nullptr;
};

/// Overrides from the command line, which win over the configuration.
struct CliOverrides {
  std::optional<std::vector<std::string>> select;  // --select replaces `select`
  std::vector<std::string> ignore;                 // --ignore adds to `ignore`
  std::optional<std::string> schema;               // --schema
};

/// All rules, built-in then custom: for selection, `rules` and `explain`.
std::vector<const RuleInfo*> AllRuleInfos(const std::vector<std::unique_ptr<CustomRule>>& custom);

/// True when `selector` (a code, a name, a code prefix or ALL) selects `rule`.
bool SelectorMatches(const std::string& selector, const RuleInfo& rule);

class Project {
 public:
  /// Loads the schema and custom rules the configuration names and checks every
  /// rule selector; on failure sets `error` ("file:line:col: message").
  static std::unique_ptr<Project> Create(Config config, const CliOverrides& overrides, std::string* error);
  ~Project();

  LintSettings SettingsFor(const std::string& path) const;
  /// Whether a file found in a folder walk is linted (include and not exclude).
  bool Walks(const std::string& path) const;
  /// The same for a path relative to the configuration's folder (`root`).
  bool WalksRelative(const std::string& relative) const;
  /// Whether `path` matches an exclude glob, or (with `schemas`) no schema's glob.
  bool Excludes(const std::string& path) const;
  /// The schema of the first `schemas` entry whose globs match `path`, or nullptr.
  const Schema* SchemaFor(const std::string& path) const;
  /// Every schema the configuration uses, each with a name for people:
  /// "the built-in schema", "schema blog.json", "schema a.json (files *-daily.md)".
  std::vector<std::pair<std::string, const Schema*>> NamedSchemas() const;
  bool FailsOnWarnings() const { return config_.fail_on == "warning"; }
  const Config& config() const { return config_; }
  const std::vector<std::unique_ptr<CustomRule>>& custom_rules() const { return custom_rules_; }

 private:
  Project() = default;
  std::string Relative(const std::string& path) const;
  bool ExcludesRelative(const std::string& relative) const;
  const Schema* SchemaForRelative(const std::string& relative) const;
  static bool Matches(const std::vector<Glob>& globs, const std::string& relative);

  Config config_;
  std::filesystem::path working_directory_ = WorkingDirectory();  // read once, not per post
  std::unique_ptr<Schema> schema_;
  std::vector<std::pair<std::vector<Glob>, std::unique_ptr<Schema>>> schemas_;
  std::vector<std::unique_ptr<CustomRule>> custom_rules_;
  std::set<std::string> disabled_;
  std::map<std::string, Severity> severity_;
  std::vector<std::pair<Glob, std::vector<std::string>>> per_file_ignores_;
  std::vector<Glob> include_;
  std::vector<Glob> exclude_;
  std::string cache_prefix_;  // `cache-dir` relative to root, with a '/', when inside it
};

}  // namespace digestlint
