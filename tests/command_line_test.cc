// The command line: GNU forms, every refused contradiction with its message,
// options a command does not take, colour, and one table behind --help, the
// man page and the shell completions.
#include <regex>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "command_line.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string Example() { return (SourceDir() / "examples/2025-10-28-daily-papers.md").string(); }

// Runs digestlint in `folder`, for relative paths.
testing::CliRun RunIn(const fs::path& folder, const std::vector<std::string>& args,
                      const std::string& stdin_text = "") {
  const fs::path previous = fs::current_path();
  fs::current_path(folder);
  const auto run = RunDigestlint(args, {}, stdin_text);
  fs::current_path(previous);
  return run;
}

std::string UsageError(const std::string& message) {
  return "digestlint: error: " + message + "\nTry 'digestlint --help'.\n";
}

TEST_CASE("GNU forms: attached values, --name=value, bundles, -- and -", "[cli][options]") {
  TempDir dir;
  const std::string post = ReadFile(Example());
  WriteFile(dir.path() / "-x.md", post);
  const auto reference = RunDigestlint({"--no-config", "--format", "json", Example()});
  REQUIRE(reference.status == 1);

  CHECK(RunDigestlint({"--no-config", "--format=json", "-j4", Example()}).out == reference.out);
  CHECK(RunDigestlint({"--no-config", "--format=json", "-j", "4", Example()}).out == reference.out);
  CHECK(RunDigestlint({"--no-config", "--format=json", "--jobs=4", Example()}).out == reference.out);

  const fs::path report = dir.path() / "report.json";
  const auto attached = RunDigestlint({"--no-config", "--format=json", "-o" + report.string(), Example()});
  CHECK(attached.status == 1);
  CHECK(ReadFile(report) == reference.out);

  // -q and -j1 bundled: no summary.
  const auto bundled = RunDigestlint({"--no-config", "-qj1", Example()});
  CHECK(bundled.status == 1);
  CHECK(bundled.err.empty());

  // After --, a name that starts with '-' is a path.
  const auto dashed = RunIn(dir.path(), {"--no-config", "--format=concise", "--", "-x.md"});
  CHECK(dashed.status == 1);
  CHECK(dashed.out.rfind("-x.md:3:8: DL106 ", 0) == 0);
  CHECK(RunIn(dir.path(), {"--no-config", "-x.md"}).err == UsageError("unknown option '-x.md'"));

  // "-" is stdin; --stdin-filename alone reads it too; -o - is stdout.
  const auto from_stdin = RunDigestlint({"--no-config", "--format=concise", "-"}, {}, post);
  CHECK(from_stdin.out.rfind("-:3:8: DL106 ", 0) == 0);
  const auto named =
      RunDigestlint({"--no-config", "--format=concise", "--stdin-filename", "2025-10-28-x.md"}, {}, post);
  CHECK(named.out.rfind("2025-10-28-x.md:3:8: DL106 ", 0) == 0);
  const auto to_stdout = RunDigestlint({"--no-config", "--format=json", "-o", "-", Example()});
  CHECK(to_stdout.out == reference.out);  // the report, without the human log
  CHECK_FALSE(fs::exists("-"));

  // check is the explicit form of linting.
  CHECK(RunDigestlint({"check", "--no-config", "--format=json", Example()}).out == reference.out);
}

TEST_CASE("every contradiction is exit 2 with a message", "[cli][options]") {
  const std::string post = Example();
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--stdin-filename", "x.md", post},
       "--stdin-filename names the post read from '-'; it cannot be used with other paths ('" + post + "')"},
      {{"--select", "", post},
       "--select needs at least one rule (comma-separated codes, names, prefixes or ALL), not ''"},
      {{"--select=,", post},
       "--select needs at least one rule (comma-separated codes, names, prefixes or ALL), not ','"},
      {{"--ignore=", post}, "--ignore needs at least one rule (comma-separated codes, names, prefixes or ALL), not ''"},
      {{"-", "-"}, "'-' (standard input) can be named only once"},
      {{"--fix", "--diff", post}, "--fix and --diff cannot be used together (--diff writes nothing)"},
      {{"--diff", "--format=json", post}, "--diff prints a patch, not a report: it cannot be used with --format"},
      {{"--diff", "--statistics", post}, "--diff prints a patch, not a report: it cannot be used with --statistics"},
      {{"--diff", "-o", "x.json", post}, "--diff prints a patch, not a report: it cannot be used with --output"},
      {{"--statistics", "--format=sarif", post}, "--statistics prints human or json, not 'sarif'"},
      {{"--show-fixes", post}, "--show-fixes lists what --fix or --diff fixes: use it with one of them"},
      {{"--fix", "-o", "-", "-"}, "-o - cannot be used with --fix -: standard output carries the fixed post"},
      {{"--config", "x.yaml", "--no-config", post}, "--config and --no-config cannot be used together"},
      {{"-j", "0", post}, "-j takes a whole number from 1 to 1024, not '0'"},
      {{"-j", "99999999999999999999999", post},
       "-j takes a whole number from 1 to 1024, not '99999999999999999999999'"},
      {{"--jobs=4x", post}, "--jobs takes a whole number from 1 to 1024, not '4x'"},
      {{"-j", "-3", post}, "-j takes a whole number from 1 to 1024, not '-3'"},
      {{"--color=sometimes", post}, "--color takes auto, always or never, not 'sometimes'"},
      {{"--format", "xml", post},
       "--format takes human, concise, json, sarif, github, junit, gitlab or rdjson, not 'xml'"},
      {{"--format"}, "--format needs a value"},
      {{"--fix=yes", post}, "--fix takes no value"},
      {{"--frobnicate", post}, "unknown option '--frobnicate'"},
      {{"--formt=json", post}, "unknown option '--formt=json' (did you mean '--format'?)"},
      // Options a command does not take are errors, not ignored.
      {{"rules", "--format", "sarif"}, "--format takes human, json or markdown with 'rules', not 'sarif'"},
      {{"rules", "--fix"}, "'digestlint rules' does not take --fix"},
      {{"explain", "--statistics", "DL101"}, "'digestlint explain' does not take --statistics"},
      {{"config", "--format=sarif"}, "--format takes human or json with 'config', not 'sarif'"},
      {{"init", "-j2"}, "'digestlint init' does not take -j"},
      {{"completions", "--force", "bash"}, "'digestlint completions' does not take --force"},
      {{"rules", "extra"}, "'digestlint rules' takes no operand, not 'extra'"},
      {{"explain"}, "expected 'digestlint explain CODE|NAME' (0 operands given)"},
      {{"explain", "DL101", "DL102"}, "expected 'digestlint explain CODE|NAME' (2 operands given)"},
      {{"completions", "tcsh"}, "'digestlint completions' takes bash, zsh or fish, not 'tcsh'"},
  };
  for (const Case& c : cases) {
    std::string name;
    for (const std::string& arg : c.args) name += arg + " ";
    DYNAMIC_SECTION("digestlint " << name) {
      const auto run = RunDigestlint(c.args);
      CHECK(run.status == 2);
      CHECK(run.err == UsageError(c.message));
      CHECK(run.out.empty());
    }
  }
}

TEST_CASE("option -o refuses to name one of the posts", "[cli][options]") {
  TempDir dir;
  const std::string post = ReadFile(Example());
  WriteFile(dir.path() / "a.md", post);
  const std::string a = (dir.path() / "a.md").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--format=json", "-o", a, a},
        {"--format=json", "-o", a, dir.path().string()},
        {"--format=json", "--output=" + (dir.path() / "." / "a.md").string(), a}}) {
    const auto run = RunDigestlint(args);
    CHECK(run.status == 2);
    CHECK(Contains(run.err, "digestlint: error: -o "));
    CHECK(Contains(run.err, " is one of the posts to lint (" + a + "); it would be overwritten\n"));
    CHECK(ReadFile(dir.path() / "a.md") == post);
  }
}

TEST_CASE("a bare word that is both a command and a folder runs the command and warns", "[cli][options]") {
  TempDir dir;
  fs::create_directories(dir.path() / "rules");
  WriteFile(dir.path() / "rules" / "2025-10-28-daily-papers.md", ReadFile(Example()));
  const auto command = RunIn(dir.path(), {"rules", "--no-config"});
  CHECK(command.status == 0);
  CHECK(command.out.rfind("code   name", 0) == 0);
  CHECK(
      command.err ==
      "digestlint: warning: 'rules' is a command here; to lint the path of that name, use 'digestlint check rules' or "
      "'./rules'\n");
  const auto lint = RunIn(dir.path(), {"check", "--no-config", "rules"});
  CHECK(lint.status == 1);
  CHECK(Contains(lint.out, "rules/2025-10-28-daily-papers.md:3:8: error[DL106"));
  CHECK(RunIn(dir.path(), {"--no-config", "./rules"}).status == 1);
}

TEST_CASE("colour: --color, NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE, TERM=dumb", "[cli][options][color]") {
  Terminal tty;
  tty.stdout_is_tty = true;
  Terminal pipe;
  CHECK(UseColor("auto", tty));
  CHECK_FALSE(UseColor("auto", pipe));
  CHECK(UseColor("always", pipe));
  CHECK_FALSE(UseColor("never", tty));
  Terminal no_color = tty;
  no_color.no_color_env = true;
  CHECK_FALSE(UseColor("auto", no_color));
  CHECK(UseColor("always", no_color));
  Terminal dumb = tty;
  dumb.dumb_terminal = true;
  CHECK_FALSE(UseColor("auto", dumb));
  Terminal forced = pipe;
  forced.force_color_env = true;
  CHECK(UseColor("auto", forced));
  forced.no_color_env = true;  // forcing wins over NO_COLOR
  CHECK(UseColor("auto", forced));
  CHECK_FALSE(UseColor("never", forced));

  // End to end, and --color alone means always (it never takes the next word as its value).
  const std::string post = Example();
  CHECK(Contains(RunDigestlint({"--no-config", "--color", post}).out, "\033[1;31merror"));
  CHECK(Contains(RunDigestlint({"--no-config", post}, forced).out, "\033["));
  CHECK_FALSE(Contains(RunDigestlint({"--no-config", post}, dumb).out, "\033["));
  CHECK_FALSE(Contains(RunDigestlint({"--no-config", "--color=never", post}, forced).out, "\033["));
}

TEST_CASE("option --show-fixes lists what was fixed in each file", "[cli][options][fix]") {
  TempDir dir;
  WriteFile(dir.path() / "a.md", ReadFile(Example()));
  const std::string a = (dir.path() / "a.md").string();
  const auto diff = RunDigestlint({"--no-config", "--diff", "--show-fixes", a});
  CHECK(diff.status == 1);
  CHECK(Contains(diff.err, "digestlint: fixed " + a + ": DL302 x1, DL401 x1\n"));
  const auto fix = RunDigestlint({"--no-config", "--fix", "--show-fixes", "--unsafe-fixes", a});
  CHECK(Contains(fix.err, "digestlint: fixed " + a + ": DL106 x1, DL202 x1, DL302 x1, DL307 x1, DL401 x1\n"));
}

TEST_CASE("statistics and config follow --format json", "[cli][options]") {
  const auto stats = RunDigestlint({"--no-config", "--statistics", "--format=json", Example()});
  CHECK(stats.status == 1);
  const auto counts = nlohmann::json::parse(stats.out);
  REQUIRE(counts.size() == 5);
  const nlohmann::json first = {
      {"code", "DL106"}, {"name", "date-mismatch"}, {"count", 1}, {"severity", "error"}, {"fixable", false}};
  CHECK(counts[0] == first);
  CHECK(counts[1]["code"] == "DL202");
  CHECK(counts[1]["fixable"] == false);  // its fix is unsafe: only with --unsafe-fixes
  CHECK(counts[2]["fixable"] == true);
  const auto human = RunDigestlint({"--no-config", "--statistics", Example()});
  CHECK(Contains(human.out, "    1  DL302  link-malformed            error   [*]\n"));

  const auto config = RunDigestlint({"config", "--no-config", "--format=json", "--select", "DL1,DL2"});
  CHECK(config.status == 0);
  const auto values = nlohmann::json::parse(config.out);
  CHECK(values["file"].is_null());
  const nlohmann::json select = {{"value", {"DL1", "DL2"}}, {"origin", "command line"}};
  CHECK(values["values"]["select"] == select);
  const nlohmann::json fail_on = {{"value", "error"}, {"origin", "default"}};
  CHECK(values["values"]["fail-on"] == fail_on);
}

// Option spellings in --help (and the man page made from it): "  -o, --output FILE" and "      --fix".
std::set<std::string> OptionsInHelp(const std::string& help) {
  static const std::regex kLine(R"(^  (?:(-[A-Za-z]), |    )(--[a-z][a-z-]*))");
  std::set<std::string> found;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (!std::regex_search(line, match, kLine)) continue;
    if (match[1].matched) found.insert(match[1]);
    found.insert(match[2]);
  }
  return found;
}

std::set<std::string> TableOptions() {
  std::set<std::string> options;
  for (const OptionSpec& option : Options()) {
    options.insert("--" + std::string(option.long_name));
    if (option.short_name) options.insert(std::string("-") + option.short_name);
  }
  return options;
}

std::set<std::string> Matches(const std::string& text, const std::regex& pattern) {
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    for (size_t group = 1; group < it->size(); ++group) {
      if ((*it)[group].matched) found.insert((*it)[group]);
    }
  }
  return found;
}

TEST_CASE("the help, the man page and the completions list exactly the table's options", "[cli][options]") {
  const std::set<std::string> table = TableOptions();
  REQUIRE(table.count("--format") == 1);
  CHECK(OptionsInHelp(RunDigestlint({"--help"}).out) == table);

  std::string man = ReadFile(fs::path(DIGESTLINT_BUILD_DIR) / "digestlint.1");
  REQUIRE_FALSE(man.empty());
  man = std::regex_replace(man, std::regex(R"(\\-)"), "-");
  CHECK(OptionsInHelp(man) == table);

  // bash: the word lists offered after "-"; zsh: the _arguments specs; fish: -s and -l.
  std::set<std::string> bash;
  for (const std::string& list :
       Matches(CompletionScript("bash"), std::regex(R"(:-\*\) COMPREPLY=\(\$\(compgen -W '([^']*)')"))) {
    for (const std::string& word : Matches(list, std::regex(R"((--?[A-Za-z][a-z-]*))"))) bash.insert(word);
  }
  CHECK(bash == table);
  const std::string zsh_script = CompletionScript("zsh");
  std::set<std::string> zsh = Matches(zsh_script, std::regex(R"(\{(-[A-Za-z])\+?,(--[a-z-]+)=?-?\})"));
  for (const std::string& option : Matches(zsh_script, std::regex(R"(\n +'(--[a-z][a-z-]*))"))) zsh.insert(option);
  CHECK(zsh == table);
  std::set<std::string> fish;
  const std::string fish_script = CompletionScript("fish");
  for (const std::string& name : Matches(fish_script, std::regex(R"(\ncomplete -c digestlint[^\n]* -l ([a-z-]+))"))) {
    fish.insert("--" + name);
  }
  for (const std::string& name : Matches(fish_script, std::regex(R"(\ncomplete -c digestlint[^\n]* -s ([A-Za-z]))"))) {
    fish.insert("-" + name);
  }
  CHECK(fish == table);

  // Every command's options exist, and each command's help lists exactly its own.
  for (const CommandSpec& command : Commands()) {
    std::set<std::string> own = {"-h", "--help", "-V", "--version"};
    for (std::string_view name : command.options) {
      const OptionSpec* option = FindOption(name);
      REQUIRE(option != nullptr);
      own.insert("--" + std::string(name));
      if (option->short_name) own.insert(std::string("-") + option->short_name);
    }
    CHECK(OptionsInHelp(CommandHelpText(command)) == own);
  }
  CHECK(RunDigestlint({"completions", "fish"}).out == CompletionScript("fish"));
}

TEST_CASE("the bash completion completes commands, options and their values", "[cli][options][slow]") {
  TempDir dir;
  const fs::path script = dir.path() / "digestlint.bash";
  WriteFile(script, CompletionScript("bash"));
  const auto complete = [&](const std::string& words) {
    const fs::path out = dir.path() / "out";
    const std::string command =
        "bash -c 'source " + script.string() + " && COMP_WORDS=(" + words +
        ") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && _digestlint && echo \"${COMPREPLY[*]}\"' > " + out.string() +
        " 2>&1";
    CHECK(std::system(command.c_str()) == 0);
    return ReadFile(out);
  };
  CHECK(complete("digestlint --for") == "--format\n");
  CHECK(complete("digestlint --format s") == "sarif\n");
  CHECK(complete("digestlint rules --format m") == "markdown\n");
  CHECK(complete("digestlint --color=n") == "--color=never\n");
  CHECK(complete("digestlint compl") == "completions\n");
  CHECK(complete("digestlint completions z") == "zsh\n");
  CHECK(complete("digestlint explain DL30") == "DL301 DL302 DL303 DL304 DL307 DL308\n");
  CHECK(complete("digestlint init --f") == "--force\n");
}

TEST_CASE("the zsh and fish completions parse, and fish completes from them", "[cli][options][slow]") {
  TempDir dir;
  WriteFile(dir.path() / "_digestlint", CompletionScript("zsh"));
  WriteFile(dir.path() / "digestlint.fish", CompletionScript("fish"));
  const auto shell = [&](const std::string& command) {
    const fs::path out = dir.path() / "out";
    const int status = std::system((command + " > " + out.string() + " 2>&1").c_str());
    return std::make_pair(status, ReadFile(out));
  };
  CHECK(shell("zsh -n " + (dir.path() / "_digestlint").string()) == std::make_pair(0, std::string()));
  CHECK(shell("fish -n " + (dir.path() / "digestlint.fish").string()) == std::make_pair(0, std::string()));
  const auto fish = [&](const std::string& line) {
    return shell("fish -c 'source " + (dir.path() / "digestlint.fish").string() + "; complete -C \"" + line + "\"'")
        .second;
  };
  CHECK(fish("digestlint --for") == "--format\tthe output format (default human)\n");
  CHECK(fish("digestlint rules --format ") ==
        "human\tthe output format (default human)\njson\tthe output format (default human)\n"
        "markdown\tthe output format (default human)\n");
  CHECK(fish("digestlint completions ") == "bash\nfish\nzsh\n");
  CHECK(fish("digestlint init --") ==
        "--force\treplace an existing configuration file\n--help\tprint this help (or the command's) and exit\n"
        "--version\tprint the version and exit\n");
}

}  // namespace
}  // namespace digestlint
