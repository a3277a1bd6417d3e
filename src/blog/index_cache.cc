#include "blog/index_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

namespace digestlint {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "digestlint-index";
constexpr int kVersion = 2;

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

void AppendEscaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
}

std::optional<std::string> Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    switch (text[i]) {
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

template <typename Number>
void AppendNumber(std::string& out, Number value, int base = 10) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
  out.append(buffer, result.ptr);
}

// Reads fields separated by tabs from one line.
class Fields {
 public:
  explicit Fields(std::string_view line) : rest_(line) {}
  std::optional<std::string_view> Next() {
    if (done_) return std::nullopt;
    const size_t tab = rest_.find('\t');
    std::string_view field = rest_.substr(0, tab);
    if (tab == std::string_view::npos) {
      done_ = true;
    } else {
      rest_.remove_prefix(tab + 1);
    }
    return field;
  }
  template <typename Integer>
  bool Number(Integer& value, int base = 10) {
    const std::optional<std::string_view> field = Next();
    if (!field || field->empty()) return false;
    const auto result = std::from_chars(field->data(), field->data() + field->size(), value, base);
    return result.ec == std::errc() && result.ptr == field->data() + field->size();
  }
  bool AtEnd() const { return done_; }

 private:
  std::string_view rest_;
  bool done_ = false;
};

// Temporaries of runs killed before their rename; a live writer's is minutes younger.
void RemoveAbandonedTemporaries(const fs::path& file) {
  const std::string prefix = file.filename().string() + ".tmp-";
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  std::error_code error;
  for (fs::directory_iterator it(file.parent_path(), error), end; !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (it->path().filename().string().rfind(prefix, 0) == 0 && fs::last_write_time(it->path(), ignored) < old) {
      fs::remove(it->path(), ignored);
    }
  }
}

}  // namespace

uint64_t ContentHash(std::string_view bytes) {
  uint64_t hash = 0x9E3779B97F4A7C15ULL ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    hash = (hash ^ Mix(word)) * 0x100000001B3ULL;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  return Mix(hash ^ Mix(tail ^ (bytes.size() - i)));
}

std::string SerializeIndexCache(const IndexCache& cache) {
  std::string body;
  body.reserve(cache.entries.size() * 256);
  for (const CacheEntry& entry : cache.entries) {
    body += "P\t";
    AppendNumber(body, entry.size);
    body += '\t';
    AppendNumber(body, entry.mtime_ns);
    body += '\t';
    AppendNumber(body, entry.hash, 16);
    body += '\t';
    AppendNumber(body, entry.fingerprint, 16);
    body += '\t';
    AppendEscaped(body, entry.path);
    body += '\n';
    const PostFacts& facts = entry.facts;
    if (facts.date) {
      body += "D\t";
      AppendNumber(body, *facts.date);
      body += '\t';
      AppendNumber(body, facts.date_line);
      body += '\n';
    }
    if (!facts.title.empty()) {
      body += "T\t";
      AppendEscaped(body, facts.title);
      body += '\n';
    }
    if (!facts.papers.empty()) {  // one line: identity, shown, line, identity, shown, line...
      body += 'A';
      for (const PaperFact& paper : facts.papers) {
        body += '\t';
        AppendEscaped(body, paper.id);
        body += '\t';
        AppendEscaped(body, paper.shown);
        body += '\t';
        AppendNumber(body, paper.line);
      }
      body += '\n';
    }
    if (!facts.tags.empty()) {
      body += 'G';
      for (const TagFact& tag : facts.tags) {
        body += '\t';
        AppendEscaped(body, tag.tag);
      }
      body += '\n';
    }
  }
  std::string header(kMagic);
  header += ' ';
  AppendNumber(header, kVersion);
  header += ' ';
  AppendNumber(header, cache.built_at_ns);
  header += ' ';
  AppendNumber(header, cache.entries.size());
  header += ' ';
  AppendNumber(header, ContentHash(body), 16);
  header += '\n';
  return header + body;
}

std::optional<IndexCache> ParseIndexCache(std::string_view text) {
  const size_t header_end = text.find('\n');
  if (header_end == std::string_view::npos) return std::nullopt;
  const std::string_view header = text.substr(0, header_end);
  const std::string_view body = text.substr(header_end + 1);
  if (header.substr(0, kMagic.size() + 1) != std::string(kMagic) + " ") return std::nullopt;
  std::string fields(header.substr(kMagic.size() + 1));
  for (char& c : fields) c = c == ' ' ? '\t' : c;
  Fields head(fields);
  int version = 0;
  IndexCache cache;
  size_t count = 0;
  uint64_t checksum = 0;
  if (!head.Number(version) || version != kVersion || !head.Number(cache.built_at_ns) || !head.Number(count) ||
      !head.Number(checksum, 16) || !head.AtEnd() || ContentHash(body) != checksum) {
    return std::nullopt;
  }
  cache.entries.reserve(count);
  for (size_t start = 0; start < body.size();) {
    const size_t end = body.find('\n', start);
    if (end == std::string_view::npos) return std::nullopt;  // every line ends with a newline
    const std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (line.size() < 2 || line[1] != '\t') return std::nullopt;
    Fields fields_of_line(line.substr(2));
    const char kind = line[0];
    if (kind == 'P') {
      CacheEntry entry;
      if (!fields_of_line.Number(entry.size) || !fields_of_line.Number(entry.mtime_ns) ||
          !fields_of_line.Number(entry.hash, 16) || !fields_of_line.Number(entry.fingerprint, 16)) {
        return std::nullopt;
      }
      const std::optional<std::string_view> path = fields_of_line.Next();
      std::optional<std::string> unescaped = path ? Unescape(*path) : std::nullopt;
      if (!unescaped || unescaped->empty() || !fields_of_line.AtEnd()) return std::nullopt;
      entry.path = std::move(*unescaped);
      cache.entries.push_back(std::move(entry));
      continue;
    }
    if (cache.entries.empty()) return std::nullopt;
    PostFacts& facts = cache.entries.back().facts;
    if (kind == 'D') {
      DayNumber day = 0;
      if (!fields_of_line.Number(day) || !fields_of_line.Number(facts.date_line) || !fields_of_line.AtEnd()) {
        return std::nullopt;
      }
      facts.date = day;
    } else if (kind == 'T') {
      const std::optional<std::string_view> value = fields_of_line.Next();
      std::optional<std::string> unescaped = value ? Unescape(*value) : std::nullopt;
      if (!unescaped || !fields_of_line.AtEnd()) return std::nullopt;
      facts.title = std::move(*unescaped);
    } else if (kind == 'G') {
      facts.tags.reserve(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')));
      while (const std::optional<std::string_view> value = fields_of_line.Next()) {
        std::optional<std::string> unescaped = Unescape(*value);
        if (!unescaped) return std::nullopt;
        facts.tags.push_back(TagFact{std::move(*unescaped), Span{}});
      }
    } else if (kind == 'A') {
      facts.papers.reserve(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) / 3);
      while (const std::optional<std::string_view> id = fields_of_line.Next()) {
        PaperFact paper;
        const std::optional<std::string_view> shown = fields_of_line.Next();
        std::optional<std::string> identity = Unescape(*id);
        std::optional<std::string> shown_text = shown ? Unescape(*shown) : std::nullopt;
        if (!identity || identity->empty() || !shown_text || !fields_of_line.Number(paper.line)) return std::nullopt;
        paper.id = std::move(*identity);
        paper.shown = std::move(*shown_text);
        facts.papers.push_back(std::move(paper));
      }
    } else {
      return std::nullopt;
    }
  }
  if (cache.entries.size() != count) return std::nullopt;
  return cache;
}

std::optional<IndexCache> ReadIndexCache(const fs::path& file) {
  // Mapped, not read: a warm run reads megabytes it does not need to copy.
  const int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat status {};
  std::optional<IndexCache> cache;
  if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    const size_t size = static_cast<size_t>(status.st_size);
    void* mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped != MAP_FAILED) {
      cache = ParseIndexCache(std::string_view(static_cast<const char*>(mapped), size));
      munmap(mapped, size);
    }
  }
  close(fd);
  return cache;
}

bool WriteIndexCache(const fs::path& file, const IndexCache& cache) {
  const fs::path folder = file.parent_path();
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    fs::create_directories(folder, error);
    if (error) return false;
    // Like ruff's and pytest's caches: git ignores it, backup tools may skip it.
    std::ofstream(folder / ".gitignore") << "# Created by digestlint.\n*\n";
    std::ofstream(folder / "CACHEDIR.TAG") << "Signature: 8a477f597d28d172789f06886806bc55\n"
                                              "# This file is a cache directory tag created by digestlint.\n";
  }
  RemoveAbandonedTemporaries(file);
  std::mt19937_64 random(std::random_device{}());
  const fs::path temporary =
      folder / (file.filename().string() + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(random()));
  const std::string text = SerializeIndexCache(cache);
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t count = write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) break;
    written += static_cast<size_t>(count);
  }
  const bool ok = close(fd) == 0 && written == text.size() && rename(temporary.c_str(), file.c_str()) == 0;
  if (!ok) unlink(temporary.c_str());
  return ok;
}

}  // namespace digestlint
