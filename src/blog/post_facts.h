#pragma once
// What the cross-post rules and the report need to know about a post: its
// date, its papers' identities (arXiv IDs) with their lines, its tags and its title. One
// function extracts them from the Post model, for a post being linted and
// for every post of the site index alike.

#include <optional>
#include <string>
#include <vector>

#include "blog/calendar.h"
#include "post.h"

namespace digestlint {

// Spans locate a fact in the text it was extracted from; facts read back
// from the index cache keep their lines but have empty spans.
struct PaperFact {
  std::string id;     // the paper across posts: "arxiv:2510.19871" (Paper::identity)
  std::string shown;  // for messages: "arXiv 2510.19871"
  int line = 0;       // of the paper heading
  Span heading;
};

struct TagFact {
  std::string tag;
  Span span;
};

struct PostFacts {
  std::string title;
  std::optional<DayNumber> date;  // `date`, else the title's, else the file name's
  int date_line = 0;
  Span date_span;
  std::vector<PaperFact> papers;  // in heading order
  std::vector<TagFact> tags;      // as written, duplicates kept
};

/// The facts of a post (empty for a post that could not be read or parsed).
PostFacts ExtractFacts(const Post& post);

}  // namespace digestlint
