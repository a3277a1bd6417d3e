// JUnit XML output: one testsuite per file, one failing testcase per
// diagnostic; a file without diagnostics gets one passing testcase.
#include "reporter.h"

namespace digestlint {

namespace {

// XML 1.0 text: escapes markup and drops control characters it cannot hold.
std::string EscapeXml(std::string_view text) {
  std::string out;
  for (char c : text) {
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
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

}  // namespace

void WriteJunit(std::ostream& out, const Report& report) {
  size_t failures = 0;
  for (const LocatedDiagnostic& d : report.diagnostics) failures += d.severity != Severity::kInfo;
  size_t tests = 0;
  std::string suites;
  auto next = report.diagnostics.begin();
  for (const std::string& file : report.files) {
    auto end = next;
    while (end != report.diagnostics.end() && end->path == file) ++end;
    const size_t count = static_cast<size_t>(end - next);
    size_t file_failures = 0;
    std::string cases;
    for (auto d = next; d != end; ++d) {
      const std::string where = std::to_string(d->start.line) + ":" + std::to_string(d->start.column);
      cases += "    <testcase name=\"" +
               EscapeXml(std::string(d->rule->code) + " " + std::string(d->rule->name) + " at " + where) +
               "\" classname=\"" + EscapeXml(file) + "\">\n";
      if (d->severity != Severity::kInfo) {
        ++file_failures;
        cases += "      <failure type=\"" + EscapeXml(d->rule->code) + "\" message=\"" + EscapeXml(d->message) + "\">" +
                 EscapeXml(file + ":" + where + ": " + std::string(SeverityName(d->severity)) + "[" +
                           std::string(d->rule->code) + " " + std::string(d->rule->name) + "] " + d->message) +
                 "</failure>\n";
      }
      cases += "    </testcase>\n";
    }
    if (count == 0) cases = "    <testcase name=\"no problems\" classname=\"" + EscapeXml(file) + "\"/>\n";
    const size_t file_tests = count == 0 ? 1 : count;
    tests += file_tests;
    suites += "  <testsuite name=\"" + EscapeXml(file) + "\" tests=\"" + std::to_string(file_tests) + "\" failures=\"" +
              std::to_string(file_failures) + "\" errors=\"0\">\n" + cases + "  </testsuite>\n";
    next = end;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"digestlint\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"0\">\n"
      << suites << "</testsuites>\n";
}

}  // namespace digestlint
