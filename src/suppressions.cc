#include "suppressions.h"

#include <climits>
#include <sstream>

#include <re2/re2.h>

#include "rule.h"
#include "settings.h"

namespace digestlint {

extern const Rule kRule_DL003;

struct Suppressions::Comment {
  enum class Kind { kRange, kNextLine, kFile };
  Kind kind = Kind::kRange;
  std::vector<std::string> selectors;  // empty: every rule
  Span comment;
  int first_line = 0;
  int last_line = INT_MAX;
  std::vector<bool> used;  // per selector, or [0] for "every rule"
};

namespace {

using Suppression = Suppressions::Comment;

std::vector<Suppression> ParseSuppressions(const SourceText& source) {
  static const RE2 kComment(
      R"((<!--\s*digestlint-(disable-next-line|disable-file|disable|enable)((?:[\s,]+[A-Za-z0-9-]+)*)\s*-->))");
  static const RE2 kFence(R"( {0,3}(```|~~~).*)");
  std::vector<Suppression> found;
  if (source.text().find("digestlint-") == std::string::npos) return found;  // the usual case, found fast
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
        for (Suppression& open : found) {
          if (open.kind != Suppression::Kind::kRange || open.last_line != INT_MAX) continue;
          const bool closes = suppression.selectors.empty() || open.selectors == suppression.selectors;
          if (closes) open.last_line = line;
        }
        continue;
      }
      suppression.kind = kind == "disable-file"        ? Suppression::Kind::kFile
                         : kind == "disable-next-line" ? Suppression::Kind::kNextLine
                                                       : Suppression::Kind::kRange;
      suppression.first_line = suppression.kind == Suppression::Kind::kNextLine ? line + 1 : line;
      if (suppression.kind == Suppression::Kind::kNextLine) suppression.last_line = line + 1;
      if (suppression.kind == Suppression::Kind::kFile) suppression.first_line = 1;
      found.push_back(std::move(suppression));
    }
  }
  return found;
}

}  // namespace

Suppressions::Suppressions(const SourceText& source) : source_(source), comments_(ParseSuppressions(source)) {}

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
    if (s.selectors.empty()) {
      if (!s.used[0]) unused = "every rule";
    } else {
      for (size_t i = 0; i < s.selectors.size(); ++i) {
        // A rule switched off by the configuration cannot be suppressed: not unused.
        const Rule* rule = FindRule(s.selectors[i]);
        if (s.used[i] || (rule && disabled.count(std::string(rule->info.code)))) continue;
        unused += (unused.empty() ? "" : ", ") + s.selectors[i];
      }
    }
    if (unused.empty()) continue;
    sink.Report(kRule_DL003.info, s.comment, "this suppression of " + unused + " suppresses nothing; remove it");
  }
}

}  // namespace digestlint
