#pragma once
// Finds the configuration that applies to each post and loads every
// configuration file once per run (the CLI, and any other front end, share it).

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

#include "settings.h"
#include "site.h"

namespace digestlint {

/// How the configuration is chosen: --config, --no-config and the overrides.
struct ConfigChoice {
  std::optional<std::string> config;  // one file for every post
  bool no_config = false;             // defaults for every post
  CliOverrides overrides;
};

/// The Jekyll site a path belongs to.
struct SiteLookup {
  const JekyllSite* site = nullptr;  // nullptr outside a site (no _config.yml)
  std::string relative;              // the path relative to the site's root
  bool failed = false;               // its _config.yml could not be loaded (reported)
};

/// One Project per configuration file and one JekyllSite per _config.yml,
/// each loaded once per run; safe to call from several threads.
class Projects {
 public:
  Projects(ConfigChoice choice, std::ostream& err) : choice_(std::move(choice)), err_(err) {}

  /// The project for a post (nullptr after reporting a configuration error).
  const Project* For(const std::string& path);
  /// The Jekyll site of a post (or, with `folder`, of a folder).
  SiteLookup SiteFor(const std::string& path, bool folder = false);
  /// True once a configuration could not be loaded.
  bool failed() const { return failed_; }

 private:
  std::unique_ptr<Project> Load(const std::string& file);

  const ConfigChoice choice_;
  std::ostream& err_;
  const std::filesystem::path working_directory_ = WorkingDirectory();
  std::map<std::filesystem::path, std::string> config_in_folder_;
  std::map<std::string, std::unique_ptr<Project>> loaded_;
  const std::time_t started_ = std::time(nullptr);  // "now" for posts dated in the future
  std::map<std::filesystem::path, std::string> site_in_folder_;
  std::map<std::string, std::unique_ptr<JekyllSite>> sites_;  // nullptr: could not be loaded
  std::mutex mutex_;
  bool failed_ = false;
};

}  // namespace digestlint
