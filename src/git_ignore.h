#pragma once
// Which paths git ignores (.gitignore files, .git/info/exclude and
// core.excludesFile), decided by libgit2 as `git check-ignore --no-index` would.
//
// libgit2 is loaded with dlopen when a folder walk first meets a git work tree,
// not linked: Debian's libgit2.a needs GSSAPI, which Debian ships only as a
// shared library, so it cannot go into the static binary; and linking the
// shared libgit2 (with its 16 libraries) would triple the start-up time of every
// run, including the one-post pre-commit run, which never needs it.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace digestlint {

class GitIgnore {
 public:
  GitIgnore();
  ~GitIgnore();
  GitIgnore(const GitIgnore&) = delete;
  GitIgnore& operator=(const GitIgnore&) = delete;

  /// Whether git ignores `path` (absolute and lexically normal; a folder when
  /// `folder`); false outside a git work tree.
  bool Ignores(const std::filesystem::path& path, bool folder);
  /// What kept the rules from being applied (libgit2 missing, a repository it
  /// could not open), each said once; empty when all went well.
  std::vector<std::string> TakeWarnings();

 private:
  struct Library;
  struct Repository;
  Repository* RepositoryFor(const std::filesystem::path& folder);
  Repository* Open(const std::filesystem::path& work_tree);

  std::unique_ptr<Library> library_;  // loaded on the first work tree
  std::string library_problem_;
  std::map<std::filesystem::path, Repository*> repository_of_folder_;
  std::map<std::filesystem::path, std::unique_ptr<Repository>> repositories_;  // by work tree
  std::vector<std::string> warnings_;
};

}  // namespace digestlint
