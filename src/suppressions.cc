#include "suppressions.h"

#include <climits>
#include <optional>
#include <sstream>

#include <re2/re2.h>

#include "rule.h"
#include "settings.h"

namespace digestlint {

extern const Rule kRule_DL003;

struct Suppressions::Comment {
  enum class Kind { kRange, kNextLine, kFile };
  Kind kind = Kind::kRange;
  std::string keyword;                 // "disable", "disable-next-line" or "disable-file"
  std::vector<std::string> selectors;  // empty: every rule
  Span comment;
  int first_line = 0;
  int last_line = INT_MAX;
  std::vector<bool> used;  // per selector, or [0] for "every rule"
  int enable = -1;         // index of the `enable` that closed this range
};

// An `enable` comment, and how many ranges it closed.
struct Suppressions::Enable {
  Span comment;
  std::vector<std::string> selectors;
  int closes = 0;
};

namespace {

using Suppression = Suppressions::Comment;
using Enable = Suppressions::Enable;

struct Comments {
  std::vector<Suppression> suppressions;
  std::vector<Enable> enables;
};

Comments ParseSuppressions(const SourceText& source) {
  static const RE2 kComment(
      R"((<!--\s*digestlint-(disable-next-line|disable-file|disable|enable)((?:[\s,]+[A-Za-z0-9-]+)*)\s*-->))");
  static const RE2 kFence(R"( {0,3}(```|~~~).*)");
  Comments comments;
  std::vector<Suppression>& found = comments.suppressions;
  if (source.text().find("digestlint-") == std::string::npos) return comments;  // the usual case, found fast
  bool in_fence = false;
  for (int line = 1; line <= source.line_count(); ++line) {
    const std::string_view text = source.Line(line);
    if (RE2::FullMatch(text, kFence)) in_fence = !in_fence;
    if (in_fence) continue;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece whole;
    std::string kind;
    std::string codes;
    while (RE2::FindAndConsume(&input, kComment, &whole, &kind, &codes)) {
      Suppression suppression;
      const size_t begin = source.LineStart(line) + static_cast<size_t>(whole.data() - text.data());
      suppression.comment = Span{begin, begin + whole.size()};
      for (char& c : codes) {
        if (c == ',') c = ' ';
      }
      std::istringstream words(codes);
      for (std::string word; words >> word;) suppression.selectors.push_back(word);
      suppression.used.assign(std::max<size_t>(1, suppression.selectors.size()), false);
      if (kind == "enable") {
        // Closes the open ranges it names (all of them when it names none).
        Enable enable{suppression.comment, suppression.selectors, 0};
        for (Suppression& open : found) {
          if (open.kind != Suppression::Kind::kRange || open.last_line != INT_MAX) continue;
          const bool closes = suppression.selectors.empty() || open.selectors == suppression.selectors;
          if (!closes) continue;
          open.last_line = line;
          open.enable = static_cast<int>(comments.enables.size());
          ++enable.closes;
        }
        comments.enables.push_back(std::move(enable));
        continue;
      }
      suppression.keyword = kind;
      suppression.kind = kind == "disable-file"        ? Suppression::Kind::kFile
                         : kind == "disable-next-line" ? Suppression::Kind::kNextLine
                                                       : Suppression::Kind::kRange;
      suppression.first_line = suppression.kind == Suppression::Kind::kNextLine ? line + 1 : line;
      if (suppression.kind == Suppression::Kind::kNextLine) suppression.last_line = line + 1;
      if (suppression.kind == Suppression::Kind::kFile) suppression.first_line = 1;
      found.push_back(std::move(suppression));
    }
  }
  return comments;
}

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// The edit that takes `comment` out of the post. A comment alone on its line
// goes with its line, unless that would join the text above and below into
// one paragraph (an HTML comment block separates them): then an empty line
// stays in its place.
Edit RemoveComment(const SourceText& source, Span comment) {
  const Position at = source.PositionOf(comment.begin);
  const std::string_view line = source.Line(at.line);
  const size_t line_start = source.LineStart(at.line);
  const std::string_view before = line.substr(0, comment.begin - line_start);
  const std::string_view after = line.substr(comment.end - line_start);
  const auto blank = [&](size_t offset) { return source.text()[offset] == ' ' || source.text()[offset] == '\t'; };
  if (!IsBlank(before)) {  // after other text: take it and the blanks before it
    size_t begin = comment.begin;
    while (begin > line_start && blank(begin - 1)) --begin;
    return Edit{Span{begin, comment.end}, ""};
  }
  if (!IsBlank(after)) {  // before other text: take it and the blanks after it
    size_t end = comment.end;
    while (end < line_start + line.size() && blank(end)) ++end;
    return Edit{Span{comment.begin, end}, ""};
  }
  const bool blank_above = at.line == 1 || IsBlank(source.Line(at.line - 1));
  const bool blank_below = at.line == source.line_count() || IsBlank(source.Line(at.line + 1));
  if (blank_above || blank_below) return Edit{Span{line_start, source.LineStart(at.line + 1)}, ""};
  return Edit{Span{line_start, line_start + line.size()}, ""};
}

std::string CommentText(const std::string& keyword, const std::vector<std::string>& selectors) {
  std::string text = "<!-- digestlint-" + keyword;
  for (const std::string& selector : selectors) text += " " + selector;
  return text + " -->";
}

// The safe fix of an unused suppression: remove it (and the `enable` that
// closes only it), or, when some of its rules are used, rewrite it (and that
// `enable`) with only those. No fix inside the front matter, where the comment
// is part of a YAML value.
std::optional<Fix> FixUnused(const SourceText& source, size_t body_start, const Suppression& s,
                             const std::vector<std::string>& kept, const std::vector<Enable>& enables) {
  if (s.comment.begin < body_start) return std::nullopt;
  const Enable* enable = s.enable >= 0 ? &enables[static_cast<size_t>(s.enable)] : nullptr;
  if (enable && enable->closes != 1 && !enable->selectors.empty()) return std::nullopt;  // shared: leave it
  Fix fix;
  if (kept.empty()) {
    fix.edits.push_back(RemoveComment(source, s.comment));
    if (enable && enable->closes == 1) fix.edits.push_back(RemoveComment(source, enable->comment));
    return fix;
  }
  fix.edits.push_back(Edit{s.comment, CommentText(s.keyword, kept)});
  // An enable naming the same rules must keep naming them, or it would no longer close the range.
  if (enable && !enable->selectors.empty()) fix.edits.push_back(Edit{enable->comment, CommentText("enable", kept)});
  return fix;
}

}  // namespace

Suppressions::Suppressions(const SourceText& source, size_t body_start) : source_(source), body_start_(body_start) {
  Comments comments = ParseSuppressions(source);
  comments_ = std::move(comments.suppressions);
  enables_ = std::move(comments.enables);
}

Suppressions::~Suppressions() = default;

bool Suppressions::Cover(const Diagnostic& diagnostic) {
  if (comments_.empty() || diagnostic.rule->input_error || diagnostic.rule == &kRule_DL003.info) return false;
  const int line = source_.LineOf(diagnostic.span.begin);
  bool suppressed = false;
  for (Suppression& s : comments_) {
    if (line < s.first_line || line > s.last_line) continue;
    if (s.kind == Suppression::Kind::kRange && line == s.last_line && s.last_line != INT_MAX) continue;
    if (s.selectors.empty()) {
      s.used[0] = suppressed = true;
      continue;
    }
    for (size_t i = 0; i < s.selectors.size(); ++i) {
      if (SelectorMatches(s.selectors[i], *diagnostic.rule)) s.used[i] = suppressed = true;
    }
  }
  return suppressed;
}

void Suppressions::ReportUnused(const std::set<std::string>& disabled, DiagnosticSink& sink) const {
  for (const Suppression& s : comments_) {
    std::string unused;
    std::vector<std::string> still_used;  // the selectors a fix keeps
    if (s.selectors.empty()) {
      if (!s.used[0]) unused = "every rule";
    } else {
      for (size_t i = 0; i < s.selectors.size(); ++i) {
        // A rule switched off by the configuration cannot be suppressed: not unused.
        const Rule* rule = FindRule(s.selectors[i]);
        if (s.used[i] || (rule && disabled.count(std::string(rule->info.code)))) {
          still_used.push_back(s.selectors[i]);
          continue;
        }
        unused += (unused.empty() ? "" : ", ") + s.selectors[i];
      }
    }
    if (unused.empty()) continue;
    sink.Report(kRule_DL003.info, s.comment, "this suppression of " + unused + " suppresses nothing; remove it",
                FixUnused(source_, body_start_, s, still_used, enables_));
  }
}

}  // namespace digestlint
