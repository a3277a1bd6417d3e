#pragma once
// Gitignore-style globs for include, exclude and per-file-ignores: `*` and `?`
// stay within a path component, `**` spans components, `[abc]` is a class.
// A pattern without '/' matches the file name at any depth.

#include <memory>
#include <string>

namespace re2 {
class RE2;
}

namespace digestlint {

class Glob {
 public:
  explicit Glob(const std::string& pattern);
  /// `path` is relative to the configuration's folder, with '/' separators.
  bool Matches(const std::string& path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::shared_ptr<const re2::RE2> regex_;
};

}  // namespace digestlint
