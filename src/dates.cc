#include "dates.h"

#include <cstdio>
#include <ctime>

#include <re2/re2.h>

namespace digestlint {

namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<std::string> StringAt(const Post& post, const std::string& key) {
  const FrontMatter& front_matter = post.front_matter;
  if (front_matter.state != FrontMatter::State::kParsed || !front_matter.data.is_object()) return std::nullopt;
  const auto found = front_matter.data.find(key);
  if (found == front_matter.data.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

std::string Pointer(const std::string& key) { return (nlohmann::json::json_pointer() / key).to_string(); }

// Groups: year, month, day, hour, minute, second, zone sign, zone hours, zone minutes.
const RE2& DateTimePattern() {
  static const RE2 kDateTime(
      R"(([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?)"
      R"((?: *(?:Z|([-+])([0-9]{2}):?([0-9]{2})))?)?)");
  return kDateTime;
}
}  // namespace

std::string Date::Iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<Date> ParseJekyllDate(std::string_view text, std::string* why) {
  Date date;
  std::string hour, minute, second, zone_sign, zone_hours, zone_minutes;
  if (!RE2::FullMatch(text, DateTimePattern(), &date.year, &date.month, &date.day, &hour, &minute, &second, &zone_sign,
                      &zone_hours, &zone_minutes)) {
    *why = "is not of the form YYYY-MM-DD HH:MM:SS +HHMM";
    return std::nullopt;
  }
  const auto fail = [&](const std::string& reason) {
    *why = reason;
    return std::nullopt;
  };
  if (date.month < 1 || date.month > 12) return fail("month " + std::to_string(date.month) + " does not exist");
  if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
    return fail("day " + std::to_string(date.day) + " does not exist in " + std::to_string(date.year) + "-" +
                (date.month < 10 ? "0" : "") + std::to_string(date.month));
  }
  if (!hour.empty() && std::stoi(hour) > 23) return fail("hour " + hour + " does not exist");
  if (!minute.empty() && std::stoi(minute) > 59) return fail("minute " + minute + " does not exist");
  if (!second.empty() && std::stoi(second) > 59) return fail("second " + second + " does not exist");
  if (!zone_hours.empty() && (std::stoi(zone_hours) > 14 || std::stoi(zone_minutes) > 59)) {
    return fail("time zone offset " + zone_hours + zone_minutes + " does not exist");
  }
  return date;
}

std::optional<std::time_t> JekyllTime(std::string_view text) {
  std::string why;
  if (!ParseJekyllDate(text, &why)) return std::nullopt;
  std::tm time{};
  std::string hour, minute, second, zone_sign, zone_hours, zone_minutes;
  RE2::FullMatch(text, DateTimePattern(), &time.tm_year, &time.tm_mon, &time.tm_mday, &hour, &minute, &second,
                 &zone_sign, &zone_hours, &zone_minutes);
  const auto number = [](const std::string& digits) { return digits.empty() ? 0 : std::stoi(digits); };
  time.tm_year -= 1900;
  time.tm_mon -= 1;
  time.tm_hour = number(hour);
  time.tm_min = number(minute);
  time.tm_sec = number(second);
  if (zone_sign.empty() && text.find('Z') == std::string_view::npos) {
    time.tm_isdst = -1;  // local time, as Jekyll reads a date without `timezone`
    return std::mktime(&time);
  }
  const int offset = (zone_sign == "-" ? -1 : 1) * (number(zone_hours) * 3600 + number(zone_minutes) * 60);
  return timegm(&time) - offset;
}

std::optional<DateSource> FrontMatterDate(const Post& post) {
  const std::optional<std::string> value = StringAt(post, post.spec->date_key);
  if (!value) return std::nullopt;
  std::string why;
  const std::optional<Date> date = ParseJekyllDate(*value, &why);
  if (!date) return std::nullopt;
  return DateSource{*date, FrontMatterValueSpan(post, Pointer(post.spec->date_key)), "'" + post.spec->date_key + "'"};
}

std::optional<DateSource> TitleDate(const Post& post) {
  const std::optional<std::string> title = StringAt(post, post.spec->title_key);
  if (!title) return std::nullopt;
  re2::StringPiece found;
  if (!RE2::PartialMatch(*title, *post.spec->title_date, &found)) return std::nullopt;
  std::string why;
  const std::optional<Date> date = ParseJekyllDate(std::string(found.data(), found.size()), &why);
  if (!date) return std::nullopt;
  return DateSource{*date, FrontMatterValueSpan(post, Pointer(post.spec->title_key)), "the title"};
}

std::optional<DateSource> FileNameDate(const Post& post) {
  static const RE2 kPrefix(R"(([0-9]{4}-[0-9]{2}-[0-9]{2})-.*)");
  std::string prefix;
  if (!RE2::FullMatch(post.file_name, kPrefix, &prefix)) return std::nullopt;
  std::string why;
  const std::optional<Date> date = ParseJekyllDate(prefix, &why);
  if (!date) return std::nullopt;
  return DateSource{*date, post.front_matter.opening_fence, "the file name"};
}

std::optional<Date> PostDate(const Post& post) {
  for (const auto& source : {FrontMatterDate(post), TitleDate(post), FileNameDate(post)}) {
    if (source) return source->date;
  }
  return std::nullopt;
}

}  // namespace digestlint
