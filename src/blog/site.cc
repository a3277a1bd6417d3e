#include "blog/site.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <unordered_map>

#include "blog/index_cache.h"
#include "file_walk.h"
#include "selection.h"
#include "linter.h"
#include "parallel.h"
#include "post.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

// Entries whose post changed less than this before the cache was written are
// hashed again: coarse file-system clocks (a jiffy; FAT's 2 s) can give an
// edit made just after the post was read the same mtime.
constexpr int64_t kRacyMarginNs = 2'000'000'000;

int64_t RealtimeNs() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Absolute and normal, without a trailing separator ("/a/./b/" -> "/a/b").
fs::path NormalFolder(const fs::path& folder) {
  fs::path normal = (WorkingDirectory() / folder).lexically_normal();
  return normal.has_filename() || normal == normal.root_path() ? normal : normal.parent_path();
}

// The nearest folder from `folder` upward that holds Jekyll's _config.yml,
// stopping at the repository root (the folder holding .git).
std::optional<fs::path> JekyllRoot(fs::path folder) {
  std::error_code error;
  for (;;) {
    for (const char* name : {"_config.yml", "_config.yaml"}) {
      if (fs::is_regular_file(folder / name, error)) return folder;
    }
    if (fs::exists(folder / ".git", error) || !folder.has_parent_path() || folder.parent_path() == folder) {
      return std::nullopt;
    }
    folder = folder.parent_path();
  }
}

// What facts depend on besides the bytes: a cached entry made under another
// schema, other limits or another version of digestlint is not used.
uint64_t FactsFingerprint(const LintSettings& settings) {
  const PostSpec& spec = settings.schema->spec();
  const std::string key = std::string("facts 1|") + DIGESTLINT_VERSION + "|" + spec.title_key + "|" + spec.date_key +
                          "|" + spec.title_date_pattern + "|" + std::to_string(spec.paper_heading_level) + "|" +
                          std::to_string(settings.max_file_size) + "|" + std::to_string(settings.max_brackets);
  return ContentHash(key);
}

// The facts of a post's bytes, within the same limits as linting (a post
// over them, or not UTF-8, has none).
PostFacts FactsOfBytes(const std::string& path, std::string bytes, const LintSettings& settings) {
  if (FindEncodingProblem(bytes)) return {};
  const SourceText source(std::move(bytes));
  const std::string& text = source.text();
  if (text.size() > settings.max_file_size ||
      static_cast<size_t>(std::count(text.begin(), text.end(), '[')) > settings.max_brackets) {
    return {};
  }
  PostFacts facts = ExtractFacts(BuildPost(source, path, *settings.schema));
  // Spans point into `source`, which goes away: the index keeps lines only.
  facts.date_span = Span{};
  for (PaperFact& paper : facts.papers) paper.heading = Span{};
  for (TagFact& tag : facts.tags) tag.span = Span{};
  return facts;
}

std::string ShownPath(const std::string& absolute) {
  static const std::string working_directory = WorkingDirectory().string() + "/";
  return absolute.rfind(working_directory, 0) == 0 ? absolute.substr(working_directory.size()) : absolute;
}

}  // namespace

std::optional<fs::path> SiteRoot(const std::string& path, const Project& project, const SiteOptions& options) {
  if (options.no_config || path == "-") return std::nullopt;
  if (!project.config().file.empty()) return NormalFolder(project.config().root);
  return JekyllRoot(NormalFolder(fs::path(path).parent_path()));
}

std::vector<std::string> SitePosts(const fs::path& root, Projects& projects) {
  // The selection of a walk of the site's folder: Jekyll's posts and
  // collection documents in a Jekyll site, .gitignore, include and exclude.
  Selection selection(projects, SelectionOptions{});
  const WalkResult walk = CollectPosts({root.string()}, selection);
  std::vector<std::string> paths;
  for (const WalkEntry& entry : walk.entries) {
    if (entry.problem.empty()) paths.push_back(entry.path);
  }
  return paths;
}

std::unique_ptr<Blog> BuildBlog(const fs::path& site, Projects& projects, const SiteOptions& options,
                                IndexStats* stats) {
  const int64_t started = RealtimeNs();
  const fs::path root = NormalFolder(site);
  const std::vector<std::string> paths = SitePosts(root, projects);
  const Project* site_project = projects.For((root / "post.md").string());
  if (!site_project) return nullptr;
  const Config& config = site_project->config();
  const fs::path cache_file =
      (config.cache_dir.empty() ? root / ".digestlint-cache" : fs::path(config.cache_dir)) / "index";
  const std::optional<IndexCache> cache = options.use_cache ? ReadIndexCache(cache_file) : std::nullopt;
  std::unordered_map<std::string_view, const CacheEntry*> cached;
  if (cache) {
    for (const CacheEntry& entry : cache->entries) cached.emplace(entry.path, &entry);
  }
  const int64_t racy_from = cache ? cache->built_at_ns - kRacyMarginNs : 0;

  std::mutex mutex;
  std::unordered_map<const Project*, uint64_t> fingerprints;
  const auto fingerprint_of = [&](const Project& project, const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = fingerprints.find(&project);
    if (found != fingerprints.end()) return found->second;
    return fingerprints.emplace(&project, FactsFingerprint(project.SettingsFor(path))).first->second;
  };
  enum class Source { kNone, kCache, kRehashed, kParsed };
  struct Item {
    Source source = Source::kNone;
    CacheEntry entry;
  };
  const std::string prefix = root.string() + "/";
  IndexCache fresh{started, {}};
  fresh.entries.reserve(paths.size());
  IndexStats counts;
  ForEachInOrder<Item>(
      paths.size(), options.jobs,
      [&](size_t i) {
        Item item;
        const std::string& path = paths[i];
        struct stat status {};
        const Project* project = projects.For(path);
        if (!project || path.rfind(prefix, 0) != 0 || stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
          return item;  // vanished, or not a file: not part of the site
        }
        CacheEntry& entry = item.entry;
        entry.path = path.substr(prefix.size());
        entry.size = static_cast<uint64_t>(status.st_size);
        entry.mtime_ns = static_cast<int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec;
        entry.fingerprint = fingerprint_of(*project, path);
        const auto found = cached.find(entry.path);
        const CacheEntry* old = found == cached.end() ? nullptr : found->second;
        if (old && old->fingerprint == entry.fingerprint && old->size == entry.size &&
            old->mtime_ns == entry.mtime_ns && entry.mtime_ns < racy_from) {
          entry.hash = old->hash;
          entry.facts = old->facts;
          item.source = Source::kCache;
          return item;
        }
        const LintSettings settings = project->SettingsFor(path);
        std::string problem;
        std::optional<std::string> bytes =
            entry.size > settings.max_file_size ? std::nullopt : ReadPostFile(path, &problem);
        if (!bytes) {
          item.source = Source::kParsed;  // unreadable or too large: no facts, and nothing to hash
          return item;
        }
        entry.size = bytes->size();
        entry.hash = ContentHash(*bytes);
        if (old && old->fingerprint == entry.fingerprint && old->size == entry.size && old->hash == entry.hash) {
          entry.facts = old->facts;
          item.source = Source::kRehashed;
        } else {
          entry.facts = FactsOfBytes(path, std::move(*bytes), settings);
          item.source = Source::kParsed;
        }
        return item;
      },
      [&](Item item) {
        if (item.source == Source::kNone) return;
        ++(item.source == Source::kCache      ? counts.from_cache
           : item.source == Source::kRehashed ? counts.rehashed
                                              : counts.parsed);
        fresh.entries.push_back(std::move(item.entry));
      });
  counts.posts = fresh.entries.size();
  counts.cache_valid = cache.has_value();
  const bool changed =
      !cache || counts.parsed > 0 || counts.rehashed > 0 || fresh.entries.size() != cache->entries.size();
  if (options.use_cache && changed) counts.cache_written = WriteIndexCache(cache_file, fresh);

  std::vector<IndexedPost> posts;
  posts.reserve(fresh.entries.size());
  for (CacheEntry& entry : fresh.entries) {
    const std::string absolute = prefix + entry.path;
    posts.push_back(IndexedPost{ShownPath(absolute), absolute, std::move(entry.facts)});
  }
  if (stats) *stats = counts;
  return std::make_unique<Blog>(root, config.series, std::move(posts));
}

void Sites::Prepare(const std::vector<std::string>& names, const std::optional<std::string>& stdin_name) {
  std::map<fs::path, std::optional<fs::path>> root_of_folder;
  for (const std::string& name : names) {
    if (name == "-" && !stdin_name) continue;
    const std::string& post = name == "-" ? *stdin_name : name;
    if (site_of_post_.count(post)) continue;
    const Project* project = projects_.For(post);
    if (!project) continue;
    std::optional<fs::path> root;
    if (!project->config().file.empty() || options_.no_config) {
      root = SiteRoot(post, *project, options_);
    } else {  // a walk up to a Jekyll site's root: once per folder
      const fs::path folder = NormalFolder(fs::path(post).parent_path());
      const auto known = root_of_folder.find(folder);
      root = known != root_of_folder.end()
                 ? known->second
                 : root_of_folder.emplace(folder, SiteRoot(post, *project, options_)).first->second;
    }
    if (!root) continue;
    auto blog = blogs_.find(*root);
    if (blog == blogs_.end()) blog = blogs_.emplace(*root, BuildBlog(*root, projects_, options_)).first;
    site_of_post_[post] = blog->second.get();
  }
}

const Blog* Sites::For(const std::string& post) const {
  const auto found = site_of_post_.find(post);
  return found == site_of_post_.end() ? nullptr : found->second;
}

}  // namespace digestlint
