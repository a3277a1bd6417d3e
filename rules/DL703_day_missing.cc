// DL703 day-missing: a gap in the series' declared cadence, reported once,
// at the first post after it.
#include <algorithm>

#include "blog/blog.h"
#include "rule.h"

namespace digestlint {

namespace {

// "2025-10-29", "2025-10-29 and 2025-10-30", or "12 days, 2025-10-01 to 2025-10-14".
std::string DescribeDates(const std::vector<DayNumber>& days, const char* unit) {
  constexpr size_t kListed = 5;
  if (days.size() > kListed) {
    return std::to_string(days.size()) + " " + unit + "s, " + IsoOfDay(days.front()) + " to " + IsoOfDay(days.back());
  }
  std::string text;
  for (size_t i = 0; i < days.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == days.size() ? " and " : ", ") + IsoOfDay(days[i]);
  }
  return text;
}

void Check(const Post& post, const Blog& blog, const RuleInfo& rule, DiagnosticSink& sink) {
  const SeriesConfig& series = blog.series();
  if (series.cadence == Cadence::kNone) return;
  const PostFacts facts = ExtractFacts(post);
  if (!facts.date) return;
  const DayNumber day = *facts.date;
  const IndexedPost* self = blog.Find(post.path);
  const std::string key = PostKey(post.path);
  for (const IndexedPost* other : blog.On(day)) {
    if (other != self && other->key < key) return;  // reported once, at the first post of the day
  }
  const DayNumber anchor = series.since ? blog.Anchor().value_or(day) : std::min(blog.Anchor().value_or(day), day);
  const IndexedPost* previous = blog.LatestBefore(day, self);
  const std::vector<DayNumber> missing =
      blog.MissingBefore(previous ? previous->facts.date : std::nullopt, day, anchor);
  if (missing.empty()) return;
  const bool weekly = series.cadence == Cadence::kWeekly;
  std::string message = std::string(weekly ? "no post in the week of " : "no post for ") +
                        DescribeDates(missing, weekly ? "week" : "day") +
                        " (cadence: " + std::string(CadenceName(series.cadence)) + ")";
  std::vector<RelatedLocation> related;
  if (previous) {
    const std::string date = IsoOfDay(*previous->facts.date);
    message += "; the post before the gap is " + previous->path + " (" + date + ")";
    related.push_back(
        RelatedLocation{previous->path, Position{previous->facts.date_line, 1}, "the last post before the gap"});
  } else {
    message += "; the series starts on " + *series.since;
  }
  sink.Report(rule, facts.date_span, message, std::move(related));
}

}  // namespace

extern const Rule kRule_DL703{{"DL703", "day-missing", Severity::kWarning, FixAvailability::kNone,
                               "The series has no post for a day its cadence expects"},
                              nullptr,
                              nullptr,
                              Check};

}  // namespace digestlint
