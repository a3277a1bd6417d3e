// The formats people read: human (with the source line and carets), concise
// and GitHub workflow commands. Every path, message and source line goes
// through EscapeForTerminal.
#include <ostream>

#include "format_writers.h"
#include "terminal_text.h"

namespace digestlint {

namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;33m";
    case Severity::kInfo:
      return "\033[1;34m";
  }
  return "";
}

class HumanWriter : public FormatWriter {
 public:
  HumanWriter(std::ostream& out, const OutputOptions& options) : out_(out), options_(options) {}

  void File(const FileReport& file) override {
    const bool color = options_.color;
    const std::string path = EscapeForTerminal(file.path);
    ColumnCursor cursor;
    for (const LocatedDiagnostic& d : file.diagnostics) {
      out_ << (color ? kBold : "") << path << ':' << d.start.line << ':' << d.start.column << ':'
           << (color ? kReset : "") << ' ' << (color ? SeverityColor(d.severity) : "") << SeverityName(d.severity)
           << '[' << d.rule->code << ' ' << d.rule->name << ']' << (color ? kReset : "")
           << (FixApplicable(d, options_) ? " [*] " : " ") << EscapeForTerminal(d.message) << '\n';
      if (file.source && d.start.line >= 1 && d.start.line <= file.source->line_count()) {
        WriteSnippet(*file.source, d, cursor);
      }
      // Other places it points at, as compilers print notes: editors and grep find them too.
      for (const RelatedLocation& related : d.related) {
        out_ << (color ? kBold : "") << EscapeForTerminal(related.path) << ':' << related.start.line << ':'
             << related.start.column << ':' << (color ? kReset : "") << " note: " << EscapeForTerminal(related.message)
             << '\n';
      }
    }
  }

 private:
  void WriteSnippet(const SourceText& source, const LocatedDiagnostic& d, ColumnCursor& cursor) {
    const std::string_view line = source.Line(d.start.line);
    const size_t begin = cursor.Offset(line, d.start.line, d.start.column);
    size_t end = line.size();
    if (d.end.line == d.start.line) {
      ColumnCursor end_cursor = cursor;  // the end is past the start: continue from there
      end = end_cursor.Offset(line, d.start.line, d.end.column);
    }
    const SnippetLayout layout = LayoutSnippet(line, begin, end);
    const std::string number = std::to_string(d.start.line);
    const char* dim = options_.color ? kDim : "";
    const char* reset = options_.color ? kReset : "";
    out_ << dim << ' ' << number << " |" << reset << ' ' << layout.text << '\n';
    out_ << dim << ' ' << std::string(number.size(), ' ') << " |" << reset << ' '
         << std::string(layout.caret_column, ' ') << (options_.color ? SeverityColor(d.severity) : "")
         << std::string(layout.caret_count, '^') << reset << '\n';
  }

  std::ostream& out_;
  const OutputOptions options_;
};

class ConciseWriter : public FormatWriter {
 public:
  ConciseWriter(std::ostream& out, const OutputOptions& options) : out_(out), options_(options) {}
  void File(const FileReport& file) override {
    const std::string path = EscapeForTerminal(file.path);
    for (const LocatedDiagnostic& d : file.diagnostics) {
      out_ << path << ':' << d.start.line << ':' << d.start.column << ": " << d.rule->code
           << (FixApplicable(d, options_) ? " [*] " : " ") << EscapeForTerminal(d.message) << '\n';
    }
  }

 private:
  std::ostream& out_;
  const OutputOptions options_;
};

// GitHub's escaping: message data escapes %, CR and LF; properties also : and ,.
// What is left that a terminal would act on is escaped as for the other text
// formats (the log viewer renders ANSI sequences).
std::string EscapeGithubData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return EscapeForTerminal(out);
}

std::string EscapeGithubProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeGithubData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

class GithubWriter : public FormatWriter {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}
  void File(const FileReport& file) override {
    const std::string path = EscapeGithubProperty(file.path);
    for (const LocatedDiagnostic& d : file.diagnostics) {
      const char* command = d.severity == Severity::kError     ? "error"
                            : d.severity == Severity::kWarning ? "warning"
                                                               : "notice";
      out_ << "::" << command << " file=" << path << ",line=" << d.start.line << ",col=" << d.start.column
           << ",endLine=" << d.end.line << ",endColumn=" << d.end.column
           << ",title=" << EscapeGithubProperty(std::string(d.rule->code) + " " + std::string(d.rule->name))
           << "::" << EscapeGithubData(d.message) << '\n';
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeHumanWriter(std::ostream& out, const OutputOptions& options) {
  return std::make_unique<HumanWriter>(out, options);
}

std::unique_ptr<FormatWriter> MakeConciseWriter(std::ostream& out, const OutputOptions& options) {
  return std::make_unique<ConciseWriter>(out, options);
}

std::unique_ptr<FormatWriter> MakeGithubWriter(std::ostream& out, const OutputOptions&) {
  return std::make_unique<GithubWriter>(out);
}

}  // namespace digestlint
