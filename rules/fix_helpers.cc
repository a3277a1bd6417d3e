#include "fix_helpers.h"

namespace digestlint {

std::optional<Fix> ReplaceLinkUrl(const Post& post, const Link& link, const std::string& url) {
  const Span destination = link.url_span;
  const bool inline_link = destination.begin != link.span.begin;
  if (!inline_link ||
      post.source->text().compare(destination.begin, destination.end - destination.begin, link.url) != 0) {
    return std::nullopt;
  }
  return SingleEdit(FixSafety::kSafe, destination, url);
}

Fix SingleEdit(FixSafety safety, Span span, std::string replacement) {
  return Fix{safety, {Edit{span, std::move(replacement)}}};
}

}  // namespace digestlint
