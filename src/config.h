#pragma once
// .digestlint.yaml: found from each linted file's folder upward (stopping at
// the folder holding .git), validated with schemas/digestlint-config.schema.json.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "source_text.h"

namespace digestlint {

/// How often the blog posts, for day-missing (DL703).
enum class Cadence { kNone, kDaily, kWeekdays, kWeekly };

/// The `series` key: what the cross-post rules (DL7xx) assume about the blog.
struct SeriesConfig {
  Cadence cadence = Cadence::kNone;
  std::optional<std::string> since;  // YYYY-MM-DD: the cadence starts here (default: the first post)
  std::optional<int> paper_window;   // days paper-repeated looks back (default: the whole blog)
  int common_tag_posts = 3;          // tag-unusual: a tag in this many posts is common
};

std::string_view CadenceName(Cadence cadence);

struct Config {
  std::string file;                   // the configuration file; "" when defaults are used
  std::filesystem::path root;         // globs and paths are relative to this folder
  std::optional<std::string> schema;  // absolute path
  // `schemas`: each glob list with its schema (absolute path). When given, a
  // file that matches none of the globs is not a digest and is not linted.
  struct SchemaForFiles {
    std::vector<std::string> files;
    std::string schema;
  };
  std::vector<SchemaForFiles> schemas;
  std::vector<std::string> include = {"*.md", "*.markdown"};
  std::vector<std::string> exclude;
  std::vector<std::string> select = {"ALL"};
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::map<std::string, std::string> severity;  // selector -> error|warning|info|off
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;
  std::string fail_on = "error";
  std::vector<std::string> custom_rules;  // globs, relative to root
  size_t max_file_size = 10 << 20;
  size_t max_brackets = 10000;
  SeriesConfig series;
  // The site index cache (src/blog/index_cache.h): absolute; "" = <root>/.digestlint-cache.
  std::string cache_dir;
  size_t max_diagnostics = 1000;
  size_t max_parse_memory = size_t{128} << 20;
  // Where each key's value came from: the file, "default" or "command line".
  std::map<std::string, std::string> origin;
  // Where each value stands in the file, by JSON pointer, for error messages.
  std::map<std::string, Position> positions;

  /// "file:line:col" of the value at `pointer` (or of the file).
  std::string Where(const std::string& pointer) const;
};

/// The defaults, relative to `root`.
Config DefaultConfig(const std::filesystem::path& root);

/// Loads a configuration file; on failure returns nullopt and sets `error` to
/// "file:line:col: message" (with a "did you mean" for a misspelt key).
std::optional<Config> LoadConfig(const std::string& path, std::string* error);

/// The nearest .digestlint.yaml or .digestlint.yml from `folder` upward (of
/// any file type: one that is not a readable file is an error to report),
/// stopping after the folder that holds .git; "" when there is none.
std::string FindConfigFile(const std::filesystem::path& folder);

/// The current directory ("/" if it no longer exists), read once per run.
std::filesystem::path WorkingDirectory();

}  // namespace digestlint
