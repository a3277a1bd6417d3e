// JUnit XML output, streamed: one testsuite per file, a failing testcase per
// error or warning, a passing testcase carrying its message (system-out) per
// info diagnostic, and one passing testcase for a clean file. The root
// element carries no totals, which would only be known at the end.
#include "format_writers.h"
#include "terminal_text.h"

namespace digestlint {

namespace {

// XML 1.0 text from text people read: controls and bytes that are not UTF-8
// made visible first (XML cannot hold them), then markup escaped.
std::string EscapeXml(std::string_view text) {
  std::string out;
  for (char c : EscapeForTerminal(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class JunitWriter : public FormatWriter {
 public:
  explicit JunitWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"digestlint\">\n";
  }

  void File(const FileReport& file) override {
    const std::string name = EscapeXml(file.path);
    size_t failures = 0;
    for (const LocatedDiagnostic& d : file.diagnostics) failures += d.severity != Severity::kInfo;
    const size_t tests = file.diagnostics.empty() ? 1 : file.diagnostics.size();
    out_ << "  <testsuite name=\"" << name << "\" tests=\"" << tests << "\" failures=\"" << failures
         << "\" errors=\"0\">\n";
    if (file.diagnostics.empty()) out_ << "    <testcase name=\"no problems\" classname=\"" << name << "\"/>\n";
    for (const LocatedDiagnostic& d : file.diagnostics) {
      const std::string where = std::to_string(d.start.line) + ":" + std::to_string(d.start.column);
      const std::string rule = std::string(d.rule->code) + " " + std::string(d.rule->name);
      const std::string line = EscapeXml(std::string(file.path) + ":" + where + ": " +
                                         std::string(SeverityName(d.severity)) + "[" + rule + "] " + d.message);
      out_ << "    <testcase name=\"" << EscapeXml(rule + " at " + where) << "\" classname=\"" << name << "\">\n";
      if (d.severity == Severity::kInfo) {
        out_ << "      <system-out>" << line << "</system-out>\n";
      } else {
        out_ << "      <failure type=\"" << EscapeXml(d.rule->code) << "\" message=\"" << EscapeXml(d.message) << "\">"
             << line << "</failure>\n";
      }
      out_ << "    </testcase>\n";
    }
    out_ << "  </testsuite>\n";
  }

  void End() override { out_ << "</testsuites>\n"; }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeJunitWriter(std::ostream& out, const OutputOptions&) {
  return std::make_unique<JunitWriter>(out);
}

}  // namespace digestlint
