#include "linter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "custom_rules.h"
#include "post.h"
#include "rule.h"
#include "suppressions.h"

namespace digestlint {

namespace {

std::vector<LocatedDiagnostic> Locate(const Post& post, const std::vector<Diagnostic>& diagnostics) {
  std::vector<LocatedDiagnostic> located;
  located.reserve(diagnostics.size());
  // Rules report in text order: with hints, many diagnostics on one line cost linear time.
  SourceText::Hint hint;
  SourceText::Hint edit_hint;
  for (const Diagnostic& diagnostic : diagnostics) {
    LocatedDiagnostic out;
    out.path = post.path;
    out.rule = diagnostic.rule;
    out.severity = diagnostic.severity;
    out.message = diagnostic.message;
    out.fix = diagnostic.fix;
    out.related = diagnostic.related;
    if (post.source) {
      out.start = post.source->PositionOf(diagnostic.span.begin, hint);
      out.end = post.source->PositionOf(std::max(diagnostic.span.begin, diagnostic.span.end), hint);
      if (diagnostic.fix) {
        for (const Edit& edit : diagnostic.fix->edits) {
          const Position edit_start = post.source->PositionOf(edit.span.begin, edit_hint);
          out.fix_edits.push_back(
              LocatedEdit{edit_start, post.source->PositionOf(edit.span.end, edit_hint), edit.replacement});
        }
      }
    }
    located.push_back(std::move(out));
  }
  SortDiagnostics(located);
  return located;
}

std::vector<LocatedDiagnostic> RunRules(const Post& post, const LintSettings& settings = {}) {
  std::vector<Diagnostic> diagnostics;
  DiagnosticSink sink(diagnostics);
  const bool text = !post.read_error && !post.encoding_problem && !post.too_large;
  const auto enabled = [&](const RuleInfo& info) { return settings.disabled.count(std::string(info.code)) == 0; };
  for (const Rule* rule : BuiltinRules()) {
    if (!(rule->info.file_rule || text) || !enabled(rule->info)) continue;
    if (rule->check) rule->check(post, rule->info, sink);
    if (rule->blog_check && settings.blog) rule->blog_check(post, *settings.blog, rule->info, sink);
  }
  if (text && settings.custom_rules) {
    for (const auto& rule : *settings.custom_rules) {
      if (enabled(rule->info())) rule->Check(post, sink);
    }
  }
  if (text) {
    ApplySuppressions(*post.source, post.front_matter.body_start, settings.disabled, enabled(FindRule("DL003")->info),
                      diagnostics);
  }
  for (Diagnostic& diagnostic : diagnostics) {
    const auto level = settings.severity.find(std::string(diagnostic.rule->code));
    if (level != settings.severity.end()) diagnostic.severity = level->second;
  }
  return Locate(post, diagnostics);
}

}  // namespace

std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const Schema& schema) {
  LintSettings settings;
  settings.schema = &schema;
  return LintBytes(path, std::move(bytes), settings);
}

std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const LintSettings& settings) {
  const Schema& schema = settings.schema ? *settings.schema : Schema::Default();
  std::optional<EncodingProblem> encoding = FindEncodingProblem(bytes);
  const SourceText source(std::move(bytes));
  if (encoding) {
    Post post;
    post.path = path;
    post.source = &source;
    // Offsets from the raw bytes; SourceText dropped a BOM, if any.
    if (source.has_bom() && encoding->offset >= 3) encoding->offset -= 3;
    post.encoding_problem = encoding;
    return RunRules(post, settings);
  }
  const std::string& text = source.text();
  const size_t brackets = CountByte(text, '[');
  if (text.size() > settings.max_file_size || brackets > settings.max_brackets) {
    Post post;
    post.path = path;
    post.source = &source;
    post.too_large = text.size() > settings.max_file_size
                         ? TooLargeReason(text.size(), settings.max_file_size)
                         : "it has " + std::to_string(brackets) + " '[' characters, more than max-brackets (" +
                               std::to_string(settings.max_brackets) +
                               "): cmark 0.30 parses such input in super-linear time";
    return RunRules(post, settings);
  }
  return RunRules(BuildPost(source, path, schema, settings.jekyll ? &*settings.jekyll : nullptr), settings);
}

namespace {

std::string ErrnoMessage() { return std::error_code(errno, std::generic_category()).message(); }

// Reads `fd` to its end; the size from fstat is only a first guess, since the
// file may change while it is read.
std::optional<std::string> ReadToEnd(int fd, size_t expected_size, std::string* problem) {
  std::string bytes(expected_size + 1, '\0');  // +1: a file that grew is noticed
  size_t used = 0;
  for (;;) {
    if (used == bytes.size()) bytes.resize(2 * bytes.size());
    const ssize_t count = read(fd, bytes.data() + used, bytes.size() - used);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      *problem = ErrnoMessage();
      return std::nullopt;
    }
    if (count == 0) break;
    used += static_cast<size_t>(count);
  }
  bytes.resize(used);
  return bytes;
}

}  // namespace

std::optional<std::string> ReadPostFile(const std::string& path, std::string* problem) {
  // One open, fstat and read per file; O_NONBLOCK so that a FIFO is refused, not waited on.
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *problem = ErrnoMessage();
    return std::nullopt;
  }
  std::optional<std::string> bytes;
  struct stat info {};
  if (fstat(fd, &info) != 0) {
    *problem = ErrnoMessage();
  } else if (S_ISDIR(info.st_mode)) {
    *problem = "it is a directory";
  } else if (!S_ISREG(info.st_mode)) {
    *problem = "it is not a regular file";
  } else {
    bytes = ReadToEnd(fd, static_cast<size_t>(info.st_size), problem);
  }
  close(fd);
  return bytes;
}

std::string TooLargeReason(size_t size, size_t limit) {
  return "it has " + std::to_string(size) + " bytes, more than max-file-size (" + std::to_string(limit) + ")";
}

std::vector<LocatedDiagnostic> LintTooLarge(const std::string& path, const std::string& reason) {
  Post post;
  post.path = path;
  post.too_large = reason;
  return RunRules(post);
}

std::vector<LocatedDiagnostic> LintUnreadable(const std::string& path, const std::string& problem) {
  Post post;
  post.path = path;
  post.read_error = problem;
  return RunRules(post);
}

std::vector<LocatedDiagnostic> LintFile(const std::string& path, const Schema& schema) {
  LintSettings settings;
  settings.schema = &schema;
  return LintFile(path, settings);
}

std::vector<LocatedDiagnostic> LintFile(const std::string& path, const LintSettings& settings) {
  std::string problem;
  std::optional<std::string> bytes = ReadPostFile(path, &problem);
  if (!bytes) return LintUnreadable(path, problem);
  return LintBytes(path, std::move(*bytes), settings);
}

bool IsInputError(const LocatedDiagnostic& diagnostic) { return diagnostic.rule->input_error; }

}  // namespace digestlint
