#include "projects.h"

#include "terminal_text.h"

namespace digestlint {

namespace fs = std::filesystem;

const Project* Projects::For(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);  // workers look projects up concurrently
  std::string file;
  if (choice_.config) {
    file = *choice_.config;
  } else if (!choice_.no_config) {
    // Read once per run and per folder: looking a configuration up is a
    // walk up the folders, and this runs for every post.
    const fs::path folder = path == "-" ? working_directory_ : (working_directory_ / path).parent_path();
    const auto known = config_in_folder_.find(folder);
    file = known != config_in_folder_.end() ? known->second
                                            : config_in_folder_.emplace(folder, FindConfigFile(folder)).first->second;
  }
  const auto found = loaded_.find(file);
  if (found != loaded_.end()) return found->second.get();
  std::unique_ptr<Project> project = Load(file);
  return loaded_.emplace(file, std::move(project)).first->second.get();
}

SiteLookup Projects::SiteFor(const std::string& path, bool folder) {
  std::lock_guard<std::mutex> lock(mutex_);
  const fs::path absolute = (working_directory_ / (path == "-" ? "" : path)).lexically_normal();
  const fs::path in = folder ? absolute : absolute.parent_path();
  const auto known = site_in_folder_.find(in);
  const std::string& file =
      known != site_in_folder_.end() ? known->second : site_in_folder_.emplace(in, FindSiteConfig(in)).first->second;
  SiteLookup lookup;
  if (file.empty()) return lookup;
  auto loaded = sites_.find(file);
  if (loaded == sites_.end()) {
    std::string error;
    std::optional<JekyllSite> site = JekyllSite::Load(file, started_, &error);
    if (!site) {
      err_ << "digestlint: error: " << error << '\n';
      failed_ = true;
    }
    loaded = sites_.emplace(file, site ? std::make_unique<JekyllSite>(std::move(*site)) : nullptr).first;
  }
  lookup.site = loaded->second.get();
  lookup.failed = !lookup.site;
  if (lookup.site) lookup.relative = absolute.lexically_relative(lookup.site->root()).generic_string();
  return lookup;
}

std::unique_ptr<Project> Projects::Load(const std::string& file) {
  std::string error;
  std::optional<Config> config = file.empty() ? DefaultConfig(working_directory_) : LoadConfig(file, &error);
  std::unique_ptr<Project> project = config ? Project::Create(std::move(*config), choice_.overrides, &error) : nullptr;
  if (!project) {
    err_ << "digestlint: error: " << EscapeForTerminal(error) << '\n';
    failed_ = true;
  }
  return project;
}

}  // namespace digestlint
