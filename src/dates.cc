#include "dates.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>

#include <re2/re2.h>

namespace digestlint {

namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);  // digits are bounded by the patterns
  return value;
}

int MonthFromName(std::string_view name) {
  for (int month = 1; month <= 12; ++month) {
    const std::string_view full = kMonthNames[month - 1];
    const auto same = [&](std::string_view candidate) {
      if (candidate.size() != name.size()) return false;
      for (size_t i = 0; i < name.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(candidate[i])) != std::tolower(static_cast<unsigned char>(name[i])))
          return false;
      }
      return true;
    };
    if (same(full) || same(full.substr(0, 3)) || (month == 9 && same("Sept"))) return month;
  }
  return 0;
}

std::string MonthNamePattern(bool abbreviated) {
  std::string pattern = "(?i:";
  for (int month = 0; month < 12; ++month) {
    const std::string name = kMonthNames[month];
    pattern += (month ? "|" : "") + (abbreviated ? (month == 8 ? "Sept|Sep" : name.substr(0, 3)) : name);
  }
  return pattern + ")";
}

// The named grammars. Group names: Y M D (numeric), MN (month name), h m s,
// zh zm (time-zone offset).
struct NamedGrammar {
  const char* name;
  const char* pattern;
  const char* description;
  const char* template_for_format;  // "" when a date alone cannot be written in it
};

constexpr NamedGrammar kGrammars[] = {
    {"date", R"((?P<Y>[0-9]{4})-(?P<M>[0-9]{2})-(?P<D>[0-9]{2}))", "YYYY-MM-DD (date)", "YYYY-MM-DD"},
    // Jekyll reads dates with Ruby's Time.parse: "YYYY-MM-DD HH:MM:SS +/-TTTT", with the time and zone optional.
    {"jekyll",
     R"((?P<Y>[0-9]{4})-(?P<M>[0-9]{1,2})-(?P<D>[0-9]{1,2}))"
     R"((?:[ T]+(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.[0-9]+)?)?)"
     R"((?: *(?:(?P<utc>Z)|(?P<zh>[-+][0-9]{2}):?(?P<zm>[0-9]{2})))?)?)",
     "YYYY-MM-DD HH:MM:SS +HHMM (jekyll)", ""},
    // RFC 3339 / ISO 8601 as Hugo and Astro write it; TOML dates are converted to it.
    {"iso8601",
     R"((?P<Y>[0-9]{4})-(?P<M>[0-9]{2})-(?P<D>[0-9]{2}))"
     R"((?:[Tt ](?P<h>[0-9]{2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.[0-9]+)?)?)"
     R"((?:(?P<utc>[Zz])|(?P<zh>[-+][0-9]{2}):(?P<zm>[0-9]{2}))?)?)",
     "YYYY-MM-DDTHH:MM:SS+HH:MM (iso8601)", ""},
};

struct TemplateToken {
  const char* text;
  const char* pattern;  // "" for literal handling
};

// Longest first, so "MMMM" is not read as four "M".
constexpr TemplateToken kTokens[] = {
    {"YYYY", "(?P<Y>[0-9]{4})"},
    {"MMMM", ""},  // month name, built at run time
    {"MMM", ""},   // abbreviated month name
    {"MM", "(?P<M>[0-9]{2})"},
    {"M", "(?P<M>[0-9]{1,2})"},
    {"DD", "(?P<D>[0-9]{2})"},
    {"D", "(?P<D>[0-9]{1,2})"},
    {"HH", "(?P<h>[0-9]{2})"},
    {"mm", "(?P<m>[0-9]{2})"},
    {"ss", "(?P<s>[0-9]{2})"},
    {"Z", "(?:(?P<utc>Z)|(?P<zh>[-+][0-9]{2}):?(?P<zm>[0-9]{2}))"},
};

// The pattern with each named group "(?P<name>" made a plain group, and the
// names' group numbers. On the first named group, RE2 builds the Unicode
// classes a group name may use: 2 million instructions, a fifth of linting
// one post. The patterns are the grammars and tokens above plus quoted
// literal text, so a '(' is a group unless escaped, inside [...] or "(?".
std::string WithoutGroupNames(const std::string& pattern, std::map<std::string, int>* names) {
  std::string plain;
  int groups = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      plain += pattern.substr(i++, 2);
      continue;
    }
    if (in_class || c == '[' || c == ']') {
      in_class = c == ']' ? false : in_class || c == '[';
    } else if (c == '(' && pattern.compare(i, 4, "(?P<") == 0) {
      const size_t end = pattern.find('>', i);
      (*names)[pattern.substr(i + 4, end - i - 4)] = ++groups;
      plain += '(';
      i = end;
      continue;
    } else if (c == '(' && pattern.compare(i, 2, "(?") != 0) {
      ++groups;
    }
    plain += c;
  }
  return plain;
}

std::shared_ptr<const re2::RE2> CompilePattern(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  return std::make_shared<const re2::RE2>(pattern, options);
}

}  // namespace

std::string Date::Iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::time_t Date::EpochSeconds() const {
  std::tm time{};
  time.tm_year = year - 1900;
  time.tm_mon = month - 1;
  time.tm_mday = day;
  time.tm_hour = hour;
  time.tm_min = minute;
  time.tm_sec = second;
  if (!utc_offset_minutes) {
    time.tm_isdst = -1;
    return std::mktime(&time);
  }
  return timegm(&time) - static_cast<std::time_t>(*utc_offset_minutes) * 60;
}

std::string YearMonth(int year, int month) { return Date::Day(year, month, 1).Iso().substr(0, 7); }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<DateForm> DateForm::Compile(const std::string& spec, std::string* error) {
  DateForm form;
  std::string pattern;
  std::string format_template;
  for (const NamedGrammar& grammar : kGrammars) {
    if (spec == grammar.name) {
      pattern = grammar.pattern;
      form.description_ = grammar.description;
      format_template = grammar.template_for_format;
    }
  }
  if (pattern.empty()) {
    // A template: tokens, literal text (a backslash quotes a token letter), [optional] parts.
    std::map<std::string, int> seen;
    int depth = 0;
    bool optional_content = false;
    for (size_t i = 0; i < spec.size();) {
      if (spec[i] == '[') {
        pattern += "(?:";
        ++depth;
        optional_content = true;
        ++i;
        continue;
      }
      if (spec[i] == ']') {
        if (depth == 0) {
          *error = "date form '" + spec + "' has a ']' without '['";
          return std::nullopt;
        }
        pattern += ")?";
        --depth;
        ++i;
        continue;
      }
      if (spec[i] == '\\' && i + 1 < spec.size()) {
        pattern += RE2::QuoteMeta(spec.substr(i + 1, 1));
        form.tokens_.push_back(Token{Token::kLiteral, spec.substr(i + 1, 1)});
        i += 2;
        continue;
      }
      const TemplateToken* token = nullptr;
      for (const TemplateToken& candidate : kTokens) {
        if (spec.compare(i, std::char_traits<char>::length(candidate.text), candidate.text) == 0) {
          token = &candidate;
          break;
        }
      }
      if (!token) {
        // One UTF-8 character of literal text.
        size_t length = 1;
        while (i + length < spec.size() && (static_cast<unsigned char>(spec[i + length]) & 0xC0) == 0x80) ++length;
        pattern += RE2::QuoteMeta(spec.substr(i, length));
        if (!form.tokens_.empty() && form.tokens_.back().kind == Token::kLiteral) {
          form.tokens_.back().literal += spec.substr(i, length);
        } else {
          form.tokens_.push_back(Token{Token::kLiteral, spec.substr(i, length)});
        }
        i += length;
        continue;
      }
      const std::string text = token->text;
      const std::string field = text == "MMMM" || text == "MMM" || text[0] == 'M' ? "month" : text.substr(0, 1);
      if (seen[field]++ > 0) {
        *error =
            "date form '" + spec + "' names the " + (field == "month" ? "month" : "'" + text + "' field") + " twice";
        return std::nullopt;
      }
      if (text == "MMMM" || text == "MMM") {
        pattern += "(?P<MN>" + MonthNamePattern(text == "MMM") + ")";
      } else {
        pattern += token->pattern;
      }
      const Token::Kind kind = text == "YYYY"   ? Token::kYear
                               : text == "MMMM" ? Token::kMonthName
                               : text == "MMM"  ? Token::kMonthAbbreviation
                               : text == "MM"   ? Token::kMonth2
                               : text == "M"    ? Token::kMonth
                               : text == "DD"   ? Token::kDay2
                               : text == "D"    ? Token::kDay
                                                : Token::kOther;
      form.tokens_.push_back(Token{kind, ""});
      i += text.size();
    }
    if (depth != 0) {
      *error = "date form '" + spec + "' has a '[' without ']'";
      return std::nullopt;
    }
    if (!seen.count("Y") || !seen.count("month") || !seen.count("D")) {
      *error = "date form '" + spec + "' needs a year (YYYY), a month (MM, M, MMMM or MMM) and a day (DD or D)";
      return std::nullopt;
    }
    form.description_ = spec;
    const bool date_only = std::none_of(form.tokens_.begin(), form.tokens_.end(),
                                        [](const Token& token) { return token.kind == Token::kOther; });
    if (!date_only || optional_content) form.tokens_.clear();
  } else {
    std::string unused;
    if (!format_template.empty()) form.tokens_ = Compile(format_template, &unused)->tokens_;
  }
  const std::string plain = WithoutGroupNames(pattern, &form.group_numbers_);
  form.whole_ = CompilePattern(plain);
  // A date inside a title does not start or end in the middle of a number.
  form.partial_ = CompilePattern("(?:^|[^0-9])(" + plain + ")(?:[^0-9]|$)");
  if (!form.whole_->ok() || !form.partial_->ok()) {
    *error = "date form '" + spec + "' cannot be compiled: " + form.whole_->error();
    return std::nullopt;
  }
  return form;
}

std::optional<Date> DateForm::FromGroups(const std::vector<std::string_view>& groups, std::string* why) const {
  const std::map<std::string, int>& names = group_numbers_;
  const auto group = [&](const char* name) -> std::string_view {
    const auto found = names.find(name);
    return found == names.end() || found->second >= static_cast<int>(groups.size()) ? std::string_view()
                                                                                    : groups[found->second];
  };
  Date date;
  date.year = ToInt(group("Y"));
  date.month = group("MN").empty() ? ToInt(group("M")) : MonthFromName(group("MN"));
  date.day = ToInt(group("D"));
  const auto fail = [&](const std::string& reason) {
    *why = reason;
    return std::nullopt;
  };
  if (date.month < 1 || date.month > 12) return fail("month " + std::string(group("M")) + " does not exist");
  if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
    return fail("day " + std::string(group("D")) + " does not exist in " + date.Iso().substr(0, 7));
  }
  if (!group("h").empty() && ToInt(group("h")) > 23) return fail("hour " + std::string(group("h")) + " does not exist");
  if (!group("m").empty() && ToInt(group("m")) > 59) {
    return fail("minute " + std::string(group("m")) + " does not exist");
  }
  if (!group("s").empty() && ToInt(group("s")) > 59) {
    return fail("second " + std::string(group("s")) + " does not exist");
  }
  const std::string_view zone_hours = group("zh");
  if (!zone_hours.empty() && (ToInt(zone_hours.substr(1)) > 14 || ToInt(group("zm")) > 59)) {
    return fail("time zone offset " + std::string(zone_hours) + std::string(group("zm")) + " does not exist");
  }
  date.hour = ToInt(group("h"));
  date.minute = ToInt(group("m"));
  date.second = ToInt(group("s"));
  if (!zone_hours.empty()) {
    const int minutes = ToInt(zone_hours.substr(1)) * 60 + ToInt(group("zm"));
    date.utc_offset_minutes = zone_hours[0] == '-' ? -minutes : minutes;
  } else if (!group("utc").empty()) {
    date.utc_offset_minutes = 0;
  }
  return date;
}

std::optional<Date> DateForm::Parse(std::string_view text, std::string* why) const {
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(whole_->NumberOfCapturingGroups()) + 1);
  if (!whole_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH, pieces.data(),
                     static_cast<int>(pieces.size()))) {
    *why = "is not of the form " + description_;
    return std::nullopt;
  }
  std::vector<std::string_view> groups;
  groups.reserve(pieces.size());
  for (const re2::StringPiece& piece : pieces) groups.emplace_back(piece.data(), piece.size());
  return FromGroups(groups, why);
}

std::optional<DateMatch> DateForm::Find(std::string_view text) const {
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(partial_->NumberOfCapturingGroups()) + 1);
  if (!partial_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED, pieces.data(),
                       static_cast<int>(pieces.size()))) {
    return std::nullopt;
  }
  DateMatch match;
  match.offset = static_cast<size_t>(pieces[1].data() - text.data());
  match.length = pieces[1].size();
  // Group numbers of the whole pattern are one less inside the wrapping group.
  std::vector<std::string_view> groups;
  groups.emplace_back(pieces[1].data(), pieces[1].size());
  for (size_t i = 2; i < pieces.size(); ++i) groups.emplace_back(pieces[i].data(), pieces[i].size());
  match.date = FromGroups(groups, &match.why);
  return match;
}

std::optional<std::string> DateForm::Format(const Date& date) const {
  if (tokens_.empty()) return std::nullopt;
  std::string text;
  char number[16];
  for (const Token& token : tokens_) {
    switch (token.kind) {
      case Token::kLiteral:
        text += token.literal;
        break;
      case Token::kYear:
        std::snprintf(number, sizeof number, "%04d", date.year);
        text += number;
        break;
      case Token::kMonthName:
        text += kMonthNames[date.month - 1];
        break;
      case Token::kMonthAbbreviation:
        text += std::string(kMonthNames[date.month - 1]).substr(0, 3);
        break;
      case Token::kMonth2:
        std::snprintf(number, sizeof number, "%02d", date.month);
        text += number;
        break;
      case Token::kMonth:
        text += std::to_string(date.month);
        break;
      case Token::kDay2:
        std::snprintf(number, sizeof number, "%02d", date.day);
        text += number;
        break;
      case Token::kDay:
        text += std::to_string(date.day);
        break;
      case Token::kOther:
        return std::nullopt;
    }
  }
  return text;
}

std::string DateForms::Describe() const {
  std::string text;
  for (size_t i = 0; i < forms_.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == forms_.size() ? " or " : ", ") + forms_[i].description();
  }
  return text;
}

std::optional<Date> DateForms::Parse(std::string_view text, std::string* why, bool* wrong_form) const {
  std::string first_reason;
  for (const DateForm& form : forms_) {
    std::string reason;
    const std::optional<Date> date = form.Parse(text, &reason);
    if (date) return date;
    // A value of the right shape with an impossible field says why; otherwise name every form.
    if (reason.rfind("is not of the form", 0) != 0 && first_reason.empty()) first_reason = reason;
  }
  *why = first_reason.empty() ? "is not of the form " + Describe() : first_reason;
  if (wrong_form) *wrong_form = first_reason.empty();
  return std::nullopt;
}

std::optional<std::pair<DateMatch, const DateForm*>> DateForms::Find(std::string_view text) const {
  std::optional<std::pair<DateMatch, const DateForm*>> best;
  for (const DateForm& form : forms_) {
    std::optional<DateMatch> match = form.Find(text);
    if (match && (!best || match->offset < best->first.offset)) best = std::make_pair(std::move(*match), &form);
  }
  return best;
}

const DateForm& IsoDayForm() {
  static const DateForm kForm = [] {
    std::string error;
    return *DateForm::Compile("YYYY-MM-DD", &error);
  }();
  return kForm;
}

}  // namespace digestlint
