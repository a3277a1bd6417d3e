#pragma once
// Which posts form a post's site, and the site's index (every post's facts,
// through the cache), built once per run for the cross-post rules.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "blog/blog.h"
#include "file_walk.h"
#include "projects.h"

namespace digestlint {

struct SiteOptions {
  bool no_config = false;  // --no-config: no site, every post is linted alone
  bool use_cache = true;   // --no-cache turns the index cache off
  size_t jobs = 1;
  bool drafts = false;  // --drafts: a Jekyll site's _drafts/ are posts of the site too
};

/// The folder whose posts form the site of the post at `path`: the folder of
/// its configuration file, else the Jekyll site that holds it (the nearest
/// folder with a _config.yml, up to the repository root); nullopt when there
/// is neither, or with --no-config.
std::optional<std::filesystem::path> SiteRoot(const std::string& path, const Project& project,
                                              const SiteOptions& options);

/// What building an index did, for tests and the benchmark.
struct IndexStats {
  size_t posts = 0;
  size_t from_cache = 0;  // size and mtime matched
  size_t rehashed = 0;    // read and hashed again (racily clean, or mtime changed), content unchanged
  size_t parsed = 0;      // read and parsed
  bool cache_valid = false;
  bool cache_written = false;
};

/// Builds the index of the site whose root folder is `site`, reading and writing its cache
/// unless `options.use_cache` is false.
std::unique_ptr<Blog> BuildBlog(const std::filesystem::path& site, Projects& projects, const SiteOptions& options,
                                IndexStats* stats = nullptr);

/// The sites of one run: each built once, before the posts are linted.
class Sites {
 public:
  Sites(Projects& projects, SiteOptions options) : projects_(projects), options_(options) {}
  /// Builds the index of every site that the posts of a walk belong to ("-" is
  /// the post read from stdin, named `stdin_name`).
  void Prepare(const std::vector<WalkEntry>& posts, const std::optional<std::string>& stdin_name);
  /// The site of a post named as in Prepare (or nullptr).
  const Blog* For(const std::string& post) const;

 private:
  Projects& projects_;
  const SiteOptions options_;
  std::map<std::string, const Blog*> site_of_post_;
  std::map<std::filesystem::path, std::unique_ptr<Blog>> blogs_;
  // With `schemas`: each schema's posts of a site, a blog of their own.
  std::map<std::pair<std::filesystem::path, const Schema*>, std::unique_ptr<Blog>> series_;
};

}  // namespace digestlint
