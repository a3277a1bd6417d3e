// DL101 front-matter-missing: the post does not start with front matter.
#include "rule.h"

namespace digestlint {

namespace {

// "--- lines, with YAML between them" for the fences the format accepts.
std::string Fences(const FrontMatterFormat& format) {
  if (format.yaml && format.toml) return "--- lines (YAML) or +++ lines (TOML)";
  return format.toml ? "+++ lines (TOML)" : "--- lines (YAML)";
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const FrontMatter& front_matter = post.front_matter;
  if (front_matter.state != FrontMatter::State::kMissing) return;
  const FrontMatterFormat& format = post.format->front_matter;
  if (front_matter.syntax_not_accepted) {
    sink.Report(rule, front_matter.opening_fence,
                std::string("this front matter is ") + SyntaxName(front_matter.syntax) +
                    ", which the schema does not accept; write it between " + Fences(format));
    return;
  }
  const std::string_view first_line = post.source->Line(1);
  sink.Report(rule, Span{0, first_line.size()},
              post.source->text().empty()
                  ? "the file is empty; a post starts with front matter between " + Fences(format)
                  : "no front matter: a post must start with front matter between " + Fences(format));
}

}  // namespace

extern const Rule kRule_DL101{
    {"DL101", "front-matter-missing", Severity::kError, FixAvailability::kNone, "The post has no front matter"},
    Check,
    FormatFrontMatter};

}  // namespace digestlint
