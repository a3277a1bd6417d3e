#include "embedded.h"

namespace digestlint {

const std::string_view* FindEmbeddedFile(std::string_view name) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.name == name) return &file.contents;
  }
  return nullptr;
}

}  // namespace digestlint
