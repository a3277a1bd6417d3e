#include "json_stream.h"

namespace digestlint {

std::string DumpJson(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

StreamedJsonArray::StreamedJsonArray(std::ostream& out, const nlohmann::ordered_json& document) : out_(out) {
  const std::string text = DumpJson(document);
  // The last "[]" is the empty array: nothing after it is a string holding "[]".
  const size_t array = text.rfind("[]");
  const size_t line_start = text.rfind('\n', array) == std::string::npos ? 0 : text.rfind('\n', array) + 1;
  const size_t key_indent = text.find_first_not_of(' ', line_start) - line_start;
  item_indent_ = "\n" + std::string(key_indent + 2, ' ');
  closing_indent_ = "\n" + std::string(key_indent, ' ');
  out_ << std::string_view(text).substr(0, array);
  rest_ = text.substr(array + 2);
}

void StreamedJsonArray::Add(const nlohmann::ordered_json& item) {
  std::string text = DumpJson(item);
  // dump() never writes a raw newline inside a string, so every newline is layout.
  for (size_t newline = text.find('\n'); newline != std::string::npos; newline = text.find('\n', newline + 1)) {
    text.insert(newline + 1, item_indent_.size() - 1, ' ');
  }
  out_ << (empty_ ? "[" : ",") << item_indent_ << text;
  empty_ = false;
}

void StreamedJsonArray::Close() { out_ << (empty_ ? "[]" : closing_indent_ + "]") << rest_ << '\n'; }

}  // namespace digestlint
