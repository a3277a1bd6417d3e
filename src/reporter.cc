#include "reporter.h"

#include <set>

#include <nlohmann/json.hpp>

#include "source_text.h"

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

// Decodes the code point starting at `i` and advances `i` past it.
char32_t NextCodePoint(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + length > text.size()) length = 1;
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) value = (value << 6) | (byte(i + k) & 0x3F);
  i += length;
  return value;
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD);
}

// The prefix of `line` that holds its first `columns - 1` code points.
std::string_view PrefixBeforeColumn(std::string_view line, int column) {
  size_t i = 0;
  for (int seen = 1; seen < column && i < line.size(); ++seen) NextCodePoint(line, i);
  return line.substr(0, i);
}

std::string ExpandTabs(std::string_view line) {
  std::string out(line);
  for (char& c : out) {
    if (c == '\t') c = ' ';
  }
  return out;
}

void WriteSnippet(std::ostream& out, const LocatedDiagnostic& d, bool color) {
  if (d.line_text.empty()) return;
  const std::string number = std::to_string(d.start.line);
  const std::string gutter(number.size(), ' ');
  const std::string line = ExpandTabs(d.line_text);
  const size_t indent = DisplayWidth(PrefixBeforeColumn(line, d.start.column));
  const int end_column = d.end.line == d.start.line ? d.end.column : static_cast<int>(CountCodePoints(line)) + 1;
  const size_t through = DisplayWidth(PrefixBeforeColumn(line, end_column));
  const size_t carets = through > indent ? through - indent : 1;
  const char* dim = color ? kDim : "";
  const char* reset = color ? kReset : "";
  out << dim << ' ' << number << " |" << reset << ' ' << line << '\n';
  out << dim << ' ' << gutter << " |" << reset << ' ' << std::string(indent, ' ')
      << (color ? SeverityColor(d.severity) : "") << std::string(carets, '^') << reset << '\n';
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) width += IsWide(NextCodePoint(text, i)) ? 2 : 1;
  return width;
}

Totals CountTotals(const std::vector<LocatedDiagnostic>& diagnostics, size_t files) {
  Totals totals;
  totals.files = files;
  std::set<std::string> unlintable;
  for (const LocatedDiagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) ++totals.errors;
    if (d.severity == Severity::kWarning) ++totals.warnings;
    if (d.severity == Severity::kInfo) ++totals.infos;
    if (d.rule->input_error) unlintable.insert(d.path);
    if (d.fix) ++(d.fix->safety == FixSafety::kSafe ? totals.safe_fixes : totals.unsafe_fixes);
  }
  totals.unlintable_files = unlintable.size();
  return totals;
}

void AddTotals(Totals& totals, const Totals& more) {
  totals.files += more.files;
  totals.errors += more.errors;
  totals.warnings += more.warnings;
  totals.infos += more.infos;
  totals.unlintable_files += more.unlintable_files;
  totals.safe_fixes += more.safe_fixes;
  totals.unsafe_fixes += more.unsafe_fixes;
}

void WriteHuman(std::ostream& out, const Report& report) {
  const bool color = report.color;
  for (const LocatedDiagnostic& d : report.diagnostics) {
    out << (color ? kBold : "") << d.path << ':' << d.start.line << ':' << d.start.column << ':'
        << (color ? kReset : "") << ' ' << (color ? SeverityColor(d.severity) : "") << SeverityName(d.severity) << '['
        << d.rule->code << ' ' << d.rule->name << ']' << (color ? kReset : "") << ' ' << d.message << '\n';
    WriteSnippet(out, d, color);
    for (const RelatedLocation& related : d.related) {
      out << (color ? kBold : "") << related.path << ':' << related.start.line << ':' << related.start.column << ':'
          << (color ? kReset : "") << " note: " << related.message << '\n';
    }
  }
}

void WriteConcise(std::ostream& out, const Report& report) {
  for (const LocatedDiagnostic& d : report.diagnostics) {
    out << d.path << ':' << d.start.line << ':' << d.start.column << ": " << d.rule->code << ' ' << d.message << '\n';
  }
}

namespace {

// GitHub's escaping: message data escapes %, CR and LF; properties also : and ,.
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
  return out;
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

}  // namespace

void WriteGithub(std::ostream& out, const Report& report) {
  for (const LocatedDiagnostic& d : report.diagnostics) {
    const char* command = d.severity == Severity::kError     ? "error"
                          : d.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    out << "::" << command << " file=" << EscapeGithubProperty(d.path) << ",line=" << d.start.line
        << ",col=" << d.start.column << ",endLine=" << d.end.line << ",endColumn=" << d.end.column
        << ",title=" << EscapeGithubProperty(std::string(d.rule->code) + " " + std::string(d.rule->name))
        << "::" << EscapeGithubData(d.message) << '\n';
  }
}

void WriteJson(std::ostream& out, const Report& report) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const LocatedDiagnostic& d : report.diagnostics) {
    nlohmann::ordered_json fix = nullptr;
    if (d.fix) {
      nlohmann::ordered_json edits = nlohmann::ordered_json::array();
      for (const LocatedEdit& edit : d.fix_edits) {
        edits.push_back({{"line", edit.start.line},
                         {"column", edit.start.column},
                         {"end_line", edit.end.line},
                         {"end_column", edit.end.column},
                         {"content", edit.content}});
      }
      fix = {{"applicability", FixSafetyName(d.fix->safety)}, {"edits", edits}};
    }
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (const RelatedLocation& place : d.related) {
      related.push_back({{"path", place.path},
                         {"line", place.start.line},
                         {"column", place.start.column},
                         {"message", place.message}});
    }
    nlohmann::ordered_json entry = {{"path", d.path},
                                    {"line", d.start.line},
                                    {"column", d.start.column},
                                    {"end_line", d.end.line},
                                    {"end_column", d.end.column},
                                    {"rule", d.rule->code},
                                    {"name", d.rule->name},
                                    {"severity", SeverityName(d.severity)},
                                    {"message", d.message},
                                    {"fixable", d.fix.has_value()},
                                    {"fix", fix}};
    if (!related.empty()) entry["related"] = std::move(related);
    list.push_back(std::move(entry));
  }
  const nlohmann::ordered_json document = {{"version", 1}, {"files", report.files.size()}, {"diagnostics", list}};
  out << document.dump(2) << '\n';
}

const std::vector<Format>& Formats() {
  static const std::vector<Format> formats = {{"human", WriteHuman}, {"concise", WriteConcise}, {"json", WriteJson},
                                              {"sarif", WriteSarif}, {"github", WriteGithub},   {"junit", WriteJunit}};
  return formats;
}

const Format* FindFormat(std::string_view name) {
  for (const Format& format : Formats()) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

std::string FormatNames() {
  std::string names;
  const std::vector<Format>& formats = Formats();
  for (size_t i = 0; i < formats.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + std::string(formats[i].name);
  }
  return names;
}

std::string SummaryLine(const Totals& totals, bool unsafe_enabled) {
  const auto count = [](size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); };
  std::string line = "digestlint: ";
  if (totals.errors + totals.warnings + totals.infos == 0) {
    line += "no problems";
  } else {
    line += count(totals.errors, "error") + ", " + count(totals.warnings, "warning");
    if (totals.infos) line += ", " + count(totals.infos, "info");
  }
  line += " in " + count(totals.files, "file");
  if (totals.unlintable_files) line += " (" + count(totals.unlintable_files, "file") + " could not be linted)";
  const size_t fixable = totals.safe_fixes + (unsafe_enabled ? totals.unsafe_fixes : 0);
  if (fixable)
    line += "; " + std::to_string(fixable) + " fixable with --fix" + (unsafe_enabled ? " --unsafe-fixes" : "");
  if (!unsafe_enabled && totals.unsafe_fixes) {
    line += std::string(fixable ? ", " : "; ") + std::to_string(totals.unsafe_fixes) + " more with --unsafe-fixes";
  }
  return line;
}

}  // namespace digestlint
