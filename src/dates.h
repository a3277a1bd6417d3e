#pragma once
// Dates and the written forms a schema accepts for them: named grammars
// ("jekyll", "iso8601", "date") and templates such as "YYYY年M月D日" or
// "MMMM D, YYYY". A form parses a whole value, finds a date inside a title,
// and writes a date back in its own form (for fixes).

#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace digestlint {

/// A calendar day, with the time of day and time zone when the text had them.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::optional<int> utc_offset_minutes;  // "Z" is 0; none means local time
  /// A day, at midnight local time.
  static Date Day(int year, int month, int day) { return Date{year, month, day, 0, 0, 0, std::nullopt}; }
  std::string Iso() const;  // "YYYY-MM-DD"
  int MonthIndex() const { return year * 12 + month - 1; }
  /// Seconds since the epoch: with the offset, or else in the machine's local
  /// time zone (as Jekyll reads a date without `timezone`).
  std::time_t EpochSeconds() const;
  /// The same calendar day (times of day aside).
  bool operator==(const Date& other) const { return year == other.year && month == other.month && day == other.day; }
  bool operator!=(const Date& other) const { return !(*this == other); }
};

/// "YYYY-MM".
std::string YearMonth(int year, int month);

/// Days in `month` of `year` (the Gregorian calendar).
int DaysInMonth(int year, int month);

/// A date found inside a longer text (a title), or a date-shaped text that is
/// not a real date (`why` then says what is wrong).
struct DateMatch {
  size_t offset = 0;
  size_t length = 0;
  std::optional<Date> date;
  std::string why;
};

class DateForm {
 public:
  /// A named grammar ("jekyll", "iso8601", "date") or a template made of the
  /// tokens YYYY MMMM MMM MM M DD D HH mm ss Z, literal text, and [optional]
  /// parts. On failure returns nullopt and sets `error`.
  static std::optional<DateForm> Compile(const std::string& spec, std::string* error);

  /// What a user should write, for messages: "YYYY-MM-DD HH:MM:SS +HHMM (jekyll)".
  const std::string& description() const { return description_; }
  /// Parses all of `text`; on failure sets `why` ("month 13 does not exist").
  std::optional<Date> Parse(std::string_view text, std::string* why) const;
  /// The first date-shaped part of `text`, valid or not.
  std::optional<DateMatch> Find(std::string_view text) const;
  /// `date` written in this form; nullopt when the form needs more than a date
  /// (a time of day) to be written.
  std::optional<std::string> Format(const Date& date) const;

 private:
  struct Token {
    enum Kind { kLiteral, kYear, kMonthName, kMonthAbbreviation, kMonth2, kMonth, kDay2, kDay, kOther };
    Kind kind;
    std::string literal;  // kLiteral
  };
  std::optional<Date> FromGroups(const std::vector<std::string_view>& groups, std::string* why) const;

  std::string description_;
  std::shared_ptr<const re2::RE2> whole_;     // anchored
  std::shared_ptr<const re2::RE2> partial_;   // unanchored, group 1 is the whole date
  std::map<std::string, int> group_numbers_;  // Y, M, D...: whole_'s groups (compiled without names)
  std::vector<Token> tokens_;                 // for Format; empty when the form cannot be written
};

/// "YYYY-MM-DD", the form of dates in digestlint's own configuration.
const DateForm& IsoDayForm();

/// Several forms; a value is valid when one of them parses it.
class DateForms {
 public:
  DateForms() = default;
  explicit DateForms(std::vector<DateForm> forms) : forms_(std::move(forms)) {}
  bool empty() const { return forms_.empty(); }
  const std::vector<DateForm>& forms() const { return forms_; }
  /// "YYYY-MM-DD (date) or YYYY-MM-DDTHH:MM:SS+HH:MM (iso8601)".
  std::string Describe() const;
  /// Parses `text` with the first form that accepts its shape; `why` explains a
  /// failure, and `wrong_form` says whether no form had its shape.
  std::optional<Date> Parse(std::string_view text, std::string* why, bool* wrong_form = nullptr) const;
  /// The earliest date-shaped part of `text` under any form, with the form that found it.
  std::optional<std::pair<DateMatch, const DateForm*>> Find(std::string_view text) const;

 private:
  std::vector<DateForm> forms_;
};

}  // namespace digestlint
