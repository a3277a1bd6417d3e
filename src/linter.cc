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

extern const Rule kRule_DL003;
extern const Rule kRule_DL006;

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
  const bool text = !post.read_error && !post.encoding_problem && !post.too_large && !post.internal_error;
  const auto enabled = [&](const RuleInfo& info) { return settings.disabled.count(std::string(info.code)) == 0; };
  std::optional<Suppressions> suppressions;
  if (text) suppressions.emplace(*post.source, post.front_matter.body_start);
  std::vector<Diagnostic> diagnostics;
  DiagnosticSink sink(
      diagnostics,
      [&](Diagnostic& diagnostic) {
        if (suppressions && suppressions->Cover(diagnostic)) return false;
        const auto level = settings.severity.find(std::string(diagnostic.rule->code));
        if (level != settings.severity.end()) diagnostic.severity = level->second;
        return true;
      },
      settings.max_diagnostics);
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
  if (suppressions && enabled(kRule_DL003.info)) suppressions->ReportUnused(settings.disabled, sink);
  if (const DiagnosticSink::Overflow& overflow = sink.overflow(); overflow.count > 0) {
    // Said once, whatever the selection, at the first problem not reported, as
    // severe as the worst of them (so the exit status stays right).
    diagnostics.push_back(Diagnostic{&kRule_DL006.info,
                                     overflow.worst,
                                     overflow.first,
                                     std::to_string(overflow.count) +
                                         (overflow.count == 1 ? " more problem" : " more problems") +
                                         " from here on are not reported: the file has more than max-diagnostics (" +
                                         std::to_string(settings.max_diagnostics) + ")",
                                     std::nullopt,
                                     {}});
  }
  return Locate(post, diagnostics);
}

}  // namespace

std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const Schema& schema) {
  LintSettings settings;
  settings.schema = &schema;
  return LintBytes(path, std::move(bytes), settings);
}

void (*fault_injection_for_testing)(const char* stage, const std::string& path) = nullptr;

std::string CurrentExceptionText() {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return "out of memory";
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an unknown exception";
  }
}

namespace {

std::vector<LocatedDiagnostic> LintBytesUnguarded(const std::string& path, std::string bytes,
                                                  const LintSettings& settings) {
  if (fault_injection_for_testing) fault_injection_for_testing("lint", path);
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
  return RunRules(
      BuildPost(source, path, schema, settings.jekyll ? &*settings.jekyll : nullptr, settings.max_parse_memory),
      settings);
}

}  // namespace

std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const LintSettings& settings) {
  try {
    return LintBytesUnguarded(path, std::move(bytes), settings);
  } catch (...) {
    return LintInternalError(path, CurrentExceptionText());
  }
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

std::optional<std::string> ReadPostFile(const std::string& path, std::string* problem, FileStamp* stamp) {
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
    // The version read is the one after reading: a write meanwhile then shows when --fix checks it.
    if (bytes && stamp && fstat(fd, &info) == 0) {
      *stamp = FileStamp{info.st_dev, info.st_ino, info.st_size, info.st_mtim};
    }
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

std::vector<LocatedDiagnostic> LintInternalError(const std::string& path, const std::string& what) {
  Post post;
  post.path = path;
  post.internal_error = what;
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
