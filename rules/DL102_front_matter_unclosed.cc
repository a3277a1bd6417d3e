// DL102 front-matter-unclosed: the opening fence has no closing fence.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.front_matter.state != FrontMatter::State::kUnclosed) return;
  const bool toml = post.front_matter.syntax == FrontMatterSyntax::kToml;
  sink.Report(rule, post.front_matter.opening_fence,
              std::string("front matter is not closed: no ") + (toml ? "+++" : "---") + " line ends the " +
                  SyntaxName(post.front_matter.syntax) + " that starts here");
}

}  // namespace

extern const Rule kRule_DL102{{"DL102", "front-matter-unclosed", Severity::kError, FixAvailability::kNone,
                               "The front matter has no closing fence"},
                              Check,
                              FormatFrontMatter};

}  // namespace digestlint
