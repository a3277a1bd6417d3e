#include "projects.h"

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

std::unique_ptr<Project> Projects::Load(const std::string& file) {
  std::string error;
  std::optional<Config> config = file.empty() ? DefaultConfig(working_directory_) : LoadConfig(file, &error);
  std::unique_ptr<Project> project = config ? Project::Create(std::move(*config), choice_.overrides, &error) : nullptr;
  if (!project) {
    err_ << "digestlint: error: " << error << '\n';
    failed_ = true;
  }
  return project;
}

}  // namespace digestlint
