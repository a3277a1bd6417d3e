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

TEST_CASE("an arXiv version is any number from 1, however long", "[arxiv]") {
  std::string why;
  CHECK(ParseArxivId("2510.19871v2147483648", &why));
  CHECK_FALSE(ParseArxivId("2510.19871v0", &why));
  CHECK(why == "version v0 does not exist (versions start at v1)");
  CHECK(WithoutVersion("2510.19871v1") == "2510.19871");
  CHECK(WithoutVersion("hep-th/9901001v3") == "hep-th/9901001");
}

}  // namespace
}  // namespace digestlint
