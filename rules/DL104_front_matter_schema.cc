// DL104 front-matter-schema: the front matter breaks the schema.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const SchemaViolation& violation : post.schema_violations) {
    sink.Report(rule, FrontMatterKeySpan(post, violation.pointer), violation.message);
  }
}

}  // namespace

extern const Rule kFrontMatterSchema{
    {"DL104", "front-matter-schema", Severity::kError, "A front-matter key is missing or its value breaks the schema"},
    Check};

}  // namespace digestlint
