#include "blog/post_facts.h"

#include <algorithm>

#include "dates.h"

namespace digestlint {

namespace {

// Jekyll's front-matter key for tags: a list, or a string of words.
constexpr const char* kTagsKey = "tags";

void AddTags(const Post& post, PostFacts& facts) {
  const nlohmann::json& data = post.front_matter.data;
  const auto tags = data.find(kTagsKey);
  if (tags == data.end()) return;
  const std::string pointer = std::string("/") + kTagsKey;
  if (tags->is_string()) {
    // Jekyll splits a string on spaces; the value's span stands for each word.
    const Span span = FrontMatterValueSpan(post, pointer);
    const std::string text = tags->get<std::string>();
    for (size_t start = text.find_first_not_of(' '); start != std::string::npos;) {
      const size_t end = text.find(' ', start);
      facts.tags.push_back(TagFact{text.substr(start, end - start), span});
      start = end == std::string::npos ? end : text.find_first_not_of(' ', end);
    }
    return;
  }
  if (!tags->is_array()) return;
  for (size_t i = 0; i < tags->size(); ++i) {
    if (!(*tags)[i].is_string()) continue;
    const std::string item = pointer + "/" + std::to_string(i);
    const auto location = post.front_matter.locations.find(item);
    Span span = FrontMatterValueSpan(post, pointer);
    if (location != post.front_matter.locations.end()) {
      const size_t begin = location->second.value;
      const char first = begin < post.source->text().size() ? post.source->text()[begin] : ' ';
      const size_t quotes = first == '"' || first == '\'' ? 2 : 0;
      span = Span{begin, std::min(begin + (*tags)[i].get<std::string>().size() + quotes, post.source->text().size())};
    }
    facts.tags.push_back(TagFact{(*tags)[i].get<std::string>(), span});
  }
}

}  // namespace

PostFacts ExtractFacts(const Post& post) {
  PostFacts facts;
  if (!post.source || !post.format || post.front_matter.state != FrontMatter::State::kParsed) return facts;
  if (!post.front_matter.data.is_object()) return facts;
  if (std::optional<std::string> title = post.FrontMatterString(post.format->front_matter.title_keys)) {
    facts.title = std::move(*title);
  }
  for (const std::optional<DateFact>* source : {&post.dates.front_matter, &post.dates.title, &post.dates.file_name}) {
    if (!*source) continue;
    const Date& date = (*source)->date;
    facts.date = DayFromCivil(date.year, date.month, date.day);
    facts.date_span = (*source)->span;
    facts.date_line = post.source->PositionOf((*source)->span.begin).line;
    break;
  }
  for (const Paper& paper : post.papers) {
    if (paper.identity.empty()) continue;
    facts.papers.push_back(
        PaperFact{paper.identity, paper.shown_id, post.source->PositionOf(paper.heading.begin).line, paper.heading});
  }
  AddTags(post, facts);
  return facts;
}

}  // namespace digestlint
