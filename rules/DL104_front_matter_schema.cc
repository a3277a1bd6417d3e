// DL104 front-matter-schema: the front matter breaks the schema.
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

// Unsafe: a missing top-level key whose schema gives a default is added before
// the closing fence, when the front matter then reads it back as that value.
// Unsafe because a key such as `layout` or `categories` changes how the page
// renders (a site without a `post` layout renders it differently).
std::optional<Fix> InsertDefault(const Post& post, const SchemaViolation& violation) {
  if (!violation.pointer.empty() || violation.missing_key.empty() || !violation.default_value) return std::nullopt;
  const std::optional<std::string> line =
      KeyLineToAppend(*post.source, post.front_matter, violation.missing_key, *violation.default_value);
  if (!line) return std::nullopt;
  const size_t at = post.front_matter.closing_fence.begin;
  return SingleEdit(FixSafety::kUnsafe, Span{at, at}, *line);
}

// Whether the value at `pointer` is not in the file but comes from the site's defaults.
bool FromSiteDefaults(const Post& post, const std::string& pointer) {
  if (!post.jekyll || pointer.empty()) return false;
  nlohmann::json::json_pointer top(pointer);
  while (!top.parent_pointer().empty()) top = top.parent_pointer();
  const std::string& key = top.back();
  const nlohmann::json& data = post.front_matter.data;
  return !(data.is_object() && data.contains(key)) && post.jekyll->defaults.contains(key);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const SchemaViolation& violation : post.schema_violations) {
    const std::string origin =
        FromSiteDefaults(post, violation.pointer) ? " (the value comes from the defaults in _config.yml)" : "";
    sink.Report(rule, FrontMatterKeySpan(post, violation.pointer), violation.message + origin,
                InsertDefault(post, violation));
  }
}

}  // namespace

extern const Rule kRule_DL104{{"DL104", "front-matter-schema", Severity::kError, FixAvailability::kUnsafe,
                               "A front-matter key is missing or its value breaks the schema"},
                              Check};

}  // namespace digestlint
