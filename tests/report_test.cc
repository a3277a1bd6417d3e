// `digestlint report`: the HTML page's contents, and the page opened in
// headless Chromium (Debian's chromium): no console errors, every post and
// every missing day in its DOM, a screenshot kept in the build tree.
#include <sys/wait.h>

#include <cstdlib>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "blog/calendar.h"
#include "post_generator.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::TempDir;
using testing::WriteFile;

// A daily series from 2025-09-01: generated posts (with their faults), every
// eleventh day skipped, every seventeenth day posted twice, and one day that
// copies the day before (repeated papers).
struct DemoSite {
  TempDir temporary;
  const fs::path root = temporary.path() / "daily-papers-blog";  // the report is named after it
  std::vector<std::string> posts;                                // relative paths
  std::vector<std::string> missing_days;                         // ISO dates
  std::set<std::string> doubled_days;
  DemoSite() {
    fs::create_directories(root);
    WriteFile(root / ".digestlint.yaml", "series:\n  cadence: daily\n  since: 2025-09-01\n");
    fs::create_directories(root / "_posts");
    const DayNumber first = DayFromCivil(2025, 9, 1);
    std::string yesterday;
    for (int d = 0; d < 75; ++d) {
      const std::string day = IsoOfDay(first + d);
      if (d % 11 == 5) {
        missing_days.push_back(day);
        continue;
      }
      const bool copy = d == 40;
      Write(day + "-daily-papers.md", copy ? yesterday : generator::GeneratePost(7, d).text, day);
      yesterday = ReadFile(root / "_posts" / (day + "-daily-papers.md"));
      if (d % 17 == 3) {
        Write(day + "-daily-papers-again.md", generator::GeneratePost(8, d).text, day);
        doubled_days.insert(day);
      }
    }
  }
  // Writes a post with its own date (front matter and title) replaced by `day`.
  void Write(const std::string& name, std::string text, const std::string& day) {
    const size_t at = text.find("date: ") + 6;
    const std::string old = text.substr(at, 10);
    for (size_t found = text.find(old); found != std::string::npos; found = text.find(old, found + 10)) {
      text.replace(found, 10, day);
    }
    WriteFile(root / "_posts" / name, text);
    posts.push_back("_posts/" + name);
  }
};

TEST_CASE("the report is one self-contained, accessible page about the whole site", "[report]") {
  DemoSite site;
  const fs::path page = site.root / "out/report.html";
  fs::create_directories(page.parent_path());
  const auto run = RunDigestlint({"report", site.root.string(), "-o", page.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(run.err.find("digestlint: report of " + std::to_string(site.posts.size()) + " posts") == 0);
  const std::string html = ReadFile(page);
  // Self-contained: nothing is fetched, and the policy forbids it.
  for (const char* forbidden : {"<script", "src=", "<link", "@import", "url(", "<iframe", "<object"}) {
    INFO(forbidden);
    CHECK(html.find(forbidden) == std::string::npos);
  }
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\">") != std::string::npos);
  // Accessible: a language, headings, a labelled chart with its table behind it.
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  for (const char* heading : {"Calendar of the series", "Problems per rule over time", "Posts with the most problems",
                              "Repeated papers", "Every post", "Every diagnostic"}) {
    CHECK(html.find(std::string(">") + heading + "</h2>") != std::string::npos);
  }
  CHECK(html.find("role=\"img\" aria-labelledby=\"chart-title chart-desc\"") != std::string::npos);
  CHECK(html.find("<summary>The numbers behind the chart</summary>") != std::string::npos);
  // Every post (linked from the report's folder), every missing and doubled day.
  for (const std::string& post : site.posts) {
    INFO(post);
    CHECK(html.find("<a href=\"../" + post + "\">") != std::string::npos);
  }
  for (const std::string& day : site.missing_days) {
    INFO(day);
    CHECK(html.find("title=\"" + day + ": missing\"") != std::string::npos);
    CHECK(html.find("<time>" + day + "</time>") != std::string::npos);
  }
  for (const std::string& day : site.doubled_days)
    CHECK(html.find("title=\"" + day + ": 2 posts\"") != std::string::npos);
  // The copied day's papers are repeated, and linked at their lines.
  CHECK(html.find("DL701 paper-repeated") != std::string::npos);
  CHECK(html.find(".md#L") != std::string::npos);
  SECTION("to stdout, and refusing a file as PATH") {
    const auto out = RunDigestlint({"report", site.root.string()});
    CHECK(out.status == 0);
    CHECK(out.out.rfind("<!DOCTYPE html>", 0) == 0);
    const auto bad = RunDigestlint({"report", (site.root / site.posts.front()).string()});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("report takes a folder of the site") != std::string::npos);
    // A name with an escape sequence reaches the terminal escaped.
    const auto hostile = RunDigestlint({"report", "no\033]0;pwned\007such"});
    CHECK(hostile.status == 2);
    CHECK(hostile.err ==
          "digestlint: error: report takes a folder of the site, and no\\x1b]0;pwned\\x07such is not one\n");
  }
}

struct Shell {
  int status;
  std::string output;
};

Shell Run(const std::string& command) {
  TempDir dir;
  const fs::path log = dir.path() / "log";
  const int raw = std::system((command + " > '" + log.string() + "' 2>&1").c_str());
  return Shell{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ReadFile(log)};
}

// The console messages Chromium logged (--enable-logging=stderr --v=0 prints
// each as INFO:CONSOLE), one per line.
std::vector<std::string> ConsoleMessages(const std::string& log) {
  std::vector<std::string> messages;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(":CONSOLE") != std::string::npos) messages.push_back(line);
  }
  return messages;
}

TEST_CASE("the report opens in headless Chromium without console errors", "[report][chromium][slow]") {
  if (Run("command -v chromium").status != 0) {
    FAIL("chromium is not installed: ci/setup.sh installs Debian's chromium");
  }
  DemoSite site;
  const fs::path artifacts = fs::path(DIGESTLINT_BUILD_DIR) / "test-artifacts";
  fs::create_directories(artifacts);
  const fs::path page = artifacts / "report.html";
  REQUIRE(RunDigestlint({"report", site.root.string(), "-o", page.string()}).status == 0);
  const auto chromium = [&](const std::string& arguments) {
    TempDir profile;  // a fresh profile for every run
    return Run(
        "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
        "--disable-component-update --disable-sync --no-first-run --user-data-dir='" +
        profile.path().string() + "' --enable-logging=stderr --v=0 " + arguments);
  };

  SECTION("console messages are caught (a page with errors, under the same policy)") {
    TempDir dir;
    WriteFile(dir.path() / "control.html",
              "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\" "
              "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body><img src=\"http://192.0.2.1/"
              "x.png\" alt=\"x\"><script>console.error('control-error'); missing();</script></body></html>");
    const Shell control = chromium("--dump-dom 'file://" + (dir.path() / "control.html").string() + "'");
    const std::vector<std::string> messages = ConsoleMessages(control.output);
    INFO(control.output);
    CHECK(std::any_of(messages.begin(), messages.end(),
                      [](const std::string& m) { return m.find("control-error") != std::string::npos; }));
    CHECK(std::any_of(messages.begin(), messages.end(),
                      [](const std::string& m) { return m.find("missing is not defined") != std::string::npos; }));
    CHECK(std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
      return m.find("Content Security Policy") != std::string::npos;  // the image was refused
    }));
  }

  SECTION("the DOM names every post and every missing day, and the console is silent") {
    const Shell dom = chromium("--dump-dom 'file://" + page.string() + "'");
    INFO(dom.output.substr(0, 2000));
    REQUIRE(dom.status == 0);
    CHECK(ConsoleMessages(dom.output).empty());
    CHECK(dom.output.find("<h1>digestlint report: daily-papers-blog</h1>") != std::string::npos);
    for (const std::string& post : site.posts) {
      INFO(post);
      CHECK(dom.output.find(post) != std::string::npos);
    }
    for (const std::string& day : site.missing_days) {
      INFO(day);
      CHECK(dom.output.find(day + ": missing") != std::string::npos);
    }
  }

  SECTION("a screenshot is kept as a test artifact") {
    const fs::path screenshot = artifacts / "report.png";
    fs::remove(screenshot);
    const Shell shot =
        chromium("--window-size=1200,1800 --screenshot='" + screenshot.string() + "' 'file://" + page.string() + "'");
    INFO(shot.output);
    CHECK(ConsoleMessages(shot.output).empty());
    REQUIRE(fs::exists(screenshot));
    const std::string png = ReadFile(screenshot);
    CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    CHECK(png.size() > 20000);  // a rendered page, not a blank one
    WARN("screenshot: " << screenshot.string());
  }
}

}  // namespace
}  // namespace digestlint
