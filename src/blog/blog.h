#pragma once
// A site: every post of a blog, as facts, and what its configuration says
// about the series. The cross-post rules (rules/DL7xx) and the HTML report
// read it; a post being linted compares itself with the others.

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "blog/post_facts.h"
#include "config.h"

namespace digestlint {

class Schema;

struct IndexedPost {
  std::string path;  // as shown in messages: relative to the working folder when inside it
  std::string key;   // absolute and normal, to recognise the post when it is named
  PostFacts facts;
  const Schema* schema = nullptr;  // the `schemas` entry that claims the post (nullptr: the project's one schema)
};

/// A missing stretch of the series: the expected dates without a post
/// between two consecutive post dates (or between `since` and the first post).
struct Gap {
  std::vector<DayNumber> missing;       // for weekly, the first day of each missing week
  const IndexedPost* before = nullptr;  // the last post before the gap, if any
  const IndexedPost* after = nullptr;   // the first post after it, where day-missing reports it
};

class Blog {
 public:
  Blog(std::filesystem::path root, SeriesConfig series, std::vector<IndexedPost> posts);

  const std::filesystem::path& root() const { return root_; }
  const SeriesConfig& series() const { return series_; }
  /// Sorted by path (and so by key).
  const std::vector<IndexedPost>& posts() const { return posts_; }

  /// The posts of one schema, as a blog of their own: with `schemas`, each
  /// schema's posts form a series (a weekly roundup repeats the daily posts'
  /// papers by design).
  std::unique_ptr<Blog> SeriesOf(const Schema* schema) const;
  /// The indexed post that `path` (as named on the command line) is, or nullptr.
  const IndexedPost* Find(const std::string& path) const;
  /// For each of `ids`, every dated post with that arXiv paper, in date then path order.
  std::map<std::string, std::vector<const IndexedPost*>> WithPapers(const std::vector<std::string>& ids) const;
  /// Every post dated `day`, in path order.
  std::vector<const IndexedPost*> On(DayNumber day) const;
  /// The latest-dated post before `day` (the first by path on that date),
  /// `self` excepted; nullptr when there is none.
  const IndexedPost* LatestBefore(DayNumber day, const IndexedPost* self) const;
  /// In how many posts `tag` appears.
  size_t TagUses(std::string_view tag) const;
  /// Every tag with its number of posts, most used first.
  const std::vector<std::pair<std::string, size_t>>& TagCounts() const { return tag_counts_; }
  /// The earliest post date, if any post is dated.
  std::optional<DayNumber> FirstDay() const;
  /// The dates the cadence expects strictly after `previous` (or from
  /// `since` when there is no previous post) and before `day` that no post
  /// has: for weekly, the first day of each week without a post. `anchor` is
  /// where the cadence starts (`since`, else the first post's date).
  std::vector<DayNumber> MissingBefore(std::optional<DayNumber> previous, DayNumber day, DayNumber anchor) const;
  /// Every gap of the whole series, in date order (the report's calendar).
  std::vector<Gap> Gaps() const;
  /// Where the cadence starts: `since`, else the first post's date.
  std::optional<DayNumber> Anchor() const;

 private:
  std::filesystem::path root_;
  SeriesConfig series_;
  std::vector<IndexedPost> posts_;
  // The posts of each paper: built once lookups go beyond a few (a one-post
  // run scans instead, which is cheaper than building it).
  mutable std::atomic<int> paper_lookups_{0};
  mutable std::once_flag by_paper_built_;
  mutable std::unordered_map<std::string_view, std::vector<const IndexedPost*>> by_paper_;
  std::vector<std::pair<DayNumber, const IndexedPost*>> by_date_;  // sorted
  std::unordered_map<std::string_view, size_t> tag_uses_;          // into posts_
  std::vector<std::pair<std::string, size_t>> tag_counts_;
};

/// `path` as absolute and lexically normal, against the working folder.
std::string PostKey(const std::string& path);

}  // namespace digestlint
