#pragma once
// Paths as a repository names them, for outputs read by tools that work on a
// repository: `--diff` (git apply), GitLab Code Quality, SARIF.

#include <filesystem>
#include <map>
#include <string>

#include "config.h"

namespace digestlint {

class RepositoryPaths {
 public:
  struct Name {
    std::string path;            // '/' separators, no "./"
    bool in_repository = false;  // relative to the work tree's root
  };

  /// Inside a git work tree (the nearest folder upward holding `.git`), the
  /// path relative to its root; elsewhere the path as given, lexically
  /// normalized. "-" (stdin) stays "-". One lookup per folder, then cached.
  Name Of(const std::string& path);

 private:
  std::filesystem::path RootOf(const std::filesystem::path& folder);

  std::filesystem::path working_directory_ = WorkingDirectory();
  std::map<std::filesystem::path, std::filesystem::path> root_of_folder_;  // empty: no repository
};

}  // namespace digestlint
