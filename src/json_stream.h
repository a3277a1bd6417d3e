#pragma once
// Streams a JSON document whose last value is an array, item by item, with
// exactly the bytes nlohmann::json::dump(2) would write for the whole
// document: the structured formats write each file's diagnostics as they
// come instead of holding them all.

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace digestlint {

class StreamedJsonArray {
 public:
  /// `document` is the whole document with that last array empty ("[]"):
  /// everything before the array is written now, the rest by Close().
  StreamedJsonArray(std::ostream& out, const nlohmann::ordered_json& document);
  void Add(const nlohmann::ordered_json& item);
  void Close();

 private:
  std::ostream& out_;
  std::string item_indent_;     // newline and spaces before each item
  std::string closing_indent_;  // newline and spaces before "]"
  std::string rest_;            // what follows the array
  bool empty_ = true;
};

/// `value` as dump(2) writes it; text that is not UTF-8 becomes U+FFFD instead of throwing.
std::string DumpJson(const nlohmann::ordered_json& value);

}  // namespace digestlint
