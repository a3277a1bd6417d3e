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
  std::string file_name(info.code);
  file_name += '_';
  for (char c : info.name) file_name += c == '-' ? '_' : c;
  file_name += ".md";
  const std::string_view* doc = FindEmbeddedFile(file_name);
  return doc ? *doc : std::string_view();
}

}  // namespace digestlint
