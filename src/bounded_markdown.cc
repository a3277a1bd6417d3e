#include "bounded_markdown.h"

#include <algorithm>
#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include <cmark.h>

namespace digestlint {

// Each allocation carries this header: the arena it counts against, its size
// and, for a large one, the links of the arena's list, so that an abandoned
// parse frees everything.
struct Block {
  BoundedMarkdown::Arena* arena;
  Block* previous;  // nullptr for a small block, which lives in a chunk
  Block* next;
  size_t size;
};
static_assert(sizeof(Block) % alignof(std::max_align_t) == 0, "allocations must stay aligned");

// cmark makes several small allocations per node and per delimiter; malloc and
// free spent a fifth of a post's CPU on them. Small blocks come from chunks
// instead, are reused by size class, and go back to the system with the arena.
constexpr size_t kGrain = alignof(std::max_align_t);
constexpr size_t kLargestSmall = 512;  // header included
constexpr size_t kChunkSize = size_t{64} << 10;
constexpr size_t kClasses = kLargestSmall / kGrain;

size_t RoundedToGrain(size_t bytes) { return (bytes + kGrain - 1) / kGrain * kGrain; }

struct BoundedMarkdown::Arena {
  size_t budget = 0;
  size_t live = 0;  // bytes allocated now, headers included
  size_t peak = 0;
  Block list{nullptr, &list, &list, 0};  // large blocks, a ring; `list` itself holds nothing
  std::jmp_buf* escape = nullptr;        // set while parsing: where an over-budget allocation jumps
  void* chunks = nullptr;                // each chunk's first word links the one before
  char* chunk_next = nullptr;
  char* chunk_end = nullptr;
  Block* free_small[kClasses] = {};  // by size class; each free block's `next` links the next

  void Count(size_t bytes) {
    live += bytes;
    if (live > peak) peak = live;
  }
  void Link(Block* block) {
    block->arena = this;
    block->previous = &list;
    block->next = list.next;
    list.next->previous = block;
    list.next = block;
    Count(sizeof(Block) + block->size);
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
  // A block of `rounded` bytes (header included, at most kLargestSmall); nullptr
  // when the system has no memory.
  Block* TakeSmall(size_t rounded) {
    Block*& reusable = free_small[rounded / kGrain - 1];
    Block* block = reusable;
    if (block) {
      reusable = block->next;
    } else {
      if (static_cast<size_t>(chunk_end - chunk_next) < rounded) {
        void* chunk = std::malloc(kChunkSize);
        if (!chunk) return nullptr;
        *static_cast<void**>(chunk) = chunks;
        chunks = chunk;
        chunk_next = static_cast<char*>(chunk) + kGrain;
        chunk_end = static_cast<char*>(chunk) + kChunkSize;
      }
      block = reinterpret_cast<Block*>(chunk_next);
      chunk_next += rounded;
    }
    Count(rounded);
    return block;
  }
  void GiveBackSmall(Block* block) {
    const size_t rounded = RoundedToGrain(sizeof(Block) + block->size);
    Block*& reusable = free_small[rounded / kGrain - 1];
    block->next = reusable;
    reusable = block;
    live -= rounded;
  }
  void FreeAll() {
    // Each next pointer is read before its block is freed; the ring is then empty.
    for (Block* block = list.next; block != &list;) {
      Block* next = block->next;
      std::free(block);
      block = next;
    }
    list.next = list.previous = &list;
    while (chunks) {
      void* before = *static_cast<void**>(chunks);
      std::free(chunks);
      chunks = before;
    }
    chunk_next = chunk_end = nullptr;
    std::fill(std::begin(free_small), std::end(free_small), nullptr);
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

[[noreturn]] void NoMemory(BoundedMarkdown::Arena* arena) {
  if (arena && arena->escape) std::longjmp(*arena->escape, 1);
  OutOfMemory();
}

// `bytes` zeroed bytes counted against `arena` (none: not counted).
void* Allocate(BoundedMarkdown::Arena* arena, size_t bytes) {
  if (bytes > SIZE_MAX - kLargestSmall) OutOfMemory();
  const size_t rounded = RoundedToGrain(sizeof(Block) + bytes);
  if (arena && rounded <= kLargestSmall) {
    arena->Reserve(rounded);
    Block* block = arena->TakeSmall(rounded);
    if (!block) NoMemory(arena);
    *block = Block{arena, nullptr, nullptr, bytes};
    return std::memset(Payload(block), 0, bytes);
  }
  if (arena) arena->Reserve(sizeof(Block) + bytes);
  auto* block = static_cast<Block*>(std::calloc(1, sizeof(Block) + bytes));
  if (!block) NoMemory(arena);
  block->size = bytes;
  if (arena) {
    arena->Link(block);
  } else {
    block->arena = nullptr;
  }
  return Payload(block);
}

void* CountedCalloc(size_t count, size_t size) {
  if (size != 0 && count > (SIZE_MAX - kLargestSmall) / size) OutOfMemory();
  return Allocate(current_arena, count * size);
}

void CountedFree(void* pointer) {
  if (!pointer) return;
  Block* block = HeaderOf(pointer);
  if (!block->arena) {
    std::free(block);
  } else if (!block->previous) {
    block->arena->GiveBackSmall(block);
  } else {
    block->arena->Unlink(block);
    std::free(block);
  }
}

void* CountedRealloc(void* pointer, size_t size) {
  if (!pointer) return CountedCalloc(1, size);
  Block* block = HeaderOf(pointer);
  BoundedMarkdown::Arena* arena = block->arena;
  if (size > SIZE_MAX - kLargestSmall) OutOfMemory();
  if (arena && !block->previous) {
    void* moved = Allocate(arena, size);
    std::memcpy(moved, pointer, std::min(size, block->size));
    CountedFree(pointer);
    return moved;
  }
  if (arena) {
    if (size > block->size) arena->Reserve(size - block->size);
    arena->Unlink(block);
  }
  auto* grown = static_cast<Block*>(std::realloc(block, sizeof(Block) + size));
  if (!grown) {
    if (arena) arena->Link(block);  // still allocated: freed with the arena
    NoMemory(arena);
  }
  grown->size = size;
  if (arena) arena->Link(grown);
  return Payload(grown);
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
  // Every node and every iterator a caller left was allocated in the arena:
  // freeing it all at once is what cmark_node_free would do, node by node.
  arena_->FreeAll();
  current_arena = enclosing_;
}

size_t BoundedMarkdown::peak() const { return arena_->peak; }

}  // namespace digestlint
