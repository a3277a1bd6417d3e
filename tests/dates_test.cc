#include <catch2/catch.hpp>

#include "dates.h"

namespace digestlint {
namespace {

std::optional<Date> ParseJekyllDate(const char* text, std::string* why) {
  std::string error;
  static const std::optional<DateForm> jekyll = DateForm::Compile("jekyll", &error);
  return jekyll->Parse(text, why);
}

TEST_CASE("Jekyll dates must be real dates and times", "[dates]") {
  std::string why;
  for (const char* valid :
       {"2025-10-27", "2025-10-27 08:15:00", "2025-10-27 08:15", "2025-10-27T08:15:00", "2025-10-27 08:15:00 +0900",
        "2025-10-27 08:15:00 -05:30", "2024-02-29 00:00:00", "2000-02-29", "2025-10-27 23:59:59.5Z"}) {
    INFO(valid);
    CHECK(ParseJekyllDate(valid, &why));
  }
  const std::pair<const char*, const char*> invalid[] = {
      {"2025-10-27 25:15:00", "hour 25"},
      {"2025-10-27 08:61:00", "minute 61"},
      {"2025-10-27 08:15:60", "second 60"},
      {"2025-13-27", "month 13"},
      {"2025-02-29", "day 29 does not exist in 2025-02"},
      {"1900-02-29", "day 29"},
      {"2025-04-31", "day 31"},
      {"27.10.2025", "not of the form"},
      {"2025-10-27 08:15:00 +2500", "time zone offset +2500"},
  };
  for (const auto& [text, reason] : invalid) {
    INFO(text);
    why.clear();
    CHECK_FALSE(ParseJekyllDate(text, &why));
    CHECK(why.find(reason) != std::string::npos);
  }
  CHECK(ParseJekyllDate("2025-1-7", &why)->Iso() == "2025-01-07");
}

// The fields are read by group number (RE2 compiles the forms without group
// names): literal parentheses and optional parts before them must not shift
// the numbers, in the whole form and inside titles.
TEST_CASE("date fields are read from the right groups after literal parentheses and optional parts", "[dates]") {
  std::string error;
  const std::optional<DateForm> form = DateForm::Compile("[(HH:mm) ](D) MMMM YYYY", &error);
  REQUIRE(form);
  std::string why;
  CHECK(form->Parse("(08:15) (5) March 2025", &why)->Iso() == "2025-03-05");
  CHECK(form->Parse("(5) March 2025", &why)->Iso() == "2025-03-05");
  const std::optional<DateMatch> found = form->Find("Digest (7) October 2024, second edition");
  REQUIRE(found);
  REQUIRE(found->date);
  CHECK(found->date->Iso() == "2024-10-07");
  const std::optional<DateForm> jekyll = DateForm::Compile("jekyll", &error);
  const std::optional<Date> date = jekyll->Parse("2025-10-27 08:15:30 +0900", &why);
  REQUIRE(date);
  CHECK(date->hour == 8);
  CHECK(date->minute == 15);
  CHECK(date->second == 30);
  CHECK(date->utc_offset_minutes == 540);
}

}  // namespace
}  // namespace digestlint
