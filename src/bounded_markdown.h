#pragma once
// cmark parses within a memory budget. Every byte cmark allocates for a parse
// is counted (cmark 0.30 lets a parser use another allocator); past the budget
// the parse is abandoned and all it allocated is freed. Nested emphasis or
// block quotes, or millions of one-line headings, otherwise take 100 to 200
// bytes of memory per byte of input inside cmark.

#include <cstddef>
#include <memory>
#include <string_view>

struct cmark_node;

namespace digestlint {

/// The default of max-parse-memory: the most memory cmark may use for one
/// post. A real post needs about 4 bytes per byte (70 KB for the reference
/// post), plain prose up to 7; hostile input 100 to 200.
constexpr size_t kDefaultMaxParseMemory = size_t{128} << 20;

class BoundedMarkdown {
 public:
  /// Parses `markdown` with cmark `options`, allocating at most `budget` bytes.
  BoundedMarkdown(std::string_view markdown, int options, size_t budget);
  /// Frees the document. While the object lives, cmark allocations on this
  /// thread (cmark_iter_new, ...) are counted with it, never refused.
  ~BoundedMarkdown();
  BoundedMarkdown(const BoundedMarkdown&) = delete;
  BoundedMarkdown& operator=(const BoundedMarkdown&) = delete;

  /// The document, or nullptr when parsing needed more than the budget.
  cmark_node* document() const { return document_; }
  /// The most memory the parse had allocated at once.
  size_t peak() const;

  struct Arena;

 private:
  std::unique_ptr<Arena> arena_;
  Arena* enclosing_;  // the arena this one stands in for on this thread
  cmark_node* document_ = nullptr;
};

}  // namespace digestlint
