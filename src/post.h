#pragma once
// The document model the rules read: a post, its front matter, its papers
// and their sections, each with where it stands in the file.

#include <optional>
#include <string>
#include <vector>

#include "arxiv.h"
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

struct Section {
  std::string name;  // heading text, trimmed
  int level = 0;
  Span heading;  // the heading line's text (no line break)
  bool has_content = false;
  Span block;  // from the heading's line to the next section or paper
  // First line of each list item's text, for labelled bullets ("Goal: ...").
  std::vector<std::string> list_items;
};

struct Paper {
  Span heading;  // the heading line's text (no line break)
  std::optional<int> number;
  Span number_span;              // "3." (or where it should be)
  std::optional<Link> link;      // the first link in the heading: the arXiv link
  std::optional<Link> alphaxiv;  // a link in the block quote after the heading
  // Each link checked once against its canonical form (empty without the link).
  LinkAnalysis arxiv_analysis;     // AnalyzeArxivUrl(link)
  LinkAnalysis alphaxiv_analysis;  // AnalyzeAlphaxivUrl(alphaxiv, the schema's language)
  Span alphaxiv_quote;             // that block quote's first line, if any
  std::vector<Section> sections;   // every heading below the paper heading
  size_t end = 0;                  // where the next paper (or the file) starts
};

struct Post {
  // Set when the file could not be read or is not UTF-8 text; then only the
  // file rules run and everything below is empty.
  std::optional<std::string> read_error;
  std::optional<EncodingProblem> encoding_problem;
  std::optional<std::string> too_large;  // why the post was not parsed (limits)

  const SourceText* source = nullptr;
  std::string path;       // as given by the user
  std::string file_name;  // last path component, for the Jekyll date prefix
  const PostSpec* spec = nullptr;
  FrontMatter front_matter;
  std::vector<SchemaViolation> schema_violations;
  std::vector<Paper> papers;
  // The Jekyll site's view of this post, when it belongs to one: the schema
  // sees the front matter with the site's defaults merged in.
  const JekyllDocument* jekyll = nullptr;
};

/// Parses front matter and body; the Post keeps pointers to `source`, `schema`
/// and `jekyll`.
Post BuildPost(const SourceText& source, const std::string& path, const Schema& schema,
               const JekyllDocument* jekyll = nullptr);

/// Whether `markdown` ends with a top-level heading of `level`, alone or
/// followed by one paragraph: a fix appending a heading and a line of text checks that
/// no open fence or HTML block swallows them.
bool EndsWithHeading(std::string_view markdown, int level);

/// Returns the span of `pointer`'s key in the front matter, or the opening fence.
Span FrontMatterKeySpan(const Post& post, const std::string& pointer);
/// Returns the span of `pointer`'s value (to the end of its line).
Span FrontMatterValueSpan(const Post& post, const std::string& pointer);

}  // namespace digestlint
