#include "unified_diff.h"

#include <algorithm>
#include <string_view>

namespace digestlint {

namespace {

constexpr size_t kContext = 3;

// Lines with their terminators, so "\r\n" and a missing final newline survive.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : unsigned char { kKeep, kDelete, kInsert };

// Myers' O(ND) greedy shortest edit script between a[a0, a1) and b[b0, b1),
// appended to `ops`. The trace keeps, per step d, only the diagonals that
// step can reach, (D+1)^2 entries in all; beyond `budget` entries the lines
// are given as deleted then inserted, which is still a correct diff.
void EditScript(const std::vector<std::string_view>& a, size_t a0, size_t a1, const std::vector<std::string_view>& b,
                size_t b0, size_t b1, size_t budget, std::vector<Op>& ops) {
  const int n = static_cast<int>(a1 - a0);
  const int m = static_cast<int>(b1 - b0);
  const auto same = [&](int x, int y) { return a[a0 + static_cast<size_t>(x)] == b[b0 + static_cast<size_t>(y)]; };
  const int max = n + m;
  std::vector<int> v(2 * static_cast<size_t>(max) + 2, 0);
  const auto at = [&](int k) -> int& {
    const int index = k + max + 1;  // k runs from -max to max
    return v[static_cast<size_t>(index)];
  };
  // trace holds, for each d, the values of diagonals -(d-1)..d-1 before step d.
  std::vector<int> trace;
  std::vector<size_t> trace_start;
  bool done = max == 0;
  for (int d = 0; d <= max && !done; ++d) {
    trace_start.push_back(trace.size());
    for (int k = -(d - 1); k <= d - 1; ++k) trace.push_back(at(k));
    if (trace.size() > budget) {
      ops.insert(ops.end(), static_cast<size_t>(n), Op::kDelete);
      ops.insert(ops.end(), static_cast<size_t>(m), Op::kInsert);
      return;
    }
    for (int k = -d; k <= d && !done; k += 2) {
      int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && same(x, y)) ++x, ++y;
      at(k) = x;
      done = x >= n && y >= m;
    }
  }
  std::vector<Op> script;
  int x = n;
  int y = m;
  for (int d = static_cast<int>(trace_start.size()) - 1; d >= 0 && (x > 0 || y > 0); --d) {
    const auto traced = [&](int k) {
      return trace[trace_start[static_cast<size_t>(d)] + static_cast<size_t>(k + d - 1)];
    };
    const int k = x - y;
    const int previous_k = (k == -d || (k != d && traced(k - 1) < traced(k + 1))) ? k + 1 : k - 1;
    const int previous_x = d == 0 ? 0 : traced(previous_k);
    const int previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      script.push_back(Op::kKeep);
      --x, --y;
    }
    if (d > 0) script.push_back(x == previous_x ? Op::kInsert : Op::kDelete);
    x = previous_x;
    y = previous_y;
  }
  ops.insert(ops.end(), script.rbegin(), script.rend());
}

void AppendLine(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::vector<size_t> LineStarts(const std::vector<std::string_view>& lines, std::string_view text) {
  std::vector<size_t> starts;
  starts.reserve(lines.size() + 1);
  for (const std::string_view line : lines) starts.push_back(static_cast<size_t>(line.data() - text.data()));
  starts.push_back(text.size());
  return starts;
}

// A change widened to whole lines: lines [a0, a1) of before became [b0, b1) of after.
struct LineBlock {
  size_t a0, a1, b0, b1;
};

bool AtLineStart(std::string_view text, size_t offset) { return offset == 0 || text[offset - 1] == '\n'; }

// The changes widened to whole lines. The text between changes is the same in
// both versions, so widening moves both sides by the same number of bytes; a
// change whose line runs into the next change is first merged with it.
std::vector<LineBlock> Blocks(std::string_view before, std::string_view after, const std::vector<TextChange>& changes,
                              const std::vector<size_t>& a_starts, const std::vector<size_t>& b_starts) {
  const auto line_of = [](const std::vector<size_t>& starts, size_t offset) {
    return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
  };
  std::vector<LineBlock> blocks;
  for (size_t i = 0; i < changes.size();) {
    TextChange change = changes[i++];
    size_t forward = 0;
    while (!AtLineStart(before, change.before.end) || !AtLineStart(after, change.after.end)) {
      const size_t newline = before.find('\n', change.before.end);
      const size_t line_end = newline == std::string_view::npos ? before.size() : newline + 1;
      if (i < changes.size() && changes[i].before.begin < line_end) {
        change = TextChange{Span{change.before.begin, changes[i].before.end},
                            Span{change.after.begin, changes[i].after.end}};
        ++i;
        continue;
      }
      forward = line_end - change.before.end;
      break;
    }
    // The byte before a change is common to both texts: one line start serves both.
    const size_t back = change.before.begin - a_starts[line_of(a_starts, change.before.begin)];
    const LineBlock block{line_of(a_starts, change.before.begin - back), line_of(a_starts, change.before.end + forward),
                          line_of(b_starts, change.after.begin - back), line_of(b_starts, change.after.end + forward)};
    if (!blocks.empty() && block.a0 <= blocks.back().a1) {
      blocks.back().a1 = std::max(blocks.back().a1, block.a1);
      blocks.back().b1 = std::max(blocks.back().b1, block.b1);
    } else {
      blocks.push_back(block);
    }
  }
  return blocks;
}

}  // namespace

std::string UnifiedDiff(const std::string& path, const std::string& before, const std::string& after,
                        const std::vector<TextChange>& changes) {
  if (before == after) return "";
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  const std::vector<size_t> a_starts = LineStarts(a, before);
  const std::vector<size_t> b_starts = LineStarts(b, after);

  // Each block also takes up to kSlack unchanged lines on either side: an
  // inserted or deleted run can slide over equal lines (a blank line, say),
  // and Myers then places it where it would in a diff of the whole file.
  constexpr size_t kSlack = 8;
  const std::vector<LineBlock> changed = Blocks(before, after, changes, a_starts, b_starts);
  std::vector<LineBlock> blocks;
  for (size_t i = 0; i < changed.size(); ++i) {
    // The lines between two blocks are the same in both texts, as many on each side.
    const size_t gap_before = changed[i].a0 - (i == 0 ? 0 : changed[i - 1].a1);
    const size_t gap_after = (i + 1 == changed.size() ? a.size() : changed[i + 1].a0) - changed[i].a1;
    const size_t back = std::min(kSlack, gap_before);
    const size_t forward = std::min(kSlack, gap_after);
    const LineBlock block{changed[i].a0 - back, changed[i].a1 + forward, changed[i].b0 - back, changed[i].b1 + forward};
    if (!blocks.empty() && block.a0 <= blocks.back().a1) {  // the slack of both covers their gap
      blocks.back().a1 = block.a1;
      blocks.back().b1 = block.b1;
    } else {
      blocks.push_back(block);
    }
  }

  // One operation per line: kept between blocks, matched by Myers inside them.
  const size_t budget = 16 * (a.size() + b.size()) + (1 << 16);
  std::vector<Op> ops;
  ops.reserve(std::max(a.size(), b.size()));
  size_t kept_to = 0;
  for (const LineBlock& block : blocks) {
    ops.insert(ops.end(), block.a0 - kept_to, Op::kKeep);
    EditScript(a, block.a0, block.a1, b, block.b0, block.b1, budget, ops);
    kept_to = block.a1;
  }
  ops.insert(ops.end(), a.size() - kept_to, Op::kKeep);

  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  size_t i = 0;
  int a_line = 0;  // lines of a and b before ops[i]
  int b_line = 0;
  const auto advance = [&](size_t to) {
    for (; i < to; ++i) {
      if (ops[i] != Op::kInsert) ++a_line;
      if (ops[i] != Op::kDelete) ++b_line;
    }
  };
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      advance(i + 1);
      continue;
    }
    // A hunk: from kContext kept lines before this change to kContext after the
    // last change that is less than 2 * kContext kept lines from the next.
    size_t start = i;
    for (size_t c = 0; c < kContext && start > 0 && ops[start - 1] == Op::kKeep; ++c) --start;
    size_t end = i;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::kKeep) ++end;
      size_t keep = end;
      while (keep < ops.size() && ops[keep] == Op::kKeep) ++keep;
      if (keep < ops.size() && keep - end <= 2 * kContext) {
        end = keep;
        continue;
      }
      end = std::min(end + kContext, keep);
      break;
    }
    const int hunk_a = a_line - static_cast<int>(i - start);  // the context lines before are kept lines
    const int hunk_b = b_line - static_cast<int>(i - start);
    int a_count = 0;
    int b_count = 0;
    std::string body;
    size_t ai = static_cast<size_t>(hunk_a);
    size_t bi = static_cast<size_t>(hunk_b);
    for (size_t k = start; k < end; ++k) {
      if (ops[k] == Op::kKeep) {
        AppendLine(body, ' ', a[ai++]);
        ++bi, ++a_count, ++b_count;
      } else if (ops[k] == Op::kDelete) {
        AppendLine(body, '-', a[ai++]);
        ++a_count;
      } else {
        AppendLine(body, '+', b[bi++]);
        ++b_count;
      }
    }
    const auto range = [](int line, int count) {
      return std::to_string(count == 0 ? line : line + 1) + (count == 1 ? "" : "," + std::to_string(count));
    };
    out += "@@ -" + range(hunk_a, a_count) + " +" + range(hunk_b, b_count) + " @@\n" + body;
    advance(end);
  }
  return out;
}

std::string UnifiedDiff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return "";
  size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  return UnifiedDiff(path, before, after,
                     {TextChange{Span{prefix, before.size() - suffix}, Span{prefix, after.size() - suffix}}});
}

}  // namespace digestlint
