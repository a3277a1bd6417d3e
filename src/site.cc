#include "site.h"

#include <fnmatch.h>

#include <algorithm>
#include <sstream>
#include <system_error>

#include <re2/re2.h>

#include "embedded.h"
#include "json_schema.h"
#include "yaml_file.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const JsonSchema& SiteConfigSchema() {
  static const JsonSchema schema(json::parse(*FindEmbeddedFile("jekyll-config.schema.json")));
  return schema;
}

// Jekyll 4's Configuration::DEFAULT_EXCLUDES, which it adds to the site's own.
const char* const kDefaultExcludes[] = {".sass-cache",  ".jekyll-cache", "gemfiles",       "Gemfile",
                                        "Gemfile.lock", "node_modules",  "vendor/bundle/", "vendor/cache/",
                                        "vendor/gems/", "vendor/ruby/"};

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream stream(path);
  for (std::string part; std::getline(stream, part, '/');) {
    if (!part.empty() && part != ".") parts.push_back(part);
  }
  return parts;
}

std::string JoinPath(const std::vector<std::string>& parts, size_t begin, size_t end) {
  std::string path;
  for (size_t i = begin; i < end; ++i) path += (path.empty() ? "" : "/") + parts[i];
  return path;
}

// A list of paths; Jekyll still reads a comma-separated string (deprecated).
std::vector<std::string> PathList(const json& value) {
  if (value.is_array()) return value.get<std::vector<std::string>>();
  std::vector<std::string> items;
  std::stringstream stream(value.get<std::string>());
  for (std::string item; std::getline(stream, item, ',');) {
    const size_t first = item.find_first_not_of(" \t");
    const size_t last = item.find_last_not_of(" \t");
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
  }
  return items;
}

// Jekyll's "special" entries: hidden, private to Jekyll ('_'), or editor files.
bool IsSpecial(const std::string& name) {
  return !name.empty() && (name[0] == '.' || name[0] == '_' || name[0] == '#' || name[0] == '~');
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool StartsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// Jekyll's Utils.deep_merge_hashes: `overrides` wins, mappings merge key by key.
void DeepMerge(json& target, const json& overrides) {
  for (const auto& [key, value] : overrides.items()) {
    if (value.is_object() && target.contains(key) && target[key].is_object()) {
      DeepMerge(target[key], value);
    } else {
      target[key] = value;
    }
  }
}

// Jekyll's deprecated singular scope types.
std::string NormalizeType(const std::string& type) {
  if (type == "page") return "pages";
  if (type == "post") return "posts";
  if (type == "draft") return "drafts";
  return type;
}

// FrontmatterDefaults#sanitize_path: a leading slash does not count.
std::string SanitizeScopePath(const std::optional<std::string>& path) {
  if (!path || path->empty()) return "";
  return (*path)[0] == '/' ? path->substr(1) : *path;
}

}  // namespace

json WithDefaults(const json& front_matter, const JekyllDocument& document) {
  if (!front_matter.is_object() || document.defaults.empty()) return front_matter;
  json merged = document.defaults;
  DeepMerge(merged, front_matter);
  return merged;
}

const json* EffectiveValue(const json& front_matter, const JekyllDocument& document, const std::string& key) {
  if (front_matter.is_object() && front_matter.contains(key)) return &front_matter[key];
  if (document.defaults.contains(key)) return &document.defaults[key];
  return nullptr;
}

JekyllSite JekyllSite::WithDefaultConfig(const fs::path& root, std::time_t now) {
  JekyllSite site;
  site.root_ = root;
  site.now_ = now;
  site.exclude_.assign(std::begin(kDefaultExcludes), std::end(kDefaultExcludes));
  return site;
}

std::optional<JekyllSite> JekyllSite::Load(const std::string& config_file, std::time_t now, std::string* error) {
  // Site configurations carry navigation and data lists: allow far more values than a post's front matter.
  std::optional<YamlFile> yaml = ReadYamlFile(config_file, error, FrontMatterLimits{64, 1000000});
  if (!yaml) return std::nullopt;
  json& data = yaml->data;
  if (data.is_null()) data = json::object();  // an empty file: Jekyll's defaults
  const std::vector<SchemaViolation> violations = SiteConfigSchema().Validate(data, "the site configuration");
  if (!violations.empty()) {
    const auto found = yaml->positions.find(violations.front().pointer);
    const Position at = found == yaml->positions.end() ? Position{} : found->second;
    *error = config_file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
             violations.front().message;
    return std::nullopt;
  }
  std::error_code ignored;
  JekyllSite site = WithDefaultConfig(fs::absolute(config_file, ignored).lexically_normal().parent_path(), now);
  if (data.contains("include")) site.include_ = PathList(data["include"]);
  if (data.contains("exclude")) {
    std::vector<std::string> exclude = PathList(data["exclude"]);
    for (const std::string& path : site.exclude_) {
      if (std::find(exclude.begin(), exclude.end(), path) == exclude.end()) exclude.push_back(path);
    }
    site.exclude_ = std::move(exclude);
  }
  if (data.contains("collections_dir")) site.collections_dir_ = data["collections_dir"];
  if (data.contains("destination")) site.destination_ = data["destination"];
  const json& collections = data.contains("collections") ? data["collections"] : json();
  if (collections.is_array()) {
    for (const json& label : collections) site.collections_.push_back(Collection{label, false});
  } else if (collections.is_object()) {
    for (const auto& [label, settings] : collections.items()) {
      const bool output = settings.is_object() && settings.value("output", false);
      site.collections_.push_back(Collection{label, output});
    }
  }
  if (data.contains("defaults") && data["defaults"].is_array()) {
    for (const json& set : data["defaults"]) {
      DefaultSet parsed;
      parsed.values = set["values"];
      if (set.contains("scope") && set["scope"].is_object()) {
        const json& scope = set["scope"];
        if (scope.contains("path") && scope["path"].is_string()) parsed.path = scope["path"];
        if (scope.contains("type")) parsed.type = NormalizeType(scope["type"]);
      }
      site.defaults_.push_back(std::move(parsed));
    }
  }
  site.future_ = data.value("future", false);
  site.unpublished_ = data.value("unpublished", false);
  site.show_drafts_ = data.contains("show_drafts") && data["show_drafts"].is_boolean() && data["show_drafts"];
  for (std::string* path : {&site.collections_dir_, &site.destination_}) {
    *path = JoinPath(SplitPath(*path), 0, SplitPath(*path).size());
  }
  return site;
}

// EntryFilter#glob_include?: a pattern matches a path (fnmatch, where '*'
// crosses '/') or is a prefix of it, or names the folder with a trailing '/'.
bool JekyllSite::Matches(const std::vector<std::string>& patterns, const std::string& path) const {
  const std::string entry = "/" + path;
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    const std::string glob = "/" + (StartsWith(pattern, "/") ? pattern.substr(1) : pattern);
    return fnmatch(glob.c_str(), entry.c_str(), 0) == 0 || StartsWith(entry, glob) || glob == entry + "/";
  });
}

// EntryFilter#filter for one entry: `entry` as Jekyll lists it (a name, or a
// path inside _posts), `source_relative` the same from the site's root.
bool JekyllSite::Reads(const std::string& entry, const std::string& source_relative) const {
  if (entry.empty() || entry.back() == '.') return false;
  const bool included = Matches(include_, entry) || Matches(include_, BaseName(entry));
  std::vector<std::string> exclude;
  for (const std::string& pattern : exclude_) {
    if (std::find(include_.begin(), include_.end(), pattern) == include_.end()) exclude.push_back(pattern);
  }
  if (Matches(exclude, source_relative)) return included;
  if (included) return true;
  return !IsSpecial(entry) && !IsSpecial(BaseName(entry)) && entry.back() != '~';
}

// Follows `parts[0, folders)` from the root as Jekyll's reader would, then
// checks the file `parts[folders]` (when there is one) inside a document folder.
JekyllSite::Located JekyllSite::Locate(const std::vector<std::string>& parts, size_t folders) const {
  const std::vector<std::string> collections_dir = SplitPath(collections_dir_);
  Located located;
  size_t documents_start = 0;  // the first part inside the document folder
  for (size_t i = 0; i < folders && located.place == Place::kSite; ++i) {
    const std::string& name = parts[i];
    const std::string relative = JoinPath(parts, 0, i + 1);
    const bool in_collections_dir =
        i >= collections_dir.size() && std::equal(collections_dir.begin(), collections_dir.end(), parts.begin());
    if (relative == destination_) return Located{Place::kSkipped, ""};
    if (in_collections_dir && (name == "_posts" || name == "_drafts")) {
      located.place = name == "_posts" ? Place::kPosts : Place::kDrafts;
      documents_start = i + 1;
      continue;
    }
    if (in_collections_dir && i == collections_dir.size()) {
      const auto collection = std::find_if(collections_.begin(), collections_.end(), [&](const Collection& c) {
        return c.output && c.label != "posts" && name == "_" + c.label;
      });
      if (collection != collections_.end()) {
        located = Located{Place::kCollection, collection->label};
        documents_start = i + 1;
        continue;
      }
    }
    // With collections_dir, Jekyll reads posts and collections only there.
    if (!in_collections_dir && name != collections_dir[i]) return Located{Place::kSkipped, ""};
    if (!Reads(name, relative)) return Located{Place::kSkipped, ""};
  }
  if (located.place != Place::kSite && folders < parts.size() &&
      !Reads(JoinPath(parts, documents_start, parts.size()), JoinPath(parts, 0, parts.size()))) {
    return Located{Place::kSkipped, ""};
  }
  return located;
}

bool JekyllSite::MayHoldDocuments(const std::string& folder) const {
  const std::vector<std::string> parts = SplitPath(folder);
  return Locate(parts, parts.size()).place != Place::kSkipped;
}

std::optional<JekyllDocument> JekyllSite::Document(const std::string& path) const {
  const std::vector<std::string> parts = SplitPath(path);
  if (parts.empty()) return std::nullopt;
  const Located located = Locate(parts, parts.size() - 1);
  JekyllDocument document;
  switch (located.place) {
    case Place::kSite:
    case Place::kSkipped:
      return std::nullopt;
    case Place::kPosts:
      document.kind = JekyllDocument::Kind::kPost;
      break;
    case Place::kDrafts:
      document.kind = JekyllDocument::Kind::kDraft;  // a post to Jekyll 4: its type is "posts"
      break;
    case Place::kCollection:
      document.kind = JekyllDocument::Kind::kCollectionDocument;
      document.collection = located.collection;
      break;
  }
  // Defaults see a document's path inside collections_dir, as Jekyll does.
  const size_t skip = SplitPath(collections_dir_).size();
  document.defaults = DefaultsFor(JoinPath(parts, skip, parts.size()), document.collection);
  document.future = future_;
  document.unpublished = unpublished_;
  document.now = now_;
  return document;
}

// FrontmatterDefaults#all: every matching set merged, a longer scope path (or
// at equal length, one with a type) taking precedence; else the later set.
json JekyllSite::DefaultsFor(const std::string& path, const std::string& type) const {
  const std::string collections_prefix = collections_dir_.empty() ? "" : collections_dir_ + "/";
  const auto strip_collections_dir = [&](const std::string& scope) {
    return !collections_prefix.empty() && StartsWith(scope, collections_prefix)
               ? scope.substr(collections_prefix.size())
               : scope;
  };
  const auto applies_path = [&](const DefaultSet& set) {
    if (!set.path || set.path->empty()) return true;
    const std::string scope = strip_collections_dir(*set.path);
    if (scope.find('*') == std::string::npos) return StartsWith(path, scope);
    // A glob scope: Jekyll globs the site and takes the paths under any match.
    const std::vector<std::string> parts = SplitPath(path);
    for (size_t end = 1; end <= parts.size(); ++end) {
      if (fnmatch(scope.c_str(), JoinPath(parts, 0, end).c_str(), FNM_PATHNAME) == 0) return true;
    }
    return false;
  };
  json merged = json::object();
  const DefaultSet* winner = nullptr;
  for (const DefaultSet& set : defaults_) {
    if ((set.type && *set.type != type) || !applies_path(set)) continue;
    const size_t length = SanitizeScopePath(set.path).size();
    const size_t winner_length = winner ? SanitizeScopePath(winner->path).size() : 0;
    const bool precedes = !winner || (length != winner_length ? length >= winner_length
                                                              : set.type.has_value() || !winner->type.has_value());
    if (precedes) {
      DeepMerge(merged, set.values);
      winner = &set;
    } else {
      json under = set.values;
      DeepMerge(under, merged);
      merged = std::move(under);
    }
  }
  return merged;
}

std::string FindSiteConfig(const fs::path& folder) {
  std::error_code error;
  fs::path current = fs::absolute(folder, error).lexically_normal();
  for (;;) {
    for (const char* name : {"_config.yml", "_config.yaml"}) {
      // exists, not is_regular_file: a _config.yml that is a folder or a FIFO is an error to report, not to skip.
      if (fs::exists(current / name, error)) return (current / name).string();
    }
    if (fs::exists(current / ".git", error) || !current.has_parent_path() || current.parent_path() == current) {
      return "";
    }
    current = current.parent_path();
  }
}

bool IsDatedPostName(const std::string& file_name) {
  static const RE2 kDated(R"([0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}-[^/]*\.[^./]+)");
  return RE2::FullMatch(file_name, kDated);
}

}  // namespace digestlint
