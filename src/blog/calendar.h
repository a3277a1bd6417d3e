#pragma once
// Days as numbers, for cadences and gaps: day 0 is 1970-01-01 (proleptic
// Gregorian calendar, as Jekyll's dates are).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace digestlint {

using DayNumber = int64_t;

/// The day number of a valid date.
DayNumber DayFromCivil(int year, int month, int day);
/// "YYYY-MM-DD" of a day number.
std::string IsoOfDay(DayNumber day);
/// 0 = Monday ... 6 = Sunday.
int WeekdayOf(DayNumber day);
/// Parses "YYYY-MM-DD" (a real date) into a day number.
std::optional<DayNumber> ParseIsoDay(std::string_view text);

}  // namespace digestlint
