#include "terminal_text.h"

#include <utf8proc.h>

#include <algorithm>

namespace digestlint {

namespace {

constexpr size_t kTabStop = 8;
constexpr size_t kMaxClusterCodePoints = 32;  // a run of combining marks is cut into pieces
constexpr std::string_view kEllipsis = "…";

// One code point (or one byte that is not UTF-8) at a position.
struct CodePoint {
  int32_t value = -1;  // -1: a byte that is not UTF-8
  size_t size = 1;
};

CodePoint Decode(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  utf8proc_int32_t value = -1;
  const utf8proc_ssize_t size = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                                 static_cast<utf8proc_ssize_t>(text.size() - pos), &value);
  if (size <= 0) return {-1, 1};
  return {value, static_cast<size_t>(size)};
}

// Controls (C0, DEL, C1), format characters (bidi controls, zero-width
// characters, soft hyphen, BOM, tags) and the Unicode line separators.
bool MustEscape(int32_t value) {
  if (value < 0) return true;
  if (value < 0x80) return value < 0x20 || value == 0x7F;
  switch (utf8proc_category(value)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return true;
    default:
      return false;
  }
}

void AppendEscape(std::string& out, std::string_view bytes, int32_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (value == '\t') {
    out += "\\t";
  } else if (value == '\n') {
    out += "\\n";
  } else if (value == '\r') {
    out += "\\r";
  } else if (value >= 0 && value < 0x80) {
    out += "\\x";
    out += kHex[value >> 4];
    out += kHex[value & 15];
  } else if (value < 0) {
    const auto byte = static_cast<unsigned char>(bytes[0]);
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  } else {
    std::string digits;
    for (int32_t rest = value; rest > 0; rest >>= 4) digits.insert(digits.begin(), kHex[rest & 15]);
    out += "\\u{" + digits + "}";
  }
}

size_t EscapeWidth(int32_t value) {
  std::string escaped;
  AppendEscape(escaped, "?", value);
  return escaped.size();
}

bool IsRegionalIndicator(int32_t value) { return value >= 0x1F1E6 && value <= 0x1F1FF; }

size_t CodePointWidth(int32_t value) {
  if (IsRegionalIndicator(value)) return 2;  // a flag is two indicators in one wide cluster
  return static_cast<size_t>(std::max(0, utf8proc_charwidth(value)));
}

// A grapheme cluster, or one escaped character, or a tab.
struct Cluster {
  size_t begin = 0;
  size_t end = 0;
  size_t width = 0;  // for a tab: filled in from the column
  bool escaped = false;
  bool tab = false;
  int32_t value = 0;  // the first code point
};

// Reads the cluster starting at `pos`: a base character and what extends it
// (combining marks, emoji modifiers, Hangul jamo), per libutf8proc.
Cluster NextCluster(std::string_view text, size_t pos) {
  Cluster cluster;
  cluster.begin = pos;
  const CodePoint first = Decode(text, pos);
  cluster.value = first.value;
  cluster.end = pos + first.size;
  if (first.value == '\t') {
    cluster.tab = true;
    return cluster;
  }
  if (MustEscape(first.value)) {
    cluster.escaped = true;
    cluster.width = EscapeWidth(first.value);
    return cluster;
  }
  cluster.width = CodePointWidth(first.value);
  utf8proc_int32_t state = 0;
  int32_t previous = first.value;
  for (size_t count = 1; cluster.end < text.size() && count < kMaxClusterCodePoints; ++count) {
    if (static_cast<unsigned char>(text[cluster.end]) < 0x80) break;  // ASCII starts a cluster
    const CodePoint next = Decode(text, cluster.end);
    if (MustEscape(next.value) || utf8proc_grapheme_break_stateful(previous, next.value, &state)) break;
    if (next.value == 0xFE0F) cluster.width = std::max<size_t>(cluster.width, 2);  // emoji presentation
    cluster.width = std::max(cluster.width, CodePointWidth(next.value));
    previous = next.value;
    cluster.end += next.size;
  }
  return cluster;
}

size_t TabWidth(size_t column) { return kTabStop - column % kTabStop; }

}  // namespace

bool NeedsTerminalEscape(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++pos;
      continue;
    }
    const CodePoint point = Decode(text, pos);
    if (MustEscape(point.value)) return true;
    pos += point.size;
  }
  return false;
}

std::string EscapeForTerminal(std::string_view text) {
  if (!NeedsTerminalEscape(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t pos = 0; pos < text.size();) {
    const CodePoint point = Decode(text, pos);
    if (MustEscape(point.value)) {
      AppendEscape(out, text.substr(pos), point.value);
    } else {
      out.append(text, pos, point.size);
    }
    pos += point.size;
  }
  return out;
}

size_t DisplayWidth(std::string_view text, size_t start_column) {
  size_t column = start_column;
  for (size_t pos = 0; pos < text.size();) {
    const Cluster cluster = NextCluster(text, pos);
    column += cluster.tab ? TabWidth(column) : cluster.width;
    pos = cluster.end;
  }
  return column - start_column;
}

SnippetLayout LayoutSnippet(std::string_view line, size_t begin, size_t end, size_t max_width) {
  begin = std::min(begin, line.size());
  end = std::clamp(end, begin, line.size());
  const size_t byte_budget = 16 * max_width;  // bounds the work however wide the clusters are

  // Where the shown part starts: the line's start when the span begins within
  // the first two thirds of the width, else a third of the width before it.
  size_t from = 0;
  {
    size_t column = 0;
    size_t pos = 0;
    while (pos < begin && column <= 2 * max_width / 3 && pos <= byte_budget) {
      const Cluster cluster = NextCluster(line, pos);
      column += cluster.tab ? TabWidth(column) : cluster.width;
      pos = cluster.end;
    }
    if (pos < begin || column > 2 * max_width / 3) {
      from = begin;
      size_t before = 0;
      while (from > 0 && before < max_width / 3 && begin - from < byte_budget) {
        do {
          --from;
        } while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80 && begin - from < byte_budget);
        const CodePoint point = Decode(line, from);
        before += MustEscape(point.value) ? EscapeWidth(point.value) : std::max<size_t>(1, CodePointWidth(point.value));
      }
    }
  }

  SnippetLayout layout;
  size_t column = 0;
  if (from > 0) {
    layout.text = kEllipsis;
    column = 1;
  }
  const size_t limit = column + max_width;
  bool caret_placed = false;
  size_t caret_end = 0;
  size_t pos = from;
  for (; pos < line.size();) {
    const Cluster cluster = NextCluster(line, pos);
    const size_t width = cluster.tab ? TabWidth(column) : cluster.width;
    if (column + width > limit || pos - from > byte_budget) break;
    if (!caret_placed && cluster.end > begin) {
      layout.caret_column = column;
      caret_placed = true;
    }
    if (cluster.tab) {
      layout.text.append(width, ' ');
    } else if (cluster.escaped) {
      AppendEscape(layout.text, line.substr(pos), cluster.value);
    } else {
      layout.text.append(line, pos, cluster.end - pos);
    }
    column += width;
    if (pos < end) caret_end = column;
    pos = cluster.end;
  }
  if (pos < line.size()) layout.text += kEllipsis;
  if (!caret_placed) layout.caret_column = column;  // the span starts at the end of what is shown
  layout.caret_count = caret_end > layout.caret_column ? caret_end - layout.caret_column : 1;
  return layout;
}

}  // namespace digestlint
