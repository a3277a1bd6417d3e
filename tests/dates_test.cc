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

}  // namespace
}  // namespace digestlint
