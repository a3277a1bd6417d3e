#include "settings.h"

#include <re2/re2.h>

#include "custom_rules.h"
#include "edit_distance.h"
#include "linter.h"
#include "rule.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;

std::optional<Schema> LoadSchema(const std::string& path, std::string* error) {
  std::string problem;
  const std::optional<std::string> text = ReadPostFile(path, &problem);
  if (!text) {
    *error = "cannot read the schema file: " + problem;
    return std::nullopt;
  }
  std::string reason;
  std::optional<Schema> schema = Schema::Load(*text, &reason);
  if (!schema) *error = "invalid schema: " + reason;
  return schema;
}

// Checks that every selector names a rule; `where` says where it was written.
bool CheckSelectors(const std::vector<std::string>& selectors, const std::vector<const RuleInfo*>& rules,
                    const std::string& where, std::string* error) {
  std::vector<std::string> known = {"ALL"};
  for (const RuleInfo* rule : rules) {
    known.emplace_back(rule->code);
    known.emplace_back(rule->name);
  }
  for (const std::string& selector : selectors) {
    const bool matches =
        std::any_of(rules.begin(), rules.end(), [&](const RuleInfo* rule) { return SelectorMatches(selector, *rule); });
    if (matches || selector == "ALL") continue;
    *error = where + ": unknown rule '" + selector + "'";
    if (const std::string suggestion = ClosestMatch(selector, known); !suggestion.empty()) {
      *error += " (did you mean '" + suggestion + "'?)";
    }
    return false;
  }
  return true;
}

std::optional<Severity> ParseSeverity(const std::string& level) {
  if (level == "error") return Severity::kError;
  if (level == "warning") return Severity::kWarning;
  if (level == "info") return Severity::kInfo;
  return std::nullopt;  // "off"
}

}  // namespace

std::vector<const RuleInfo*> AllRuleInfos(const std::vector<std::unique_ptr<CustomRule>>& custom) {
  std::vector<const RuleInfo*> rules;
  for (const Rule* rule : BuiltinRules()) rules.push_back(&rule->info);
  for (const auto& rule : custom) rules.push_back(&rule->info());
  return rules;
}

bool SelectorMatches(const std::string& selector, const RuleInfo& rule) {
  static const RE2 kPrefix("[A-Z]+[0-9]*");
  if (selector == "ALL" || selector == rule.code || selector == rule.name || IsAlias(rule, selector)) return true;
  return RE2::FullMatch(selector, kPrefix) && rule.code.substr(0, selector.size()) == selector;
}

Project::~Project() = default;

std::unique_ptr<Project> Project::Create(Config config, const CliOverrides& overrides, std::string* error) {
  std::unique_ptr<Project> project(new Project());
  const std::string& file = config.file;
  const std::string source = file.empty() ? std::string("the command line") : file;

  // Custom rules first: selectors may name them.
  for (const std::string& pattern : config.custom_rules) {
    std::string problem;
    if (!LoadCustomRules(config.root, pattern, project->custom_rules_, &problem)) {
      *error = problem;
      return nullptr;
    }
  }
  const std::vector<const RuleInfo*> rules = AllRuleInfos(project->custom_rules_);

  if (overrides.schema) {
    config.schema = overrides.schema;
    config.origin["schema"] = "command line";
  }
  if (overrides.select) {
    config.select = *overrides.select;
    config.origin["select"] = "command line";
  }
  if (!overrides.ignore.empty()) {
    config.ignore.insert(config.ignore.end(), overrides.ignore.begin(), overrides.ignore.end());
    config.origin["ignore"] =
        config.origin["ignore"] == "default" ? "command line" : config.origin["ignore"] + " + command line";
  }
  const auto where = [&](const std::string& key) {
    return config.origin[key] == file && !file.empty() ? config.Where("/" + key) : "--" + key;
  };
  if (!CheckSelectors(config.select, rules, where("select"), error) ||
      !CheckSelectors(config.extend_select, rules, where("extend-select"), error) ||
      !CheckSelectors(config.ignore, rules, config.origin["ignore"] == "command line" ? "--ignore" : where("ignore"),
                      error)) {
    return nullptr;
  }
  for (const auto& [glob, selectors] : config.per_file_ignores) {
    if (!CheckSelectors(selectors, rules, config.Where("/per-file-ignores"), error)) return nullptr;
    project->per_file_ignores_.emplace_back(Glob(glob), selectors);
  }
  for (const auto& [selector, level] : config.severity) {
    if (!CheckSelectors({selector}, rules, config.Where("/severity"), error)) return nullptr;
    for (const RuleInfo* rule : rules) {
      if (!SelectorMatches(selector, *rule) || rule->input_error) continue;
      if (const std::optional<Severity> severity = ParseSeverity(level)) {
        project->severity_[std::string(rule->code)] = *severity;
      } else {
        project->disabled_.insert(std::string(rule->code));
      }
    }
  }
  for (const RuleInfo* rule : rules) {
    const auto any = [&](const std::vector<std::string>& selectors) {
      return std::any_of(selectors.begin(), selectors.end(),
                         [&](const std::string& s) { return SelectorMatches(s, *rule); });
    };
    const bool enabled = (any(config.select) || any(config.extend_select)) && !any(config.ignore);
    if (!enabled && !rule->input_error) project->disabled_.insert(std::string(rule->code));
  }

  if (config.schema) {
    std::string problem;
    std::optional<Schema> schema = LoadSchema(*config.schema, &problem);
    if (!schema) {
      *error = (config.origin["schema"] == "command line" ? "--schema " : config.Where("/schema") + ": schema ") +
               *config.schema + ": " + problem;
      return nullptr;
    }
    project->schema_ = std::make_unique<Schema>(std::move(*schema));
  }
  for (size_t i = 0; i < config.schemas.size(); ++i) {
    const Config::SchemaForFiles& entry = config.schemas[i];
    std::string problem;
    std::optional<Schema> schema = LoadSchema(entry.schema, &problem);
    if (!schema) {
      *error = config.Where("/schemas/" + std::to_string(i) + "/schema") + ": schema " + entry.schema + ": " + problem;
      return nullptr;
    }
    std::vector<Glob> globs(entry.files.begin(), entry.files.end());
    project->schemas_.emplace_back(std::move(globs), std::make_unique<Schema>(std::move(*schema)));
  }
  for (const std::string& glob : config.include) project->include_.emplace_back(glob);
  for (const std::string& glob : config.exclude) project->exclude_.emplace_back(glob);
  if (!config.cache_dir.empty()) {
    std::string root = config.root.lexically_normal().generic_string();
    if (root.empty() || root.back() != '/') root += '/';
    const std::string cache = fs::path(config.cache_dir).lexically_normal().generic_string();
    if (cache.size() > root.size() && cache.rfind(root, 0) == 0)
      project->cache_prefix_ = cache.substr(root.size()) + "/";
  }
  project->config_ = std::move(config);
  return project;
}

std::string Project::Relative(const std::string& path) const {
  return (working_directory_ / path).lexically_relative(config_.root).generic_string();
}

LintSettings Project::SettingsFor(const std::string& path) const {
  LintSettings settings;
  settings.schema = schema_ ? schema_.get() : &Schema::Default();
  if (const Schema* chosen = SchemaFor(path)) settings.schema = chosen;
  settings.disabled = disabled_;
  settings.severity = severity_;
  settings.custom_rules = &custom_rules_;
  settings.max_file_size = config_.max_file_size;
  settings.max_brackets = config_.max_brackets;
  settings.max_diagnostics = config_.max_diagnostics;
  settings.max_parse_memory = config_.max_parse_memory;
  const std::string relative = Relative(path);
  for (const auto& [glob, selectors] : per_file_ignores_) {
    if (!glob.Matches(relative)) continue;
    for (const RuleInfo* rule : AllRuleInfos(custom_rules_)) {
      for (const std::string& selector : selectors) {
        if (SelectorMatches(selector, *rule) && !rule->input_error) settings.disabled.insert(std::string(rule->code));
      }
    }
  }
  return settings;
}

const Schema* Project::SchemaFor(const std::string& path) const { return SchemaForRelative(Relative(path)); }

const Schema* Project::SchemaForRelative(const std::string& relative) const {
  for (const auto& [globs, schema] : schemas_) {
    if (Matches(globs, relative)) return schema.get();
  }
  return nullptr;
}

std::vector<std::pair<std::string, const Schema*>> Project::NamedSchemas() const {
  std::vector<std::pair<std::string, const Schema*>> named;
  for (size_t i = 0; i < schemas_.size(); ++i) {
    const Config::SchemaForFiles& entry = config_.schemas[i];
    std::string files;
    for (const std::string& glob : entry.files) files += (files.empty() ? "" : ", ") + glob;
    named.emplace_back("schema " + entry.schema + " (files " + files + ")", schemas_[i].second.get());
  }
  if (named.empty()) {
    named.emplace_back(schema_ ? "schema " + *config_.schema : std::string("the built-in schema"),
                       schema_ ? schema_.get() : &Schema::Default());
  }
  return named;
}

bool Project::Excludes(const std::string& path) const { return ExcludesRelative(Relative(path)); }

bool Project::ExcludesRelative(const std::string& relative) const {
  // With `schemas`, a file no schema claims is not a digest.
  if (!schemas_.empty() && !SchemaForRelative(relative)) return true;
  return Matches(exclude_, relative);
}

bool Project::Walks(const std::string& path) const { return WalksRelative(Relative(path)); }

bool Project::WalksRelative(const std::string& relative) const {
  // The site index cache is never a post, wherever `cache-dir` puts it.
  if (!cache_prefix_.empty() && relative.rfind(cache_prefix_, 0) == 0) return false;
  return Matches(include_, relative) && !ExcludesRelative(relative);
}

bool Project::Matches(const std::vector<Glob>& globs, const std::string& relative) {
  return std::any_of(globs.begin(), globs.end(), [&](const Glob& glob) { return glob.Matches(relative); });
}

}  // namespace digestlint
