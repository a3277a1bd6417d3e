#include "file_walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace digestlint {

namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.';
}

void Walk(const fs::path& folder, const PostFilter& keep, std::vector<std::string>& out) {
  std::error_code error;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    if (IsHidden(entry)) continue;
    std::error_code status_error;
    if (fs::is_directory(entry, status_error)) {
      Walk(entry, keep, out);
    } else if (keep(entry.string(), false)) {
      out.push_back(entry.string());  // even if unreadable: it is reported, not skipped
    }
  }
}

}  // namespace

std::vector<std::string> CollectPosts(const std::vector<std::string>& paths, const PostFilter& keep) {
  std::vector<std::string> posts;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      Walk(path, keep, posts);
    } else if (path == "-" || keep(path, true)) {
      posts.push_back(path);
    }
  }
  return posts;
}

}  // namespace digestlint
