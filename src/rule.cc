#include "rule.h"

#include <algorithm>
#include <tuple>

#include "embedded.h"

namespace digestlint {

bool IsAlias(const RuleInfo& info, std::string_view word) {
  std::string_view aliases = info.aliases;
  while (!aliases.empty()) {
    const size_t space = aliases.find(' ');
    if (aliases.substr(0, space) == word) return true;
    aliases = space == std::string_view::npos ? std::string_view() : aliases.substr(space + 1);
  }
  return false;
}

namespace {

// The order in which diagnostics are kept under a limit: position, then
// code and message, so the result does not depend on the order rules run in.
bool Earlier(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.span.begin, a.rule->code, a.message) < std::tie(b.span.begin, b.rule->code, b.message);
}

}  // namespace

void DiagnosticSink::Keep(Diagnostic diagnostic) {
  if (out_.size() < limit_) {
    out_.push_back(std::move(diagnostic));
    if (out_.size() == limit_) std::make_heap(out_.begin(), out_.end(), Earlier);
    return;
  }
  // Full: keep the earliest. The heap's front is the latest kept one.
  if (!out_.empty() && Earlier(diagnostic, out_.front())) {
    std::pop_heap(out_.begin(), out_.end(), Earlier);
    std::swap(diagnostic, out_.back());
    std::push_heap(out_.begin(), out_.end(), Earlier);
  }
  if (overflow_.count == 0 || diagnostic.span.begin < overflow_.first.begin) overflow_.first = diagnostic.span;
  overflow_.worst = std::max(overflow_.worst, diagnostic.severity);
  ++overflow_.count;
}

const Rule* FindRule(std::string_view code_or_name) {
  for (const Rule* rule : BuiltinRules()) {
    if (rule->info.code == code_or_name || rule->info.name == code_or_name) return rule;
  }
  for (const Rule* rule : BuiltinRules()) {
    if (IsAlias(rule->info, code_or_name)) return rule;
  }
  return nullptr;
}

namespace {

// rules/DLnnn_name.md
std::string DocumentationFileName(const RuleInfo& info) {
  std::string file_name(info.code);
  file_name += '_';
  for (char c : info.name) file_name += c == '-' ? '_' : c;
  return file_name + ".md";
}

}  // namespace

std::string_view FixAvailabilityName(FixAvailability fix) {
  switch (fix) {
    case FixAvailability::kSafe:
      return "safe";
    case FixAvailability::kUnsafe:
      return "unsafe";
    case FixAvailability::kSafeOrUnsafe:
      return "safe or unsafe";
    case FixAvailability::kNone:
      break;
  }
  return "";
}

std::string RuleDocumentation(const RuleInfo& info) {
  if (info.documentation) return *info.documentation;
  const std::string_view* prose = FindEmbeddedFile(DocumentationFileName(info));
  if (!prose) return "";
  std::string doc = "# " + std::string(info.code) + " " + std::string(info.name) + "\n\nDefault severity: **" +
                    std::string(SeverityName(info.severity)) + "**.";
  if (info.fix != FixAvailability::kNone) doc += " Fix: " + std::string(FixAvailabilityName(info.fix)) + ".";
  if (!info.aliases.empty()) {
    doc += " Also selected by its former ";
    std::string_view aliases = info.aliases;
    bool first = true;
    while (!aliases.empty()) {
      const size_t space = aliases.find(' ');
      doc += (first ? "`" : ", `") + std::string(aliases.substr(0, space)) + "`";
      first = false;
      aliases = space == std::string_view::npos ? std::string_view() : aliases.substr(space + 1);
    }
    doc += ".";
  }
  return doc + "\n\n" + std::string(*prose);
}

std::string RuleDocumentationFor(const RuleInfo& info, const DigestFormat& format, const std::string& schema_name) {
  std::string doc = RuleDocumentation(info);
  const Rule* rule = FindRule(info.code);
  if (!rule || &rule->info != &info || !rule->describe) return doc;
  if (!doc.empty() && doc.back() != '\n') doc += '\n';
  return doc + "\n## In this blog's format\n\nWith " + schema_name + ":\n\n" + rule->describe(format);
}

std::string RuleDocumentationUrl(const RuleInfo& info) {
  if (info.documentation) return "";  // a custom rule: its documentation is in its file
  return std::string(DIGESTLINT_REPOSITORY_URL) + "/blob/v" + DIGESTLINT_VERSION + "/rules/" +
         DocumentationFileName(info);
}

std::string RuleDocSection(const RuleInfo& info, std::string_view heading) {
  const std::string doc = RuleDocumentation(info);
  const std::string marker = "\n## " + std::string(heading) + "\n";
  const size_t start = doc.find(marker);
  if (start == std::string::npos) return "";
  const size_t body = start + marker.size();
  const size_t end = doc.find("\n## ", body);
  std::string text = doc.substr(body, end == std::string::npos ? std::string::npos : end - body);
  const size_t first = text.find_first_not_of('\n');
  const size_t last = text.find_last_not_of('\n');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

}  // namespace digestlint
