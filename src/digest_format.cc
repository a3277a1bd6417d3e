#include "digest_format.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <re2/re2.h>

#include "text.h"

namespace digestlint {

namespace {

using nlohmann::json;

std::shared_ptr<const re2::RE2> Compile(const std::string& pattern, bool case_sensitive = true) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(case_sensitive);
  options.set_max_mem(8 << 20);
  return std::make_shared<const re2::RE2>(pattern, options);
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool StartsWith(std::string_view text, std::string_view prefix, bool case_sensitive) {
  if (text.size() < prefix.size()) return false;
  return case_sensitive ? text.substr(0, prefix.size()) == prefix
                        : EqualsIgnoringCase(text.substr(0, prefix.size()), prefix);
}

size_t Count(std::string_view text, std::string_view part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Reads the x-digestlint block; every method returns false after setting the
// error, which names the JSON pointer of the offending value.
class FormatReader {
 public:
  explicit FormatReader(std::string* error) : error_(error) {}

  bool Fail(const std::string& pointer, const std::string& message) {
    *error_ = "/x-digestlint" + pointer + ": " + message;
    return false;
  }

  // A string or a list of strings: alternatives, the first canonical.
  static Words ReadWords(const json& value) {
    std::vector<std::string> forms;
    if (value.is_string()) forms.push_back(value.get<std::string>());
    if (value.is_array()) {
      for (const json& form : value) forms.push_back(form.get<std::string>());
    }
    return Words(std::move(forms));
  }

  bool ReadDateForms(const json& value, const std::string& pointer, DateForms* forms) {
    std::vector<DateForm> compiled;
    for (size_t i = 0; i < value.size(); ++i) {
      std::string problem;
      std::optional<DateForm> form = DateForm::Compile(value[i].get<std::string>(), &problem);
      if (!form) return Fail(pointer + "/" + std::to_string(i), problem);
      compiled.push_back(std::move(*form));
    }
    *forms = DateForms(std::move(compiled));
    return true;
  }

  bool ReadFrontMatter(const json& block, FrontMatterFormat* out) {
    if (const json syntax = block.value("syntax", json()); !syntax.is_null()) {
      const Words accepted = ReadWords(syntax);
      out->yaml = std::find(accepted.forms().begin(), accepted.forms().end(), "yaml") != accepted.forms().end();
      out->toml = std::find(accepted.forms().begin(), accepted.forms().end(), "toml") != accepted.forms().end();
    }
    if (block.contains("title-key")) out->title_keys = ReadWords(block["title-key"]);
    if (block.contains("date-key")) out->date_keys = ReadWords(block["date-key"]);
    if (!ReadDateForms(block.value("date-forms", json::array({"jekyll", "iso8601"})), "/front-matter/date-forms",
                       &out->date_forms) ||
        !ReadDateForms(block.value("title-date-forms", json::array({"YYYY-MM-DD"})), "/front-matter/title-date-forms",
                       &out->title_date_forms)) {
      return false;
    }
    const json file_name = block.value("file-name-date", json("YYYY-MM-DD-"));
    if (file_name.is_string()) {
      std::string problem;
      out->file_name_date = DateForm::Compile(file_name.get<std::string>(), &problem);
      if (!out->file_name_date) return Fail("/front-matter/file-name-date", problem);
    }
    return true;
  }

  bool ReadNumbering(const json& papers, Numbering* out) {
    const std::string spec = papers.value("numbering", "{n}.");
    out->start = papers.value("numbering-start", 1);
    if (spec == "none") {
      out->enabled = false;
      return true;
    }
    const size_t at = spec.find("{n}");
    if (at == std::string::npos || Count(spec, "{n}") != 1) {
      return Fail("/papers/numbering", "'" + spec + "' must contain {n} once (like \"{n}.\"), or be \"none\"");
    }
    out->before = spec.substr(0, at);
    out->after = spec.substr(at + 3);
    return true;
  }

  bool ReadPapers(const json& block, PaperFormat* out) {
    out->unit = block.value("unit", "heading") == "list-item" ? PaperUnit::kListItem : PaperUnit::kHeading;
    out->level = block.value("level", 1);
    const std::string title = block.value("title", "any");
    out->title = title == "link"   ? TitleForm::kLink
                 : title == "bold" ? TitleForm::kBold
                 : title == "text" ? TitleForm::kText
                                   : TitleForm::kAny;
    if (!ReadNumbering(block, &out->numbering)) return false;
    if (block.contains("pattern")) {
      out->pattern_text = block["pattern"].get<std::string>();
      out->pattern = Compile(out->pattern_text);
      if (!out->pattern->ok()) return Fail("/papers/pattern", "invalid pattern: " + out->pattern->error());
    }
    return true;
  }

  bool ReadLink(const json& block, const std::string& pointer, LinkKind* out) {
    out->name = block.at("name").get<std::string>();
    out->label = block.value("label", out->name);
    const json id = block.value("id", json("arxiv"));
    if (id.is_object()) {
      std::string problem;
      std::optional<IdGrammar> grammar = IdGrammar::Pattern(id.at("pattern").get<std::string>(), &problem);
      if (!grammar) return Fail(pointer + "/id/pattern", problem);
      out->id = std::move(*grammar);
      out->id_name = out->name;
    } else {
      out->id_name = "arxiv";
    }
    std::string problem;
    std::optional<UrlTemplate> url = UrlTemplate::Parse(block.at("url").get<std::string>(), true, &problem);
    if (!url) return Fail(pointer + "/url", problem);
    out->url = std::move(*url);
    const json accepts = block.value("accepts", json::array());
    for (size_t i = 0; i < accepts.size(); ++i) {
      std::optional<UrlTemplate> form = UrlTemplate::Parse(accepts[i].get<std::string>(), false, &problem);
      if (!form) return Fail(pointer + "/accepts/" + std::to_string(i), problem);
      out->accepts.push_back(std::move(*form));
    }
    const Words hosts = ReadWords(block.value("hosts", json::array()));
    for (const std::string& host : hosts.forms()) out->hosts.push_back(Lower(host));
    const auto add_host = [&](const std::string& host) {
      if (std::find(out->hosts.begin(), out->hosts.end(), host) == out->hosts.end()) out->hosts.push_back(host);
    };
    add_host(out->url.host());
    for (const UrlTemplate& form : out->accepts) add_host(form.host());
    const std::string place = block.value("place", "anywhere");
    out->place = place == "title"         ? LinkPlace::kTitle
                 : place == "after-title" ? LinkPlace::kAfterTitle
                                          : LinkPlace::kAnywhere;
    if (block.contains("line")) {
      std::optional<LinkLine> line = LinkLine::Parse(block["line"].get<std::string>(), &problem);
      if (!line) return Fail(pointer + "/line", problem);
      out->line = std::move(*line);
    }
    out->required = block.value("required", true);
    return true;
  }

  bool ReadLinks(const json& links, std::vector<LinkKind>* out) {
    for (size_t i = 0; i < links.size(); ++i) {
      LinkKind kind;
      if (!ReadLink(links[i], "/links/" + std::to_string(i), &kind)) return false;
      for (const LinkKind& earlier : *out) {
        if (earlier.name == kind.name)
          return Fail("/links/" + std::to_string(i) + "/name", "'" + kind.name + "' is used twice");
      }
      out->push_back(std::move(kind));
    }
    for (size_t i = 0; i < links.size(); ++i) {
      if (!links[i].contains("same-id-as")) continue;
      const std::string target = links[i]["same-id-as"].get<std::string>();
      const std::string pointer = "/links/" + std::to_string(i) + "/same-id-as";
      for (size_t j = 0; j < out->size(); ++j) {
        if ((*out)[j].name == target && j != i) (*out)[i].same_id_as = static_cast<int>(j);
      }
      if ((*out)[i].same_id_as < 0) return Fail(pointer, "no other link kind is named '" + target + "'");
      if ((*out)[static_cast<size_t>((*out)[i].same_id_as)].id_name != (*out)[i].id_name &&
          !((*out)[i].id.is_arxiv() && (*out)[static_cast<size_t>((*out)[i].same_id_as)].id.is_arxiv())) {
        return Fail(pointer, "'" + target + "' has another kind of identifier, so they can never agree");
      }
    }
    return true;
  }

  bool ReadSections(const json& block, int default_level, SectionsFormat* out) {
    out->form = block.value("form", "heading") == "label" ? SectionForm::kLabel : SectionForm::kHeading;
    out->level = block.value("level", default_level);
    out->ordered = block.value("order", true);
    out->allow_extra = block.value("allow-extra", true);
    out->case_sensitive = block.value("case-sensitive", false);
    if (block.contains("separators")) out->separators = ReadWords(block["separators"]).forms();
    if (block.contains("placeholders")) out->placeholders = ReadWords(block["placeholders"]);
    const json list = block.value("list", json::array());
    for (size_t i = 0; i < list.size(); ++i) {
      SectionSpec spec;
      const json& item = list[i];
      spec.name = ReadWords(item.is_object() ? item.at("name") : item);
      if (item.is_object()) {
        spec.required = item.value("required", true);
        for (const json& bullet : item.value("bullets", json::array())) spec.bullets.push_back(ReadWords(bullet));
      }
      for (const std::string& form : spec.name.forms()) {
        if (out->Find(form))
          return Fail("/sections/list/" + std::to_string(i) + "/name", "'" + form + "' is listed twice");
      }
      out->list.push_back(std::move(spec));
    }
    return true;
  }

 private:
  std::string* error_;
};

}  // namespace

// ---------------------------------------------------------------- Words

namespace {

// The code point at the start of `text` and its length in bytes (text is valid UTF-8).
std::pair<char32_t, size_t> FirstCodePoint(std::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (length > text.size()) return {lead, 1};
  char32_t code = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
  for (size_t i = 1; i < length; ++i) code = (code << 6) | (byte(i) & 0x3F);
  return {code, length};
}

// Decoration around a name: spaces, ASCII punctuation, emoji and symbols,
// ideographic spaces and full-width colons. Letters and digits of any script are not.
bool IsDecoration(char32_t code) {
  if (code < 0x80) return code == ' ' || code == '\t' || (std::ispunct(static_cast<int>(code)) != 0);
  return (code >= 0x2190 && code <= 0x21FF) || (code >= 0x2300 && code <= 0x27BF) ||
         (code >= 0x2B00 && code <= 0x2BFF) || (code >= 0x1F000 && code <= 0x1FAFF) || code == 0x200D ||
         code == 0xFE0F || code == 0x20E3 || code == 0x3000 || code == 0xFF1A;
}

}  // namespace

std::string_view Undecorated(std::string_view name) {
  for (;;) {
    if (name.empty()) return name;
    const auto [code, length] = FirstCodePoint(name);
    if (!IsDecoration(code)) break;
    name.remove_prefix(length);
  }
  while (!name.empty()) {
    size_t start = name.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(name[start]) & 0xC0) == 0x80) --start;
    if (!IsDecoration(FirstCodePoint(name.substr(start)).first)) break;
    name.remove_suffix(name.size() - start);
  }
  return name;
}

bool Words::Matches(std::string_view text, bool case_sensitive) const {
  return std::any_of(forms_.begin(), forms_.end(), [&](const std::string& form) {
    return case_sensitive ? form == text : EqualsIgnoringCase(form, text);
  });
}

std::string Words::Describe() const {
  std::string text;
  for (size_t i = 0; i < forms_.size(); ++i) {
    text += (i == 0 ? "'" : i + 1 == forms_.size() ? " or '" : ", '") + forms_[i] + "'";
  }
  return text;
}

// ---------------------------------------------------------------- Numbering

std::optional<Numbering::Found> Numbering::Match(std::string_view text) const {
  if (!enabled || text.substr(0, before.size()) != before) return std::nullopt;
  Found found;
  found.digits_offset = before.size();
  size_t digits = 0;
  while (found.digits_offset + digits < text.size() && digits < 9 &&
         std::isdigit(static_cast<unsigned char>(text[found.digits_offset + digits]))) {
    ++digits;
  }
  const size_t after_at = found.digits_offset + digits;
  if (digits == 0 || text.substr(after_at, after.size()) != after) return std::nullopt;
  found.end = after_at + after.size();
  // The template ends the number: "1.5 Title" is not "1." followed by a title.
  if (found.end < text.size() && text[found.end] != ' ' && text[found.end] != '\t' &&
      std::isalnum(static_cast<unsigned char>(text[found.end]))) {
    return std::nullopt;
  }
  found.digits_length = digits;
  found.number = std::stoi(std::string(text.substr(found.digits_offset, digits)));  // at most 9 digits
  return found;
}

std::string Numbering::Render(int number) const { return before + std::to_string(number) + after; }

// ---------------------------------------------------------------- URLs

UrlParts SplitUrl(std::string_view url) {
  const auto is_scheme_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-';
  };
  UrlParts parts;
  size_t scheme_end = 0;
  if (!url.empty() && std::isalpha(static_cast<unsigned char>(url[0]))) {
    while (scheme_end < url.size() && is_scheme_char(url[scheme_end])) ++scheme_end;
  }
  if (scheme_end > 0 && scheme_end < url.size() && url[scheme_end] == ':') {
    parts.scheme = Lower(url.substr(0, scheme_end));
    url.remove_prefix(scheme_end + 1);
  }
  if (url.substr(0, 2) == "//") url.remove_prefix(2);
  const size_t host_end = std::min(url.find_first_of("/?#"), url.size());
  parts.host = Lower(url.substr(0, host_end));
  url.remove_prefix(host_end);
  const size_t fragment = std::min(url.find('#'), url.size());
  url = url.substr(0, fragment);
  const size_t query = std::min(url.find('?'), url.size());
  parts.path = std::string(url.substr(0, query));
  if (query < url.size()) parts.query = std::string(url.substr(query + 1));
  return parts;
}

std::optional<UrlTemplate> UrlTemplate::Parse(const std::string& text, bool canonical, std::string* error) {
  UrlTemplate form;
  form.text_ = text;
  const UrlParts parts = SplitUrl(text);
  form.scheme_ = parts.scheme;
  form.host_ = parts.host;
  form.has_query_ = !parts.query.empty();
  form.rest_ = parts.path + (form.has_query_ ? "?" + parts.query : "");
  if (form.scheme_.empty() || form.host_.empty() || form.host_.find('{') != std::string::npos) {
    *error = "'" + text + "' must be a whole URL with a scheme and a host, like https://example.org/paper/{id}";
    return std::nullopt;
  }
  if (Count(form.rest_, "{id}") != 1) {
    *error = "'" + text + "' must contain {id} once";
    return std::nullopt;
  }
  if (canonical && form.rest_.find("{*}") != std::string::npos) {
    *error = "'" + text + "' is the canonical form and cannot contain {*}";
    return std::nullopt;
  }
  std::string pattern;
  for (size_t i = 0; i < form.rest_.size();) {
    if (form.rest_.compare(i, 4, "{id}") == 0) {
      pattern += "(.+?)";
      i += 4;
    } else if (form.rest_.compare(i, 3, "{*}") == 0) {
      pattern += "[^/?#]+";
      i += 3;
    } else {
      pattern += RE2::QuoteMeta(form.rest_.substr(i, 1));
      ++i;
    }
  }
  form.has_wildcard_ = form.rest_.find("{*}") != std::string::npos;
  form.matcher_ = Compile(pattern + "/?");
  if (!form.matcher_->ok()) {
    *error = "'" + text + "' cannot be compiled: " + form.matcher_->error();
    return std::nullopt;
  }
  return form;
}

std::string UrlTemplate::Render(std::string_view id) const {
  return scheme_ + "://" + host_ + ReplaceAll(rest_, "{id}", id);
}

namespace {

// FullMatch of `target` against prefix(.+?)suffix/? (the matcher of a template
// without {*}) by comparing strings: RE2 needs thousands of instructions to
// capture the group. The lazy group takes the shortest identifier, so the
// form ending in '/' is tried first. nullopt: not of the form; "" (never an
// identifier): only the regular expression can tell (a line break or a
// non-ASCII byte in the identifier, which '.' reads differently).
std::optional<std::string> MatchAroundId(std::string_view target, std::string_view prefix, std::string_view suffix) {
  if (target.substr(0, prefix.size()) != prefix) return std::nullopt;
  for (const size_t slash : {1, 0}) {
    if (target.size() < prefix.size() + 1 + suffix.size() + slash) continue;
    const size_t id_end = target.size() - suffix.size() - slash;
    if (target.substr(id_end, suffix.size()) != suffix || (slash && target.back() != '/')) continue;
    const std::string_view id = target.substr(prefix.size(), id_end - prefix.size());
    const bool plain =
        std::all_of(id.begin(), id.end(), [](char c) { return c != '\n' && static_cast<unsigned char>(c) < 0x80; });
    return plain ? std::string(id) : "";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> UrlTemplate::Match(const UrlParts& url) const {
  const std::string target = url.path + (has_query_ ? "?" + url.query : "");
  if (!has_wildcard_) {
    const size_t at = rest_.find("{id}");
    std::optional<std::string> found =
        MatchAroundId(target, std::string_view(rest_).substr(0, at), std::string_view(rest_).substr(at + 4));
    if (!found || !found->empty()) return found;
  }
  std::string id;
  if (!RE2::FullMatch(target, *matcher_, &id)) return std::nullopt;
  return id;
}

bool UrlTemplate::MatchesWithoutId(const UrlParts& url) const {
  const auto trimmed = [](std::string text) {
    while (!text.empty() && text.back() == '/') text.pop_back();
    return text;
  };
  return trimmed(url.path + (has_query_ ? "?" + url.query : "")) == trimmed(ReplaceAll(rest_, "{id}", ""));
}

std::string UrlTemplate::ShownPath() const { return ReplaceAll(rest_, "{id}", "ID"); }

// ---------------------------------------------------------------- identifiers

IdGrammar IdGrammar::Arxiv() { return IdGrammar(); }

std::optional<IdGrammar> IdGrammar::Pattern(const std::string& pattern, std::string* error) {
  IdGrammar grammar;
  grammar.arxiv_ = false;
  grammar.pattern_text_ = pattern;
  grammar.pattern_ = Compile(pattern);
  if (!grammar.pattern_->ok()) {
    *error = "invalid pattern /" + pattern + "/: " + grammar.pattern_->error();
    return std::nullopt;
  }
  return grammar;
}

bool IdGrammar::Valid(std::string_view id, std::string* why, std::optional<ArxivId>* arxiv) const {
  if (arxiv_) {
    std::optional<ArxivId> parsed = ParseArxivId(id, why);
    if (arxiv) *arxiv = parsed;
    return parsed.has_value();
  }
  if (RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *pattern_)) return true;
  *why = "does not match /" + pattern_text_ + "/";
  return false;
}

std::string IdGrammar::Identity(std::string_view id) const { return arxiv_ ? WithoutVersion(id) : std::string(id); }

// ---------------------------------------------------------------- link lines

std::optional<LinkLine> LinkLine::Parse(const std::string& text, std::string* error) {
  LinkLine line;
  line.text_ = text;
  const size_t url = text.find("]({url})");
  const size_t open = url == std::string::npos ? std::string::npos : text.rfind('[', url);
  if (url == std::string::npos || open == std::string::npos || Count(text, "{url}") != 1) {
    *error = "'" + text + "' must contain one link [TEXT]({url}), like \"> [Alphaxiv]({url})\"";
    return std::nullopt;
  }
  line.before_ = text.substr(0, open);
  line.label_ = text.substr(open + 1, url - open - 1);
  line.after_ = text.substr(url + 8);
  // A bold label before the link: "**链接**: [...]", possibly after "> " or "- ".
  std::string_view before = line.before_;
  while (!before.empty() &&
         (before.front() == '>' || before.front() == '-' || before.front() == '*' || before.front() == ' ') &&
         before.substr(0, 2) != "**") {
    before.remove_prefix(1);
  }
  if (before.substr(0, 2) == "**") {
    const size_t close = before.find("**", 2);
    if (close != std::string_view::npos) line.bold_prefix_ = std::string(before.substr(2, close - 2));
  }
  const size_t id = line.label_.find("{id}");
  const std::string label_pattern = id == std::string::npos ? RE2::QuoteMeta(Trim(line.label_))
                                                            : RE2::QuoteMeta(line.label_.substr(0, id)) + ".+" +
                                                                  RE2::QuoteMeta(line.label_.substr(id + 4));
  line.label_matcher_ = Compile(label_pattern, false);
  return line;
}

std::string LinkLine::Render(std::string_view id, std::string_view url) const {
  return before_ + "[" + ReplaceAll(label_, "{id}", id) + "](" + std::string(url) + ")" + after_;
}

namespace {

// A line's text before its link without block markers (">", "-", "*", "+",
// "1.") and spaces: "> " and "" compare equal, "**链接**: " keeps its label.
std::string WithoutMarkers(std::string_view text) {
  std::string kept;
  size_t i = 0;
  // Leading container markers.
  for (;;) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i < text.size() &&
        (text[i] == '>' || ((text[i] == '-' || text[i] == '+') && i + 1 < text.size() && text[i + 1] == ' '))) {
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i] == '*' && text[i + 1] == ' ') {
      ++i;
      continue;
    }
    break;
  }
  for (; i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '\t') kept += text[i];
  }
  return kept;
}

}  // namespace

bool LinkLine::PrefixMatches(std::string_view before_link) const {
  return WithoutMarkers(before_link) == WithoutMarkers(before_);
}

bool LinkLine::LabelMatches(std::string_view link_text) const {
  const std::string trimmed = Trim(link_text);
  return !trimmed.empty() && RE2::FullMatch(trimmed, *label_matcher_);
}

// ---------------------------------------------------------------- link kinds

bool LinkKind::OwnsHost(std::string_view host) const {
  return std::find(hosts.begin(), hosts.end(), host) != hosts.end();
}

LinkCheck LinkKind::Check(std::string_view url_text) const {
  LinkCheck check;
  const UrlParts parts = SplitUrl(url_text);
  check.on_host = OwnsHost(parts.host);
  if (!check.on_host) return check;
  // The first form whose identifier is valid; else a form with nothing where
  // the identifier goes; else the first form that matches at all.
  const UrlTemplate* matched = nullptr;
  const auto form_at = [&](size_t i) -> const UrlTemplate& { return i == 0 ? url : accepts[i - 1]; };
  for (size_t i = 0; i <= accepts.size(); ++i) {
    const UrlTemplate& form = form_at(i);
    std::optional<std::string> found_id = form.Match(parts);
    if (!found_id) continue;
    std::string why;
    std::optional<ArxivId> arxiv;
    const bool valid = id.Valid(*found_id, &why, &arxiv);
    if (!matched || (valid && !check.id_valid)) {
      matched = &form;
      check.id = *found_id;
      check.id_valid = valid;
      check.id_problem = why;
      check.arxiv = arxiv;
    }
    if (valid) break;
  }
  if (!check.id_valid) {
    for (size_t i = 0; i <= accepts.size(); ++i) {
      if (!form_at(i).MatchesWithoutId(parts)) continue;
      matched = &form_at(i);
      check.id.clear();
      check.missing_id = true;
      break;
    }
  }
  if (parts.scheme.empty()) {
    check.problems.push_back("has no " + url.scheme() + ":// scheme");
  } else if (parts.scheme != url.scheme()) {
    check.problems.push_back("uses " + parts.scheme + ": instead of " + url.scheme() + ":");
  }
  if (parts.host != url.host()) check.problems.push_back("uses the host " + parts.host + " instead of " + url.host());
  if (!matched) {
    check.problems.push_back("is not of the form " + url.Render("ID"));
  } else if (matched != &url && !check.missing_id) {  // without an identifier, that is the problem
    std::string shown = parts.path + (parts.query.empty() ? "" : "?" + parts.query);
    if (const size_t at = shown.find(check.id); at != std::string::npos) shown.replace(at, check.id.size(), "ID");
    check.problems.push_back("has the path " + shown + " instead of " + url.ShownPath());
  }
  if (check.id_valid) check.canonical = url.Render(check.id);
  return check;
}

std::string LinkKind::Example() const {
  const std::string example_url = url.Render("ID");
  return line ? line->Render("ID", example_url) : example_url;
}

std::string LinkKind::PlaceDescription() const {
  switch (place) {
    case LinkPlace::kTitle:
      return "in the paper's title";
    case LinkPlace::kAfterTitle:
      return "on its own line right after the paper's title";
    case LinkPlace::kAnywhere:
      break;
  }
  return "in the paper";
}

// ---------------------------------------------------------------- sections

namespace {

// Whether `a` and `b` are equal once spaces and tabs are left out: "핵심  요약" and
// "핵심요약" are "핵심 요약", as spacing inside a name is not its spelling.
bool EqualIgnoringSpaces(std::string_view a, std::string_view b, bool case_sensitive) {
  const auto skip = [](std::string_view text, size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    return at;
  };
  size_t i = skip(a, 0);
  size_t j = skip(b, 0);
  while (i < a.size() && j < b.size()) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[j]);
    if (case_sensitive ? x != y : std::tolower(x) != std::tolower(y)) return false;
    i = skip(a, i + 1);
    j = skip(b, j + 1);
  }
  return i == a.size() && j == b.size();
}

}  // namespace

const SectionSpec* SectionsFormat::Find(std::string_view name, int* index) const {
  const std::string_view bare = Undecorated(name);
  for (size_t i = 0; i < list.size(); ++i) {
    const std::vector<std::string>& forms = list[i].name.forms();
    // Written as is (decoration included), or undecorated and spaced differently.
    if (list[i].name.Matches(name, case_sensitive) ||
        std::any_of(forms.begin(), forms.end(),
                    [&](const std::string& written) { return EqualIgnoringSpaces(bare, written, case_sensitive); })) {
      if (index) *index = static_cast<int>(i);
      return &list[i];
    }
  }
  if (index) *index = -1;
  return nullptr;
}

std::string SectionsFormat::Written(const SectionSpec& spec) const { return Written(spec.name.canonical()); }

std::string SectionsFormat::Written(std::string_view name) const {
  if (form == SectionForm::kLabel) return "**" + std::string(name) + "**" + separators.front();
  return std::string(static_cast<size_t>(level), '#') + " " + std::string(name);
}

std::string SectionsFormat::Names() const {
  std::string names;
  for (const SectionSpec& spec : list) names += (names.empty() ? "" : ", ") + spec.name.canonical();
  return names;
}

bool SectionsFormat::StartsWithLabel(std::string_view text, const Words& label, size_t* length) const {
  // Leading decoration ("🎯 Goal: ...") is not part of the label.
  const std::string_view undecorated = Undecorated(text);
  const size_t skipped = undecorated.empty() ? 0 : static_cast<size_t>(undecorated.data() - text.data());
  text.remove_prefix(skipped);
  for (const std::string& word : label.forms()) {
    if (!StartsWith(text, word, case_sensitive)) continue;
    size_t at = word.size();
    while (at < text.size() && text[at] == ' ') ++at;
    for (const std::string& separator : separators) {
      if (text.substr(at, separator.size()) == separator) {
        if (length) *length = skipped + at + separator.size();
        return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------- the format

std::optional<DigestFormat> DigestFormat::FromJson(const json& block, std::string* error) {
  DigestFormat format;
  FormatReader reader(error);
  if (!reader.ReadFrontMatter(block.value("front-matter", json::object()), &format.front_matter) ||
      !reader.ReadPapers(block.value("papers", json::object()), &format.papers) ||
      !reader.ReadLinks(block.value("links", json::array()), &format.links)) {
    return std::nullopt;
  }
  const int default_level = format.papers.unit == PaperUnit::kHeading ? format.papers.level + 1 : 2;
  if (!reader.ReadSections(block.value("sections", json::object()), default_level, &format.sections)) {
    return std::nullopt;
  }
  if (format.papers.unit == PaperUnit::kHeading && format.sections.form == SectionForm::kHeading &&
      format.sections.level <= format.papers.level) {
    reader.Fail("/sections/level",
                "must be deeper than the paper heading level (" + std::to_string(format.papers.level) + ")");
    return std::nullopt;
  }
  if (!format.front_matter.yaml && !format.front_matter.toml) {
    reader.Fail("/front-matter/syntax", "must accept yaml, toml or both");
    return std::nullopt;
  }
  return format;
}

const LinkKind* DigestFormat::FindLink(std::string_view name) const {
  for (const LinkKind& kind : links) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

const LinkKind* DigestFormat::TitleLinkKind() const {
  const LinkKind* found = nullptr;
  for (const LinkKind& kind : links) {
    if (kind.place != LinkPlace::kTitle) continue;
    if (found) return nullptr;
    found = &kind;
  }
  return found;
}

std::string DigestFormat::PaperExample(int number) const {
  const LinkKind* title_link = TitleLinkKind();
  std::string title = "Title";
  if (papers.title == TitleForm::kBold) {
    title = "**Title**";
  } else if (papers.title == TitleForm::kLink || (papers.title == TitleForm::kAny && title_link)) {
    title = "[Title](" + (title_link ? title_link->url.Render("ID") : std::string("URL")) + ")";
  }
  const std::string number_text = papers.numbering.enabled ? papers.numbering.Render(number) + " " : "";
  if (papers.unit == PaperUnit::kListItem) {
    return (papers.numbering.enabled ? number_text : std::string("- ")) + title;
  }
  return std::string(static_cast<size_t>(papers.level), '#') + " " + number_text + title;
}

std::string DigestFormat::UnitDescription() const {
  if (papers.unit == PaperUnit::kListItem) return papers.numbering.enabled ? "numbered list items" : "list items";
  return "level-" + std::to_string(papers.level) + " headings";
}

std::string DigestFormat::DescribeFrontMatter() const {
  const std::string fences = front_matter.yaml && front_matter.toml
                                 ? "YAML between `---` lines or TOML between `+++` lines"
                             : front_matter.toml ? "TOML between `+++` lines"
                                                 : "YAML between `---` lines";
  return "Front matter is " + fences + ", first in the file. The title is in " + front_matter.title_keys.Describe() +
         ", the date in " + front_matter.date_keys.Describe() + ".\n";
}

std::string DigestFormat::DescribeDates() const {
  std::string text = "The date (" + front_matter.date_keys.Describe() + ") is of the form " +
                     front_matter.date_forms.Describe() + ". The title's date is found as " +
                     front_matter.title_date_forms.Describe() + ". ";
  text += front_matter.file_name_date
              ? "File names start with the date as " + front_matter.file_name_date->description() + "."
              : std::string("File names carry no date.");
  return text + " The post's date is the front matter's, else the title's, else the file name's.\n";
}

std::string DigestFormat::DescribePapers() const {
  std::string text = "Papers are " + UnitDescription();
  if (papers.numbering.enabled) {
    text += ", numbered from " + std::to_string(papers.numbering.start) + " as `" +
            papers.numbering.Render(papers.numbering.start) + "`";
  }
  const char* title = papers.title == TitleForm::kLink   ? "a link"
                      : papers.title == TitleForm::kBold ? "bold text"
                      : papers.title == TitleForm::kText ? "plain text"
                                                         : "a link, bold text or plain text";
  text += ", with the title as " + std::string(title) + ": `" + PaperExample(papers.numbering.start) + "`.";
  if (papers.pattern) text += " Only titles matching `/" + papers.pattern_text + "/` are papers.";
  return text + "\n";
}

std::string DigestFormat::DescribeLinks() const {
  if (links.empty()) return "The schema lists no kinds of link.\n";
  std::string text =
      "The kinds of link, in order of authority (the first with a valid identifier identifies the paper):\n\n";
  for (const LinkKind& kind : links) {
    text += "- " + kind.label + (kind.required ? " (required)" : " (optional)") + ", " + kind.PlaceDescription() +
            ": `" + kind.Example() + "`";
    if (!kind.accepts.empty()) {
      text += "; also recognised, and fixed to that form:";
      for (const UrlTemplate& form : kind.accepts) text += " `" + form.text() + "`";
    }
    text += kind.id.is_arxiv() ? "; identifiers follow arXiv's scheme" : "; identifiers match the kind's pattern";
    if (kind.same_id_as >= 0) {
      text += "; must repeat the identifier of " + links[static_cast<size_t>(kind.same_id_as)].label;
    }
    text += ".\n";
  }
  return text;
}

std::string DigestFormat::DescribeSections() const {
  if (sections.list.empty()) return "The schema lists no sections.\n";
  std::string text =
      std::string("Sections are ") +
      (sections.form == SectionForm::kLabel ? "bold labels" : "level-" + std::to_string(sections.level) + " headings") +
      (sections.ordered ? ", in this order" : "") + ":\n\n";
  for (const SectionSpec& spec : sections.list) {
    text += "- `" + sections.Written(spec) + "`" + (spec.required ? "" : " (optional)");
    if (spec.name.forms().size() > 1) text += ", also " + spec.name.Describe();
    if (!spec.bullets.empty()) {
      text += ", with bullets";
      for (const Words& bullet : spec.bullets) text += " `- " + bullet.canonical() + sections.separators.front() + "`";
    }
    text += "\n";
  }
  text += std::string("\n") + (sections.allow_extra ? "Other sections are allowed" : "Other sections are not allowed") +
          "; names compare " + (sections.case_sensitive ? "case-sensitively" : "ignoring case") +
          "; a placeholder is " + sections.placeholders.Describe() + ".\n";
  return text;
}

}  // namespace digestlint
