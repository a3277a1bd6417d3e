#include "custom_rules.h"

#include <algorithm>
#include <system_error>

#include <re2/re2.h>

#include "embedded.h"
#include "front_matter.h"
#include "glob.h"
#include "linter.h"
#include "rule.h"
#include "schema.h"
#include "text.h"
#include "user_pattern.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const JsonSchema& RuleFileSchema() {
  static const JsonSchema schema(json::parse(*FindEmbeddedFile("digestlint-custom-rule.schema.json")));
  return schema;
}

std::string Place(const std::string& path, const SourceText& source, size_t offset) {
  const Position at = source.PositionOf(offset);
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string Replace(std::string text, const std::string& placeholder, const std::string& value) {
  for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

}  // namespace

std::vector<Span> CustomRule::ScopeSpans(const Post& post) const {
  std::vector<Span> spans;
  const std::string& text = post.source->text();
  if (scope_ == "body") {
    spans.push_back(Span{post.front_matter.body_start, text.size()});
  } else if (scope_ == "title") {
    for (const Paper& paper : post.papers) {
      if (paper.title.end > paper.title.begin) spans.push_back(paper.title);
    }
  } else if (scope_ == "heading") {
    for (const Paper& paper : post.papers) {
      spans.push_back(paper.heading);
      for (const Section& section : paper.sections) spans.push_back(section.heading);
    }
  } else if (scope_.rfind("section:", 0) == 0) {
    const std::string name = scope_.substr(8);
    for (const Paper& paper : post.papers) {
      for (const Section& section : paper.sections) {
        // A listed section answers to any of its alternative names.
        const bool named =
            section.spec ? section.spec->name.Matches(name, false) : EqualsIgnoringCase(section.name, name);
        if (named) spans.push_back(Span{section.heading.end, section.block.end});
      }
    }
  } else if (scope_.rfind("front-matter:", 0) == 0) {
    const std::string pointer = (json::json_pointer() / scope_.substr(13)).to_string();
    if (post.front_matter.locations.count(pointer)) spans.push_back(FrontMatterValueSpan(post, pointer));
  }
  return spans;
}

void CustomRule::Check(const Post& post, DiagnosticSink& sink) const {
  const std::string& text = post.source->text();
  const re2::StringPiece whole(text.data(), text.size());
  // Calls found(begin, end) for every non-overlapping match of `regex` in `span`.
  const auto each_match = [&](const RE2& regex, Span span, auto found) {
    size_t position = span.begin;
    re2::StringPiece match;
    while (position <= span.end && regex.Match(whole, position, span.end, RE2::UNANCHORED, &match, 1)) {
      const size_t begin = static_cast<size_t>(match.data() - text.data());
      found(begin, begin + match.size());
      position = begin + std::max<size_t>(match.size(), 1);
    }
  };
  for (const Span& span : ScopeSpans(post)) {
    switch (kind_) {
      case Kind::kExistence:
        each_match(*pattern_, span, [&](size_t begin, size_t end) {
          sink.Report(info_, Span{begin, end}, Replace(message_, "{match}", text.substr(begin, end - begin)));
        });
        break;
      case Kind::kRequired: {
        bool seen = false;
        each_match(*pattern_, span, [&](size_t, size_t) { seen = true; });
        if (!seen) sink.Report(info_, Span{span.begin, span.begin}, Replace(message_, "{match}", ""));
        break;
      }
      case Kind::kSubstitution:
        for (const Swap& swap : swaps_) {
          each_match(*swap.wrong, span, [&](size_t begin, size_t end) {
            const std::string found = text.substr(begin, end - begin);
            sink.Report(info_, Span{begin, end},
                        Replace(Replace(message_, "{match}", found), "{replacement}", swap.right),
                        Fix{FixSafety::kSafe, {Edit{Span{begin, end}, swap.right}}});
          });
        }
        break;
    }
  }
}

bool LoadCustomRuleFile(const std::string& path, std::vector<std::unique_ptr<CustomRule>>& out, std::string* error) {
  std::string problem;
  std::optional<std::string> bytes = ReadPostFile(path, &problem);
  if (!bytes) {
    *error = path + ":1:1: cannot read the custom rule: " + problem;
    return false;
  }
  const SourceText source(std::move(*bytes));
  if (const auto encoding = FindEncodingProblem(source.text())) {
    *error = Place(path, source, encoding->offset) + ": " + encoding->reason;
    return false;
  }
  const YamlDocument yaml = ParseYaml(source.text(), 0);
  if (!yaml.ok) {
    *error = Place(path, source, yaml.error_offset) + ": not valid YAML: " + yaml.error;
    return false;
  }
  const auto where = [&](const std::string& pointer) {
    const auto found = yaml.locations.find(pointer);
    return Place(path, source, found == yaml.locations.end() ? 0 : found->second.key);
  };
  if (!yaml.out_of_range.empty()) {
    *error = where(yaml.out_of_range.front().pointer) + ": " + Describe(yaml.out_of_range.front(), "the custom rule");
    return false;
  }
  const std::vector<SchemaViolation> violations = RuleFileSchema().Validate(yaml.data, "the custom rule");
  if (!violations.empty()) {
    *error = where(violations.front().pointer) + ": " + violations.front().message;
    return false;
  }
  const json& data = yaml.data;
  auto rule = std::unique_ptr<CustomRule>(new CustomRule());
  rule->code_ = data["id"];
  for (const auto& existing : out) {
    if (existing->code_ == rule->code_) {
      *error = where("/id") + ": custom rule " + rule->code_ + " is defined twice";
      return false;
    }
  }
  if (rule->code_.rfind("DL", 0) == 0) {
    *error = where("/id") + ": the DL prefix is reserved for built-in rules";
    return false;
  }
  rule->name_ = data.value("name", std::string());
  if (rule->name_.empty()) {
    for (char c : rule->code_) rule->name_ += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  rule->message_ = data["message"];
  rule->scope_ = data["scope"];
  const std::string kind = data["kind"];
  const bool ignore_case = data.value("ignore-case", false);
  rule->kind_ = kind == "existence"  ? CustomRule::Kind::kExistence
                : kind == "required" ? CustomRule::Kind::kRequired
                                     : CustomRule::Kind::kSubstitution;
  if (rule->kind_ == CustomRule::Kind::kSubstitution) {
    if (!data.contains("swap")) {
      *error = where("/kind") + ": a substitution rule needs 'swap' (a map of wrong to right)";
      return false;
    }
    for (const auto& [wrong, right] : data["swap"].items()) {
      rule->swaps_.push_back(CustomRule::Swap{CompileUserPattern(wrong, ignore_case, &problem), right});
      if (!rule->swaps_.back().wrong) {
        *error = where("/swap/" + wrong) + ": " + problem;
        return false;
      }
    }
  } else {
    if (!data.contains("pattern")) {
      *error = where("/kind") + ": an " + kind + " rule needs 'pattern'";
      return false;
    }
    rule->pattern_ = CompileUserPattern(data["pattern"], ignore_case, &problem);
    if (!rule->pattern_) {
      *error = where("/pattern") + ": " + problem;
      return false;
    }
  }
  const std::string severity = data.value("severity", std::string("warning"));
  const std::string description = data.value("description", std::string());
  rule->summary_ = description.empty() ? "Custom " + kind + " rule on " + rule->scope_ : description;
  const bool fixable = rule->kind_ == CustomRule::Kind::kSubstitution;
  rule->info_ = RuleInfo{rule->code_,
                         rule->name_,
                         severity == "error"  ? Severity::kError
                         : severity == "info" ? Severity::kInfo
                                              : Severity::kWarning,
                         fixable ? FixAvailability::kSafe : FixAvailability::kNone,
                         rule->summary_,
                         false,
                         false,
                         "",
                         "",
                         &rule->documentation_};
  std::string swaps;
  const json swap_map = data.value("swap", json::object());
  for (const auto& [wrong, right] : swap_map.items()) {
    swaps += "- `" + wrong + "` → `" + right.get<std::string>() + "`\n";
  }
  rule->documentation_ =
      "# " + rule->code_ + " " + rule->name_ + "\n\nDefault severity: **" + severity + "**. Custom rule from `" +
      fs::path(path).filename().string() +  // no absolute path: SARIF embeds this text
      "`.\n\n## What it checks\n\n" + rule->summary_ + "\n\nKind: `" + kind + "`, scope: `" + rule->scope_ + "`" +
      (data.contains("pattern") ? ", pattern: `" + data["pattern"].get<std::string>() + "`" : std::string()) +
      (ignore_case ? " (ignoring case)" : "") + ".\n" + (swaps.empty() ? "" : "\n" + swaps) +
      "\nMessage: " + rule->message_ + "\n\n## Fix\n\n" +
      (fixable ? "Safe fix: replaces each match with its replacement.\n" : "Not fixable.\n");
  out.push_back(std::move(rule));
  return true;
}

bool LoadCustomRules(const fs::path& root, const std::string& pattern, std::vector<std::unique_ptr<CustomRule>>& out,
                     std::string* error) {
  const bool is_glob = pattern.find_first_of("*?[") != std::string::npos;
  if (!is_glob) return LoadCustomRuleFile((root / pattern).lexically_normal().string(), out, error);
  const Glob glob(pattern);
  std::vector<fs::path> matches;
  std::error_code walk_error;
  for (fs::recursive_directory_iterator it(root, walk_error), end; !walk_error && it != end; it.increment(walk_error)) {
    if (it->is_regular_file() && glob.Matches(it->path().lexically_relative(root).generic_string())) {
      matches.push_back(it->path());
    }
  }
  std::sort(matches.begin(), matches.end());
  for (const fs::path& match : matches) {
    if (!LoadCustomRuleFile(match.string(), out, error)) return false;
  }
  return true;
}

}  // namespace digestlint
