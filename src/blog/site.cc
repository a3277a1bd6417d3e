#include "blog/site.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <thread>
#include <unordered_map>

#include "blog/index_cache.h"
#include "linter.h"
#include "parallel.h"
#include "post.h"
#include "selection.h"

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
  const std::string key = std::string("facts 2|") + DIGESTLINT_VERSION + "|" + settings.schema->document().dump() +
                          "|" + std::to_string(settings.max_file_size) + "|" + std::to_string(settings.max_brackets);
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
  PostFacts facts =
      ExtractFacts(BuildPost(source, path, *settings.schema, settings.jekyll ? &*settings.jekyll : nullptr));
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

struct SitePost {
  std::string path;
  const Project* project = nullptr;
  struct stat status {};
};

// The walk of file_walk.cc's CollectPosts (sorted, hidden entries skipped,
// symlinks followed, the command line's Selection), made for the one-post run
// over a large site: directory entry types instead of a stat per entry, and
// each folder's project and relative path looked up once, so `include` and
// `exclude` reject most files before the Selection is asked.
void WalkSite(const std::string& folder, Projects& projects, Selection& selection, std::vector<SitePost>& out) {
  DIR* dir = opendir(folder.c_str());
  if (!dir) return;
  const int folder_fd = dirfd(dir);
  std::vector<std::pair<std::string, bool>> entries;  // name, is a folder
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;  // hidden, "." and ".."
    bool is_folder = entry->d_type == DT_DIR;
    if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
      struct stat status {};
      is_folder = fstatat(folder_fd, entry->d_name, &status, 0) == 0 && S_ISDIR(status.st_mode);
    }
    entries.emplace_back(entry->d_name, is_folder);
  }
  std::sort(entries.begin(), entries.end());
  const Project* project = nullptr;
  std::string relative_folder;
  for (const auto& [name, is_folder] : entries) {
    const std::string path = folder + "/" + name;
    if (is_folder) {
      if (selection.Enters(path)) WalkSite(path, projects, selection, out);
      continue;
    }
    if (!project) {  // every file of a folder has the folder's project
      project = projects.For(path);
      if (!project) break;
      relative_folder = fs::path(folder).lexically_relative(project->config().root).generic_string();
      relative_folder = relative_folder.empty() || relative_folder == "." ? "" : relative_folder + "/";
    }
    // .gitignore is asked per folder only (Enters): asked per post it doubles
    // the CPU time of a warm one-post run, for the rare post ignored by name.
    if (!project->WalksRelative(relative_folder + name) || !selection.Keeps(path, true)) continue;
    // Stat it here, relative to the open folder: a shorter lookup than the whole path.
    SitePost post{path, project, {}};
    if (fstatat(folder_fd, name.c_str(), &post.status, 0) != 0) post.status.st_mode = 0;
    out.push_back(std::move(post));
  }
  closedir(dir);
}

}  // namespace

std::optional<fs::path> SiteRoot(const std::string& path, const Project& project, const SiteOptions& options) {
  if (options.no_config || path == "-") return std::nullopt;
  if (!project.config().file.empty()) return NormalFolder(project.config().root);
  return JekyllRoot(NormalFolder(fs::path(path).parent_path()));
}

std::unique_ptr<Blog> BuildBlog(const fs::path& site, Projects& projects, const SiteOptions& options,
                                IndexStats* stats) {
  const int64_t started = RealtimeNs();
  const fs::path root = NormalFolder(site);
  const Project* site_project = projects.For((root / "post.md").string());
  if (!site_project) return nullptr;
  const Config& config = site_project->config();
  const fs::path cache_file =
      (config.cache_dir.empty() ? root / ".digestlint-cache" : fs::path(config.cache_dir)) / "index";
  // The cache is parsed while the site is walked (a stat per post): the two
  // halves of a warm run.
  std::optional<IndexCache> cache;
  std::thread reader;
  if (options.use_cache) reader = std::thread([&] { cache = ReadIndexCache(cache_file); });
  std::vector<SitePost> walked;
  Selection selection(projects, SelectionOptions{options.drafts, false});
  selection.BeginWalk(root.string());
  WalkSite(root.string(), projects, selection, walked);
  if (reader.joinable()) reader.join();
  // The cache is in walk order, so entries are usually found in sequence;
  // after an addition or removal, by name.
  size_t next_cached = 0;
  std::unordered_map<std::string_view, CacheEntry*> cached;
  const auto find_cached = [&](std::string_view path) -> CacheEntry* {
    if (!cache) return nullptr;
    if (next_cached < cache->entries.size() && cache->entries[next_cached].path == path) {
      return &cache->entries[next_cached++];
    }
    if (cached.empty()) {
      cached.reserve(cache->entries.size());
      for (CacheEntry& entry : cache->entries) cached.emplace(entry.path, &entry);
    }
    const auto found = cached.find(path);
    return found == cached.end() ? nullptr : found->second;
  };
  const int64_t racy_from = cache ? cache->built_at_ns - kRacyMarginNs : 0;

  // First the cheap part, in order: a stat per post, and the cached facts
  // when size, mtime and fingerprint match and the entry is not racily clean.
  const std::string prefix = root.string() + "/";
  std::map<std::pair<const Project*, const Schema*>, uint64_t> fingerprints;
  IndexCache fresh{started, {}};
  fresh.entries.resize(walked.size());
  std::vector<bool> present(walked.size(), false);
  std::vector<size_t> to_read;
  std::vector<const CacheEntry*> previous(walked.size(), nullptr);
  IndexStats counts;
  for (size_t i = 0; i < walked.size(); ++i) {
    const std::string& path = walked[i].path;
    const struct stat& status = walked[i].status;
    if (path.rfind(prefix, 0) != 0 || !S_ISREG(status.st_mode)) continue;  // vanished, or not a file
    present[i] = true;
    CacheEntry& entry = fresh.entries[i];
    const std::string_view relative = std::string_view(path).substr(prefix.size());
    entry.size = static_cast<uint64_t>(status.st_size);
    entry.mtime_ns = static_cast<int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec;
    // Facts depend on the post's schema: one fingerprint per project and schema.
    const std::pair<const Project*, const Schema*> key{walked[i].project, walked[i].project->SchemaFor(path)};
    auto fingerprint = fingerprints.find(key);
    if (fingerprint == fingerprints.end()) {
      fingerprint = fingerprints.emplace(key, FactsFingerprint(walked[i].project->SettingsFor(path))).first;
    }
    entry.fingerprint = fingerprint->second;
    CacheEntry* old = find_cached(relative);
    if (old && old->fingerprint == entry.fingerprint && old->size == entry.size && old->mtime_ns == entry.mtime_ns &&
        entry.mtime_ns < racy_from) {
      entry.path = std::move(old->path);
      entry.hash = old->hash;
      entry.facts = std::move(old->facts);
      ++counts.from_cache;
      continue;
    }
    entry.path = std::string(relative);
    previous[i] = old;
    to_read.push_back(i);
  }

  // Then the posts that changed (or are new, or racily clean), read in parallel.
  ForEachInOrder<bool>(
      to_read.size(), options.jobs,
      [&](size_t k) {
        const size_t i = to_read[k];
        CacheEntry& entry = fresh.entries[i];
        const CacheEntry* old = previous[i];
        const LintSettings settings = walked[i].project->SettingsFor(walked[i].path);
        std::string problem;
        std::optional<std::string> bytes =
            entry.size > settings.max_file_size ? std::nullopt : ReadPostFile(walked[i].path, &problem);
        if (!bytes) return false;  // unreadable or too large: no facts
        entry.size = bytes->size();
        entry.hash = ContentHash(*bytes);
        if (old && old->fingerprint == entry.fingerprint && old->size == entry.size && old->hash == entry.hash) {
          entry.facts = old->facts;
          return true;
        }
        entry.facts = FactsOfBytes(walked[i].path, std::move(*bytes), settings);
        return false;
      },
      [&](bool unchanged) { ++(unchanged ? counts.rehashed : counts.parsed); });

  size_t kept = 0;
  for (size_t i = 0; i < walked.size(); ++i) {
    if (!present[i]) continue;
    if (kept != i) {
      fresh.entries[kept] = std::move(fresh.entries[i]);
      walked[kept] = std::move(walked[i]);
    }
    ++kept;
  }
  fresh.entries.resize(kept);
  counts.posts = kept;
  counts.cache_valid = cache.has_value();
  const bool changed = !cache || counts.parsed > 0 || counts.rehashed > 0 || kept != cache->entries.size();
  if (options.use_cache && changed) counts.cache_written = WriteIndexCache(cache_file, fresh);
  if (stats) *stats = counts;
  std::vector<IndexedPost> posts;
  posts.reserve(kept);
  for (size_t i = 0; i < kept; ++i) {
    const Schema* schema = walked[i].project->SchemaFor(walked[i].path);
    posts.push_back(
        IndexedPost{ShownPath(walked[i].path), std::move(walked[i].path), std::move(fresh.entries[i].facts), schema});
  }
  return std::make_unique<Blog>(root, config.series, std::move(posts));
}

void Sites::Prepare(const std::vector<WalkEntry>& posts, const std::optional<std::string>& stdin_name) {
  std::map<fs::path, std::optional<fs::path>> root_of_folder;
  for (const WalkEntry& entry : posts) {
    const std::string& name = entry.path;
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
    const Schema* schema = project->SchemaFor(post);
    if (!schema || !blog->second) {
      site_of_post_[post] = blog->second.get();
      continue;
    }
    auto series = series_.find({*root, schema});
    if (series == series_.end())
      series = series_.emplace(std::make_pair(*root, schema), blog->second->SeriesOf(schema)).first;
    site_of_post_[post] = series->second.get();
  }
}

const Blog* Sites::For(const std::string& post) const {
  const auto found = site_of_post_.find(post);
  return found == site_of_post_.end() ? nullptr : found->second;
}

}  // namespace digestlint
