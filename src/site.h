#pragma once
// A Jekyll site, read from its _config.yml (found upward from a post, like
// .digestlint.yaml): which files Jekyll reads as posts, drafts and collection
// documents, and the front-matter defaults it gives each. The rules are
// Jekyll's own (its Reader, EntryFilter and FrontmatterDefaults):
// - posts are in `_posts/` folders, drafts in `_drafts/`, the documents of a
//   collection in `<collections_dir>/_<label>/`;
// - an entry whose name starts with '.', '_', '#' or '~' or ends with '~' is
//   skipped unless `include` names it, and `exclude` (with Jekyll's default
//   excludes) drops a path that matches a pattern or starts with it;
// - defaults apply by path prefix and type, the longer path winning.

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace digestlint {

/// What the site makes of one file: given to the linter with its settings, so
/// that rules see the front matter as Jekyll does and know its publishing rules.
struct JekyllDocument {
  enum class Kind { kPost, kDraft, kCollectionDocument };
  Kind kind = Kind::kPost;
  std::string collection = "posts";                    // its collection's label
  nlohmann::json defaults = nlohmann::json::object();  // the front-matter defaults that apply
  bool future = false;                                 // `future`: posts dated later than now are published
  bool unpublished = false;                            // `unpublished`: `published: false` is published too
  std::time_t now = 0;                                 // when the run started
};

/// The front matter as Jekyll reads it: the defaults, deep-merged under the
/// file's own keys (a mapping in both wins key by key; the file's value wins).
nlohmann::json WithDefaults(const nlohmann::json& front_matter, const JekyllDocument& document);

/// The value of top-level `key` as Jekyll reads it (the file's, else the
/// defaults'), or nullptr.
const nlohmann::json* EffectiveValue(const nlohmann::json& front_matter, const JekyllDocument& document,
                                     const std::string& key);

class JekyllSite {
 public:
  /// Reads and checks a _config.yml; on failure returns nullopt and sets
  /// `error` to "file:line:col: message".
  static std::optional<JekyllSite> Load(const std::string& config_file, std::time_t now, std::string* error);
  /// A site at `root` with Jekyll's defaults only (no _config.yml keys).
  static JekyllSite WithDefaultConfig(const std::filesystem::path& root, std::time_t now);

  const std::filesystem::path& root() const { return root_; }
  /// Whether drafts are read (`show_drafts: true`).
  bool shows_drafts() const { return show_drafts_; }

  /// Whether Jekyll reads documents from `folder` or below it (a path relative
  /// to the root, '/'-separated): false for `_site`, `_includes`, excluded
  /// folders and the like, so a folder walk need not enter them.
  bool MayHoldDocuments(const std::string& folder) const;
  /// What Jekyll reads `path` (relative to the root) as, or nullopt for a page,
  /// a static file, or a file it skips.
  std::optional<JekyllDocument> Document(const std::string& path) const;

 private:
  struct Collection {
    std::string label;
    bool output = false;
  };
  struct DefaultSet {
    std::optional<std::string> path;  // scope.path
    std::optional<std::string> type;  // scope.type
    nlohmann::json values;
  };
  enum class Place { kSite, kPosts, kDrafts, kCollection, kSkipped };
  struct Located {
    Place place = Place::kSite;
    std::string collection;
  };

  JekyllSite() = default;
  Located Locate(const std::vector<std::string>& parts, size_t folders) const;
  bool Reads(const std::string& entry, const std::string& source_relative) const;
  bool Matches(const std::vector<std::string>& patterns, const std::string& path) const;
  nlohmann::json DefaultsFor(const std::string& path, const std::string& type) const;

  std::filesystem::path root_;
  std::vector<std::string> include_;
  std::vector<std::string> exclude_;
  std::string collections_dir_;
  std::string destination_ = "_site";
  std::vector<Collection> collections_;
  std::vector<DefaultSet> defaults_;
  bool future_ = false;
  bool unpublished_ = false;
  bool show_drafts_ = false;
  std::time_t now_ = 0;
};

/// The nearest _config.yml (or _config.yaml) from `folder` upward, stopping
/// after the folder that holds .git; "" when there is none.
std::string FindSiteConfig(const std::filesystem::path& folder);

/// Whether a file name is one Jekyll publishes as a post: a date prefix
/// (`YYYY-MM-DD-`, as Jekyll's DATE_FILENAME_MATCHER reads it), a slug and an extension.
bool IsDatedPostName(const std::string& file_name);

}  // namespace digestlint
