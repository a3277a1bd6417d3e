// DL104 front-matter-schema: the front matter breaks the schema.
#include <re2/re2.h>

#include "fix_helpers.h"
#include "front_matter.h"
#include "rule.h"

namespace digestlint {

namespace {

// A word YAML reads as a string when written plainly; anything else is written
// in JSON's notation, which is valid YAML.
std::string YamlText(const nlohmann::json& value) {
  static const RE2 kPlain("[A-Za-z][A-Za-z0-9_.-]*");
  static const RE2 kKeyword("(?i)true|false|yes|no|on|off|null|y|n");
  if (value.is_string()) {
    std::string text = value;
    if (RE2::FullMatch(text, kPlain) && !RE2::FullMatch(text, kKeyword)) return text;
  }
  return value.dump();
}

// A missing top-level key whose schema gives a default is inserted before the
// closing fence, when the YAML then reads it back as that key with that value
// (the last line may be inside an unclosed quote or block scalar). Unsafe: a
// key such as `layout` or `categories` changes how the page renders, and the
// schema's default may not be the site's (a key the site's front-matter
// defaults supply is not missing at all).
std::optional<Fix> InsertDefault(const Post& post, const SchemaViolation& violation) {
  const FrontMatter& front_matter = post.front_matter;
  if (!violation.pointer.empty() || violation.missing_key.empty() || !violation.default_value) return std::nullopt;
  const size_t at = front_matter.closing_fence.begin;
  const std::string line = YamlText(violation.missing_key) + ": " + YamlText(*violation.default_value) +
                           std::string(post.source->LineEnding());
  const size_t yaml_start = post.source->LineStart(2);  // as ParseFrontMatter reads it
  const std::string yaml = post.source->text().substr(yaml_start, at - yaml_start) + line;
  const YamlDocument inserted = ParseYaml(yaml, yaml_start);
  if (!inserted.ok || !inserted.data.is_object() || !inserted.data.contains(violation.missing_key) ||
      inserted.data[violation.missing_key] != *violation.default_value) {
    return std::nullopt;
  }
  return SingleEdit(FixSafety::kUnsafe, Span{at, at}, line);
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

extern const Rule kFrontMatterSchema{
    {"DL104", "front-matter-schema", Severity::kError, "A front-matter key is missing or its value breaks the schema",
     false, false, FixAvailability::kUnsafe},
    Check};

}  // namespace digestlint
