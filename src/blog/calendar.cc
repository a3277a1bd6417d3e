#include "blog/calendar.h"

#include <cstdio>

#include "dates.h"

namespace digestlint {

// Howard Hinnant's days_from_civil and civil_from_days.
DayNumber DayFromCivil(int year, int month, int day) {
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::string IsoOfDay(DayNumber day) {
  const int64_t z = day + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  const int64_t d = day_of_year - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buffer;
}

int WeekdayOf(DayNumber day) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const int64_t weekday = (day + 3) % 7;
  return static_cast<int>(weekday < 0 ? weekday + 7 : weekday);
}

std::optional<DayNumber> ParseIsoDay(std::string_view text) {
  std::string why;
  const std::optional<Date> date = IsoDayForm().Parse(text, &why);
  if (!date) return std::nullopt;
  return DayFromCivil(date->year, date->month, date->day);
}

}  // namespace digestlint
