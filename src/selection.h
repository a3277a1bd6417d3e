#pragma once
// Which files a run lints. A folder walk keeps a file when the configuration's
// `include` matches it and `exclude` does not, git does not ignore it and, in a
// Jekyll site, Jekyll reads it as a post or a collection document (drafts when
// asked). A file named on the command line goes through the same selection
// except .gitignore (as ruff's --force-exclude does for pre-commit), and is
// then skipped quietly; outside a site only `exclude` applies to it.

#include <filesystem>
#include <string>
#include <vector>

#include "file_walk.h"
#include "git_ignore.h"
#include "projects.h"

namespace digestlint {

struct SelectionOptions {
  bool drafts = false;        // --drafts: lint _drafts/ too
  bool named_always = false;  // --no-force-exclude: lint every file named on the command line
};

class Selection : public WalkFilter {
 public:
  Selection(Projects& projects, SelectionOptions options) : projects_(projects), options_(options) {}

  void BeginWalk(const std::string& root) override;
  bool Enters(const std::string& folder) override;
  bool Keeps(const std::string& file, bool named) override;
  /// Why .gitignore could not be applied, if it could not.
  std::vector<std::string> TakeWarnings() { return git_ignore_.TakeWarnings(); }

 private:
  std::filesystem::path Absolute(const std::string& path) const;
  bool GitIgnores(const std::string& path, bool folder);

  Projects& projects_;
  const SelectionOptions options_;
  GitIgnore git_ignore_;
  std::filesystem::path ignored_root_;  // a folder named on the command line that git ignores
  const std::filesystem::path working_directory_ = WorkingDirectory();
};

}  // namespace digestlint
