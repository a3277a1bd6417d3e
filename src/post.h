#pragma once
// The document model the rules read: a post, its front matter and dates, its
// papers with their links and sections, each with where it stands in the
// file. It is built once per post from the blog's DigestFormat; rules never
// parse text themselves.

#include <optional>
#include <string>
#include <vector>

#include "bounded_markdown.h"
#include "digest_format.h"
#include "front_matter.h"
#include "schema.h"
#include "site.h"
#include "source_text.h"

namespace digestlint {

struct Link {
  std::string url;
  std::string text;  // the link text, inline markup flattened
  Span span;         // the whole [text](url)
  Span text_span;    // between the brackets, as written
  Span url_span;     // the destination between the parentheses (else = span)
};

/// A link of one of the format's kinds, found in a paper and checked.
struct PaperLink {
  const LinkKind* kind = nullptr;
  Link link;
  LinkCheck check;
  bool in_place = false;  // where the kind's `place` wants it
};

struct Section {
  std::string name;                   // as written, trimmed (a label without its separator)
  const SectionSpec* spec = nullptr;  // the listed section it is, or nullptr
  int index = -1;                     // its position in the format's list
  int level = 0;                      // heading level; 0 for a bold label
  Span heading;                       // the heading's line, or the label with its separator
  bool has_content = false;
  bool placeholder_only = false;        // its only content is a placeholder word ("TODO")
  Span block;                           // from its line to the next section or the end of the paper
  std::vector<std::string> list_items;  // first line of each list item directly in it
};

struct Paper {
  Span heading;        // the title line: the heading's text, or the list item's first line
  int title_line = 0;  // its line in the file
  Span title;          // the title itself (link text, bold text, or the heading's text)
  std::optional<int> number;
  Span number_span;  // the digits, or an empty span where they belong
  bool list_item = false;
  std::vector<PaperLink> links;  // every link of a known kind, in document order
  std::vector<Section> sections;
  size_t after_title = 0;          // just past the title line: where a line after it goes
  bool right_after_title = false;  // still in the blocks of link lines right after the title
  int last_after_title_line = 0;   // the title's line, or the last link line accepted right after it
  size_t end = 0;                  // where the next paper (or what ends the papers) starts
  std::string identity;            // "arxiv:2510.19871", the paper across posts ("" when unknown)
  std::string shown_id;            // "arXiv 2510.19871", for messages
  Span identity_url;               // the URL that gave the identity

  /// The first link of `kind` where the format wants it, or nullptr.
  const PaperLink* LinkOf(const LinkKind& kind) const;
  /// The first link of `kind` somewhere else in the paper, or nullptr.
  const PaperLink* MisplacedLinkOf(const LinkKind& kind) const;
  /// The link that stands for its kind in this paper: the one where the format
  /// wants it, else the first one elsewhere (which DL301 reports as misplaced).
  /// Its URL and identifier are checked wherever it stands.
  const PaperLink* StandingLinkOf(const LinkKind& kind) const;
  /// Whether the link rules check `link`'s URL and identifier: it is where the
  /// format wants it, or it stands for its kind from elsewhere.
  bool Checks(const PaperLink& link) const { return link.in_place || &link == StandingLinkOf(*link.kind); }
  /// "3", or "(unnumbered)".
  std::string Label() const;
};

/// A date the post states, where it stands and in which form it was found.
struct DateFact {
  Date date;
  Span span;
  std::string where;               // "'date'", "the title", "the file name"
  const DateForm* form = nullptr;  // the title's form, for writing a date back
  std::string written;             // the text as found (a title's date part)
};

/// A date value that is not a real date or not of any accepted form.
struct DateProblem {
  Span span;
  std::string where;
  std::string text;
  std::string why;
  bool wrong_form = false;  // it is not of any accepted form (else: of a form, but not a real date)
};

struct PostDates {
  std::optional<DateFact> front_matter;
  std::optional<DateFact> title;
  std::optional<DateFact> file_name;
  std::optional<DateProblem> front_matter_problem;
  std::optional<DateProblem> title_problem;
  /// The post's date: the front matter's, else the title's, else the file name's.
  std::optional<Date> PostDate() const;
};

/// Papers written in another unit than the format's: where the first is and what they are.
struct UnitMismatch {
  Span at;
  std::string found;  // "level-3 headings", "numbered list items"
  int count = 0;
};

struct Post {
  // Set when the file could not be read or is not UTF-8 text; then only the
  // file rules run and everything below is empty.
  std::optional<std::string> read_error;
  std::optional<EncodingProblem> encoding_problem;
  std::optional<std::string> too_large;       // why the post was not parsed (limits)
  std::optional<std::string> internal_error;  // what failed while working on it

  const SourceText* source = nullptr;
  std::string path;       // as given by the user
  std::string file_name;  // last path component, for the date prefix
  const DigestFormat* format = nullptr;
  FrontMatter front_matter;
  std::vector<SchemaViolation> schema_violations;
  PostDates dates;
  std::vector<Paper> papers;
  std::optional<UnitMismatch> unit_mismatch;  // set only when no paper matches the format
  // The last block of the body is still open (an unclosed fence or HTML
  // block): text appended at the end would land inside it.
  bool ends_in_open_block = false;
  // The Jekyll site's view of this post, when it belongs to one: the schema
  // sees the front matter with the site's defaults merged in.
  const JekyllDocument* jekyll = nullptr;

  /// The string value of the first of `keys` that the front matter has, and that key.
  std::optional<std::string> FrontMatterString(const Words& keys, std::string* key = nullptr) const;
};

/// Parses front matter and body; the Post keeps pointers to `source`, `schema`
/// and `jekyll`. A body that needs more than `max_parse_memory` bytes inside
/// cmark is not parsed: `too_large` says why.
Post BuildPost(const SourceText& source, const std::string& path, const Schema& schema,
               const JekyllDocument* jekyll = nullptr, size_t max_parse_memory = kDefaultMaxParseMemory);

/// Returns the span of `pointer`'s key in the front matter, or the opening fence.
Span FrontMatterKeySpan(const Post& post, const std::string& pointer);
/// Returns the span of `pointer`'s value (to the end of its line).
Span FrontMatterValueSpan(const Post& post, const std::string& pointer);

}  // namespace digestlint
