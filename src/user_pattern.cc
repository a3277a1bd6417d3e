#include "user_pattern.h"

#include <re2/re2.h>

namespace digestlint {

namespace {

constexpr int64_t kPatternMemory = 8 << 20;  // RE2's budget for one pattern
constexpr int kMaxProgramSize = 20000;       // RE2 program size: bounds matching cost

}  // namespace

std::shared_ptr<const re2::RE2> CompileUserPattern(const std::string& pattern, bool ignore_case, std::string* error) {
  RE2::Options options;
  options.set_max_mem(kPatternMemory);
  options.set_log_errors(false);
  options.set_case_sensitive(!ignore_case);
  auto regex = std::make_shared<const RE2>(pattern, options);
  if (!regex->ok()) {
    *error = "invalid pattern /" + pattern + "/: " + regex->error();
    return nullptr;
  }
  if (regex->ProgramSize() > kMaxProgramSize) {
    *error = "pattern /" + pattern + "/ is too complex (program size " + std::to_string(regex->ProgramSize()) +
             ", limit " + std::to_string(kMaxProgramSize) + ")";
    return nullptr;
  }
  return regex;
}

}  // namespace digestlint
