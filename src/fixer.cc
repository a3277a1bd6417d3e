#include "fixer.h"

#include <algorithm>
#include <set>

#include "linter.h"
#include "rule.h"
#include "source_text.h"

namespace digestlint {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct Round {
  std::string text;
  std::map<std::string, int> applied;
  std::vector<Edit> edits;  // sorted, disjoint
};

// Applies every applicable fix whose edits do not overlap an edit already
// taken (a fix is all or nothing); the rest wait for the next round.
Round ApplyFixes(const std::string& text, const std::vector<LocatedDiagnostic>& diagnostics,
                 const FixOptions& options) {
  std::vector<const LocatedDiagnostic*> fixable;
  for (const LocatedDiagnostic& d : diagnostics) {
    if (d.fix && FixApplies(*d.fix, options)) fixable.push_back(&d);
  }
  std::vector<Edit> accepted;
  Round round;
  const auto overlaps = [&](const Edit& edit) {
    return std::any_of(accepted.begin(), accepted.end(), [&](const Edit& other) {
      // Two insertions at one point would have no defined order: treat as overlap.
      return edit.span.begin < other.span.end + (other.span.begin == other.span.end ? 1 : 0) &&
             other.span.begin < edit.span.end + (edit.span.begin == edit.span.end ? 1 : 0);
    });
  };
  for (const LocatedDiagnostic* d : fixable) {
    if (std::any_of(d->fix->edits.begin(), d->fix->edits.end(), overlaps)) continue;
    accepted.insert(accepted.end(), d->fix->edits.begin(), d->fix->edits.end());
    ++round.applied[std::string(d->rule->code)];
  }
  std::sort(accepted.begin(), accepted.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  size_t copied = 0;
  for (const Edit& edit : accepted) {
    round.text.append(text, copied, edit.span.begin - copied);
    round.text += edit.replacement;
    copied = edit.span.end;
  }
  round.text.append(text, copied, std::string::npos);
  round.edits = std::move(accepted);
  return round;
}

// Where the text differs from the original after one more round of `edits`
// (sorted, disjoint spans of the current text): `changes` and the edits, as
// intervals of the current text, are merged where they overlap or touch; each
// group maps back to the original through the changes before it and forward
// to the new text through the edits before it.
std::vector<TextChange> ComposeChanges(const std::vector<TextChange>& changes, const std::vector<Edit>& edits) {
  struct Piece {
    Span current;
    long long original_delta = 0;  // current length - original length (a change)
    long long new_delta = 0;       // new length - current length (an edit)
  };
  std::vector<Piece> pieces;
  pieces.reserve(changes.size() + edits.size());
  for (const TextChange& c : changes) {
    pieces.push_back(
        {c.after,
         static_cast<long long>(c.after.end - c.after.begin) - static_cast<long long>(c.before.end - c.before.begin),
         0});
  }
  for (const Edit& e : edits) {
    pieces.push_back(
        {e.span, 0, static_cast<long long>(e.replacement.size()) - static_cast<long long>(e.span.end - e.span.begin)});
  }
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const Piece& a, const Piece& b) { return a.current.begin < b.current.begin; });
  std::vector<TextChange> composed;
  long long original_delta = 0;  // current - original, before the group
  long long new_delta = 0;       // new - current, before the group
  for (size_t i = 0; i < pieces.size();) {
    Span group = pieces[i].current;
    long long group_original = 0;
    long long group_new = 0;
    for (; i < pieces.size() && pieces[i].current.begin <= group.end; ++i) {
      group.end = std::max(group.end, pieces[i].current.end);
      group_original += pieces[i].original_delta;
      group_new += pieces[i].new_delta;
    }
    const auto shift = [](size_t offset, long long delta) {
      return static_cast<size_t>(static_cast<long long>(offset) + delta);
    };
    composed.push_back(
        TextChange{Span{shift(group.begin, -original_delta), shift(group.end, -original_delta - group_original)},
                   Span{shift(group.begin, new_delta), shift(group.end, new_delta + group_new)}});
    original_delta += group_original;
    new_delta += group_new;
  }
  return composed;
}

std::map<std::string, int> CountByRule(const std::vector<LocatedDiagnostic>& diagnostics) {
  std::map<std::string, int> counts;
  for (const LocatedDiagnostic& d : diagnostics) ++counts[std::string(d.rule->code)];
  return counts;
}

std::string RuleList(const std::map<std::string, int>& rules) {
  std::string list;
  for (const auto& [code, count] : rules) list += (list.empty() ? "" : ", ") + code;
  return list;
}

}  // namespace

bool FixApplies(const Fix& fix, const FixOptions& options) { return fix.safety == FixSafety::kSafe || options.unsafe; }

std::map<std::string, int> RulesMadeWorse(const std::vector<LocatedDiagnostic>& before,
                                          const std::vector<LocatedDiagnostic>& after,
                                          const std::map<std::string, int>& applied) {
  std::set<std::string> left_on_purpose;
  for (const auto& [code, count] : applied) {
    const Rule* rule = FindRule(code);
    std::string_view leaves = rule ? rule->info.fix_leaves : std::string_view();
    while (!leaves.empty()) {
      const size_t space = leaves.find(' ');
      left_on_purpose.emplace(leaves.substr(0, space));
      leaves = space == std::string_view::npos ? std::string_view() : leaves.substr(space + 1);
    }
  }
  const std::map<std::string, int> counts_before = CountByRule(before);
  std::map<std::string, int> worse;
  for (const auto& [code, count] : CountByRule(after)) {
    if (left_on_purpose.count(code)) continue;
    const auto found = counts_before.find(code);
    if (found == counts_before.end() || count > found->second) worse[code] = count;
  }
  return worse;
}

FixResult FixBytes(const std::string& path, const std::string& bytes, const Schema& schema, const FixOptions& options) {
  LintSettings settings;
  settings.schema = &schema;
  return FixBytes(path, bytes, settings, options);
}

FixResult FixBytes(const std::string& path, const std::string& bytes, const LintSettings& settings,
                   const FixOptions& options) {
  FixResult result;
  result.original = bytes;
  result.fixed = bytes;
  const std::vector<LocatedDiagnostic> original = LintBytes(path, bytes, settings);
  if (std::any_of(original.begin(), original.end(), IsInputError)) {
    result.remaining = original;  // never rewrite what could not be read as a post
    return result;
  }
  std::vector<LocatedDiagnostic> diagnostics = original;

  const bool bom = bytes.compare(0, kBom.size(), kBom) == 0;
  std::string text = bom ? bytes.substr(kBom.size()) : bytes;
  std::map<std::string, int> applied;
  for (;;) {
    const bool pending = std::any_of(diagnostics.begin(), diagnostics.end(),
                                     [&](const LocatedDiagnostic& d) { return d.fix && FixApplies(*d.fix, options); });
    if (!pending) break;
    if (result.rounds == options.max_rounds) {
      std::map<std::string, int> still;
      for (const LocatedDiagnostic& d : diagnostics) {
        if (d.fix && FixApplies(*d.fix, options)) ++still[std::string(d.rule->code)];
      }
      result.refused = "fixes did not converge after " + std::to_string(options.max_rounds) + " rounds (rules " +
                       RuleList(still) + ")";
      break;
    }
    Round round = ApplyFixes(text, diagnostics, options);
    ++result.rounds;
    if (round.text == text) {
      result.refused = "fixes for " + RuleList(round.applied) + " changed nothing";
      break;
    }
    for (const auto& [code, count] : round.applied) applied[code] += count;
    result.changes = ComposeChanges(result.changes, round.edits);
    text = std::move(round.text);
    diagnostics = LintBytes(path, text, settings);
  }

  // A fix must never make the post worse.
  if (!result.refused) {
    const std::map<std::string, int> worse = RulesMadeWorse(original, diagnostics, applied);
    if (!worse.empty()) {
      result.refused = "fixing (rules " + RuleList(applied) + ") would introduce " + RuleList(worse);
    }
  }
  if (result.refused) {
    result.remaining = original;
    result.changes.clear();
    return result;
  }
  result.fixed = (bom ? std::string(kBom) : std::string()) + text;
  if (bom) {  // the changes are in the text after the BOM
    for (TextChange& change : result.changes) {
      for (Span* span : {&change.before, &change.after}) {
        span->begin += kBom.size();
        span->end += kBom.size();
      }
    }
  }
  result.fixed_per_rule = std::move(applied);
  result.remaining = std::move(diagnostics);
  return result;
}

}  // namespace digestlint
