#pragma once
// Custom rules, one YAML file each, in the spirit of Vale's styles: a pattern
// that must not occur (existence), must occur (required), or is replaced
// (substitution, fixable), within a scope of the post.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "post.h"

namespace re2 {
class RE2;
}

namespace digestlint {

class DiagnosticSink;

class CustomRule {
 public:
  enum class Kind { kExistence, kRequired, kSubstitution };
  struct Swap {
    std::shared_ptr<const re2::RE2> wrong;
    std::string right;
  };

  const RuleInfo& info() const { return info_; }
  const std::string& documentation() const { return documentation_; }
  void Check(const Post& post, DiagnosticSink& sink) const;

 private:
  friend bool LoadCustomRuleFile(const std::string& path, std::vector<std::unique_ptr<CustomRule>>& out,
                                 std::string* error);
  std::vector<Span> ScopeSpans(const Post& post) const;

  // Owned text the RuleInfo's string_views point into; a CustomRule never moves.
  std::string code_;
  std::string name_;
  std::string summary_;
  std::string message_;
  std::string scope_;
  Kind kind_ = Kind::kExistence;
  std::shared_ptr<const re2::RE2> pattern_;
  std::vector<Swap> swaps_;
  std::string documentation_;
  RuleInfo info_{};
};

/// Loads one rule file; on failure sets `error` to "file:line:col: message".
bool LoadCustomRuleFile(const std::string& path, std::vector<std::unique_ptr<CustomRule>>& out, std::string* error);

/// Loads every file matching `pattern` (a path or glob relative to `root`).
bool LoadCustomRules(const std::filesystem::path& root, const std::string& pattern,
                     std::vector<std::unique_ptr<CustomRule>>& out, std::string* error);

}  // namespace digestlint
