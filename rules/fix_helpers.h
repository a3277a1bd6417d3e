#pragma once
// Building blocks for rule fixes: edits on the original bytes, never
// Markdown re-rendered from the AST.

#include <optional>
#include <string>

#include "diagnostic.h"
#include "post.h"

namespace digestlint {

/// Replaces the destination of an inline link `[text](url)`; nullopt when the
/// destination is written in a form a plain replacement could damage
/// (reference links, <...>, a link title).
std::optional<Fix> ReplaceLinkUrl(const Post& post, const Link& link, const std::string& url);

/// A fix with one edit.
Fix SingleEdit(FixSafety safety, Span span, std::string replacement);

}  // namespace digestlint
