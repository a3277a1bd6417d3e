#include "cli.h"

#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "atomic_write.h"
#include "blog/html_report.h"
#include "blog/site.h"
#include "command_line.h"
#include "config.h"
#include "custom_rules.h"
#include "edit_distance.h"
#include "file_walk.h"
#include "fixer.h"
#include "init.h"
#include "json_stream.h"
#include "linter.h"
#include "parallel.h"
#include "projects.h"
#include "reporter.h"
#include "repository_path.h"
#include "rule.h"
#include "selection.h"
#include "server/stdio.h"
#include "settings.h"
#include "terminal_text.h"
#include "unified_diff.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> FormatChoices(std::string_view command) {
  if (command == "rules") return {"human", "json", "markdown"};
  if (command == "config") return {"human", "json"};
  std::vector<std::string> names;
  for (const Format& format : Formats()) names.emplace_back(format.name);
  return names;
}

std::vector<std::string> ColorChoices(std::string_view) { return {"auto", "always", "never"}; }

std::vector<std::string> RuleChoices(std::string_view) {
  std::vector<std::string> words;
  for (const Rule* rule : BuiltinRules()) words.emplace_back(rule->info.code);
  for (const Rule* rule : BuiltinRules()) words.emplace_back(rule->info.name);
  return words;
}

constexpr long long kMaxJobs = 1024;

}  // namespace

// The one table of options: parsing, --help, the man page and the shell
// completions are all made from it (command_line.cc).
const std::vector<OptionSpec>& Options() {
  using K = ValueKind;
  using O = OptionSpec;
  static const std::vector<OptionSpec> options = {
      O::Valued("format", '\0', K::kChoice, "FORMAT", "the output format (default human)").WithChoices(FormatChoices),
      O::Valued("output", 'o', K::kFile, "FILE",
                "write the report to FILE (\"-\": stdout); the terminal still gets\nthe human report and the summary"),
      O::Switch("fix", '\0', "apply the safe fixes and write the files (stdin: the fixed\npost to stdout)"),
      O::Switch("unsafe-fixes", '\0', "also apply (with --fix, --diff) and mark [*] the unsafe fixes"),
      O::Switch("fix-read-only", '\0', "with --fix, also write files without write permission"),
      O::Switch("diff", '\0', "print the fixes as a unified diff (for git apply); write nothing"),
      O::Switch("show-fixes", '\0', "with --fix or --diff, list on stderr what was fixed per file"),
      O::Valued("stdin-filename", '\0', K::kText, "NAME",
                "the name of the post read from \"-\", for messages and\nconfiguration (alone, it reads stdin)"),
      O::Valued("config", '\0', K::kFile, "FILE", "use this configuration file for every post"),
      O::Switch("no-config", '\0', "use no configuration file (and no site: no cross-post rules)"),
      O::Switch("no-cache", '\0', "do not read or write the site index cache"),
      O::Valued("schema", '\0', K::kFile, "FILE", "use this schema (overrides the configuration's)"),
      O::Valued("select", '\0', K::kRuleList, "RULES",
                "lint with only these rules (codes, names, prefixes or ALL;\ncomma-separated, repeatable), replacing "
                "the configuration's"),
      O::Valued("ignore", '\0', K::kRuleList, "RULES", "also switch these rules off (comma-separated, repeatable)"),
      O::Switch(
          "no-force-exclude", '\0',
          "lint files named on the command line even when the\nselection (exclude, the Jekyll site) leaves them out"),
      O::Switch("drafts", '\0', "in a Jekyll site, lint _drafts/ too"),
      O::Switch("stdio", '\0', "server: serve on stdin and stdout (the only transport;\nsome editors pass it)"),
      O::Switch(
          "follow-symlinks", '\0',
          "follow symbolic links out of a folder walked, and let\n--fix write through a named link to outside the "
          "current folder"),
      O::Switch("exit-zero", '\0', "exit 0 even when errors are found (2 still means bad input)"),
      O::Switch("statistics", '\0', "print how many times each rule fired (human or json),\nnot each diagnostic"),
      O::Switch("quiet", 'q', "print diagnostics only, no summary"),
      O::Valued("jobs", 'j', K::kNumber, "N",
                "lint N files at a time (default: the number of cores);\nthe output is the same as with -j 1")
          .Between(1, kMaxJobs),
      O::Valued("color", '\0', K::kChoice, "WHEN",
                "colour the human output; auto (the default) colours a\nterminal, not with NO_COLOR or TERM=dumb, "
                "and anything\nwith FORCE_COLOR or CLICOLOR_FORCE; --color alone is always")
          .WithChoices(ColorChoices)
          .ValueOptional("always"),
      O::Switch("force", '\0', "replace an existing configuration file"),
      O::Switch("help", 'h', "print this help (or the command's) and exit"),
      O::Switch("version", 'V', "print the version and exit"),
  };
  return options;
}

namespace {

int UsageError(std::ostream& err, const std::string& problem) {
  err << "digestlint: error: " << EscapeForTerminal(problem) << "\nTry 'digestlint --help'.\n";
  return kExitInputError;
}

// --config, --no-config, --schema, --select and --ignore, shared by the commands that read configurations.
std::optional<ConfigChoice> ReadConfigChoice(const Invocation& call, std::string* problem) {
  ConfigChoice choice;
  if (call.Has("config")) choice.config = call.Last("config");
  choice.no_config = call.Has("no-config");
  if (choice.config && choice.no_config) {
    *problem = "--config and --no-config cannot be used together";
    return std::nullopt;
  }
  if (call.Has("schema")) choice.overrides.schema = call.Last("schema");
  if (call.Has("select")) choice.overrides.select = call.List("select");
  choice.overrides.ignore = call.List("ignore");
  return choice;
}

// The configuration the rules, explain and config commands read, and its project for `path`.
struct LoadedProject {
  std::unique_ptr<Projects> projects;
  const Project* project = nullptr;  // nullptr: the problem was printed, and `status` says which
  int status = kExitClean;
};

LoadedProject LoadProject(const Invocation& call, Streams streams, const std::string& path) {
  LoadedProject loaded;
  std::string problem;
  const std::optional<ConfigChoice> choice = ReadConfigChoice(call, &problem);
  if (!choice) {
    loaded.status = UsageError(streams.err, problem);
    return loaded;
  }
  loaded.projects = std::make_unique<Projects>(*choice, streams.err);
  loaded.project = loaded.projects->For(path);
  if (!loaded.project) loaded.status = kExitInputError;
  return loaded;
}

// -j N, or the number of cores.
size_t Jobs(const Invocation& call) {
  return call.Has("jobs") ? std::stoul(call.Last("jobs")) : std::max(1u, std::thread::hardware_concurrency());
}

SiteOptions SiteOptionsOf(const Invocation& call) {
  return SiteOptions{call.Has("no-config"), !call.Has("no-cache"), Jobs(call), call.Has("drafts")};
}

// What check does to each post.
struct PostJob {
  bool fix = false;
  bool diff = false;
  bool follow_symlinks = false;  // --fix writes through a named link to outside the current folder
  bool fix_read_only = false;    // --fix writes files without write permission
  std::optional<std::string> stdin_filename;
  FixOptions fix_options;
};

// The name of a post for messages and configuration: --stdin-filename for "-".
std::string PostName(const std::string& path, const PostJob& job) {
  return path == "-" ? job.stdin_filename.value_or("-") : path;
}

// Reads at most `limit` bytes of `in`; sets `more` when input is left beyond them.
std::string ReadAtMost(std::istream& in, size_t limit, bool* more) {
  std::string bytes;
  char buffer[1 << 16];
  *more = false;
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > limit) {
      *more = true;
      break;
    }
  }
  return bytes;
}

void CopyRest(std::istream& in, std::ostream& out) {
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) out.write(buffer, in.gcount());
}

// "DL302 x1, DL401 x2".
std::string RuleCounts(const std::map<std::string, int>& counts) {
  std::string list;
  for (const auto& [code, count] : counts) list += (list.empty() ? "" : ", ") + code + " x" + std::to_string(count);
  return list;
}

std::string FixedSummary(const std::map<std::string, int>& fixed, size_t files) {
  int total = 0;
  for (const auto& [code, count] : fixed) total += count;
  const std::string rules = RuleCounts(fixed);
  return "digestlint: fixed " + std::to_string(total) + (total == 1 ? " problem" : " problems") + " in " +
         std::to_string(files) + (files == 1 ? " file" : " files") + (rules.empty() ? "" : " (" + rules + ")");
}

std::string FixName(FixAvailability fix) {
  return fix == FixAvailability::kSafe ? "safe" : fix == FixAvailability::kUnsafe ? "unsafe" : "";
}

// What working on one post produced: made by a worker, consumed in order.
struct Outcome {
  std::string name;
  bool linted = false;  // false when its configuration could not be loaded
  std::vector<LocatedDiagnostic> diagnostics;
  std::optional<SourceText> source;  // the text the diagnostics refer to, when there are any
  std::string output;                // for stdout: a diff, or the fixed post read from stdin
  bool pass_through_stdin = false;   // stdin was too large: `output` and then the rest of stdin, unchanged
  std::string errors;                // for stderr
  std::map<std::string, int> fixed_per_rule;
  bool fixed = false;
  bool failed = false;
  bool has_diff = false;
  bool stdin_fixed = false;  // `output` is the post read from stdin
  bool fails_on_warnings = false;
};

Outcome ProcessPost(const WalkEntry& entry, const PostJob& job, Projects& projects, const Sites& sites,
                    std::istream& in) {
  Outcome outcome;
  const std::string& path = entry.path;
  if (fault_injection_for_testing) fault_injection_for_testing("post", path);
  outcome.name = PostName(path, job);
  const bool from_stdin = path == "-";
  const Project* project = projects.For(outcome.name);
  const SiteLookup site = projects.SiteFor(outcome.name);
  if (!project || site.failed) {
    outcome.failed = true;
    return outcome;
  }
  outcome.linted = true;
  if (!entry.problem.empty()) {  // a folder the walk could not read, a name too long
    outcome.diagnostics = LintUnreadable(outcome.name, entry.problem);
    return outcome;
  }
  LintSettings settings = project->SettingsFor(outcome.name);
  if (site.site) settings.jekyll = site.site->Document(site.relative);
  settings.blog = sites.For(outcome.name);
  std::optional<std::string> bytes;
  std::string problem;
  FileStamp stamp;  // the version read, checked again before --fix writes
  if (from_stdin) {
    bool more = false;
    bytes = ReadAtMost(in, settings.max_file_size, &more);
    if (more) {  // read no further: stdin may be endless
      outcome.diagnostics =
          LintTooLarge(outcome.name, "standard input has more than max-file-size (" +
                                         std::to_string(settings.max_file_size) + ") bytes; it was read no further");
      if (job.fix) {  // --fix -: the post goes to stdout unchanged, streamed
        outcome.output = std::move(*bytes);
        outcome.pass_through_stdin = outcome.stdin_fixed = true;
      }
      return outcome;
    }
  } else {
    std::error_code size_error;
    const uintmax_t size = fs::file_size(path, size_error);
    if (!size_error && size > settings.max_file_size) {  // not even read
      outcome.diagnostics = LintTooLarge(outcome.name, TooLargeReason(size, settings.max_file_size));
      return outcome;
    }
    bytes = ReadPostFile(path, &problem, &stamp);
  }
  if (!bytes) {
    outcome.diagnostics = LintUnreadable(outcome.name, problem);
    return outcome;
  }
  std::string text;  // what the remaining diagnostics refer to
  if (!job.fix && !job.diff) {
    outcome.diagnostics = LintBytes(outcome.name, *bytes, settings);
    text = std::move(*bytes);
  } else {
    FixResult result = FixBytes(outcome.name, *bytes, settings, job.fix_options);
    outcome.diagnostics = std::move(result.remaining);
    const std::string shown = EscapeForTerminal(outcome.name);
    if (result.refused) {
      outcome.errors = "digestlint: error: " + shown + ": not fixed: " + EscapeForTerminal(*result.refused) + "\n";
      outcome.failed = true;
    } else if (job.diff) {
      RepositoryPaths paths;
      outcome.output = UnifiedDiff(paths.Of(outcome.name).path, result.original, result.fixed, result.changes);
      outcome.has_diff = !outcome.output.empty();
    } else if (from_stdin) {
      outcome.output = result.fixed;
      outcome.stdin_fixed = true;
    } else if (const std::string target = job.follow_symlinks || !entry.named ? "" : LinkTargetOutside(path);
               result.changed() && !target.empty()) {
      outcome.errors = "digestlint: error: " + shown + ": not fixed: it is a symbolic link to " +
                       EscapeForTerminal(target) +
                       ", outside the folder it is in (--follow-symlinks writes through it)\n";
      outcome.failed = true;
    } else if (result.changed()) {
      const ReplaceResult written =
          ReplaceFileIfUnchanged(path, stamp, result.original, result.fixed, ReplaceOptions{job.fix_read_only});
      for (const std::string& note : written.notes) {
        outcome.errors += "digestlint: warning: " + shown + ": " + EscapeForTerminal(note) + "\n";
      }
      if (!written.problem.empty()) {
        outcome.errors += "digestlint: error: " + shown + ": not written: " + EscapeForTerminal(written.problem) + "\n";
        outcome.failed = true;
        return outcome;
      }
    }
    if (result.changed()) {
      outcome.fixed_per_rule = result.fixed_per_rule;
      outcome.fixed = true;
    }
    text = result.refused ? std::move(result.original) : std::move(result.fixed);
  }
  if (!outcome.diagnostics.empty()) outcome.source.emplace(std::move(text));  // for snippets
  outcome.fails_on_warnings = project->FailsOnWarnings() &&
                              std::any_of(outcome.diagnostics.begin(), outcome.diagnostics.end(),
                                          [](const LocatedDiagnostic& d) { return d.severity == Severity::kWarning; });
  return outcome;
}

// The last-resort handler: whatever throws while working on one post (out of
// memory, a bug) becomes its DL005 diagnostic, and the other posts finish.
Outcome ProcessPostGuarded(const WalkEntry& entry, const PostJob& job, Projects& projects, const Sites& sites,
                           std::istream& in) {
  try {
    return ProcessPost(entry, job, projects, sites, in);
  } catch (...) {
    Outcome outcome;
    outcome.name = PostName(entry.path, job);
    outcome.linted = true;
    outcome.diagnostics = LintInternalError(outcome.name, CurrentExceptionText());
    return outcome;
  }
}

// What the formats learn before the first post: how many posts will be
// reported (those whose configuration loads) and every rule in play.
RunInfo DescribeRun(const std::vector<WalkEntry>& posts, const PostJob& job, Projects& projects) {
  RunInfo run;
  std::set<const Project*> seen;
  for (const Rule* rule : BuiltinRules()) run.rules.push_back(&rule->info);
  for (const WalkEntry& post : posts) {
    const std::string name = PostName(post.path, job);
    const Project* project = projects.For(name);
    if (!project || projects.SiteFor(name).failed) continue;  // reported; not linted
    ++run.files;
    if (!seen.insert(project).second) continue;
    for (const auto& rule : project->custom_rules()) {
      if (std::find(run.rules.begin(), run.rules.end(), &rule->info()) == run.rules.end()) {
        run.rules.push_back(&rule->info());
      }
    }
  }
  return run;
}

// -o must never name a post being linted (or fixed): it would be overwritten.
std::string OutputIsAnInput(const std::string& output, const std::vector<WalkEntry>& entries) {
  struct stat target {};
  const bool exists = stat(output.c_str(), &target) == 0;
  const fs::path working_directory = WorkingDirectory();
  const fs::path absolute = (working_directory / output).lexically_normal();
  for (const WalkEntry& entry : entries) {
    const std::string& post = entry.path;
    if (post == "-") continue;
    struct stat info {};
    const bool same_file =
        exists && stat(post.c_str(), &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino;
    if (same_file || (working_directory / post).lexically_normal() == absolute) return post;
  }
  return "";
}

// Options of check that contradict each other; "" when none do.
std::string Contradiction(const Invocation& call, bool reading_stdin) {
  const bool fix = call.Has("fix");
  const bool diff = call.Has("diff");
  if (fix && diff) return "--fix and --diff cannot be used together (--diff writes nothing)";
  for (const char* report_option : {"format", "statistics", "output"}) {
    if (diff && call.Has(report_option)) {
      return std::string("--diff prints a patch, not a report: it cannot be used with --") + report_option;
    }
  }
  const std::string format = call.Has("format") ? call.Last("format") : "human";
  if (call.Has("statistics") && format != "human" && format != "json") {
    return "--statistics prints human or json, not '" + format + "'";
  }
  if (call.Has("show-fixes") && !fix && !diff)
    return "--show-fixes lists what --fix or --diff fixes: use it with one of them";
  if (fix && reading_stdin && call.Has("output") && call.Last("output") == "-") {
    return "-o - cannot be used with --fix -: standard output carries the fixed post";
  }
  return "";
}

int RunCheck(const Invocation& call, Streams streams, const Terminal& terminal) {
  std::ostream& out = streams.out;
  std::ostream& err = streams.err;
  std::string problem;
  const std::optional<ConfigChoice> choice = ReadConfigChoice(call, &problem);
  if (!choice) return UsageError(err, problem);
  PostJob job;
  job.fix = call.Has("fix");
  job.diff = call.Has("diff");
  job.follow_symlinks = call.Has("follow-symlinks");
  job.fix_read_only = call.Has("fix-read-only");
  job.fix_options = FixOptions{call.Has("unsafe-fixes"), 10};
  if (call.Has("stdin-filename")) job.stdin_filename = call.Last("stdin-filename");
  std::vector<std::string> paths = call.operands;
  if (job.stdin_filename) {
    if (paths.empty()) paths.emplace_back("-");
    for (const std::string& path : paths) {
      if (path != "-") {
        return UsageError(
            err, "--stdin-filename names the post read from '-'; it cannot be used with other paths ('" + path + "')");
      }
    }
  }
  if (paths.empty()) paths.emplace_back(".");  // the site in the current folder
  const size_t stdin_count = static_cast<size_t>(std::count(paths.begin(), paths.end(), "-"));
  if (stdin_count > 1) return UsageError(err, "'-' (standard input) can be named only once");
  const bool reading_stdin = stdin_count == 1;
  const std::string format_name = call.Has("format") ? call.Last("format") : "human";
  const bool statistics = call.Has("statistics");
  const std::optional<std::string> output =
      call.Has("output") && call.Last("output") != "-" ? std::optional<std::string>(call.Last("output")) : std::nullopt;
  if (const std::string contradiction = Contradiction(call, reading_stdin); !contradiction.empty()) {
    return UsageError(err, contradiction);
  }

  Projects projects(*choice, err);
  Selection selection(projects, SelectionOptions{call.Has("drafts"), call.Has("no-force-exclude")});
  const WalkResult walk = CollectPosts(paths, selection, job.follow_symlinks);
  for (const std::string& warning : selection.TakeWarnings()) {
    err << "digestlint: warning: " << EscapeForTerminal(warning) << '\n';
  }
  if (!call.Has("quiet")) {
    for (const std::string& note : walk.notes) err << "digestlint: note: " << EscapeForTerminal(note) << '\n';
  }
  const std::vector<WalkEntry>& posts = walk.entries;
  if (output) {
    if (const std::string input = OutputIsAnInput(*output, posts); !input.empty()) {
      err << "digestlint: error: -o " << EscapeForTerminal(*output) << " is one of the posts to lint ("
          << EscapeForTerminal(input) << "); it would be overwritten\n";
      return kExitInputError;
    }
  }

  // Reports stream file by file, in input order, whatever the format.
  std::ostream& terminal_out = job.fix && reading_stdin ? err : out;  // stdout carries the fixed post
  const OutputOptions terminal_options{UseColor(call.Has("color") ? call.Last("color") : "auto", terminal),
                                       job.fix_options.unsafe};
  std::ofstream report_file;
  if (output) {
    report_file.open(*output, std::ios::binary | std::ios::trunc);
    if (!report_file) {
      err << "digestlint: error: cannot write the report to " << EscapeForTerminal(*output) << ": "
          << std::error_code(errno, std::generic_category()).message() << '\n';
      return kExitInputError;
    }
  }
  std::vector<std::unique_ptr<FormatWriter>> writers;
  if (!job.diff) {
    OutputOptions report_options = terminal_options;
    if (output) report_options.color = false;
    std::ostream& report_out = output ? static_cast<std::ostream&>(report_file) : terminal_out;
    writers.push_back(statistics ? MakeStatisticsWriter(format_name, report_out, report_options)
                                 : FindFormat(format_name)->make(report_out, report_options));
    if (output && (statistics || format_name != "human")) {
      writers.push_back(FindFormat("human")->make(terminal_out, terminal_options));  // the readable log
    }
  }
  const RunInfo run = DescribeRun(posts, job, projects);
  for (const auto& writer : writers) writer->Begin(run);

  Totals totals;
  std::map<std::string, int> fixed_per_rule;
  size_t fixed_files = 0;
  bool failed = projects.failed();  // a configuration error, a fix refused, a write that failed
  bool has_diff = false;
  bool fails_on_warnings = false;
  const bool show_fixes = call.Has("show-fixes");
  const size_t jobs = reading_stdin ? 1 : Jobs(call);
  // The sites the posts belong to, indexed once, for the cross-post rules.
  Sites sites(projects, SiteOptionsOf(call));
  sites.Prepare(posts, job.stdin_filename);
  ForEachInOrder<Outcome>(
      posts.size(), jobs, [&](size_t i) { return ProcessPostGuarded(posts[i], job, projects, sites, streams.in); },
      [&](Outcome outcome) {
        err << outcome.errors;
        out << outcome.output;
        if (outcome.pass_through_stdin) CopyRest(streams.in, out);
        if (outcome.stdin_fixed && !out.flush()) {  // RunCli reports it; nothing was fixed
          outcome.failed = true;
          outcome.fixed = false;
        }
        failed = failed || outcome.failed;
        if (!outcome.linted) return;
        ++totals.files;
        has_diff = has_diff || outcome.has_diff;
        fails_on_warnings = fails_on_warnings || outcome.fails_on_warnings;
        if (outcome.fixed) {
          for (const auto& [code, count] : outcome.fixed_per_rule) fixed_per_rule[code] += count;
          ++fixed_files;
          if (show_fixes) {
            err << "digestlint: fixed " << EscapeForTerminal(outcome.name) << ": " << RuleCounts(outcome.fixed_per_rule)
                << '\n';
          }
        }
        AddTotals(totals, CountTotals(outcome.diagnostics, 0));
        const FileReport file{outcome.name, outcome.diagnostics, outcome.source ? &*outcome.source : nullptr};
        for (const auto& writer : writers) writer->File(file);
      });
  for (const auto& writer : writers) writer->End();
  if (output) {
    report_file.close();
    if (!report_file) {
      err << "digestlint: error: cannot write the report to " << EscapeForTerminal(*output) << '\n';
      failed = true;
    }
  }

  if (!call.Has("quiet") && !(failed && totals.files == 0)) {
    if (job.diff) {
      err << (has_diff ? FixedSummary(fixed_per_rule, fixed_files) + ", shown as a diff; nothing was written"
                       : std::string("digestlint: nothing to fix"))
          << '\n';
    } else {
      if (job.fix) err << FixedSummary(fixed_per_rule, fixed_files) << '\n';
      err << SummaryLine(totals, job.fix_options.unsafe) << '\n';
    }
  }
  if (totals.unlintable_files > 0 || failed) return kExitInputError;
  if (job.diff) return has_diff ? kExitProblems : kExitClean;
  if (call.Has("exit-zero")) return kExitClean;
  return totals.errors > 0 || fails_on_warnings ? kExitProblems : kExitClean;
}

// `digestlint rules`: the catalogue, as a table, JSON, or the Markdown reference page.
int RunRules(const Invocation& call, Streams streams, const Terminal&) {
  const LoadedProject loaded = LoadProject(call, streams, ".");
  if (!loaded.project) return loaded.status;
  const std::vector<const RuleInfo*> rules = AllRuleInfos(loaded.project->custom_rules());
  const std::string format = call.Has("format") ? call.Last("format") : "human";
  std::ostream& out = streams.out;
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RuleInfo* rule : rules) {
      list.push_back({{"code", rule->code},
                      {"name", rule->name},
                      {"severity", SeverityName(rule->severity)},
                      {"fix", FixName(rule->fix).empty() ? "none" : FixName(rule->fix)},
                      {"summary", rule->summary}});
    }
    out << DumpJson(list) << '\n';
  } else if (format == "markdown") {
    out << "# digestlint rules\n\n<!-- Generated by ci/generate-rules-reference.sh from the rules' declarations and "
           "documentation. Do not edit. -->\n\n"
        << "| code | name | severity | fix | summary |\n| --- | --- | --- | --- | --- |\n";
    for (const RuleInfo* rule : rules) {
      std::string anchor = std::string(rule->code) + "-" + std::string(rule->name);
      for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out << "| [" << rule->code << "](#" << anchor << ") | `" << rule->name << "` | " << SeverityName(rule->severity)
          << " | " << FixName(rule->fix) << " | " << rule->summary << " |\n";
    }
    for (const RuleInfo* rule : rules) out << '\n' << RuleDocumentation(*rule);
  } else {
    out << "code   name                      severity  fix     summary\n";
    for (const RuleInfo* rule : rules) {
      out << std::left << std::setw(6) << rule->code << ' ' << std::setw(26) << rule->name << std::setw(10)
          << SeverityName(rule->severity) << std::setw(8) << FixName(rule->fix) << EscapeForTerminal(rule->summary)
          << '\n';
    }
  }
  return kExitClean;
}

// `digestlint explain CODE|NAME`: the rule's documentation.
int RunExplain(const Invocation& call, Streams streams, const Terminal&) {
  const LoadedProject loaded = LoadProject(call, streams, ".");
  if (!loaded.project) return loaded.status;
  const std::string& wanted = call.operands.front();
  std::vector<std::string> known;
  for (const RuleInfo* rule : AllRuleInfos(loaded.project->custom_rules())) {
    if (rule->code == wanted || rule->name == wanted || IsAlias(*rule, wanted)) {
      // In the blog's own terms: what each of its schemas says about the rule's subject.
      std::string doc = RuleDocumentation(*rule);
      for (const auto& [name, schema] : loaded.project->NamedSchemas()) {
        const std::string described = RuleDocumentationFor(*rule, schema->format(), name);
        if (described.size() > doc.size()) doc += described.substr(RuleDocumentation(*rule).size());
      }
      streams.out << doc;
      return kExitClean;
    }
    known.emplace_back(rule->code);
    known.emplace_back(rule->name);
  }
  const std::string suggestion = ClosestMatch(wanted, known);
  streams.err << "digestlint: error: unknown rule '" << EscapeForTerminal(wanted) << "'"
              << (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") << '\n';
  return kExitInputError;
}

// `digestlint config [PATH]`: the effective configuration and where each value came from.
int RunConfig(const Invocation& call, Streams streams, const Terminal&) {
  const std::string path = call.operands.empty() ? "." : call.operands.front();
  const std::string probe = fs::is_directory(path) ? (fs::path(path) / "post.md").string() : path;
  const LoadedProject loaded = LoadProject(call, streams, probe);
  if (!loaded.project) return loaded.status;
  const Config& config = loaded.project->config();
  using Json = nlohmann::ordered_json;
  std::map<std::string, Json> values;
  values["schema"] = config.schema ? Json(*config.schema) : Json(nullptr);
  values["include"] = config.include;
  values["exclude"] = config.exclude;
  values["select"] = config.select;
  values["extend-select"] = config.extend_select;
  values["ignore"] = config.ignore;
  values["severity"] = config.severity;
  Json per_file = Json::object();
  for (const auto& [glob, rules] : config.per_file_ignores) per_file[glob] = rules;
  values["per-file-ignores"] = per_file;
  values["fail-on"] = config.fail_on;
  Json schemas = Json::array();
  for (const Config::SchemaForFiles& entry : config.schemas) {
    schemas.push_back({{"files", entry.files}, {"schema", entry.schema}});
  }
  values["schemas"] = schemas;
  values["custom-rules"] = config.custom_rules;
  const SeriesConfig& series = config.series;
  Json series_value = {{"cadence", CadenceName(series.cadence)}};
  if (series.since) series_value["since"] = *series.since;
  if (series.paper_window) series_value["paper-window"] = *series.paper_window;
  series_value["common-tag-posts"] = series.common_tag_posts;
  values["series"] = series_value;
  values["cache-dir"] = config.cache_dir.empty() ? Json(nullptr) : Json(config.cache_dir);
  const auto origin = [&](const std::string& key) {
    const auto found = config.origin.find(key);
    return found == config.origin.end() ? std::string("default") : found->second;
  };
  if (call.Last("format") == "json") {
    Json document = {{"file", config.file.empty() ? Json(nullptr) : Json(config.file)}, {"values", Json::object()}};
    for (const auto& [key, value] : values) document["values"][key] = {{"value", value}, {"origin", origin(key)}};
    streams.out << DumpJson(document) << '\n';
    return kExitClean;
  }
  const auto shown = [](const std::string& key, const Json& value) -> std::string {
    if (value.is_null()) {
      return key == "schema" ? "(built-in daily-papers)" : "(.digestlint-cache beside the configuration)";
    }
    if (value.is_string() && (key == "fail-on" || key == "schema" || key == "cache-dir")) {
      return value.get<std::string>();
    }
    if (key == "series") {  // {cadence: weekdays, since: 2025-10-01, ...}: its values are plain words and numbers
      std::string text;
      for (const auto& [name, item] : value.items()) {
        text += (text.empty() ? "{" : ", ") + name + ": " + (item.is_string() ? item.get<std::string>() : item.dump());
      }
      return text + "}";
    }
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    // One line, with a space after each separator, as the configuration file would be written.
    std::string spaced;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"' && (i == 0 || text[i - 1] != '\\')) in_string = !in_string;
      spaced += c;
      if (!in_string && (c == ',' || c == ':')) spaced += ' ';
    }
    return spaced;
  };
  streams.out << "# configuration for " << EscapeForTerminal(probe) << ": "
              << (config.file.empty() ? "none found, defaults" : EscapeForTerminal(config.file)) << '\n';
  for (const auto& [key, value] : values) {
    streams.out << key << ": " << EscapeForTerminal(shown(key, value)) << "  # " << EscapeForTerminal(origin(key))
                << '\n';
  }
  return kExitClean;
}

// `digestlint report [PATH] [-o FILE]`: the site's HTML report.
int RunReport(const Invocation& call, Streams streams, const Terminal&) {
  std::string problem;
  const std::optional<ConfigChoice> choice = ReadConfigChoice(call, &problem);
  if (!choice) return UsageError(streams.err, problem);
  Projects projects(*choice, streams.err);
  const std::optional<std::string> output =
      call.Has("output") && call.Last("output") != "-" ? std::optional<std::string>(call.Last("output")) : std::nullopt;
  return WriteSiteReport(call.operands.empty() ? "." : call.operands.front(), output, projects, SiteOptionsOf(call),
                         streams);
}

// `digestlint completions SHELL`.
int RunCompletions(const Invocation& call, Streams streams, const Terminal&) {
  streams.out << CompletionScript(call.operands.front());
  return kExitClean;
}

// Diagnostics as you type, quick fixes, fix-all and hover (README, "Editor integration").
int RunServer(const Invocation& call, Streams, const Terminal&) {
  server::ServerOptions options;
  options.drafts = call.Has("drafts");
  return server::RunServer(STDIN_FILENO, STDOUT_FILENO, options);
}

}  // namespace

// Every command; the first is the default (bare paths). Adding a command is
// one entry here.
const std::vector<CommandSpec>& Commands() {
  using K = ValueKind;
  static const std::vector<CommandSpec> commands = {
      {"check",
       "[PATH...]",
       "lint posts (the default command)",
       {"format",       "output",          "fix",
        "unsafe-fixes", "fix-read-only",   "diff",
        "show-fixes",   "stdin-filename",  "config",
        "no-config",    "no-cache",        "schema",
        "select",       "ignore",          "no-force-exclude",
        "drafts",       "follow-symlinks", "exit-zero",
        "statistics",   "quiet",           "jobs",
        "color"},
       K::kFile,
       0,
       SIZE_MAX,
       nullptr,
       RunCheck},
      {"rules", "", "list the rules", {"format", "config", "no-config"}, K::kNone, 0, 0, nullptr, RunRules},
      {"explain",
       "CODE|NAME",
       "print a rule's documentation",
       {"config", "no-config"},
       K::kText,
       1,
       1,
       RuleChoices,
       RunExplain},
      {"config",
       "[PATH]",
       "print the configuration for PATH and where each value comes from",
       {"format", "config", "no-config", "schema", "select", "ignore"},
       K::kFile,
       0,
       1,
       nullptr,
       RunConfig},
      {"report",
       "[PATH]",
       "write the HTML report of the site that holds PATH (a folder of the site)",
       {"output", "config", "no-config", "no-cache", "schema", "select", "ignore", "drafts", "jobs"},
       K::kFile,
       0,
       1,
       nullptr,
       RunReport},
      {"server",
       "",
       "run the language server (LSP 3.17) on stdin and stdout, for editors",
       {"drafts", "stdio"},
       K::kNone,
       0,
       0,
       nullptr,
       RunServer},
      {"init",
       "[FOLDER]",
       "write a commented .digestlint.yaml for the site in FOLDER",
       {"force"},
       K::kFile,
       0,
       1,
       nullptr,
       RunInit},
      {"completions",
       "bash|zsh|fish",
       "print a shell completion script",
       {},
       K::kChoice,
       1,
       1,
       CompletionShells,
       RunCompletions},
  };
  return commands;
}

bool UseColor(std::string_view when, const Terminal& terminal) {
  if (when == "always") return true;
  if (when == "never") return false;
  if (terminal.force_color_env) return true;
  if (terminal.no_color_env || terminal.dumb_terminal) return false;
  return terminal.stdout_is_tty;
}

namespace {

int Dispatch(const std::vector<std::string>& args, Streams streams, const Terminal& terminal) {
  std::variant<Invocation, std::string> parsed = ParseCommandLine(args);
  if (const std::string* problem = std::get_if<std::string>(&parsed)) return UsageError(streams.err, *problem);
  const Invocation& call = std::get<Invocation>(parsed);
  for (const std::string& warning : call.warnings) {
    streams.err << "digestlint: warning: " << EscapeForTerminal(warning) << '\n';
  }
  if (call.Has("help")) {
    streams.out << (call.command_named ? CommandHelpText(*call.command) : HelpText());
    return kExitClean;
  }
  if (call.Has("version")) {
    streams.out << "digestlint " << DIGESTLINT_VERSION << '\n';
    return kExitClean;
  }
  return call.command->run(call, streams, terminal);
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Streams streams, const Terminal& terminal) {
  const int status = Dispatch(args, streams, terminal);
  // Every write must have arrived (a full disk, a closed pipe): else status 2.
  if (!streams.out.flush()) {
    streams.err << "digestlint: error: cannot write to standard output\n";
    return kExitInputError;
  }
  return status;
}

}  // namespace digestlint
