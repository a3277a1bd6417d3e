#include "post.h"

#include <algorithm>
#include <memory>

#include <cmark.h>
#include <re2/re2.h>

#include "text.h"

namespace digestlint {

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

// The text of a node with inline markup flattened.
std::string FlattenText(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* current = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(current)) {
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
  }
  cmark_iter_free(iter);
  return text;
}

cmark_node* FirstDescendant(cmark_node* node, cmark_node_type type) {
  cmark_node* found = nullptr;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while (!found && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && current != node && cmark_node_get_type(current) == type) found = current;
  }
  cmark_iter_free(iter);
  return found;
}

// Maps cmark's body-relative positions (1-based lines, byte columns) to offsets.
class BodyMap {
 public:
  BodyMap(const SourceText& source, int first_line) : source_(source), first_line_(first_line) {}

  size_t Offset(int line, int column) const {
    return source_.LineStart(first_line_ + line - 1) + static_cast<size_t>(std::max(column, 1) - 1);
  }

  // From the node's start to the end of its first line, trailing blanks dropped.
  Span FirstLineSpan(cmark_node* node) const {
    const int line = first_line_ + cmark_node_get_start_line(node) - 1;
    const size_t begin = Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    const std::string_view text = source_.Line(line);
    size_t end = source_.LineStart(line) + text.size();
    while (end > begin && (source_.text()[end - 1] == ' ' || source_.text()[end - 1] == '\t')) --end;
    return Span{begin, std::max(begin, end)};
  }

  Span NodeSpan(cmark_node* node) const {
    return Span{Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node)),
                Offset(cmark_node_get_end_line(node), cmark_node_get_end_column(node) + 1)};
  }

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

class PostBuilder {
 public:
  PostBuilder(Post& post, const BodyMap& map) : post_(post), map_(map), spec_(*post.spec) {}

  void AddBlock(cmark_node* block) {
    if (cmark_node_get_type(block) == CMARK_NODE_HEADING) {
      AddHeading(block);
      return;
    }
    if (post_.papers.empty()) return;  // text before the first paper is free-form
    Paper& paper = post_.papers.back();
    if (paper.sections.empty()) {
      if (!paper.alphaxiv) FindAlphaxivLink(block, paper);
      return;
    }
    Section& section = paper.sections.back();
    section.has_content = true;
    if (cmark_node_get_type(block) == CMARK_NODE_LIST) {
      for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item)) {
        cmark_node* first = cmark_node_first_child(item);
        section.list_items.push_back(first ? Trim(FlattenText(first)) : "");
      }
    }
  }

 private:
  bool IsSectionName(const std::string& name) const {
    return std::any_of(spec_.sections.begin(), spec_.sections.end(),
                       [&](const SectionSpec& section) { return EqualsIgnoringCase(section.name, name); });
  }

  void AddHeading(cmark_node* heading) {
    const int level = cmark_node_get_heading_level(heading);
    const std::string name = Trim(FlattenText(heading));
    cmark_node* link = FirstDescendant(heading, CMARK_NODE_LINK);
    if (level == spec_.paper_heading_level && (link || !IsSectionName(name))) {
      AddPaper(heading, link);
      return;
    }
    if (post_.papers.empty()) return;
    Paper& paper = post_.papers.back();
    if (level == spec_.section_heading_level || IsSectionName(name)) {
      paper.sections.push_back(Section{name, level, map_.FirstLineSpan(heading), false, {}, {}});
    } else if (!paper.sections.empty()) {
      paper.sections.back().has_content = true;  // a sub-heading inside a section
    }
  }

  void AddPaper(cmark_node* heading, cmark_node* link) {
    Paper paper;
    paper.heading = map_.FirstLineSpan(heading);
    cmark_node* first = cmark_node_first_child(heading);
    const size_t content = first ? map_.NodeSpan(first).begin : paper.heading.end;
    paper.number_span = Span{content, content};
    if (first && cmark_node_get_type(first) == CMARK_NODE_TEXT) {
      static const RE2 kNumber(R"(([0-9]{1,9})\.)");
      const std::string_view literal = cmark_node_get_literal(first);
      re2::StringPiece input(literal.data(), literal.size());
      int number = 0;
      if (RE2::Consume(&input, kNumber, &number)) {
        paper.number = number;
        paper.number_span = Span{content, content + (literal.size() - input.size())};
      }
    }
    if (link) paper.link = MakeLink(link, map_);
    post_.papers.push_back(std::move(paper));
  }

  void FindAlphaxivLink(cmark_node* block, Paper& paper) {
    cmark_iter* iter = cmark_iter_new(block);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_LINK) continue;
      Link link = MakeLink(node, map_);
      const bool labelled = EqualsIgnoringCase(Trim(link.text), spec_.alphaxiv_label);
      if (labelled || link.url.find("alphaxiv.org") != std::string::npos) {
        paper.alphaxiv = std::move(link);
        paper.alphaxiv_quote = map_.FirstLineSpan(block);
        break;
      }
    }
    cmark_iter_free(iter);
  }

  Post& post_;
  const BodyMap& map_;
  const PostSpec& spec_;
};

size_t LineStartOf(const SourceText& source, size_t offset) { return source.LineStart(source.PositionOf(offset).line); }

// Where each paper and section ends: at the line where the next one starts.
void SetExtents(Post& post) {
  const SourceText& source = *post.source;
  for (size_t i = 0; i < post.papers.size(); ++i) {
    Paper& paper = post.papers[i];
    paper.end =
        i + 1 < post.papers.size() ? LineStartOf(source, post.papers[i + 1].heading.begin) : source.text().size();
    for (size_t s = 0; s < paper.sections.size(); ++s) {
      Section& section = paper.sections[s];
      section.block.begin = LineStartOf(source, section.heading.begin);
      section.block.end =
          s + 1 < paper.sections.size() ? LineStartOf(source, paper.sections[s + 1].heading.begin) : paper.end;
    }
  }
}

}  // namespace

Post BuildPost(const SourceText& source, const std::string& path, const Schema& schema, const JekyllDocument* jekyll) {
  Post post;
  post.source = &source;
  post.path = path;
  const size_t slash = path.find_last_of('/');
  post.file_name = slash == std::string::npos ? path : path.substr(slash + 1);
  post.spec = &schema.spec();
  post.front_matter = ParseFrontMatter(source);
  post.jekyll = jekyll;
  if (post.front_matter.state == FrontMatter::State::kParsed) {
    // A key the site's defaults supply is present, as Jekyll sees it.
    post.schema_violations =
        schema.Validate(jekyll ? WithDefaults(post.front_matter.data, *jekyll) : post.front_matter.data);
  }

  const size_t body_start = post.front_matter.body_start;
  if (body_start >= source.text().size()) return post;
  const std::string_view body = std::string_view(source.text()).substr(body_start);
  const NodePtr document(cmark_parse_document(body.data(), body.size(), CMARK_OPT_SOURCEPOS), &cmark_node_free);
  const BodyMap map(source, source.PositionOf(body_start).line);
  PostBuilder builder(post, map);
  for (cmark_node* block = cmark_node_first_child(document.get()); block; block = cmark_node_next(block)) {
    builder.AddBlock(block);
  }
  SetExtents(post);
  for (Paper& paper : post.papers) {
    if (paper.link) paper.arxiv_analysis = AnalyzeArxivUrl(paper.link->url);
    if (paper.alphaxiv) paper.alphaxiv_analysis = AnalyzeAlphaxivUrl(paper.alphaxiv->url, post.spec->alphaxiv_language);
  }
  return post;
}

bool EndsWithHeading(std::string_view markdown, int level) {
  const NodePtr document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  const auto is_heading = [level](cmark_node* node) {
    return node && cmark_node_get_type(node) == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == level;
  };
  cmark_node* last = cmark_node_last_child(document.get());
  return is_heading(last) ||
         (last && cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH && is_heading(cmark_node_previous(last)));
}

Span FrontMatterKeySpan(const Post& post, const std::string& pointer) {
  const auto found = post.front_matter.locations.find(pointer);
  if (pointer.empty() || found == post.front_matter.locations.end()) return post.front_matter.opening_fence;
  const size_t begin = found->second.key;
  const std::string& text = post.source->text();
  size_t end = begin;
  while (end < text.size() && text[end] != ':' && text[end] != '\n' && text[end] != '\r') ++end;
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
