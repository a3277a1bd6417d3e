#pragma once
// Dates as Jekyll writes them: "YYYY-MM-DD HH:MM:SS +HHMM" in `date`, a
// YYYY-MM-DD in the title and as the file-name prefix.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "post.h"

namespace digestlint {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string Iso() const;  // "YYYY-MM-DD"
};

/// A date found in the post, with what it came from (for messages).
struct DateSource {
  Date date;
  Span span;          // where it stands (the file name: the opening fence)
  std::string where;  // "date", "title", "file name"
};

/// Parses a Jekyll date-time; on failure sets `why` (e.g. "hour 25 does not exist").
std::optional<Date> ParseJekyllDate(std::string_view text, std::string* why);

/// A valid Jekyll date-time as seconds since the epoch: with its offset, or
/// else in the machine's local time zone (as Jekyll reads it without `timezone`).
std::optional<std::time_t> JekyllTime(std::string_view text);

/// The `date` value, if it is a valid date.
std::optional<DateSource> FrontMatterDate(const Post& post);
/// The date inside the title (found by the schema's title-date-pattern), if valid.
std::optional<DateSource> TitleDate(const Post& post);
/// The YYYY-MM-DD- prefix of the file name, if present and valid.
std::optional<DateSource> FileNameDate(const Post& post);
/// The post's date: `date`, else the title's, else the file name's.
std::optional<Date> PostDate(const Post& post);

}  // namespace digestlint
