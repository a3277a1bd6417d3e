#include "post.h"

#include <algorithm>
#include <map>
#include <memory>

#include <cmark.h>
#include <re2/re2.h>

#include "bounded_markdown.h"
#include "text.h"

namespace digestlint {

namespace {

cmark_node_type TypeOf(cmark_node* node) { return cmark_node_get_type(node); }

// Calls visit(node) for `root` and each of its descendants, in document order.
// Iterative, without cmark_iter: no allocation per walk, and no recursion that
// deep nesting could overflow.
template <typename Visit>
void ForEachNode(cmark_node* root, Visit visit) {
  for (cmark_node* current = root; current;) {
    visit(current);
    if (cmark_node* child = cmark_node_first_child(current)) {
      current = child;
      continue;
    }
    while (current != root && !cmark_node_next(current)) current = cmark_node_parent(current);
    current = current == root ? nullptr : cmark_node_next(current);
  }
}

// The text of a node with inline markup flattened.
std::string FlattenText(cmark_node* node) {
  std::string text;
  ForEachNode(node, [&](cmark_node* current) {
    switch (TypeOf(current)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text += cmark_node_get_literal(current);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      default:
        break;
    }
  });
  return text;
}

// Every descendant of `node` of `type`, in document order.
std::vector<cmark_node*> Descendants(cmark_node* node, cmark_node_type type) {
  std::vector<cmark_node*> found;
  ForEachNode(node, [&](cmark_node* current) {
    if (current != node && TypeOf(current) == type) found.push_back(current);
  });
  return found;
}

// Maps cmark's body-relative positions (1-based lines, byte columns) to offsets.
class BodyMap {
 public:
  BodyMap(const SourceText& source, int first_line) : source_(source), first_line_(first_line) {}

  size_t Offset(int line, int column) const {
    return source_.LineStart(first_line_ + line - 1) + static_cast<size_t>(std::max(column, 1) - 1);
  }
  size_t Start(cmark_node* node) const {
    return Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  }
  size_t LineStartOf(cmark_node* node) const { return source_.LineStart(FileLine(node)); }
  int FileLine(cmark_node* node) const { return first_line_ + cmark_node_get_start_line(node) - 1; }

  // From the node's start to the end of its first line, trailing blanks dropped.
  Span FirstLineSpan(cmark_node* node) const {
    const int line = FileLine(node);
    const size_t begin = Start(node);
    size_t end = source_.LineContentEnd(line);
    while (end > begin && (source_.text()[end - 1] == ' ' || source_.text()[end - 1] == '\t')) --end;
    return Span{begin, std::max(begin, end)};
  }

  Span NodeSpan(cmark_node* node) const {
    return Span{Start(node), Offset(cmark_node_get_end_line(node), cmark_node_get_end_column(node) + 1)};
  }

  // Where the line after the node's last line starts.
  size_t AfterLastLine(cmark_node* node) const {
    return source_.LineStart(first_line_ + cmark_node_get_end_line(node));
  }

  const SourceText& source() const { return source_; }
  const std::string& text() const { return source_.text(); }

 private:
  const SourceText& source_;
  int first_line_;
};

// Link text as written: from after '[' to the matching ']'.
Span LinkTextSpan(const std::string& text, Span link) {
  int depth = 0;
  for (size_t i = link.begin; i < link.end; ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '[') {
      ++depth;
    } else if (text[i] == ']' && --depth == 0) {
      return Span{link.begin + 1, i};
    }
  }
  return Span{link.begin, link.begin};
}

Link MakeLink(cmark_node* node, const BodyMap& map) {
  Link link;
  link.url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
  link.text = FlattenText(node);
  link.span = map.NodeSpan(node);
  link.text_span = LinkTextSpan(map.text(), link.span);
  const std::string& text = map.text();
  const size_t open = link.text_span.end + 1;
  const bool inline_destination = link.text_span.end > link.span.begin && open < link.span.end && text[open] == '(' &&
                                  text[link.span.end - 1] == ')';
  link.url_span = inline_destination ? Span{open + 1, link.span.end - 1} : link.span;
  return link;
}

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Whether the last block of a document is still open, so that text appended
// at the end would land inside it: an unclosed code fence, or an HTML block of
// a kind that only its end marker closes (CommonMark types 1 to 5).
bool EndsInOpenBlock(cmark_node* document, const BodyMap& map) {
  cmark_node* last = cmark_node_last_child(document);
  if (!last) return false;
  const std::string& text = map.text();
  const Span span = map.NodeSpan(last);
  const std::string_view block =
      std::string_view(text).substr(span.begin, std::min(span.end, text.size()) - span.begin);
  if (TypeOf(last) == CMARK_NODE_CODE_BLOCK) {
    const char fence = block.empty() ? ' ' : block.front();
    if (fence != '`' && fence != '~') return false;  // indented code ends at the next unindented line
    const size_t length = std::min(block.find_first_not_of(fence), block.size());
    const int first = map.FileLine(last);
    const int end = first + cmark_node_get_end_line(last) - cmark_node_get_start_line(last);
    if (end == first) return true;
    std::string_view closing = map.source().Line(end);
    const size_t indent = std::min(closing.find_first_not_of(' '), closing.size());
    if (indent > 3) return true;
    closing.remove_prefix(indent);
    const size_t run = std::min(closing.find_first_not_of(fence), closing.size());
    return run < length || !IsBlank(closing.substr(run));
  }
  if (TypeOf(last) == CMARK_NODE_HTML_BLOCK) {
    const std::string lower = [&] {
      std::string s(block.substr(0, 16));
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    }();
    const auto closed_by = [&](std::string_view end) { return block.find(end, 2) != std::string_view::npos; };
    for (const char* tag : {"script", "pre", "style", "textarea"}) {
      if (lower.rfind(std::string("<") + tag, 0) == 0) return !closed_by(std::string("</") + tag);
    }
    if (lower.rfind("<!--", 0) == 0) return !closed_by("-->");
    if (lower.rfind("<?", 0) == 0) return !closed_by("?>");
    if (lower.rfind("<![cdata[", 0) == 0) return !closed_by("]]>");
    if (lower.rfind("<!", 0) == 0) return !closed_by(">");
  }
  return false;
}

class PostBuilder {
 public:
  PostBuilder(Post& post, const BodyMap& map) : post_(post), map_(map), format_(*post.format) {}

  void Build(cmark_node* document) {
    if (format_.papers.unit == PaperUnit::kHeading) {
      for (cmark_node* block = cmark_node_first_child(document); block; block = cmark_node_next(block)) {
        AddTopLevelBlock(block);
      }
    } else {
      for (cmark_node* block = cmark_node_first_child(document); block; block = cmark_node_next(block)) {
        if (TypeOf(block) != CMARK_NODE_LIST) continue;
        for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item)) {
          if (IsPaperItem(block, item)) AddItemPaper(block, item);
        }
      }
    }
    if (post_.papers.empty()) FindUnitMismatch(document);
    FinishPapers();
  }

 private:
  const PaperFormat& papers() const { return format_.papers; }
  const SectionsFormat& sections() const { return format_.sections; }
  Paper* current() { return open_ && !post_.papers.empty() ? &post_.papers.back() : nullptr; }

  // ---- papers as headings

  void AddTopLevelBlock(cmark_node* block) {
    if (TypeOf(block) == CMARK_NODE_HEADING) {
      AddHeading(block);
      return;
    }
    if (Paper* paper = current()) AddContent(*paper, block, /*label_lines=*/true);
  }

  void AddHeading(cmark_node* heading) {
    const int level = cmark_node_get_heading_level(heading);
    const std::string name = Trim(FlattenText(heading));
    const bool heading_sections = sections().form == SectionForm::kHeading;
    const bool section_name = heading_sections && sections().Find(name);
    if (level == papers().level && !section_name && IsPaperHeading(heading)) {
      StartHeadingPaper(heading);
      return;
    }
    Paper* paper = current();
    if (!paper) return;  // text before the first paper is free
    if (section_name || (heading_sections && level == sections().level)) {
      StartSection(*paper, name, level, map_.FirstLineSpan(heading), map_.LineStartOf(heading));
      return;
    }
    if (level < papers().level) {  // a heading above the papers ends them
      paper->end = map_.LineStartOf(heading);
      open_ = false;
      return;
    }
    AddContent(*paper, heading, false);  // a sub-heading is content
  }

  bool IsPaperHeading(cmark_node* heading) {
    if (papers().pattern) return RE2::PartialMatch(FlattenText(heading), *papers().pattern);
    const bool has_link = !Descendants(heading, CMARK_NODE_LINK).empty();
    if (has_link && papers().title != TitleForm::kBold && papers().title != TitleForm::kText) return true;
    const Span content = HeadingContent(heading);
    if (papers().numbering.Match(Text(content))) return true;
    if (!papers().numbering.enabled && papers().title != TitleForm::kLink) return true;
    // A heading that lost its number and link is still a paper when its
    // sections follow it (headings, or bold labels starting paragraphs).
    for (cmark_node* next = cmark_node_next(heading); next; next = cmark_node_next(next)) {
      if (TypeOf(next) == CMARK_NODE_HEADING) {
        if (cmark_node_get_heading_level(next) <= papers().level) break;
        if (sections().form == SectionForm::kHeading && sections().Find(Trim(FlattenText(next)))) return true;
      } else if (sections().form == SectionForm::kLabel && TypeOf(next) == CMARK_NODE_PARAGRAPH) {
        if (StartsWithSectionLabel(next)) return true;
      }
    }
    return false;
  }

  bool StartsWithSectionLabel(cmark_node* paragraph) const {
    cmark_node* first = cmark_node_first_child(paragraph);
    std::string name;
    size_t label_end = 0;
    return first && TypeOf(first) == CMARK_NODE_STRONG && Label(first, &name, &label_end) && sections().Find(name);
  }

  // The heading's text after the '#'s: from its first inline to the end of the line.
  Span HeadingContent(cmark_node* heading) const {
    const Span line = map_.FirstLineSpan(heading);
    cmark_node* first = cmark_node_first_child(heading);
    return Span{first ? std::max(line.begin, map_.Start(first)) : line.end, line.end};
  }

  std::string_view Text(Span span) const {
    return std::string_view(map_.text()).substr(span.begin, span.end - span.begin);
  }

  void StartHeadingPaper(cmark_node* heading) {
    Paper paper;
    paper.heading = map_.FirstLineSpan(heading);
    const Span content = HeadingContent(heading);
    SetNumber(paper, content.begin, Text(content));
    size_t title_begin = paper.number ? paper.number_span.end + papers().numbering.after.size() : content.begin;
    while (title_begin < content.end && (map_.text()[title_begin] == ' ' || map_.text()[title_begin] == '\t')) {
      ++title_begin;
    }
    paper.title = TitleSpan(heading, Span{title_begin, content.end});
    paper.after_title = map_.source().LineContentEnd(map_.FileLine(heading));
    paper.right_after_title = true;
    paper.title_line = map_.FileLine(heading);
    paper.last_after_title_line = paper.title_line;
    if (Paper* previous = current()) previous->end = map_.LineStartOf(heading);
    post_.papers.push_back(std::move(paper));
    open_ = true;
    AddLinks(post_.papers.back(), heading, /*in_title=*/true);
  }

  void SetNumber(Paper& paper, size_t at, std::string_view text) {
    paper.number_span = Span{at, at};
    if (const std::optional<Numbering::Found> found = papers().numbering.Match(text)) {
      paper.number = found->number;
      paper.number_span = Span{at + found->digits_offset, at + found->digits_offset + found->digits_length};
    }
  }

  // The title inside `rest` (the title line after its number): a leading
  // link's text or bold text, else the whole rest.
  Span TitleSpan(cmark_node* container, Span rest) const {
    for (cmark_node* node = cmark_node_first_child(container); node; node = cmark_node_next(node)) {
      const Span span = map_.NodeSpan(node);
      if (span.end <= rest.begin) continue;
      if (span.begin != rest.begin) break;
      if (TypeOf(node) == CMARK_NODE_LINK && papers().title != TitleForm::kBold) {
        return LinkTextSpan(map_.text(), span);
      }
      if (TypeOf(node) == CMARK_NODE_STRONG && papers().title != TitleForm::kLink && span.end - span.begin >= 4) {
        return Span{span.begin + 2, span.end - 2};
      }
      break;
    }
    return rest;
  }

  // ---- papers as list items

  bool IsPaperItem(cmark_node* list, cmark_node* item) const {
    if (papers().numbering.enabled && cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return false;
    cmark_node* paragraph = cmark_node_first_child(item);
    if (!paragraph || TypeOf(paragraph) != CMARK_NODE_PARAGRAPH) return false;
    if (papers().pattern) return RE2::PartialMatch(FlattenText(paragraph), *papers().pattern);
    cmark_node* first = cmark_node_first_child(paragraph);
    if (!first) return false;
    switch (papers().title) {
      case TitleForm::kLink:
        return TypeOf(first) == CMARK_NODE_LINK;
      case TitleForm::kBold:
        return TypeOf(first) == CMARK_NODE_STRONG;
      case TitleForm::kText:
        return true;
      case TitleForm::kAny:
        break;
    }
    return TypeOf(first) == CMARK_NODE_LINK || TypeOf(first) == CMARK_NODE_STRONG;
  }

  void AddItemPaper(cmark_node* list, cmark_node* item) {
    Paper paper;
    paper.list_item = true;
    cmark_node* paragraph = cmark_node_first_child(item);
    const Span first_line = map_.FirstLineSpan(item);
    paper.heading = first_line;
    if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
      // The marker "12." or "12)": its digits, read from the source.
      size_t digits = first_line.begin;
      while (digits < first_line.end && std::isdigit(static_cast<unsigned char>(map_.text()[digits]))) ++digits;
      if (digits > first_line.begin && digits - first_line.begin <= 9) {
        paper.number = std::stoi(map_.text().substr(first_line.begin, digits - first_line.begin));
        paper.number_span = Span{first_line.begin, digits};
      }
    }
    const Span paragraph_line = map_.FirstLineSpan(paragraph);
    paper.title = TitleSpan(paragraph, paragraph_line);
    paper.after_title = map_.source().LineContentEnd(map_.FileLine(paragraph));
    paper.right_after_title = true;
    paper.title_line = map_.FileLine(paragraph);
    paper.last_after_title_line = paper.title_line;
    paper.end = map_.AfterLastLine(item);
    post_.papers.push_back(std::move(paper));
    open_ = true;
    Paper& added = post_.papers.back();
    AddLinks(added, paragraph, /*in_title=*/true);
    for (cmark_node* block = cmark_node_next(paragraph); block; block = cmark_node_next(block)) {
      AddContent(added, block, /*label_lines=*/true);
      // Fields written as nested bullets ("- **Name**: ...") are labels too.
      if (TypeOf(block) == CMARK_NODE_LIST && sections().form == SectionForm::kLabel) {
        for (cmark_node* nested = cmark_node_first_child(block); nested; nested = cmark_node_next(nested)) {
          cmark_node* lead = cmark_node_first_child(nested);
          if (lead && TypeOf(lead) == CMARK_NODE_PARAGRAPH) ScanLabels(added, lead);
        }
      }
    }
    open_ = false;
  }

  // ---- content, links and sections

  void AddContent(Paper& paper, cmark_node* block, bool label_lines) {
    std::vector<PaperLink> links = FindLinks(block, /*in_title=*/false);
    // Only link lines (and comments, which do not render) may stand between a
    // title and the lines that belong right after it.
    const bool link_line = std::any_of(
        links.begin(), links.end(), [](const PaperLink& link) { return link.kind->place == LinkPlace::kAfterTitle; });
    if (paper.right_after_title && !link_line && !IsComment(block)) paper.right_after_title = false;
    PlaceLinks(paper, std::move(links), /*in_title=*/false);
    if (label_lines && sections().form == SectionForm::kLabel && TypeOf(block) == CMARK_NODE_PARAGRAPH) {
      ScanLabels(paper, block);
      return;
    }
    if (paper.sections.empty()) return;
    Section& section = paper.sections.back();
    NoteBlock(section, block);
    if (TypeOf(block) == CMARK_NODE_LIST) {
      for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item)) {
        cmark_node* first = cmark_node_first_child(item);
        section.list_items.push_back(first ? Trim(FlattenText(first)) : "");
      }
    }
  }

  // Any block but a separator is content (a code block, a comment, an image); text that is
  // nothing but a placeholder word ("TODO") only stands in for content.
  void NoteBlock(Section& section, cmark_node* block) {
    if (TypeOf(block) == CMARK_NODE_THEMATIC_BREAK) return;  // a separator ("---" between papers)
    const char* literal = cmark_node_get_literal(block);
    NoteText(section, literal ? std::string(literal) : FlattenText(block), /*blank_counts=*/true);
  }

  void NoteText(Section& section, const std::string& text, bool blank_counts = false) {
    if (!blank_counts && IsBlank(text)) return;
    const bool first_content = !section.has_content;
    section.has_content = true;
    section.placeholder_only = first_content && sections().placeholders.Matches(Trim(text), false);
  }

  void StartSection(Paper& paper, const std::string& name, int level, Span heading, size_t line_start) {
    Section section;
    section.name = name;
    section.spec = sections().Find(name, &section.index);
    section.level = level;
    section.heading = heading;
    section.block.begin = line_start;
    paper.sections.push_back(std::move(section));
  }

  // Bold labels at the start of a paragraph's lines ("**Name**: ...") start sections.
  void ScanLabels(Paper& paper, cmark_node* paragraph) {
    bool line_start = true;
    for (cmark_node* node = cmark_node_first_child(paragraph); node; node = cmark_node_next(node)) {
      const cmark_node_type type = TypeOf(node);
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        line_start = true;
        continue;
      }
      std::string name;
      size_t label_end = 0;
      if (line_start && type == CMARK_NODE_STRONG && Label(node, &name, &label_end)) {
        if (!IsLinkLineLabel(name)) {
          const Span strong = map_.NodeSpan(node);
          StartSection(paper, name, 0, Span{strong.begin, label_end},
                       map_.source().LineStart(map_.source().PositionOf(strong.begin).line));
          line_start = false;
          continue;
        }
      }
      line_start = false;
      if (paper.sections.empty()) continue;
      std::string text = FlattenText(node);
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) text = cmark_node_get_literal(node);
      // The separator right after a label is not content.
      const Section& section = paper.sections.back();
      const Span span = map_.NodeSpan(node);
      if (span.begin < section.heading.end) text = text.substr(std::min(text.size(), section.heading.end - span.begin));
      NoteText(paper.sections.back(), text);
    }
  }

  // A bold label: "**Name**:" or "**Name:**" (any of the format's separators).
  bool Label(cmark_node* strong, std::string* name, size_t* label_end) const {
    const std::string text = Trim(FlattenText(strong));
    const Span span = map_.NodeSpan(strong);
    for (const std::string& separator : sections().separators) {
      if (text.size() > separator.size() &&
          text.compare(text.size() - separator.size(), separator.size(), separator) == 0) {
        *name = Trim(text.substr(0, text.size() - separator.size()));
        *label_end = span.end;
        return true;
      }
    }
    cmark_node* next = cmark_node_next(strong);
    if (!next || TypeOf(next) != CMARK_NODE_TEXT || text.empty()) return false;
    const std::string_view after = cmark_node_get_literal(next);
    const size_t spaces = std::min(after.find_first_not_of(' '), after.size());
    for (const std::string& separator : sections().separators) {
      if (after.substr(spaces, separator.size()) == separator) {
        *name = text;
        *label_end = map_.Start(next) + spaces + separator.size();
        return true;
      }
    }
    return false;
  }

  // "**链接**: [arXiv:ID](...)" is a link's line, not a section.
  bool IsLinkLineLabel(const std::string& name) const {
    return std::any_of(format_.links.begin(), format_.links.end(), [&](const LinkKind& kind) {
      return kind.line && !kind.line->bold_prefix().empty() && EqualsIgnoringCase(Trim(kind.line->bold_prefix()), name);
    });
  }

  static bool IsComment(cmark_node* block) {
    const char* literal = cmark_node_get_literal(block);
    return TypeOf(block) == CMARK_NODE_HTML_BLOCK && literal && std::string_view(literal).rfind("<!--", 0) == 0;
  }

  // Right after the title (or after the link lines right after it), on a line
  // of its own, as the kind's line writes it.
  bool InAfterTitlePlace(Paper& paper, const LinkKind& kind, const Link& link) const {
    if (!paper.right_after_title || !paper.sections.empty()) return false;
    const int line = map_.source().PositionOf(link.span.begin).line;
    if (line <= paper.title_line || !OnlyBlankBetween(paper.last_after_title_line, line)) return false;
    const size_t line_start = map_.source().LineStart(line);
    const std::string_view before = std::string_view(map_.text()).substr(line_start, link.span.begin - line_start);
    if (kind.line ? !kind.line->PrefixMatches(before) : !IsBlank(before)) return false;
    paper.last_after_title_line = line;
    return true;
  }

  // Whether the lines strictly between `after` and `before` hold nothing but
  // spaces, quote markers or comments.
  bool OnlyBlankBetween(int after, int before) const {
    for (int line = after + 1; line < before; ++line) {
      const size_t start = map_.source().LineStart(line);
      std::string_view text = std::string_view(map_.text()).substr(start, map_.source().LineContentEnd(line) - start);
      while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '>'))
        text.remove_prefix(1);
      if (!text.empty() && text.rfind("<!--", 0) != 0) return false;
    }
    return true;
  }

  // The links of a block that are of one of the format's kinds, each checked
  // once; where they stand is decided by PlaceLinks.
  std::vector<PaperLink> FindLinks(cmark_node* block, bool in_title) const {
    std::vector<PaperLink> found;
    const std::vector<cmark_node*> nodes = Descendants(block, CMARK_NODE_LINK);
    for (size_t i = 0; i < nodes.size(); ++i) {
      PaperLink link;
      link.link = MakeLink(nodes[i], map_);
      if (Classify(link, in_title && i == 0)) found.push_back(std::move(link));
    }
    return found;
  }

  void PlaceLinks(Paper& paper, std::vector<PaperLink> links, bool in_title) const {
    for (PaperLink& found : links) {
      // A title paragraph's later lines (a list item's) are after the title.
      const bool on_title_line = in_title && map_.source().PositionOf(found.link.span.begin).line == paper.title_line;
      switch (found.kind->place) {
        case LinkPlace::kTitle:
          found.in_place = on_title_line;
          break;
        case LinkPlace::kAfterTitle:
          found.in_place = !on_title_line && InAfterTitlePlace(paper, *found.kind, found.link);
          break;
        case LinkPlace::kAnywhere:
          found.in_place = true;
          break;
      }
      paper.links.push_back(std::move(found));
    }
  }

  void AddLinks(Paper& paper, cmark_node* block, bool in_title) const {
    PlaceLinks(paper, FindLinks(block, in_title), in_title);
  }

  // Which kind a link is, and its check: by its host; else by its text (a
  // line's label); else the title's first link is the title's kind, whatever
  // it points at. False when it is of no kind.
  bool Classify(PaperLink& found, bool first_in_title) const {
    const std::string host = SplitUrl(found.link.url).host;
    for (const LinkKind& kind : format_.links) {
      if (!kind.OwnsHost(host)) continue;
      LinkCheck check = kind.Check(found.link.url);
      // Two kinds on one host: the one whose URL forms fit wins, else the first.
      if (!found.kind || (found.check.id.empty() && !check.id.empty())) {
        found.kind = &kind;
        found.check = std::move(check);
      }
      if (!found.check.id.empty()) break;
    }
    if (!found.kind) {
      for (const LinkKind& kind : format_.links) {
        if (kind.line && kind.line->LabelMatches(found.link.text)) {
          found.kind = &kind;
          break;
        }
      }
    }
    if (!found.kind && first_in_title && papers().title != TitleForm::kBold && papers().title != TitleForm::kText) {
      found.kind = format_.TitleLinkKind();
    }
    if (found.kind && !found.check.on_host) found.check = found.kind->Check(found.link.url);
    return found.kind != nullptr;
  }

  // ---- after the walk

  void FinishPapers() {
    for (size_t i = 0; i < post_.papers.size(); ++i) {
      Paper& paper = post_.papers[i];
      if (paper.end == 0 || paper.end < paper.heading.end) {
        paper.end = i + 1 < post_.papers.size() ? LineStart(post_.papers[i + 1].heading.begin) : map_.text().size();
      }
      for (size_t s = 0; s < paper.sections.size(); ++s) {
        Section& section = paper.sections[s];
        section.block.end = s + 1 < paper.sections.size() ? paper.sections[s + 1].block.begin : paper.end;
      }
      for (const LinkKind& kind : format_.links) {
        const PaperLink* link = paper.StandingLinkOf(kind);
        if (!link || !link->check.id_valid) continue;
        paper.identity = kind.id_name + ":" + kind.id.Identity(link->check.id);
        paper.shown_id = kind.label + " " + kind.id.Identity(link->check.id);
        paper.identity_url = link->link.url_span;
        break;
      }
    }
  }

  size_t LineStart(size_t offset) const { return map_.source().LineStart(map_.source().PositionOf(offset).line); }

  // No paper matched: look for papers written in another unit, to say so once.
  void FindUnitMismatch(cmark_node* document) {
    std::map<std::string, UnitMismatch> found;
    std::vector<std::string> order;
    const auto note = [&](const std::string& what, Span at) {
      UnitMismatch& entry = found[what];
      if (entry.count++ == 0) {
        entry.at = at;
        entry.found = what;
        order.push_back(what);
      }
    };
    const auto has_known_link = [&](cmark_node* node) {
      for (cmark_node* link : Descendants(node, CMARK_NODE_LINK)) {
        const char* url = cmark_node_get_url(link);
        const std::string host = SplitUrl(url ? url : "").host;
        for (const LinkKind& kind : format_.links) {
          if (kind.OwnsHost(host)) return true;
        }
      }
      return false;
    };
    for (cmark_node* block = cmark_node_first_child(document); block; block = cmark_node_next(block)) {
      if (TypeOf(block) == CMARK_NODE_HEADING) {
        const int level = cmark_node_get_heading_level(block);
        if (papers().unit == PaperUnit::kHeading && level == papers().level) continue;
        Numbering numbering = papers().numbering;
        numbering.enabled = true;
        if (numbering.before.empty() && numbering.after.empty()) numbering.after = ".";
        if (numbering.Match(Text(HeadingContent(block))) || has_known_link(block)) {
          note("level-" + std::to_string(level) + " headings", map_.FirstLineSpan(block));
        }
      } else if (TypeOf(block) == CMARK_NODE_LIST && papers().unit == PaperUnit::kHeading) {
        const bool ordered = cmark_node_get_list_type(block) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item)) {
          cmark_node* paragraph = cmark_node_first_child(item);
          cmark_node* first =
              paragraph && TypeOf(paragraph) == CMARK_NODE_PARAGRAPH ? cmark_node_first_child(paragraph) : nullptr;
          const bool titled = first && (TypeOf(first) == CMARK_NODE_STRONG || TypeOf(first) == CMARK_NODE_LINK);
          if (titled && (ordered || has_known_link(item))) {
            note(ordered ? "numbered list items" : "list items", map_.FirstLineSpan(item));
          }
        }
      }
    }
    const UnitMismatch* best = nullptr;
    for (const std::string& what : order) {
      if (!best || found[what].count > best->count) best = &found[what];
    }
    if (best) post_.unit_mismatch = *best;
  }

  Post& post_;
  const BodyMap& map_;
  const DigestFormat& format_;
  bool open_ = false;  // whether content still belongs to the last paper
};

std::optional<std::string> StringAt(const nlohmann::json& data, const std::string& key) {
  if (!data.is_object()) return std::nullopt;
  const auto found = data.find(key);
  if (found == data.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

std::string Pointer(const std::string& key) { return (nlohmann::json::json_pointer() / key).to_string(); }

void FindDates(Post& post) {
  const FrontMatterFormat& format = post.format->front_matter;
  PostDates& dates = post.dates;
  std::string key;
  if (const std::optional<std::string> value = post.FrontMatterString(format.date_keys, &key)) {
    const Span span = FrontMatterValueSpan(post, Pointer(key));
    std::string why;
    bool wrong_form = false;
    if (const std::optional<Date> date = format.date_forms.Parse(*value, &why, &wrong_form)) {
      dates.front_matter = DateFact{*date, span, "'" + key + "'", nullptr, *value};
    } else {
      dates.front_matter_problem = DateProblem{span, "'" + key + "'", *value, why, wrong_form};
    }
  }
  if (const std::optional<std::string> title = post.FrontMatterString(format.title_keys, &key)) {
    if (const auto found = format.title_date_forms.Find(*title)) {
      const DateMatch& match = found->first;
      const Span span = FrontMatterValueSpan(post, Pointer(key));
      const std::string written = title->substr(match.offset, match.length);
      if (match.date) {
        dates.title = DateFact{*match.date, span, "the title", found->second, written};
      } else {
        dates.title_problem = DateProblem{span, "the date in '" + key + "'", written, match.why, false};
      }
    }
  }
  if (format.file_name_date) {
    if (const std::optional<DateMatch> match = format.file_name_date->Find(post.file_name);
        match && match->offset == 0 && match->date) {
      dates.file_name = DateFact{*match->date, post.front_matter.opening_fence, "the file name", nullptr,
                                 post.file_name.substr(0, match->length)};
    }
  }
}

}  // namespace

const PaperLink* Paper::LinkOf(const LinkKind& kind) const {
  for (const PaperLink& link : links) {
    if (link.kind == &kind && link.in_place) return &link;
  }
  return nullptr;
}

const PaperLink* Paper::MisplacedLinkOf(const LinkKind& kind) const {
  for (const PaperLink& link : links) {
    if (link.kind == &kind && !link.in_place) return &link;
  }
  return nullptr;
}

const PaperLink* Paper::StandingLinkOf(const LinkKind& kind) const {
  const PaperLink* in_place = LinkOf(kind);
  return in_place ? in_place : MisplacedLinkOf(kind);
}

std::string Paper::Label() const { return number ? std::to_string(*number) : std::string("(unnumbered)"); }

std::optional<Date> PostDates::PostDate() const {
  if (front_matter) return front_matter->date;
  if (title) return title->date;
  if (file_name) return file_name->date;
  return std::nullopt;
}

std::optional<std::string> Post::FrontMatterString(const Words& keys, std::string* key) const {
  if (front_matter.state != FrontMatter::State::kParsed) return std::nullopt;
  for (const std::string& candidate : keys.forms()) {
    if (std::optional<std::string> value = StringAt(front_matter.data, candidate)) {
      if (key) *key = candidate;
      return value;
    }
  }
  return std::nullopt;
}

Post BuildPost(const SourceText& source, const std::string& path, const Schema& schema, const JekyllDocument* jekyll,
               size_t max_parse_memory) {
  Post post;
  post.source = &source;
  post.path = path;
  const size_t slash = path.find_last_of('/');
  post.file_name = slash == std::string::npos ? path : path.substr(slash + 1);
  post.format = &schema.format();
  post.front_matter = ParseFrontMatter(source, post.format->front_matter.yaml, post.format->front_matter.toml);
  post.jekyll = jekyll;
  if (post.front_matter.state == FrontMatter::State::kParsed) {
    // A key the site's defaults supply is present, as Jekyll sees it.
    post.schema_violations =
        schema.Validate(jekyll ? WithDefaults(post.front_matter.data, *jekyll) : post.front_matter.data);
  }
  FindDates(post);

  const size_t body_start = post.front_matter.body_start;
  if (body_start >= source.text().size()) return post;
  const std::string_view body = std::string_view(source.text()).substr(body_start);
  const BoundedMarkdown document(body, CMARK_OPT_SOURCEPOS, max_parse_memory);
  if (!document.document()) {
    post.too_large = "parsing it needs more than max-parse-memory (" + std::to_string(max_parse_memory) +
                     " bytes): it has too many Markdown elements (lines, headings, quotes, emphasis, links)";
    return post;
  }
  const BodyMap map(source, source.PositionOf(body_start).line);
  PostBuilder(post, map).Build(document.document());
  post.ends_in_open_block = EndsInOpenBlock(document.document(), map);
  return post;
}

Span FrontMatterKeySpan(const Post& post, const std::string& pointer) {
  const auto found = post.front_matter.locations.find(pointer);
  if (pointer.empty() || found == post.front_matter.locations.end()) return post.front_matter.opening_fence;
  const size_t begin = found->second.key;
  const std::string& text = post.source->text();
  size_t end = begin;
  while (end < text.size() && text[end] != ':' && text[end] != '=' && text[end] != '\n' && text[end] != '\r') ++end;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return Span{begin, end};
}

Span FrontMatterValueSpan(const Post& post, const std::string& pointer) {
  const auto found = post.front_matter.locations.find(pointer);
  if (found == post.front_matter.locations.end()) return post.front_matter.opening_fence;
  const size_t begin = found->second.value;
  const std::string& text = post.source->text();
  size_t end = begin;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return Span{begin, end};
}

}  // namespace digestlint
