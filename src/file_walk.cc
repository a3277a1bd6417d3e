#include "file_walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

namespace digestlint {

namespace {

namespace fs = std::filesystem;

bool IsHidden(const std::string& name) { return name.size() > 1 && name[0] == '.'; }

// "dir/name", and just "name" in ".", as a user would write it.
std::string Join(const std::string& folder, const std::string& name) {
  if (folder == ".") return name;
  return folder + (!folder.empty() && folder.back() == '/' ? "" : "/") + name;
}

bool IsInside(const fs::path& path, const fs::path& folder) {
  const std::string inner = path.string();
  const std::string outer = folder.string();
  return inner == outer || (inner.rfind(outer, 0) == 0 && (outer.back() == '/' || inner[outer.size()] == '/'));
}

class Walker {
 public:
  Walker(WalkFilter& filter, bool follow_symlinks, WalkResult& result)
      : filter_(filter), follow_symlinks_(follow_symlinks), result_(result) {}

  void WalkRoot(const std::string& root, const struct stat& info) {
    std::error_code error;
    root_ = fs::canonical(root, error);
    root_name_ = root;
    visited_.clear();
    visited_.insert({info.st_dev, info.st_ino});
    Walk(root);
  }

 private:
  void Walk(const std::string& folder) {
    std::error_code error;
    std::vector<std::string> names;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
      names.push_back(it->path().filename().string());
    }
    if (error) {
      result_.entries.push_back(WalkEntry{folder, false, "it is a folder that cannot be read: " + error.message()});
      return;
    }
    std::sort(names.begin(), names.end());
    // A folder of 100,000 posts: room for all at once, not a doubling that holds
    // the old entries and twice the room, and each name freed once visited.
    std::vector<WalkEntry>& entries = result_.entries;
    if (entries.size() + names.size() > entries.capacity()) {
      entries.reserve(std::max(entries.size() + names.size(), 2 * entries.capacity()));
    }
    for (std::string& name : names) {
      if (!IsHidden(name)) Visit(Join(folder, name));
      std::string().swap(name);
    }
  }

  void Visit(const std::string& path) {
    struct stat link {};
    if (lstat(path.c_str(), &link) != 0) {  // a name too long, or gone since the listing
      result_.entries.push_back(WalkEntry{path, false, std::error_code(errno, std::generic_category()).message()});
      return;
    }
    struct stat info = link;
    const bool is_link = S_ISLNK(link.st_mode);
    if (is_link && stat(path.c_str(), &info) != 0) {  // a dangling link: reported when read
      if (filter_.Keeps(path, false)) result_.entries.push_back(WalkEntry{path, false, ""});
      return;
    }
    if (is_link && !follow_symlinks_) {
      std::error_code error;
      const fs::path target = fs::canonical(path, error);
      if (!error && !IsInside(target, root_)) {
        if (S_ISDIR(info.st_mode) ? filter_.Enters(path) : filter_.Keeps(path, false)) {
          result_.notes.push_back(path + ": not linted: a symbolic link out of " + root_name_ + " (to " +
                                  target.string() + "); --follow-symlinks follows it");
        }
        return;
      }
    }
    if (S_ISDIR(info.st_mode)) {
      // Each folder once: a second name for it (a link loop such as a -> .) adds nothing.
      if (visited_.insert({info.st_dev, info.st_ino}).second && filter_.Enters(path)) Walk(path);
    } else if (filter_.Keeps(path, false)) {
      result_.entries.push_back(WalkEntry{path, false, ""});  // even if unreadable: reported, not skipped
    }
  }

  WalkFilter& filter_;
  const bool follow_symlinks_;
  WalkResult& result_;
  fs::path root_;
  std::string root_name_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

WalkResult CollectPosts(const std::vector<std::string>& paths, WalkFilter& filter, bool follow_symlinks) {
  WalkResult result;
  Walker walker(filter, follow_symlinks, result);
  for (const std::string& path : paths) {
    struct stat info {};
    if (path != "-" && stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
      filter.BeginWalk(path);
      walker.WalkRoot(path, info);
    } else if (struct stat link{}; path == "-" || lstat(path.c_str(), &link) != 0 || filter.Keeps(path, true)) {
      result.entries.push_back(WalkEntry{path, true, ""});  // a missing file too: it is reported
    }
  }
  return result;
}

std::string LinkTargetOutside(const std::string& path) {
  struct stat link {};
  if (lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return "";
  std::error_code error;
  const fs::path target = fs::canonical(path, error);
  if (error) return "";  // a dangling link is never written
  const fs::path working_directory = fs::current_path(error);
  const fs::path absolute = (working_directory / path).lexically_normal();
  const fs::path tree = IsInside(absolute, working_directory) ? working_directory : absolute.parent_path();
  const fs::path root = fs::canonical(tree, error);
  return !error && IsInside(target, root) ? "" : target.string();
}

}  // namespace digestlint
