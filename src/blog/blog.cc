#include "blog/blog.h"

#include <algorithm>
#include <set>

namespace digestlint {

namespace fs = std::filesystem;

namespace {

DayNumber FloorDiv(DayNumber a, DayNumber b) { return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0); }

}  // namespace

std::string PostKey(const std::string& path) {
  static const fs::path working_directory = WorkingDirectory();
  return (working_directory / path).lexically_normal().string();
}

Blog::Blog(fs::path root, SeriesConfig series, std::vector<IndexedPost> posts)
    : root_(std::move(root)), series_(std::move(series)), posts_(std::move(posts)) {
  const auto by_key = [](const IndexedPost& a, const IndexedPost& b) { return a.key < b.key; };
  if (!std::is_sorted(posts_.begin(), posts_.end(), by_key)) std::sort(posts_.begin(), posts_.end(), by_key);
  by_date_.reserve(posts_.size());
  std::vector<std::string_view> tags;
  for (const IndexedPost& post : posts_) {
    tags.clear();
    for (const TagFact& tag : post.facts.tags) {
      if (std::find(tags.begin(), tags.end(), tag.tag) != tags.end()) continue;
      tags.push_back(tag.tag);
      ++tag_uses_[tag.tag];
    }
    if (post.facts.date) by_date_.emplace_back(*post.facts.date, &post);
  }
  // posts_ is in key order, so a stable sort by date keeps paths in order within a day.
  std::stable_sort(by_date_.begin(), by_date_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [tag, uses] : tag_uses_) tag_counts_.emplace_back(tag, uses);
  std::sort(tag_counts_.begin(), tag_counts_.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

std::unique_ptr<Blog> Blog::SeriesOf(const Schema* schema) const {
  std::vector<IndexedPost> posts;
  for (const IndexedPost& post : posts_) {
    if (post.schema == schema) posts.push_back(post);
  }
  return std::make_unique<Blog>(root_, series_, std::move(posts));
}

const IndexedPost* Blog::Find(const std::string& path) const {
  const std::string key = PostKey(path);
  const auto found =
      std::lower_bound(posts_.begin(), posts_.end(), key,
                       [](const IndexedPost& post, const std::string& wanted) { return post.key < wanted; });
  return found != posts_.end() && found->key == key ? &*found : nullptr;
}

std::map<std::string, std::vector<const IndexedPost*>> Blog::WithPapers(const std::vector<std::string>& ids) const {
  constexpr int kScans = 16;
  std::map<std::string, std::vector<const IndexedPost*>> with;
  for (const std::string& id : ids) with[id];
  if (paper_lookups_.fetch_add(1) < kScans) {
    for (const auto& [day, post] : by_date_) {
      for (const PaperFact& paper : post->facts.papers) {
        const auto wanted = with.find(paper.id);
        if (wanted != with.end() && (wanted->second.empty() || wanted->second.back() != post)) {
          wanted->second.push_back(post);
        }
      }
    }
    return with;
  }
  std::call_once(by_paper_built_, [&] {
    for (const auto& [day, post] : by_date_) {
      for (const PaperFact& paper : post->facts.papers) {
        std::vector<const IndexedPost*>& posts = by_paper_[paper.id];
        if (posts.empty() || posts.back() != post) posts.push_back(post);
      }
    }
  });
  for (auto& [id, posts] : with) {
    const auto found = by_paper_.find(id);
    if (found != by_paper_.end()) posts = found->second;
  }
  return with;
}

std::vector<const IndexedPost*> Blog::On(DayNumber day) const {
  std::vector<const IndexedPost*> posts;
  auto it = std::lower_bound(by_date_.begin(), by_date_.end(), day,
                             [](const auto& entry, DayNumber wanted) { return entry.first < wanted; });
  for (; it != by_date_.end() && it->first == day; ++it) posts.push_back(it->second);
  return posts;
}

const IndexedPost* Blog::LatestBefore(DayNumber day, const IndexedPost* self) const {
  auto it = std::lower_bound(by_date_.begin(), by_date_.end(), day,
                             [](const auto& entry, DayNumber wanted) { return entry.first < wanted; });
  while (it != by_date_.begin()) {
    --it;
    if (it->second == self) continue;
    // The first post (by path) of that latest date, `self` excepted.
    for (const IndexedPost* post : On(it->first)) {
      if (post != self) return post;
    }
  }
  return nullptr;
}

size_t Blog::TagUses(std::string_view tag) const {
  const auto found = tag_uses_.find(tag);
  return found == tag_uses_.end() ? 0 : found->second;
}

std::optional<DayNumber> Blog::FirstDay() const {
  if (by_date_.empty()) return std::nullopt;
  return by_date_.front().first;
}

std::optional<DayNumber> Blog::Anchor() const {
  if (series_.since) return ParseIsoDay(*series_.since);
  return FirstDay();
}

std::vector<DayNumber> Blog::MissingBefore(std::optional<DayNumber> previous, DayNumber day, DayNumber anchor) const {
  std::vector<DayNumber> missing;
  const std::optional<DayNumber> since = series_.since ? ParseIsoDay(*series_.since) : std::nullopt;
  if (series_.cadence == Cadence::kNone || (since && day < *since)) return missing;
  if (series_.cadence == Cadence::kWeekly) {
    const DayNumber week = FloorDiv(day - anchor, 7);
    DayNumber first_week = previous ? FloorDiv(*previous - anchor, 7) + 1 : since ? FloorDiv(*since - anchor, 7) : week;
    for (DayNumber w = std::max<DayNumber>(first_week, 0); w < week; ++w) missing.push_back(anchor + 7 * w);
    return missing;
  }
  DayNumber start = previous ? *previous + 1 : since ? *since : day;
  if (since) start = std::max(start, *since);
  for (DayNumber d = start; d < day; ++d) {
    if (series_.cadence == Cadence::kDaily || WeekdayOf(d) < 5) missing.push_back(d);
  }
  return missing;
}

std::vector<Gap> Blog::Gaps() const {
  std::vector<Gap> gaps;
  const std::optional<DayNumber> anchor = Anchor();
  if (!anchor) return gaps;
  std::optional<DayNumber> previous;
  const IndexedPost* before = nullptr;
  for (const auto& [day, post] : by_date_) {
    if (previous && day == *previous) continue;
    std::vector<DayNumber> missing = MissingBefore(previous, day, *anchor);
    if (!missing.empty()) gaps.push_back(Gap{std::move(missing), before, post});
    previous = day;
    before = post;
  }
  return gaps;
}

}  // namespace digestlint
