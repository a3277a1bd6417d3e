#pragma once
// Turns the paths on the command line into the list of posts to lint. Files
// named are kept when the filter says so; folders are walked in sorted order,
// skipping hidden entries, never leaving the folder through a symbolic link
// (unless asked) and entering each folder once (by device and inode), so a
// link loop ends. What cannot be read is listed with the reason, never skipped.

#include <string>
#include <vector>

namespace digestlint {

/// Decides what is linted; a walk asks it about every folder and file it finds.
class WalkFilter {
 public:
  virtual ~WalkFilter() = default;
  /// Called before walking `root`, a folder named on the command line.
  virtual void BeginWalk(const std::string& root) { (void)root; }
  /// Whether the walk goes into `folder`, found in a walk.
  virtual bool Enters(const std::string& folder) = 0;
  /// Whether `file` is linted; `named` is true for a path given on the command line.
  virtual bool Keeps(const std::string& file, bool named) = 0;
};

/// A post to lint, or a path that could not be read (`problem` says why).
struct WalkEntry {
  std::string path;
  bool named = false;   // given on the command line, not found in a folder
  std::string problem;  // "" for a post to lint
};

struct WalkResult {
  std::vector<WalkEntry> entries;  // sorted within each folder
  std::vector<std::string> notes;  // what was deliberately not followed, for the user
};

/// `follow_symlinks`: also follow links that lead out of the folder walked.
WalkResult CollectPosts(const std::vector<std::string>& paths, WalkFilter& filter, bool follow_symlinks = false);

/// When `path` is a symbolic link to a file outside the current folder (or,
/// for a path outside it, outside the link's own folder), returns that file;
/// else "". `--fix` does not write there unless asked: a link committed to a
/// repository must not make a fix write elsewhere.
std::string LinkTargetOutside(const std::string& path);

}  // namespace digestlint
