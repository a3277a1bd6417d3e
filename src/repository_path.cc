#include "repository_path.h"

#include <system_error>

namespace digestlint {

namespace fs = std::filesystem;

fs::path RepositoryPaths::RootOf(const fs::path& folder) {
  if (const auto known = root_of_folder_.find(folder); known != root_of_folder_.end()) return known->second;
  std::error_code error;
  fs::path root;
  if (fs::exists(folder / ".git", error)) {
    root = folder;
  } else if (folder.has_relative_path()) {
    root = RootOf(folder.parent_path());
  }
  root_of_folder_[folder] = root;
  return root;
}

RepositoryPaths::Name RepositoryPaths::Of(const std::string& path) {
  if (path == "-") return {path, false};
  const fs::path absolute = (working_directory_ / path).lexically_normal();
  const fs::path root = RootOf(absolute.parent_path());
  if (!root.empty()) return {absolute.lexically_relative(root).generic_string(), true};
  std::string normal = fs::path(path).lexically_normal().generic_string();
  return {normal.empty() ? path : normal, false};
}

}  // namespace digestlint
