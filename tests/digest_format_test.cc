// The format module: link kinds and URL templates, numbering templates, date
// forms, and the checks a schema's x-digestlint block gets when it loads.
#include <catch2/catch.hpp>

#include "digest_format.h"
#include "schema.h"

namespace digestlint {
namespace {

using nlohmann::json;

const LinkKind& BuiltinKind(const std::string& name) {
  const LinkKind* kind = Schema::Default().format().FindLink(name);
  REQUIRE(kind);
  return *kind;
}

std::optional<DigestFormat> FormatFrom(const json& block, std::string* error) {
  return DigestFormat::FromJson(block, error);
}

TEST_CASE("arXiv links are checked against the built-in schema's canonical form", "[format]") {
  const LinkKind& arxiv = BuiltinKind("arxiv");
  const LinkCheck canonical = arxiv.Check("https://arxiv.org/abs/2510.19871");
  CHECK(canonical.on_host);
  CHECK(canonical.problems.empty());
  CHECK(canonical.id == "2510.19871");
  CHECK(canonical.id_valid);

  const LinkCheck pdf = arxiv.Check("http://export.arxiv.org/pdf/2510.19871v2.pdf");
  CHECK(pdf.id == "2510.19871v2");
  CHECK(pdf.problems ==
        std::vector<std::string>{"uses http: instead of https:", "uses the host export.arxiv.org instead of arxiv.org",
                                 "has the path /pdf/ID.pdf instead of /abs/ID"});
  CHECK(pdf.canonical == "https://arxiv.org/abs/2510.19871v2");

  CHECK(arxiv.Check("arxiv.org/abs/2510.19871").problems == std::vector<std::string>{"has no https:// scheme"});
  CHECK(arxiv.Check("https://arxiv.org/abs/hep-th/9901001").id == "hep-th/9901001");
  CHECK(arxiv.Check("https://arxiv.org/abs/2510.19871/").problems.empty());
  CHECK_FALSE(arxiv.Check("https://openreview.net/forum?id=x").on_host);
  CHECK_FALSE(arxiv.Check("https://notarxiv.org/abs/2510.19871").on_host);
}

TEST_CASE("a URL whose identifier is not valid gets no canonical form, so no fix rewrites it", "[format]") {
  const LinkKind& arxiv = BuiltinKind("arxiv");
  for (const char* url : {"https://arxiv.org/ABS/2510.19871", "https://arxiv.org/abs/arXiv:2510.19871",
                          "https://arxiv.org/a/2510.19871", "https://arxiv.org/abs/2510.1987"}) {
    INFO(url);
    const LinkCheck check = arxiv.Check(url);
    CHECK(check.on_host);
    CHECK_FALSE(check.id_valid);
    CHECK(check.canonical.empty());
  }
  for (const char* url : {"https://arxiv.org/abs/", "https://arxiv.org/"}) {
    INFO(url);
    const LinkCheck empty = arxiv.Check(url);
    CHECK(empty.missing_id);
    CHECK(empty.problems.empty());  // DL303 says "has no identifier"; nothing else to say
  }
  CHECK(arxiv.Check("https://arxiv.org/list/cs.CL/recent").id == "list/cs.CL/recent");
}

TEST_CASE("Alphaxiv links carry the schema's language segment, and accept the others as non-canonical", "[format]") {
  const LinkKind& alphaxiv = BuiltinKind("alphaxiv");
  CHECK(alphaxiv.Check("https://www.alphaxiv.org/ko/overview/2510.19871").problems.empty());
  const LinkCheck english = alphaxiv.Check("https://www.alphaxiv.org/overview/2510.19871");
  CHECK(english.problems == std::vector<std::string>{"has the path /overview/ID instead of /ko/overview/ID"});
  CHECK(english.canonical == "https://www.alphaxiv.org/ko/overview/2510.19871");
  const LinkCheck japanese = alphaxiv.Check("https://alphaxiv.org/ja/overview/2510.19871v1");
  CHECK(japanese.id == "2510.19871v1");
  CHECK(japanese.problems == std::vector<std::string>{"uses the host alphaxiv.org instead of www.alphaxiv.org",
                                                      "has the path /ja/overview/ID instead of /ko/overview/ID"});
  CHECK(alphaxiv.line->Render("2510.19871", "https://x/y") == "> [Alphaxiv](https://x/y)");
  CHECK(alphaxiv.line->LabelMatches("alphaxiv"));
}

TEST_CASE("a link kind the code has never heard of is pure data: OpenReview", "[format]") {
  std::string error;
  const std::optional<DigestFormat> format = FormatFrom(
      json::parse(R"({"links": [{"name": "openreview", "label": "OpenReview", "id": {"pattern": "[A-Za-z0-9_-]{6,}"},
                                 "url": "https://openreview.net/forum?id={id}",
                                 "accepts": ["https://openreview.net/pdf?id={id}"], "place": "title"}]})"),
      &error);
  INFO(error);
  REQUIRE(format);
  const LinkKind& kind = format->links.front();
  const LinkCheck ok = kind.Check("https://openreview.net/forum?id=AbC12_x");
  CHECK(ok.id == "AbC12_x");
  CHECK(ok.id_valid);
  CHECK(ok.problems.empty());
  const LinkCheck pdf = kind.Check("https://openreview.net/pdf?id=AbC12_x");
  CHECK(pdf.problems == std::vector<std::string>{"has the path /pdf?id=ID instead of /forum?id=ID"});
  CHECK(pdf.canonical == "https://openreview.net/forum?id=AbC12_x");
  const LinkCheck short_id = kind.Check("https://openreview.net/forum?id=ab");
  CHECK_FALSE(short_id.id_valid);
  CHECK(short_id.id_problem == "does not match /[A-Za-z0-9_-]{6,}/");
  CHECK(format->PaperExample(2) == "# 2. [Title](https://openreview.net/forum?id=ID)");
}

TEST_CASE("numbering templates match only at the start and stop at the template's end", "[format]") {
  const auto numbering = [](const std::string& spec) {
    std::string error;
    const std::optional<DigestFormat> format = FormatFrom(json{{"papers", {{"numbering", spec}}}}, &error);
    REQUIRE(format);
    return format->papers.numbering;
  };
  CHECK(numbering("{n}.").Match("12. Title")->number == 12);
  CHECK_FALSE(numbering("{n}.").Match("1.5 Title"));
  CHECK_FALSE(numbering("{n}.").Match("Title 1."));
  CHECK(numbering("{n})").Match("3) Title")->number == 3);
  const auto bracket = numbering("[{n}]").Match("[7] Title");
  REQUIRE(bracket);
  CHECK(bracket->digits_offset == 1);
  CHECK(bracket->digits_length == 1);
  CHECK(numbering("Paper {n}:").Match("Paper 4: Title")->number == 4);
  CHECK(numbering("Paper {n}:").Render(5) == "Paper 5:");
  CHECK_FALSE(numbering("none").enabled);
}

TEST_CASE("date forms: named grammars and templates in several languages", "[format][dates]") {
  std::string error;
  const auto form = [&](const std::string& spec) {
    std::optional<DateForm> compiled = DateForm::Compile(spec, &error);
    INFO(error);
    REQUIRE(compiled);
    return *compiled;
  };
  std::string why;
  CHECK(form("jekyll").Parse("2025-10-27 08:15:00 +0900", &why)->Iso() == "2025-10-27");
  CHECK_FALSE(form("jekyll").Parse("2025-10-27 25:15:00", &why));
  CHECK(why == "hour 25 does not exist");
  CHECK(form("iso8601").Parse("2024-05-01T10:00:00+09:00", &why)->Iso() == "2024-05-01");
  CHECK(form("iso8601").Parse("2024-05-01T10:00:00Z", &why));
  CHECK_FALSE(form("date").Parse("2024-05-01 10:00", &why));
  CHECK(why == "is not of the form YYYY-MM-DD (date)");

  const DateForm chinese = form("YYYY年M月D日");
  const std::optional<DateMatch> found = chinese.Find("Daily AI Papers - 2026年3月12日");
  REQUIRE(found);
  CHECK(found->date->Iso() == "2026-03-12");
  CHECK(std::string("Daily AI Papers - 2026年3月12日").substr(found->offset, found->length) == "2026年3月12日");
  CHECK(chinese.Format(Date::Day(2026, 3, 9)) == "2026年3月9日");

  const DateForm english = form("MMMM D, YYYY");
  CHECK(english.Find("Papers of February 20, 2026")->date->Iso() == "2026-02-20");
  CHECK(english.Find("Papers of february 30, 2026")->why == "day 30 does not exist in 2026-02");
  CHECK(english.Format(Date::Day(2026, 2, 20)) == "February 20, 2026");
  CHECK_FALSE(form("YYYY-MM-DD HH:mm").Format(Date::Day(2026, 2, 20)));  // a date alone cannot fill a time

  CHECK_FALSE(DateForm::Compile("MM/DD", &error));
  CHECK(error == "date form 'MM/DD' needs a year (YYYY), a month (MM, M, MMMM or MMM) and a day (DD or D)");
  CHECK_FALSE(DateForm::Compile("YYYY-MM-DD [HH", &error));
  CHECK(error == "date form 'YYYY-MM-DD [HH' has a '[' without ']'");
}

TEST_CASE("a format block is checked for what its JSON Schema cannot say", "[format][schema]") {
  const auto error_of = [](const char* block) {
    std::string error;
    CHECK_FALSE(DigestFormat::FromJson(json::parse(block), &error));
    return error;
  };
  CHECK(error_of(R"({"links": [{"name": "a", "url": "https://a.org/paper"}]})") ==
        "/x-digestlint/links/0/url: 'https://a.org/paper' must contain {id} once");
  CHECK(error_of(R"({"links": [{"name": "a", "url": "https://a.org/{*}/{id}"}]})") ==
        "/x-digestlint/links/0/url: 'https://a.org/{*}/{id}' is the canonical form and cannot contain {*}");
  CHECK(error_of(R"({"links": [{"name": "a", "url": "https://a.org/{id}", "same-id-as": "b"}]})") ==
        "/x-digestlint/links/0/same-id-as: no other link kind is named 'b'");
  CHECK(error_of(R"({"links": [{"name": "a", "url": "https://a.org/{id}", "line": "> Alphaxiv"}]})") ==
        "/x-digestlint/links/0/line: '> Alphaxiv' must contain one link [TEXT]({url}), like \"> [Alphaxiv]({url})\"");
  CHECK(error_of(R"({"papers": {"level": 2}, "sections": {"level": 2}})") ==
        "/x-digestlint/sections/level: must be deeper than the paper heading level (2)");
  CHECK(error_of(R"({"papers": {"numbering": "N."}})") ==
        "/x-digestlint/papers/numbering: 'N.' must contain {n} once (like \"{n}.\"), or be \"none\"");
  CHECK(error_of(R"j({"papers": {"pattern": "(?<=x)"}})j").rfind("/x-digestlint/papers/pattern: invalid pattern", 0) ==
        0);
  CHECK(error_of(R"({"front-matter": {"title-date-forms": ["DD.MM"]}})") ==
        "/x-digestlint/front-matter/title-date-forms/0: date form 'DD.MM' needs a year (YYYY), a month (MM, M, MMMM "
        "or MMM) and a day (DD or D)");
  CHECK(error_of(R"({"sections": {"list": ["Method", {"name": ["Approach", "method"]}]}})") ==
        "/x-digestlint/sections/list/1/name: 'method' is listed twice");
}

TEST_CASE("section names and bullet labels compare with alternatives and the format's separators", "[format]") {
  std::string error;
  const std::optional<DigestFormat> format = FormatFrom(
      json::parse(R"({"sections": {"list": [{"name": ["Introduction", "소개"], "bullets": [["Goal", "목표"]]}]}})"),
      &error);
  REQUIRE(format);
  const SectionsFormat& sections = format->sections;
  CHECK(sections.Find("소개") == &sections.list[0]);
  CHECK(sections.Find("introduction") == &sections.list[0]);
  CHECK(sections.Written(sections.list[0]) == "## Introduction");
  const Words& goal = sections.list[0].bullets[0];
  CHECK(sections.StartsWithLabel("목표: 더 빠른 추론", goal));
  CHECK(sections.StartsWithLabel("Goal：faster", goal));
  CHECK_FALSE(sections.StartsWithLabel("Goals are many", goal));
  CHECK(goal.Describe() == "'Goal' or '목표'");
  // Decoration around a name is not part of it; letters of any script are.
  CHECK(sections.Find("🔍 Introduction") == &sections.list[0]);
  CHECK(sections.Find("Introduction:") == &sections.list[0]);
  CHECK(sections.Find("📝 소개") == &sections.list[0]);
  CHECK_FALSE(sections.Find("Introductions"));
  // Spacing inside a name is not its spelling.
  CHECK(sections.Find("소 개") == &sections.list[0]);
  CHECK(sections.Find("Intro  duction") == &sections.list[0]);
  CHECK(sections.StartsWithLabel("🎯 Goal: faster", goal));
  CHECK(Undecorated("✨ 核心问题 ✨") == "核心问题");
  CHECK(Undecorated("TL;DR") == "TL;DR");
}

}  // namespace
}  // namespace digestlint
