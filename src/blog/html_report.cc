#include "blog/html_report.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "linter.h"
#include "parallel.h"
#include "terminal_text.h"

namespace digestlint {

namespace fs = std::filesystem;

namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A relative URL from the report's folder to the file, with GitHub's #L<line>.
std::string Href(const std::string& absolute, const fs::path& base, int line) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::string relative = fs::path(absolute).lexically_relative(base).generic_string();
  std::string url;
  for (const unsigned char c : relative.empty() ? absolute : relative) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return Escape(url) + (line > 0 ? "#L" + std::to_string(line) : "");
}

std::string Link(const IndexedPost& post, const fs::path& base, int line, const std::string& text) {
  return "<a href=\"" + Href(post.key, base, line) + "\">" + Escape(text) + "</a>";
}

// A post's path relative to the site's root: the report is about the site.
std::string SitePath(const Blog& blog, const IndexedPost& post) {
  const std::string root = blog.root().string() + "/";
  return post.key.rfind(root, 0) == 0 ? post.key.substr(root.size()) : post.key;
}

struct Month {
  int year = 0;
  int month = 0;
  bool operator<(const Month& other) const { return std::tie(year, month) < std::tie(other.year, other.month); }
};

Month MonthOf(DayNumber day) {
  const std::string iso = IsoOfDay(day);
  return Month{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2))};
}

std::string MonthKey(const Month& m) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", m.year, m.month);
  return buffer;
}

Month NextMonth(Month m) { return m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}; }

const char* MonthName(int month) {
  static const char* const kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  return kNames[month - 1];
}

struct Counts {
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  size_t total() const { return errors + warnings + infos; }
};

Counts CountOf(const std::vector<LocatedDiagnostic>& diagnostics) {
  Counts counts;
  for (const LocatedDiagnostic& d : diagnostics) {
    ++(d.severity == Severity::kError     ? counts.errors
       : d.severity == Severity::kWarning ? counts.warnings
                                          : counts.infos);
  }
  return counts;
}

constexpr const char* kStyle = R"css(
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.45}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem}
a{color:#0b57d0}a:focus{outline:3px solid #0b57d0;outline-offset:2px}
h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid #d0d0d0}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0}
dl.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem}
dl.summary div{border:1px solid #c4c4c4;border-radius:6px;padding:.4rem .7rem}
dl.summary dt{font-size:.85rem;color:#444}dl.summary dd{margin:0;font-size:1.3rem;font-weight:600}
table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.2rem 0}th,td{border:1px solid #c4c4c4;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}
.months{display:flex;flex-wrap:wrap;gap:.75rem}
table.month{font-size:.8rem;margin:0}table.month caption{font-weight:600;text-align:left}
table.month th,table.month td{width:1.7rem;height:1.5rem;padding:0;text-align:center}
td.p{background:#cdebd5;color:#0d3b1a}td.r{background:#ffe08a;color:#4a3000;border:2px solid #7a5200;font-weight:700}
td.m{background:#fde0de;color:#7a1410;border:2px dashed #b3261e;font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}.legend span{display:inline-block;width:1.4rem;height:1rem;vertical-align:middle;margin-right:.3rem;border:1px solid #c4c4c4}
.legend .p{background:#cdebd5}.legend .r{background:#ffe08a;border:2px solid #7a5200}.legend .m{background:#fde0de;border:2px dashed #b3261e}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
figure{margin:0}svg{max-width:100%;height:auto;border:1px solid #d0d0d0}
.sev-error{color:#a50e0e;font-weight:600}.sev-warning{color:#7a4b00;font-weight:600}.sev-info{color:#174ea6}
.big{content-visibility:auto;contain-intrinsic-size:auto 60rem}
)css";

// Okabe and Ito's palette: told apart with any colour vision; "other" is grey.
constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};
constexpr const char* kOtherColor = "#8c8c8c";

class Page {
 public:
  explicit Page(const SiteReport& report) : report_(report), blog_(*report.blog) {
    for (const PostReport& post : report.posts) {
      totals_.errors += CountOf(post.diagnostics).errors;
      totals_.warnings += CountOf(post.diagnostics).warnings;
      totals_.infos += CountOf(post.diagnostics).infos;
      if (post.post->facts.date) ++posts_on_[*post.post->facts.date];
    }
    gaps_ = blog_.Gaps();
    for (const Gap& gap : gaps_) missing_.insert(gap.missing.begin(), gap.missing.end());
    for (const auto& [day, count] : posts_on_) repeated_days_ += count > 1 ? 1 : 0;
  }

  std::string Render() {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         << "<title>digestlint report: " << Escape(SiteName()) << "</title>\n<style>" << kStyle << "</style>\n"
         << "</head>\n<body>\n<header>\n<h1>digestlint report: " << Escape(SiteName()) << "</h1>\n"
         << "<p>Every post of the site, linted by digestlint " << DIGESTLINT_VERSION
         << " with the rules across posts. Links open the posts at the line.</p>\n"
         << "<nav aria-label=\"Sections of this report\"><ul><li><a href=\"#overview\">Overview</a></li>"
         << "<li><a href=\"#calendar\">Calendar</a></li><li><a href=\"#over-time\">Problems over time</a></li>"
         << "<li><a href=\"#worst\">Posts with the most problems</a></li>"
         << "<li><a href=\"#repeated-papers\">Repeated papers</a></li><li><a href=\"#posts\">Every post</a></li>"
         << "<li><a href=\"#diagnostics\">Every diagnostic</a></li></ul></nav>\n</header>\n<main>\n";
    Overview();
    Calendar();
    OverTime();
    Worst();
    RepeatedPapers();
    Posts();
    Diagnostics();
    out_ << "</main>\n</body>\n</html>\n";
    return out_.str();
  }

 private:
  std::string SiteName() const {
    const std::string name = blog_.root().filename().string();
    return name.empty() ? blog_.root().string() : name;
  }

  void Overview() {
    const std::string first = posts_on_.empty() ? "none dated" : IsoOfDay(posts_on_.begin()->first);
    const std::string last = posts_on_.empty() ? "none dated" : IsoOfDay(posts_on_.rbegin()->first);
    size_t missing_days = 0;
    for (const Gap& gap : gaps_) missing_days += gap.missing.size();
    const auto item = [&](const std::string& term, const std::string& value) {
      out_ << "<div><dt>" << Escape(term) << "</dt><dd>" << Escape(value) << "</dd></div>";
    };
    out_ << "<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">Overview</h2>\n"
         << "<dl class=\"summary\">";
    item("Posts", std::to_string(report_.posts.size()));
    item("First post", first);
    item("Last post", last);
    item("Cadence", std::string(CadenceName(blog_.series().cadence)) +
                        (blog_.series().since ? " since " + *blog_.series().since : ""));
    item(blog_.series().cadence == Cadence::kWeekly ? "Missing weeks" : "Missing days", std::to_string(missing_days));
    item("Days with several posts", std::to_string(repeated_days_));
    item("Errors", std::to_string(totals_.errors));
    item("Warnings", std::to_string(totals_.warnings));
    item("Infos", std::to_string(totals_.infos));
    out_ << "</dl>\n</section>\n";
  }

  void Calendar() {
    out_ << "<section id=\"calendar\" aria-labelledby=\"calendar-h\">\n<h2 id=\"calendar-h\">Calendar of the "
            "series</h2>\n";
    if (posts_on_.empty()) {
      out_ << "<p>No post has a date.</p>\n</section>\n";
      return;
    }
    out_ << "<ul class=\"legend\" aria-label=\"Legend\"><li><span class=\"p\"></span>a post</li>"
         << "<li><span class=\"r\"></span>several posts on one day (bold, solid border)</li>"
         << "<li><span class=\"m\"></span>" << (blog_.series().cadence == Cadence::kWeekly ? "a week" : "a day")
         << " the cadence expects without a post (bold, dashed border)</li><li>blank: no post, none "
            "expected</li></ul>\n";
    MissingList();
    RepeatedDays();
    DayNumber first = posts_on_.begin()->first;
    if (!missing_.empty()) first = std::min(first, *missing_.begin());
    const DayNumber last = posts_on_.rbegin()->first;
    out_ << "<div class=\"months big\">\n";
    for (Month month = MonthOf(first); !(MonthOf(last) < month); month = NextMonth(month)) MonthTable(month);
    out_ << "</div>\n</section>\n";
  }

  void MissingList() {
    const bool weekly = blog_.series().cadence == Cadence::kWeekly;
    out_ << "<h3>" << (weekly ? "Missing weeks" : "Missing days") << "</h3>\n";
    if (gaps_.empty()) {
      out_ << "<p>"
           << (blog_.series().cadence == Cadence::kNone
                   ? "The configuration declares no cadence (series: cadence), so no day is missing."
                   : "None: the series keeps its cadence.")
           << "</p>\n";
      return;
    }
    out_ << "<ul>\n";
    constexpr size_t kListed = 10;  // longer gaps as a range; the calendar names each day
    for (const Gap& gap : gaps_) {
      out_ << "<li>";
      if (gap.missing.size() > kListed) {
        out_ << (weekly ? "the weeks of " : "") << "<time>" << IsoOfDay(gap.missing.front()) << "</time> to <time>"
             << IsoOfDay(gap.missing.back()) << "</time> (" << gap.missing.size() << (weekly ? " weeks)" : " days)");
      }
      for (size_t i = 0; i < gap.missing.size() && gap.missing.size() <= kListed; ++i) {
        out_ << (i ? ", " : "") << (weekly ? "the week of " : "") << "<time>" << IsoOfDay(gap.missing[i]) << "</time>";
      }
      if (gap.before) {
        out_ << " — after "
             << Link(*gap.before, report_.link_base, gap.before->facts.date_line, SitePath(blog_, *gap.before)) << ",";
      }
      out_ << " reported at "
           << Link(*gap.after, report_.link_base, gap.after->facts.date_line, SitePath(blog_, *gap.after)) << "</li>\n";
    }
    out_ << "</ul>\n";
  }

  void RepeatedDays() {
    out_ << "<h3>Days with several posts</h3>\n";
    if (repeated_days_ == 0) {
      out_ << "<p>None.</p>\n";
      return;
    }
    out_ << "<ul>\n";
    for (const auto& [day, count] : posts_on_) {
      if (count < 2) continue;
      out_ << "<li><time>" << IsoOfDay(day) << "</time>: ";
      const std::vector<const IndexedPost*> posts = blog_.On(day);
      for (size_t i = 0; i < posts.size(); ++i) {
        out_ << (i ? ", " : "")
             << Link(*posts[i], report_.link_base, posts[i]->facts.date_line, SitePath(blog_, *posts[i]));
      }
      out_ << "</li>\n";
    }
    out_ << "</ul>\n";
  }

  void MonthTable(const Month& month) {
    const DayNumber start = DayFromCivil(month.year, month.month, 1);
    const Month next = NextMonth(month);
    const DayNumber end = DayFromCivil(next.year, next.month, 1);
    out_ << "<table class=\"month\"><caption>" << MonthName(month.month) << ' ' << month.year
         << "</caption><thead><tr><th scope=\"col\" abbr=\"Monday\">Mo</th><th scope=\"col\" abbr=\"Tuesday\">Tu</th>"
            "<th scope=\"col\" abbr=\"Wednesday\">We</th><th scope=\"col\" abbr=\"Thursday\">Th</th>"
            "<th scope=\"col\" abbr=\"Friday\">Fr</th><th scope=\"col\" abbr=\"Saturday\">Sa</th>"
            "<th scope=\"col\" abbr=\"Sunday\">Su</th></tr></thead><tbody><tr>";
    for (int blank = 0; blank < WeekdayOf(start); ++blank) out_ << "<td></td>";
    for (DayNumber day = start; day < end; ++day) {
      if (day != start && WeekdayOf(day) == 0) out_ << "</tr><tr>";
      const auto posts = posts_on_.find(day);
      const int count = posts == posts_on_.end() ? 0 : posts->second;
      const int number = static_cast<int>(day - start) + 1;
      if (count > 1) {
        out_ << "<td class=\"r\" title=\"" << IsoOfDay(day) << ": " << count << " posts\">" << number
             << "<span class=\"sr\"> " << count << " posts</span></td>";
      } else if (count == 1) {
        out_ << "<td class=\"p\" title=\"" << IsoOfDay(day) << ": a post\">" << number << "</td>";
      } else if (missing_.count(day)) {
        out_ << "<td class=\"m\" title=\"" << IsoOfDay(day) << ": missing\">" << number
             << "<span class=\"sr\"> missing</span></td>";
      } else {
        out_ << "<td>" << number << "</td>";
      }
    }
    for (int blank = WeekdayOf(end - 1) + 1; blank < 7; ++blank) out_ << "<td></td>";
    out_ << "</tr></tbody></table>\n";
  }

  void OverTime() {
    // Diagnostics per rule per month of the post's date; the six most frequent rules get a colour.
    std::map<std::string, size_t> per_rule;
    std::map<Month, std::map<std::string, size_t>> per_month;
    size_t undated = 0;
    for (const PostReport& post : report_.posts) {
      for (const LocatedDiagnostic& d : post.diagnostics) {
        const std::string rule = std::string(d.rule->code) + " " + std::string(d.rule->name);
        ++per_rule[rule];
        if (post.post->facts.date) {
          ++per_month[MonthOf(*post.post->facts.date)][rule];
        } else {
          ++undated;
        }
      }
    }
    std::vector<std::pair<std::string, size_t>> ranked(per_rule.begin(), per_rule.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> series;
    for (size_t i = 0; i < ranked.size() && i < std::size(kPalette); ++i) series.push_back(ranked[i].first);
    const bool has_other = ranked.size() > series.size();
    out_ << "<section id=\"over-time\" aria-labelledby=\"over-time-h\">\n<h2 id=\"over-time-h\">Problems per rule over "
            "time</h2>\n";
    if (per_month.empty()) {
      out_ << "<p>No problems in dated posts.</p>\n</section>\n";
      return;
    }
    std::vector<Month> months;
    for (Month m = per_month.begin()->first; !(per_month.rbegin()->first < m); m = NextMonth(m)) months.push_back(m);
    std::vector<std::vector<size_t>> values(months.size(), std::vector<size_t>(series.size() + 1, 0));
    size_t highest = 1;
    for (size_t i = 0; i < months.size(); ++i) {
      const auto found = per_month.find(months[i]);
      if (found == per_month.end()) continue;
      size_t total = 0;
      for (const auto& [rule, count] : found->second) {
        const auto at = std::find(series.begin(), series.end(), rule);
        values[i][static_cast<size_t>(at - series.begin())] += count;
        total += count;
      }
      highest = std::max(highest, total);
    }
    Chart(months, series, has_other, values, highest);
    if (undated) out_ << "<p>" << undated << " problems in posts without a date are not in the chart.</p>\n";
    out_ << "<details><summary>The numbers behind the chart</summary>\n<table><caption>Problems per month of the "
            "post's date</caption><thead><tr><th scope=\"col\">Month</th>";
    for (const std::string& rule : series) out_ << "<th scope=\"col\">" << Escape(rule) << "</th>";
    if (has_other) out_ << "<th scope=\"col\">other rules</th>";
    out_ << "<th scope=\"col\">total</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < months.size(); ++i) {
      size_t total = 0;
      out_ << "<tr><th scope=\"row\">" << MonthKey(months[i]) << "</th>";
      for (size_t s = 0; s < series.size() + (has_other ? 1 : 0); ++s) {
        out_ << "<td class=\"n\">" << values[i][s] << "</td>";
        total += values[i][s];
      }
      out_ << "<td class=\"n\">" << total << "</td></tr>\n";
    }
    out_ << "</tbody></table></details>\n</section>\n";
  }

  void Chart(const std::vector<Month>& months, const std::vector<std::string>& series, bool has_other,
             const std::vector<std::vector<size_t>>& values, size_t highest) {
    constexpr double kWidth = 960;
    constexpr double kHeight = 300;
    constexpr double kLeft = 48;
    constexpr double kBottom = 36;
    constexpr double kTop = 12;
    const double plot_height = kHeight - kBottom - kTop;
    const double step = (kWidth - kLeft - 8) / static_cast<double>(months.size());
    const double bar = std::clamp(step * 0.8, 1.0, 48.0);
    char number[64];
    out_ << "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << ' ' << kHeight + 36
         << "\" width=\"" << kWidth << "\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n"
         << "<title id=\"chart-title\">Problems per rule, per month of the post's date</title>\n"
         << "<desc id=\"chart-desc\">Stacked bars from " << MonthKey(months.front()) << " to "
         << MonthKey(months.back()) << ", at most " << highest
         << " problems in a month. The table below the chart holds the same numbers.</desc>\n";
    for (const double fraction : {0.0, 0.5, 1.0}) {
      const double y = kTop + plot_height * (1 - fraction);
      std::snprintf(number, sizeof number, "%.1f", y);
      out_ << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - 4 << "\" y1=\"" << number << "\" y2=\"" << number
           << "\" stroke=\"#d0d0d0\"/><text x=\"" << kLeft - 6 << "\" y=\"" << number
           << "\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\" fill=\"#333\">"
           << std::lround(static_cast<double>(highest) * fraction) << "</text>\n";
    }
    for (size_t i = 0; i < months.size(); ++i) {
      double y = kTop + plot_height;
      const double x = kLeft + step * static_cast<double>(i) + (step - bar) / 2;
      for (size_t s = 0; s < values[i].size(); ++s) {
        if (values[i][s] == 0) continue;
        const double height = plot_height * static_cast<double>(values[i][s]) / static_cast<double>(highest);
        y -= height;
        std::snprintf(number, sizeof number, "x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"", x, y, bar, height);
        out_ << "<rect " << number << " fill=\"" << (s < series.size() ? kPalette[s] : kOtherColor) << "\"><title>"
             << MonthKey(months[i]) << ": " << Escape(s < series.size() ? series[s] : "other rules") << ", "
             << values[i][s] << "</title></rect>";
      }
      const bool label = months.size() <= 24 || months[i].month == 1;
      if (label) {
        std::snprintf(number, sizeof number, "%.1f", kLeft + step * (static_cast<double>(i) + 0.5));
        out_ << "<text x=\"" << number << "\" y=\"" << kHeight - kBottom + 16
             << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">"
             << (months.size() <= 24 ? MonthKey(months[i]).substr(2) : std::to_string(months[i].year)) << "</text>";
      }
      out_ << '\n';
    }
    // The legend, inside the image so that a screenshot shows it.
    for (size_t s = 0; s < series.size() + (has_other ? 1 : 0); ++s) {
      const std::string name = s < series.size() ? series[s] : "other rules";
      const double x = kLeft + 225 * static_cast<double>(s % 4);
      const size_t row = s / 4;  // four entries a row
      const double y = kHeight - 6 + 18 * static_cast<double>(row);
      out_ << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"12\" height=\"12\" fill=\""
           << (s < series.size() ? kPalette[s] : kOtherColor) << "\"/><text x=\"" << x + 16 << "\" y=\"" << y + 10
           << "\" font-size=\"11\" fill=\"#1a1a1a\">" << Escape(name.substr(0, 34)) << "</text>\n";
    }
    out_ << "</svg>\n</figure>\n";
  }

  void Worst() {
    std::vector<const PostReport*> ranked;
    for (const PostReport& post : report_.posts) {
      if (!post.diagnostics.empty()) ranked.push_back(&post);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const PostReport* a, const PostReport* b) {
      const Counts x = CountOf(a->diagnostics);
      const Counts y = CountOf(b->diagnostics);
      return std::make_tuple(x.errors, x.warnings, x.total()) > std::make_tuple(y.errors, y.warnings, y.total());
    });
    constexpr size_t kShown = 20;
    out_
        << "<section id=\"worst\" aria-labelledby=\"worst-h\">\n<h2 id=\"worst-h\">Posts with the most problems</h2>\n";
    if (ranked.empty()) {
      out_ << "<p>No post has a problem.</p>\n</section>\n";
      return;
    }
    out_ << "<table><caption>The " << std::min(kShown, ranked.size())
         << " posts with the most errors, then warnings</caption><thead><tr><th scope=\"col\">Post</th>"
            "<th scope=\"col\">Date</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th>"
            "<th scope=\"col\">Infos</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < ranked.size() && i < kShown; ++i) {
      const IndexedPost& post = *ranked[i]->post;
      const Counts counts = CountOf(ranked[i]->diagnostics);
      out_ << "<tr><td>" << Link(post, report_.link_base, 0, SitePath(blog_, post)) << "</td><td>"
           << (post.facts.date ? IsoOfDay(*post.facts.date) : "") << "</td><td class=\"n\">" << counts.errors
           << "</td><td class=\"n\">" << counts.warnings << "</td><td class=\"n\">" << counts.infos << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n</section>\n";
  }

  void RepeatedPapers() {
    std::map<std::string, std::vector<std::pair<const IndexedPost*, int>>> where;
    std::map<std::string, std::string> shown;  // "arXiv 2510.19871" for "arxiv:2510.19871"
    for (const PostReport& report : report_.posts) {
      std::set<std::string> seen;
      for (const PaperFact& paper : report.post->facts.papers) {
        if (!seen.insert(paper.id).second) continue;
        where[paper.id].emplace_back(report.post, paper.line);
        shown.emplace(paper.id, paper.shown);
      }
    }
    std::vector<std::pair<std::string, std::vector<std::pair<const IndexedPost*, int>>>> repeated;
    for (auto& [id, posts] : where) {
      if (posts.size() < 2) continue;
      std::stable_sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) {
        return a.first->facts.date.value_or(0) < b.first->facts.date.value_or(0);
      });
      repeated.emplace_back(id, std::move(posts));
    }
    std::stable_sort(repeated.begin(), repeated.end(),
                     [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    out_ << "<section id=\"repeated-papers\" aria-labelledby=\"repeated-papers-h\">\n<h2 id=\"repeated-papers-h\">"
            "Repeated papers</h2>\n";
    if (repeated.empty()) {
      out_ << "<p>No paper is summarised in more than one post.</p>\n</section>\n";
      return;
    }
    out_ << "<table class=\"big\"><caption>" << repeated.size()
         << " papers summarised in more than one post</caption><thead><tr><th scope=\"col\">Paper</th>"
            "<th scope=\"col\">Posts</th><th scope=\"col\">Where</th></tr></thead><tbody>\n";
    for (const auto& [id, posts] : repeated) {
      out_ << "<tr><td>" << Escape(shown.at(id)) << "</td><td class=\"n\">" << posts.size() << "</td><td>";
      for (size_t i = 0; i < posts.size(); ++i) {
        const IndexedPost& post = *posts[i].first;
        out_ << (i ? "<br>" : "") << (post.facts.date ? IsoOfDay(*post.facts.date) + " " : "")
             << Link(post, report_.link_base, posts[i].second,
                     SitePath(blog_, post) + ":" + std::to_string(posts[i].second));
      }
      out_ << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n</section>\n";
  }

  void Posts() {
    out_ << "<section id=\"posts\" aria-labelledby=\"posts-h\" class=\"big\">\n<h2 id=\"posts-h\">Every post</h2>\n"
         << "<table><caption>" << report_.posts.size()
         << " posts, by path</caption><thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Date</th>"
            "<th scope=\"col\">Title</th><th scope=\"col\">Papers</th><th scope=\"col\">Errors</th>"
            "<th scope=\"col\">Warnings</th></tr></thead><tbody>\n";
    for (const PostReport& report : report_.posts) {
      const IndexedPost& post = *report.post;
      const Counts counts = CountOf(report.diagnostics);
      out_ << "<tr><td>" << Link(post, report_.link_base, 0, SitePath(blog_, post)) << "<td>"
           << (post.facts.date ? IsoOfDay(*post.facts.date) : "") << "<td>" << Escape(post.facts.title)
           << "<td class=\"n\">" << post.facts.papers.size() << "<td class=\"n\">" << counts.errors
           << "<td class=\"n\">" << counts.warnings << "\n";
    }
    out_ << "</tbody></table>\n</section>\n";
  }

  void Diagnostics() {
    out_ << "<section id=\"diagnostics\" aria-labelledby=\"diagnostics-h\" class=\"big\">\n<h2 id=\"diagnostics-h\">"
            "Every diagnostic</h2>\n";
    const size_t total = totals_.total();
    if (total == 0) {
      out_ << "<p>No problems.</p>\n</section>\n";
      return;
    }
    out_ << "<table><caption>" << total
         << " diagnostics, by post and line</caption><thead><tr><th scope=\"col\">Where</th><th scope=\"col\">"
            "Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Message</th></tr></thead><tbody>\n";
    for (const PostReport& report : report_.posts) {
      for (const LocatedDiagnostic& d : report.diagnostics) {
        const std::string severity(SeverityName(d.severity));
        out_ << "<tr><td>"
             << Link(*report.post, report_.link_base, d.start.line,
                     SitePath(blog_, *report.post) + ":" + std::to_string(d.start.line) + ":" +
                         std::to_string(d.start.column))
             << "<td class=\"sev-" << severity << "\">" << severity << "<td>" << d.rule->code << ' '
             << Escape(d.rule->name) << "<td>" << Escape(d.message) << "\n";
      }
    }
    out_ << "</tbody></table>\n</section>\n";
  }

  const SiteReport& report_;
  const Blog& blog_;
  std::ostringstream out_;
  Counts totals_;
  std::map<DayNumber, int> posts_on_;
  std::vector<Gap> gaps_;
  std::set<DayNumber> missing_;
  size_t repeated_days_ = 0;
};

}  // namespace

std::string RenderHtmlReport(const SiteReport& report) { return Page(report).Render(); }

int WriteSiteReport(const std::string& path, const std::optional<std::string>& output, Projects& projects,
                    const SiteOptions& options, Streams streams) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    streams.err << "digestlint: error: report takes a folder of the site, and " << EscapeForTerminal(path)
                << " is not one\n";
    return kExitInputError;
  }
  const std::string probe = (fs::path(path) / "post.md").string();
  const Project* project = projects.For(probe);
  if (!project) return kExitInputError;
  // The site that holds PATH; without a configuration file or a repository, PATH itself.
  SiteOptions site_options = options;
  site_options.no_config = false;
  const fs::path root =
      SiteRoot(probe, *project, site_options).value_or((WorkingDirectory() / path).lexically_normal());
  const std::unique_ptr<Blog> blog = BuildBlog(root, projects, options);
  if (!blog || projects.failed()) return kExitInputError;

  SiteReport report;
  report.blog = blog.get();
  report.link_base = output ? (WorkingDirectory() / *output).lexically_normal().parent_path() : WorkingDirectory();
  report.posts.reserve(blog->posts().size());
  ForEachInOrder<PostReport>(
      blog->posts().size(), options.jobs,
      [&](size_t i) {
        const IndexedPost& post = blog->posts()[i];
        PostReport result{&post, {}};
        if (const Project* owner = projects.For(post.path)) {
          LintSettings settings = owner->SettingsFor(post.path);
          settings.blog = blog.get();
          result.diagnostics = LintFile(post.path, settings);
        }
        return result;
      },
      [&](PostReport result) { report.posts.push_back(std::move(result)); });

  const std::string page = RenderHtmlReport(report);
  if (output) {
    std::ofstream file(*output, std::ios::binary | std::ios::trunc);
    file << page;
    file.close();
    if (!file) {
      streams.err << "digestlint: error: cannot write the report to " << EscapeForTerminal(*output) << '\n';
      return kExitInputError;
    }
  } else {
    streams.out << page;
  }
  Counts totals;
  for (const PostReport& post : report.posts) {
    const Counts counts = CountOf(post.diagnostics);
    totals.errors += counts.errors;
    totals.warnings += counts.warnings;
    totals.infos += counts.infos;
  }
  streams.err << "digestlint: report of " << report.posts.size() << " posts (" << totals.errors << " errors, "
              << totals.warnings << " warnings, " << totals.infos << " infos)"
              << (output ? " written to " + EscapeForTerminal(*output) : std::string()) << '\n';
  return projects.failed() ? kExitInputError : kExitClean;
}

}  // namespace digestlint
