#include "selection.h"

namespace digestlint {

namespace fs = std::filesystem;

fs::path Selection::Absolute(const std::string& path) const { return (working_directory_ / path).lexically_normal(); }

// A folder named on the command line is walked even when git ignores it (as
// ripgrep and ruff do); .gitignore is then not applied inside it.
void Selection::BeginWalk(const std::string& root) {
  ignored_root_.clear();
  if (git_ignore_.Ignores(Absolute(root), true)) ignored_root_ = Absolute(root);
}

bool Selection::GitIgnores(const std::string& path, bool folder) {
  const fs::path absolute = Absolute(path);
  if (!ignored_root_.empty() && absolute.lexically_relative(ignored_root_).string().rfind("..", 0) != 0) {
    return false;
  }
  return git_ignore_.Ignores(absolute, folder);
}

bool Selection::Enters(const std::string& folder) {
  const SiteLookup site = projects_.SiteFor(folder, true);
  if (site.failed || (site.site && !site.site->MayHoldDocuments(site.relative))) return false;
  return !GitIgnores(folder, true);
}

bool Selection::Keeps(const std::string& file, bool named) {
  if (named && options_.named_always) return true;
  const Project* project = projects_.For(file);
  if (!project) return named;  // reported; the file is then listed as not linted
  if (project->Excludes(file)) return false;
  const SiteLookup site = projects_.SiteFor(file);
  if (site.failed) return named;  // likewise
  if (site.site) {
    const std::optional<JekyllDocument> document = site.site->Document(site.relative);
    if (!document) return false;  // a page, a static file, or what Jekyll skips
    if (document->kind == JekyllDocument::Kind::kDraft && !options_.drafts && !site.site->shows_drafts()) return false;
  } else if (named) {
    return true;  // outside a site, a named file is linted whatever its extension
  }
  if (!project->Walks(file)) return false;  // `include`
  return named || !GitIgnores(file, false);
}

}  // namespace digestlint
