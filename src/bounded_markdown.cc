#include "bounded_markdown.h"

#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <cmark.h>

namespace digestlint {

// Each allocation carries this header: the arena it counts against and the
// links of the arena's list, so that an abandoned parse frees everything.
struct Block {
  BoundedMarkdown::Arena* arena;
  Block* previous;
  Block* next;
  size_t size;
};
static_assert(sizeof(Block) % alignof(std::max_align_t) == 0, "allocations must stay aligned");

struct BoundedMarkdown::Arena {
  size_t budget = 0;
  size_t live = 0;  // bytes allocated now, headers included
  size_t peak = 0;
  Block list{nullptr, &list, &list, 0};  // a ring; `list` itself holds nothing
  std::jmp_buf* escape = nullptr;        // set while parsing: where an over-budget allocation jumps

  void Link(Block* block) {
    block->arena = this;
    block->previous = &list;
    block->next = list.next;
    list.next->previous = block;
    list.next = block;
    live += sizeof(Block) + block->size;
    if (live > peak) peak = live;
  }
  void Unlink(Block* block) {
    block->previous->next = block->next;
    block->next->previous = block->previous;
    live -= sizeof(Block) + block->size;
  }
  // Refuses (by leaving the parse) growth beyond the budget, while parsing.
  void Reserve(size_t more) {
    if (escape && (more > budget || live > budget - more)) std::longjmp(*escape, 1);
  }
  void FreeAll() {
    // Each next pointer is read before its block is freed; the ring is then empty.
    for (Block* block = list.next; block != &list;) {
      Block* next = block->next;
      std::free(block);
      block = next;
    }
    list.next = list.previous = &list;
    live = 0;
  }
};

namespace {

thread_local BoundedMarkdown::Arena* current_arena = nullptr;

void* Payload(Block* block) { return block + 1; }
Block* HeaderOf(void* payload) { return static_cast<Block*>(payload) - 1; }

[[noreturn]] void OutOfMemory() {
  // As cmark's own allocator does: nothing sensible is left to do.
  std::fputs("digestlint: out of memory in cmark\n", stderr);
  std::abort();
}

void* CountedCalloc(size_t count, size_t size) {
  BoundedMarkdown::Arena* arena = current_arena;
  if (size != 0 && count > (SIZE_MAX - sizeof(Block)) / size) OutOfMemory();
  const size_t bytes = count * size;
  if (arena) arena->Reserve(sizeof(Block) + bytes);
  auto* block = static_cast<Block*>(std::calloc(1, sizeof(Block) + bytes));
  if (!block) {
    if (arena && arena->escape) std::longjmp(*arena->escape, 1);
    OutOfMemory();
  }
  block->size = bytes;
  if (arena) {
    arena->Link(block);
  } else {
    block->arena = nullptr;
  }
  return Payload(block);
}

void* CountedRealloc(void* pointer, size_t size) {
  if (!pointer) return CountedCalloc(1, size);
  Block* block = HeaderOf(pointer);
  BoundedMarkdown::Arena* arena = block->arena;
  if (size > SIZE_MAX - sizeof(Block)) OutOfMemory();
  if (arena) {
    if (size > block->size) arena->Reserve(size - block->size);
    arena->Unlink(block);
  }
  auto* grown = static_cast<Block*>(std::realloc(block, sizeof(Block) + size));
  if (!grown) {
    if (arena) arena->Link(block);  // still allocated: freed with the arena
    if (arena && arena->escape) std::longjmp(*arena->escape, 1);
    OutOfMemory();
  }
  grown->size = size;
  if (arena) arena->Link(grown);
  return Payload(grown);
}

void CountedFree(void* pointer) {
  if (!pointer) return;
  Block* block = HeaderOf(pointer);
  if (block->arena) block->arena->Unlink(block);
  std::free(block);
}

cmark_mem counted_memory = {CountedCalloc, CountedRealloc, CountedFree};

// No C++ object with a destructor may live in this frame after setjmp, nor in
// any frame a longjmp to it leaves (cmark's, and the allocator's above).
cmark_node* ParseOrGiveUp(BoundedMarkdown::Arena& arena, std::string_view markdown, int options) {
  std::jmp_buf escape;
  if (setjmp(escape) != 0) {
    arena.escape = nullptr;
    arena.FreeAll();  // the parser and every node: nothing else points into them
    return nullptr;
  }
  arena.escape = &escape;
  cmark_parser* parser = cmark_parser_new_with_mem(options, &counted_memory);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* document = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  arena.escape = nullptr;
  return document;
}

}  // namespace

BoundedMarkdown::BoundedMarkdown(std::string_view markdown, int options, size_t budget)
    : arena_(std::make_unique<Arena>()), enclosing_(current_arena) {
  arena_->budget = budget;
  current_arena = arena_.get();
  document_ = ParseOrGiveUp(*arena_, markdown, options);
}

BoundedMarkdown::~BoundedMarkdown() {
  if (document_) cmark_node_free(document_);
  arena_->FreeAll();  // anything a caller left (an iterator not freed)
  current_arena = enclosing_;
}

size_t BoundedMarkdown::peak() const { return arena_->peak; }

}  // namespace digestlint
