// DL601 post-name-undated: Jekyll publishes a file in _posts only when its
// name starts with a date that exists.
#include <cstdio>

#include <re2/re2.h>

#include "dates.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (!post.jekyll || post.jekyll->kind != JekyllDocument::Kind::kPost) return;
  if (!IsDatedPostName(post.file_name)) {
    sink.Report(rule, Span{},
                "'" + post.file_name +
                    "' is in _posts but its name does not start with a YYYY-MM-DD- date: Jekyll does not publish it");
    return;
  }
  static const RE2 kPrefix(R"(([0-9]{2,4})-([0-9]{1,2})-([0-9]{1,2})-.*)");
  int year = 0, month = 0, day = 0;
  RE2::FullMatch(post.file_name, kPrefix, &year, &month, &day);
  char date[32];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  std::string why;
  if (!ParseJekyllDate(date, &why)) {
    sink.Report(rule, Span{},
                "the date in the file name '" + post.file_name + "' does not exist (" + why +
                    "): jekyll build stops with an error");
  }
}

}  // namespace

extern const Rule kPostNameUndated{
    {"DL601", "post-name-undated", Severity::kError,
     "A file in _posts lacks a YYYY-MM-DD- name prefix (or its date does not exist), so Jekyll does not publish it"},
    Check};

}  // namespace digestlint
