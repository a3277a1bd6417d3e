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
  std::string why;
  if (month < 1 || month > 12) {
    why = "month " + std::to_string(month) + " does not exist";
  } else if (day < 1 || day > DaysInMonth(year, month)) {
    why = "day " + std::to_string(day) + " does not exist in " + YearMonth(year, month);
  }
  if (!why.empty()) {
    sink.Report(rule, Span{},
                "the date in the file name '" + post.file_name + "' does not exist (" + why +
                    "): jekyll build stops with an error");
  }
}

}  // namespace

extern const Rule kRule_DL601{
    {"DL601", "post-name-undated", Severity::kError, FixAvailability::kNone,
     "A file in _posts lacks a YYYY-MM-DD- name prefix (or its date does not exist), so Jekyll does not publish it"},
    Check};

}  // namespace digestlint
