#pragma once
// Regular expressions written by users (custom rules, schema `pattern` and
// `patternProperties`) are RE2: linear-time matching, whatever the input.

#include <memory>
#include <string>

namespace re2 {
class RE2;
}

namespace digestlint {

/// Compiles `pattern` with a memory budget and a program-size cap, quietly
/// (RE2 would print to stderr). On failure returns nullptr and sets `error`
/// ("invalid pattern /x/: reason" or "pattern /x/ is too complex ...").
std::shared_ptr<const re2::RE2> CompileUserPattern(const std::string& pattern, bool ignore_case, std::string* error);

}  // namespace digestlint
