#include <catch2/catch.hpp>

#include "arxiv.h"

namespace digestlint {
namespace {

TEST_CASE("arXiv identifiers follow arXiv's documented scheme", "[arxiv]") {
  std::string why;
  SECTION("valid forms") {
    for (const char* id : {"0704.0001", "1412.9999", "1501.00001", "2510.19871", "2510.19871v2", "hep-th/9901001",
                           "math.GT/0309136", "cond-mat/0703999v1"}) {
      INFO(id);
      CHECK(ParseArxivId(id, &why));
    }
    const auto parsed = ParseArxivId("2510.19871v12", &why);
    REQUIRE(parsed);
    CHECK(parsed->base == "2510.19871");
    CHECK(parsed->year == 2025);
    CHECK(parsed->month == 10);
    CHECK(ParseArxivId("hep-th/9901001", &why)->year == 1999);
  }
  SECTION("invalid forms, each with a reason") {
    const std::pair<const char*, const char*> cases[] = {
        {"2513.19871", "month 13"},
        {"2500.19871", "month 0"},
        {"1412.12345", "have 4"},
        {"1501.1234", "have 5"},
        {"0703.1234", "start in April 2007"},
        {"hep-th/0901001", "end in March 2007"},
        {"2510.19871v0", "versions start at v1"},
        {"25.10", "neither"},
        {"2510-19871", "neither"},
        {"", "neither"},
    };
    for (const auto& [id, reason] : cases) {
      INFO(id);
      why.clear();
      CHECK_FALSE(ParseArxivId(id, &why));
      CHECK(why.find(reason) != std::string::npos);
    }
  }
}

TEST_CASE("arXiv URLs are analysed against https://arxiv.org/abs/ID", "[arxiv]") {
  const LinkAnalysis canonical = AnalyzeArxivUrl("https://arxiv.org/abs/2510.19871");
  CHECK(canonical.points_at_site);
  CHECK(canonical.problems.empty());
  CHECK(canonical.id == "2510.19871");

  const LinkAnalysis pdf = AnalyzeArxivUrl("http://export.arxiv.org/pdf/2510.19871v2.pdf");
  CHECK(pdf.id == "2510.19871v2");
  CHECK(pdf.problems.size() == 4);
  CHECK(pdf.canonical == "https://arxiv.org/abs/2510.19871v2");

  CHECK(AnalyzeArxivUrl("arxiv.org/abs/2510.19871").problems == std::vector<std::string>{"has no https:// scheme"});
  CHECK(AnalyzeArxivUrl("https://arxiv.org/abs/hep-th/9901001").id == "hep-th/9901001");
  CHECK_FALSE(AnalyzeArxivUrl("https://openreview.net/forum?id=x").points_at_site);
  CHECK_FALSE(AnalyzeArxivUrl("https://notarxiv.org/abs/2510.19871").points_at_site);
}

TEST_CASE("Alphaxiv URLs carry the schema's language segment", "[arxiv]") {
  CHECK(AnalyzeAlphaxivUrl("https://www.alphaxiv.org/ko/overview/2510.19871", "ko").problems.empty());
  CHECK(AnalyzeAlphaxivUrl("https://www.alphaxiv.org/overview/2510.19871", "").problems.empty());
  const LinkAnalysis english = AnalyzeAlphaxivUrl("https://www.alphaxiv.org/overview/2510.19871", "ko");
  REQUIRE(english.problems.size() == 1);
  CHECK(english.problems[0] == "has no language segment but the schema expects /ko/");
  CHECK(english.canonical == "https://www.alphaxiv.org/ko/overview/2510.19871");
  CHECK(AnalyzeAlphaxivUrl("https://www.alphaxiv.org/ja/overview/2510.19871v1", "ja").id == "2510.19871v1");
  CHECK(WithoutVersion("2510.19871v1") == "2510.19871");
  CHECK(WithoutVersion("hep-th/9901001v3") == "hep-th/9901001");
}

}  // namespace
}  // namespace digestlint
