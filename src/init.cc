#include "init.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <vector>

#include "atomic_write.h"
#include "linter.h"
#include "terminal_text.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;

// What a folder means for linting where digestlint does not know the site's
// generator. One row per convention: add a row to teach init another layout.
struct SiteFolder {
  enum class Use {
    kPosts,         // lint the posts here (include)
    kExclude,       // never posts (exclude)
    kMaybeExclude,  // posts the blog may or may not want linted (a commented exclude)
  };
  const char* path;  // relative to the site, '/' separators
  const char* what;  // for the comment
  Use use;
};

constexpr SiteFolder kSiteFolders[] = {
    {"_posts", "Jekyll's posts", SiteFolder::Use::kPosts},
    {"_drafts", "Jekyll's unpublished drafts", SiteFolder::Use::kMaybeExclude},
    {"_site", "the site Jekyll generates", SiteFolder::Use::kExclude},
    {".jekyll-cache", "Jekyll's cache", SiteFolder::Use::kExclude},
    {"vendor", "installed gems (their README files are not posts)", SiteFolder::Use::kExclude},
    {"node_modules", "npm packages", SiteFolder::Use::kExclude},
};

// Files that say which generator a site uses.
struct SiteMarker {
  const char* file;
  const char* site;
  // What digestlint lints there without include or exclude, when it reads the
  // generator's configuration itself (src/site.cc); nullptr when it does not.
  const char* selects;
};

constexpr const char* kJekyllSelects =
    "what Jekyll reads as posts\n# and collection documents (not pages, _site/, vendor/, node_modules/; _drafts/\n# "
    "with --drafts)";

constexpr SiteMarker kSiteMarkers[] = {{"_config.yml", "Jekyll site", kJekyllSelects},
                                       {"_config.yaml", "Jekyll site", kJekyllSelects},
                                       {"hugo.toml", "Hugo site", nullptr},
                                       {"astro.config.mjs", "Astro site", nullptr}};

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::string List(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Quoted(items[i]);
  return out + "]";
}

bool IsFolder(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

// The configuration files digestlint reads, in the order it looks for them.
constexpr const char* kConfigNames[] = {".digestlint.yaml", ".digestlint.yml"};

}  // namespace

std::string InitialConfig(const fs::path& folder) {
  const SiteMarker* site = nullptr;
  for (const SiteMarker& marker : kSiteMarkers) {
    std::error_code error;
    if (fs::exists(folder / marker.file, error)) {
      site = &marker;
      break;
    }
  }
  const bool selects_itself = site && site->selects;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<std::string> maybe_exclude;
  std::string include_why;
  std::string exclude_why;
  std::string maybe_why;
  for (const SiteFolder& entry : kSiteFolders) {
    if (selects_itself || !IsFolder(folder / entry.path)) continue;
    const std::string why = std::string(entry.path) + "/: " + entry.what;
    switch (entry.use) {
      case SiteFolder::Use::kPosts:
        include.push_back(std::string(entry.path) + "/**/*.md");
        include.push_back(std::string(entry.path) + "/**/*.markdown");
        include_why += (include_why.empty() ? "" : "; ") + why;
        break;
      case SiteFolder::Use::kExclude:
        exclude.push_back(std::string(entry.path) + "/");
        exclude_why += (exclude_why.empty() ? "" : "; ") + why;
        break;
      case SiteFolder::Use::kMaybeExclude:
        maybe_exclude.push_back(std::string(entry.path) + "/");
        maybe_why += (maybe_why.empty() ? "" : "; ") + why;
        break;
    }
  }

  std::string text = "# digestlint configuration, written by `digestlint init` for this folder" +
                     (site ? " (a " + std::string(site->site) + ")" : std::string()) +
                     ".\n"
                     "# Every key is optional; a commented key shows its default. Globs and paths are\n"
                     "# relative to this file's folder. Reference: README.md, \"Configuration\".\n\n"
                     "# The schema: what a post must contain (default: the built-in daily-papers schema).\n"
                     "# schema: schemas/blog.schema.json\n"
                     "# Or one schema per kind of post (the first entry whose globs match a post):\n"
                     "# schemas:\n"
                     "#   - files: \"*-daily-papers.md\"\n"
                     "#     schema: schemas/daily.schema.json\n\n"
                     "# The files a folder walk lints";
  text += selects_itself
              ? ". Here digestlint lints " + std::string(site->selects) + "; include and exclude narrow that further.\n"
              : std::string(".\n");
  text += include.empty() ? "# include: [\"*.md\", \"*.markdown\"]\n"
                          : "include: " + List(include) + "  # found " + include_why + "\n";
  text += "\n# Files never linted, even when named on the command line (as pre-commit names them).\n";
  text += exclude.empty() ? "# exclude: []\n" : "exclude: " + List(exclude) + "  # " + exclude_why + "\n";
  if (!maybe_exclude.empty()) {
    text += "# exclude: " + List(maybe_exclude) + "  # to skip " + maybe_why + "\n";
  }
  text +=
      "\n# The rules: codes (DL201), names (section-missing), code prefixes (DL2) or ALL.\n"
      "select: [ALL]\n"
      "# extend-select: []\n"
      "# ignore: []\n"
      "# Severity per rule: error, warning, info or off.\n"
      "# severity:\n"
      "#   bullet-labels: info\n"
      "# Rules ignored in some files:\n"
      "# per-file-ignores:\n"
      "#   \"_posts/2019-*.md\": [DL3]\n"
      "# fail-on: error  # or warning: exit 1 on warnings too\n"
      "# custom-rules: [\"styles/*.yml\"]\n"
      "# max-file-size: 10485760\n"
      "# max-brackets: 10000\n"
      "# max-parse-memory: 134217728\n"
      "# max-diagnostics: 1000\n"
      "\n# The blog as a whole (the cross-post rules, DL7xx).\n"
      "# series:\n"
      "#   cadence: none        # or daily, weekdays, weekly: then a missing day is reported\n"
      "#   since: 2025-01-01    # where the cadence starts (default: the first post)\n"
      "#   paper-window: 30     # how many days back paper-repeated looks (default: the whole blog)\n"
      "#   common-tag-posts: 3  # a tag in this many posts is common\n"
      "# cache-dir: .digestlint-cache  # the site index cache\n";
  return text;
}

int RunInit(const Invocation& call, Streams streams, const Terminal&) {
  const fs::path folder = call.operands.empty() ? fs::path(".") : fs::path(call.operands.front());
  fs::path target = folder / kConfigNames[0];
  for (const char* name : kConfigNames) {
    std::error_code error;
    if (!fs::exists(folder / name, error)) continue;
    if (!call.Has("force")) {
      streams.err << "digestlint: error: " << EscapeForTerminal((folder / name).string())
                  << " exists; use --force to replace it\n";
      return kExitInputError;
    }
    target = folder / name;
    break;
  }
  const std::string text = InitialConfig(folder);
  std::string problem;
  std::error_code exists_error;
  if (fs::exists(target, exists_error)) {  // --force: replaced only as it was read
    FileStamp stamp;
    const std::optional<std::string> existing = ReadPostFile(target.string(), &problem, &stamp);
    if (existing) {
      ReplaceResult replaced = ReplaceFileIfUnchanged(target.string(), stamp, *existing, text);
      problem = std::move(replaced.problem);
    }
  } else {
    // O_EXCL: never replace a file that appeared in the meantime.
    const int fd = open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      problem = std::error_code(errno, std::generic_category()).message();
    } else {
      for (size_t done = 0; done < text.size() && problem.empty();) {
        const ssize_t written = write(fd, text.data() + done, text.size() - done);
        if (written < 0 && errno != EINTR) problem = std::error_code(errno, std::generic_category()).message();
        if (written > 0) done += static_cast<size_t>(written);
      }
      if (close(fd) != 0 && problem.empty()) problem = std::error_code(errno, std::generic_category()).message();
      if (!problem.empty()) unlink(target.c_str());  // no half-written configuration
    }
  }
  if (!problem.empty()) {
    streams.err << "digestlint: error: cannot write " << EscapeForTerminal(target.string()) << ": " << problem << '\n';
    return kExitInputError;
  }
  streams.err << "digestlint: wrote " << EscapeForTerminal(target.string()) << '\n';
  return kExitClean;
}

}  // namespace digestlint
