#include "rule.h"

#include "embedded.h"

namespace digestlint {

const Rule* FindRule(std::string_view code_or_name) {
  for (const Rule* rule : BuiltinRules()) {
    if (rule->info.code == code_or_name || rule->info.name == code_or_name) return rule;
  }
  return nullptr;
}

std::string_view RuleDocumentation(const RuleInfo& info) {
  if (info.documentation) return *info.documentation;
  std::string file_name(info.code);
  file_name += '_';
  for (char c : info.name) file_name += c == '-' ? '_' : c;
  file_name += ".md";
  const std::string_view* doc = FindEmbeddedFile(file_name);
  return doc ? *doc : std::string_view();
}

std::string RuleDocSection(const RuleInfo& info, std::string_view heading) {
  const std::string_view doc = RuleDocumentation(info);
  const std::string marker = "\n## " + std::string(heading) + "\n";
  const size_t start = doc.find(marker);
  if (start == std::string_view::npos) return "";
  const size_t body = start + marker.size();
  const size_t end = doc.find("\n## ", body);
  std::string text(doc.substr(body, end == std::string_view::npos ? std::string_view::npos : end - body));
  const size_t first = text.find_first_not_of('\n');
  const size_t last = text.find_last_not_of('\n');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

}  // namespace digestlint
