#pragma once
// The digest format: what one blog's posts look like, read from the
// `x-digestlint` block of its schema. This is the one place that knows what a
// paper, a link, a section and a date look like; the Post model (post.h) is
// built from it, and rules read the model and this description, never raw text
// or constants. Messages and fixes take their words and URLs from here, so a
// blog with other section names or link hosts gets messages in its own terms.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "arxiv.h"
#include "dates.h"

namespace re2 {
class RE2;
}

namespace digestlint {

/// A word and its accepted alternatives ("Goal" or "목표"); the first is the
/// canonical form used in messages and fixes.
class Words {
 public:
  Words() = default;
  explicit Words(std::vector<std::string> forms) : forms_(std::move(forms)) {}
  bool empty() const { return forms_.empty(); }
  const std::string& canonical() const { return forms_.front(); }
  const std::vector<std::string>& forms() const { return forms_; }
  bool Matches(std::string_view text, bool case_sensitive) const;
  /// "'Goal' (or '목표')".
  std::string Describe() const;

 private:
  std::vector<std::string> forms_;
};

/// `name` without the decoration people put around it: spaces, ASCII
/// punctuation, emoji and symbols ("## 🔍 Method:" is the section "Method").
std::string_view Undecorated(std::string_view name);

// ---------------------------------------------------------------- front matter

struct FrontMatterFormat {
  bool yaml = true;  // --- fences (Jekyll, Astro)
  bool toml = true;  // +++ fences (Hugo)
  Words title_keys{{"title"}};
  Words date_keys{{"date"}};  // the first one present holds the post's date
  DateForms date_forms;       // what the date value may look like
  DateForms title_date_forms;
  // The date prefix of file names ("YYYY-MM-DD-" for Jekyll's _posts), if file names carry the date.
  std::optional<DateForm> file_name_date;
};

// ---------------------------------------------------------------- papers

enum class PaperUnit { kHeading, kListItem };
enum class TitleForm { kLink, kBold, kText, kAny };

/// How papers are numbered: a template such as "{n}.", "{n})", "[{n}]" or
/// "Paper {n}:", or none.
struct Numbering {
  bool enabled = true;
  std::string before;  // text before the number
  std::string after;   // text after it
  int start = 1;
  /// At the start of `text`: the number and the length of the digits'
  /// prefix (offset of the digits, their length) when `text` starts with the template.
  struct Found {
    int number = 0;
    size_t digits_offset = 0;
    size_t digits_length = 0;
    size_t end = 0;  // just past the template's text
  };
  std::optional<Found> Match(std::string_view text) const;
  std::string Render(int number) const;
};

struct PaperFormat {
  PaperUnit unit = PaperUnit::kHeading;
  int level = 1;  // heading level, for headings
  TitleForm title = TitleForm::kAny;
  Numbering numbering;
  std::shared_ptr<const re2::RE2> pattern;  // optional: a paper's title line must match it
  std::string pattern_text;
};

// ---------------------------------------------------------------- links

/// A URL split as link checks need it.
struct UrlParts {
  std::string scheme;  // "" when missing
  std::string host;    // lower-case
  std::string path;    // from the first "/" up to "?" or "#"
  std::string query;   // after "?" up to "#", without the "?"
};
UrlParts SplitUrl(std::string_view url);

/// A URL with placeholders: {id} is the paper's identifier, {*} one path
/// segment of any value (only in accepted forms, not in the canonical one).
class UrlTemplate {
 public:
  static std::optional<UrlTemplate> Parse(const std::string& text, bool canonical, std::string* error);
  const std::string& text() const { return text_; }
  const std::string& scheme() const { return scheme_; }
  const std::string& host() const { return host_; }
  /// The URL for `id` (canonical templates only).
  std::string Render(std::string_view id) const;
  /// The identifier when `url`'s path (and query, if the template has one) has this form.
  std::optional<std::string> Match(const UrlParts& url) const;
  /// Whether `url` has this form with nothing where the identifier goes ("/abs/").
  bool MatchesWithoutId(const UrlParts& url) const;
  /// The path (and query) with {id} shown as "ID", for messages: "/abs/ID".
  std::string ShownPath() const;

 private:
  std::string text_;
  std::string scheme_;
  std::string host_;
  std::string rest_;  // path, and "?query" when the template has one
  bool has_query_ = false;
  bool has_wildcard_ = false;  // rest_ has {*}: only matcher_ can match it
  std::shared_ptr<const re2::RE2> matcher_;
};

/// What identifiers of a link kind look like: arXiv's scheme (built in) or a pattern.
class IdGrammar {
 public:
  static IdGrammar Arxiv();
  static std::optional<IdGrammar> Pattern(const std::string& pattern, std::string* error);
  bool is_arxiv() const { return arxiv_; }
  /// Checks `id`; on failure sets `why`. For arXiv IDs also gives year and month.
  bool Valid(std::string_view id, std::string* why, std::optional<ArxivId>* arxiv = nullptr) const;
  /// The identity of the paper: arXiv IDs without their version, others as written.
  std::string Identity(std::string_view id) const;

 private:
  bool arxiv_ = true;
  std::shared_ptr<const re2::RE2> pattern_;
  std::string pattern_text_;
};

enum class LinkPlace { kTitle, kAfterTitle, kAnywhere };

/// How a link's own line is written: "> [Alphaxiv]({url})",
/// "**链接**: [arXiv:{id}]({url})", "[Read the paper]({url})".
class LinkLine {
 public:
  static std::optional<LinkLine> Parse(const std::string& text, std::string* error);
  const std::string& text() const { return text_; }
  /// The line for a paper, as a fix inserts it.
  std::string Render(std::string_view id, std::string_view url) const;
  /// Whether a link's text is this line's link text (its {id} matching anything).
  bool LabelMatches(std::string_view link_text) const;
  /// The bold label before the link ("链接" in "**链接**: [...]"), if any.
  const std::string& bold_prefix() const { return bold_prefix_; }
  /// Whether `before_link`, what precedes a link on its line, is this line's
  /// prefix ("> ", "**链接**: ", nothing), container markers and spaces aside.
  bool PrefixMatches(std::string_view before_link) const;

 private:
  std::string text_;
  std::string before_;  // up to the link's '['
  std::string label_;   // the link text, with {id}
  std::string after_;   // after the link's ')'
  std::string bold_prefix_;
  std::shared_ptr<const re2::RE2> label_matcher_;
};

/// A link checked against its kind: where it points and what is wrong with it.
struct LinkCheck {
  bool on_host = false;     // the host is one of the kind's
  std::string id;           // identifier text found in the URL ("" if none)
  bool missing_id = false;  // the URL has a known form with nothing where the identifier goes
  bool id_valid = false;
  std::string id_problem;             // why the id is not valid
  std::optional<ArxivId> arxiv;       // for arXiv IDs
  std::vector<std::string> problems;  // why the URL is not in the canonical form
  std::string canonical;              // the canonical URL, when the id is valid
};

struct LinkKind {
  std::string name;   // referenced by same-id-as, e.g. "arxiv"
  std::string label;  // in messages, e.g. "arXiv"
  IdGrammar id = IdGrammar::Arxiv();
  std::string id_name;  // "arxiv" or the kind's name, for identities
  UrlTemplate url;      // the canonical form
  std::vector<UrlTemplate> accepts;
  std::vector<std::string> hosts;  // lower-case
  LinkPlace place = LinkPlace::kAnywhere;
  std::optional<LinkLine> line;
  bool required = true;
  int same_id_as = -1;  // index of the kind whose ID this one must repeat

  bool OwnsHost(std::string_view host) const;
  LinkCheck Check(std::string_view url) const;
  /// "https://arxiv.org/abs/ID", or the whole line when the kind has one.
  std::string Example() const;
  /// "in the title", "on its own line right after the title", "in the paper".
  std::string PlaceDescription() const;
};

// ---------------------------------------------------------------- sections

enum class SectionForm { kHeading, kLabel };

struct SectionSpec {
  Words name;
  bool required = true;
  std::vector<Words> bullets;  // labelled bullets: "- Goal: ..."
};

struct SectionsFormat {
  SectionForm form = SectionForm::kHeading;
  int level = 2;  // heading level, for headings
  std::vector<SectionSpec> list;
  bool ordered = true;
  bool allow_extra = true;
  bool case_sensitive = false;
  std::vector<std::string> separators = {":", "："};
  Words placeholders{{"TODO"}};

  /// The listed section called `name`, or nullptr; `index` gets its position.
  const SectionSpec* Find(std::string_view name, int* index = nullptr) const;
  /// "## Method", or "**Method**:" for labels.
  std::string Written(const SectionSpec& spec) const;
  std::string Written(std::string_view name) const;
  /// The listed names in order, for messages: "Introduction, Method, Results".
  std::string Names() const;
  /// Whether `text` starts with `label` and a separator; `length` gets both.
  bool StartsWithLabel(std::string_view text, const Words& label, size_t* length = nullptr) const;
};

// ---------------------------------------------------------------- the format

struct DigestFormat {
  FrontMatterFormat front_matter;
  PaperFormat papers;
  std::vector<LinkKind> links;
  SectionsFormat sections;

  /// Reads an x-digestlint block that the extension schema accepted; checks
  /// what a JSON Schema cannot (templates, patterns, references between
  /// keys). On failure sets `error` to "/x-digestlint/...: message".
  static std::optional<DigestFormat> FromJson(const nlohmann::json& block, std::string* error);

  const LinkKind* FindLink(std::string_view name) const;
  /// The one link kind placed in the title, when there is exactly one.
  const LinkKind* TitleLinkKind() const;
  /// A paper's title line as the schema wants it: "# 3. [Title](https://arxiv.org/abs/ID)".
  std::string PaperExample(int number) const;
  /// "level-1 headings", "numbered list items".
  std::string UnitDescription() const;

  // What the format says, as Markdown prose for `digestlint explain`.
  std::string DescribeFrontMatter() const;
  std::string DescribeDates() const;
  std::string DescribePapers() const;
  std::string DescribeLinks() const;
  std::string DescribeSections() const;
};

}  // namespace digestlint
