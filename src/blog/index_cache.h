#pragma once
// The site index cache: the facts of every post of a site, keyed by the
// post's path, size, modification time (ns) and content hash, in one file
// (<site>/.digestlint-cache/index by default).
//
// It is only ever a hint. A reader checks the header (magic, version, entry
// count, checksum of the body) and rebuilds from the posts when anything is
// off; an entry is used only when the post's size and mtime match and the
// mtime is older than the run that wrote the cache (else the post is hashed
// again: a "racily clean" entry, as git calls it). Writers write a temporary
// file in the same folder and rename it over the index, so a reader sees
// either the old or the new file whole, and two runs at once just race to
// the last rename.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blog/post_facts.h"

namespace digestlint {

struct CacheEntry {
  std::string path;  // relative to the site's root, with '/'
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;         // ContentHash of the bytes
  uint64_t fingerprint = 0;  // of what the facts were extracted with (schema, limits, version)
  PostFacts facts;           // spans empty
};

struct IndexCache {
  int64_t built_at_ns = 0;  // when the run that wrote it started (CLOCK_REALTIME)
  std::vector<CacheEntry> entries;
};

/// A 64-bit hash of `bytes` (not cryptographic: it notices edits).
uint64_t ContentHash(std::string_view bytes);

/// Reads the cache file; nullopt when it is missing, unreadable, of another
/// version or corrupt in any way.
std::optional<IndexCache> ReadIndexCache(const std::filesystem::path& file);

/// Writes `cache` to `file` atomically (a temporary in the same folder, then
/// a rename), creating the folder with a .gitignore and a CACHEDIR.TAG.
/// Returns false when it could not (a read-only site): the cache is optional.
bool WriteIndexCache(const std::filesystem::path& file, const IndexCache& cache);

/// The serialized form, for tests that corrupt it.
std::string SerializeIndexCache(const IndexCache& cache);
std::optional<IndexCache> ParseIndexCache(std::string_view text);

}  // namespace digestlint
