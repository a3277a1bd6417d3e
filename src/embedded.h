#pragma once
// Files compiled into the binary: the default schemas and every rule's documentation.

#include <string_view>
#include <vector>

namespace digestlint {

struct EmbeddedFile {
  std::string_view name;  // file name without folder, e.g. "DL201.md"
  std::string_view contents;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

/// Returns the contents of the embedded file called `name`, or nullptr.
const std::string_view* FindEmbeddedFile(std::string_view name);

}  // namespace digestlint
