// DL502 invisible-characters: control, bidi and zero-width characters where
// they make text look other than it is (front matter, paper titles, links).
#include <set>
#include <string_view>

#include "rule.h"

namespace digestlint {

namespace {

struct Invisible {
  char32_t code;
  const char* name;
  const char* kind;
};

// Bidi controls and zero-width characters, by name. C0 and C1 controls are
// recognised by range (below).
constexpr Invisible kNamed[] = {
    {0x061C, "ARABIC LETTER MARK", "a bidi control"},
    {0x200B, "ZERO WIDTH SPACE", "a zero-width character"},
    {0x200C, "ZERO WIDTH NON-JOINER", "a zero-width character"},
    {0x200D, "ZERO WIDTH JOINER", "a zero-width character"},
    {0x200E, "LEFT-TO-RIGHT MARK", "a bidi control"},
    {0x200F, "RIGHT-TO-LEFT MARK", "a bidi control"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING", "a bidi control"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING", "a bidi control"},
    {0x202C, "POP DIRECTIONAL FORMATTING", "a bidi control"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE", "a bidi control"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE", "a bidi control"},
    {0x2060, "WORD JOINER", "a zero-width character"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE", "a bidi control"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE", "a bidi control"},
    {0x2068, "FIRST STRONG ISOLATE", "a bidi control"},
    {0x2069, "POP DIRECTIONAL ISOLATE", "a bidi control"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE", "a zero-width character"},
};

// The code point starting at `text[at]` (the text is valid UTF-8) and its length in bytes.
char32_t Decode(std::string_view text, size_t at, size_t* length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char first = byte(0);
  if (first < 0x80) {
    *length = 1;
    return first;
  }
  *length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
  char32_t code = first & (0x7F >> *length);
  for (size_t i = 1; i < *length && at + i < text.size(); ++i) code = (code << 6) | (byte(i) & 0x3F);
  return code;
}

std::string Hex(char32_t code) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = code > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += kDigits[(code >> shift) & 0xF];
  return "U+" + hex;
}

// What the character is, or "" when it is an ordinary one. Tab, line feed and
// carriage return are whitespace (DL501's concern); zero-width joiners are
// part of emoji sequences and of Persian and Indic words in titles.
std::string Describe(char32_t code, bool in_link) {
  if (code == '\t' || code == '\n' || code == '\r') return "";
  if (code == 0x1B) return "U+001B ESCAPE, a control character";
  if (code < 0x20 || code == 0x7F) return Hex(code) + ", a control character";
  if (code >= 0x80 && code <= 0x9F) return Hex(code) + ", a C1 control character";
  for (const Invisible& named : kNamed) {
    if (named.code != code) continue;
    if (!in_link && (code == 0x200C || code == 0x200D)) return "";
    return Hex(code) + " " + named.name + ", " + named.kind;
  }
  return "";
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::string_view text = post.source->text();
  std::set<size_t> reported;  // a heading's link is also a link
  const auto scan = [&](Span span, const char* where, bool in_link) {
    for (size_t at = span.begin; at < span.end && at < text.size();) {
      if (const auto byte = static_cast<unsigned char>(text[at]); byte >= 0x20 && byte < 0x7F) {
        ++at;  // printable ASCII, most of any text
        continue;
      }
      size_t length = 1;
      const char32_t code = Decode(text, at, &length);
      const std::string what = at == 0 && code == 0xFEFF ? "" : Describe(code, in_link);
      if (!what.empty() && reported.insert(at).second) {
        sink.Report(rule, Span{at, at + length},
                    what + ", in " + where + ": the text looks other than it is; remove it or write it out");
      }
      at += length;
    }
  };
  const FrontMatter& front = post.front_matter;
  if (front.state == FrontMatter::State::kParsed) {
    scan(Span{front.opening_fence.end, front.closing_fence.begin}, "the front matter", false);
  }
  for (const Paper& paper : post.papers) {
    for (const PaperLink& link : paper.links) scan(link.link.url_span, "a link", true);
    scan(paper.heading, "a paper's title line", false);
  }
}

}  // namespace

extern const Rule kRule_DL502{{"DL502", "invisible-characters", Severity::kError, FixAvailability::kNone,
                               "A control, bidi or zero-width character hides in the front matter, a title or a link"},
                              Check,
                              FormatPapers};

}  // namespace digestlint
