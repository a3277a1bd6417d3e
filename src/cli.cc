#include "cli.h"

#include <fstream>
#include <iomanip>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "atomic_write.h"
#include "blog/html_report.h"
#include "blog/site.h"
#include "config.h"
#include "custom_rules.h"
#include "edit_distance.h"
#include "file_walk.h"
#include "fixer.h"
#include "linter.h"
#include "parallel.h"
#include "projects.h"
#include "reporter.h"
#include "rule.h"
#include "selection.h"
#include "settings.h"
#include "unified_diff.h"

namespace digestlint {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp = R"(digestlint - lint Jekyll digest posts of research papers

Usage: digestlint [OPTIONS] [PATH...]
       digestlint rules [--format human|json|markdown]
       digestlint explain CODE|NAME
       digestlint config [PATH]
       digestlint report [PATH] [-o report.html]

PATH is a post, or a folder searched recursively for the configuration's
include globs (default *.md and *.markdown), skipping hidden entries and
what .gitignore ignores; without PATH, the current folder. In a Jekyll site
(a _config.yml), only posts and collection documents are linted, and named
files are selected the same way. "-" reads one post from stdin.

Options:
  --format FORMAT        output format: human (default), concise, json, sarif,
                         github or junit
  -o, --output FILE      write the report to FILE; the terminal still gets the
                         human report (for other formats) and the summary
  --fix                  apply safe fixes and write the files (stdin: fixed post to stdout)
  --unsafe-fixes         with --fix or --diff, also apply fixes that may change meaning
  --fix-read-only        with --fix, also write files without write permission
  --diff                 print the fixes as a unified diff and write nothing
  --stdin-filename NAME  the name of the post read from "-", for messages and configuration
  --config FILE          use this configuration file for every post
  --no-config            use no configuration file (and no site: no cross-post rules)
  --no-cache             do not read or write the site index cache
  --schema FILE          use this schema (overrides the configuration's)
  --select RULES         lint with only these rules (codes, names, prefixes or ALL;
                         comma-separated), replacing the configuration's select
  --ignore RULES         also switch these rules off
  --no-force-exclude     lint files named on the command line even when the
                         selection (exclude, the Jekyll site) leaves them out
  --drafts               in a Jekyll site, lint _drafts/ too
  --follow-symlinks      follow symbolic links out of a folder walked, and let
                         --fix write through a named link to outside the
                         current folder
  --exit-zero            exit 0 even when errors are found (2 still means bad input)
  --statistics           print how many times each rule fired, not each diagnostic
  -q, --quiet            print diagnostics only, no summary
  -j, --jobs N           lint N files at a time (default: the number of cores);
                         the output is the same as with -j 1
  --color WHEN           colour the human output: auto (default), always or never;
                         auto means only on a terminal and only when NO_COLOR is unset
  -h, --help             print this help and exit
  -V, --version          print the version and exit

Exit status: 0 no errors (warnings allowed unless fail-on is warning),
1 errors found (with --diff: something to fix), 2 usage, configuration,
schema or I/O error, or a file that could not be linted or fixed.
Documentation: README.md in the digestlint repository.
)";

struct Options {
  std::string command;  // "", "rules", "explain", "config" or "report"
  std::string format = "human";
  std::string color = "auto";
  std::vector<std::string> paths;  // or the subcommand's arguments
  bool fix = false;
  bool unsafe_fixes = false;
  bool fix_read_only = false;
  bool diff = false;
  bool no_config = false;
  bool no_cache = false;
  bool no_force_exclude = false;
  bool drafts = false;
  bool follow_symlinks = false;
  bool exit_zero = false;
  bool statistics = false;
  bool quiet = false;
  bool help = false;
  bool version = false;
  std::optional<std::string> stdin_filename;
  std::optional<std::string> output;
  std::optional<std::string> config;
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  CliOverrides overrides;
};

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

// Returns an error message, or "" when `args` parsed.
std::string ParseArgs(const std::vector<std::string>& args, Options& options) {
  bool only_paths = false;
  size_t first = 0;
  if (!args.empty() && (args[0] == "rules" || args[0] == "explain" || args[0] == "config" || args[0] == "report")) {
    options.command = args[0];
    first = 1;
  }
  const std::map<std::string, bool*> switches = {{"--fix", &options.fix},
                                                 {"--unsafe-fixes", &options.unsafe_fixes},
                                                 {"--fix-read-only", &options.fix_read_only},
                                                 {"--diff", &options.diff},
                                                 {"--no-config", &options.no_config},
                                                 {"--no-cache", &options.no_cache},
                                                 {"--exit-zero", &options.exit_zero},
                                                 {"--statistics", &options.statistics},
                                                 {"-q", &options.quiet},
                                                 {"--quiet", &options.quiet},
                                                 {"--no-force-exclude", &options.no_force_exclude},
                                                 {"--drafts", &options.drafts},
                                                 {"--follow-symlinks", &options.follow_symlinks},
                                                 {"-h", &options.help},
                                                 {"--help", &options.help},
                                                 {"-V", &options.version},
                                                 {"--version", &options.version}};
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
      options.paths.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::optional<std::string> value;
    if (const size_t equals = arg.find('='); arg.rfind("--", 0) == 0 && equals != std::string::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
    }
    if (name == "--") {
      only_paths = true;
      continue;
    }
    if (const auto flag = switches.find(name); flag != switches.end()) {
      if (value) return name + " takes no value";
      *flag->second = true;
      continue;
    }
    static const std::vector<std::string> kValued = {"--format", "--color",  "--schema", "--stdin-filename",
                                                     "-o",       "--output", "--config", "--select",
                                                     "--ignore", "-j",       "--jobs"};
    if (std::find(kValued.begin(), kValued.end(), name) == kValued.end()) {
      std::vector<std::string> known = kValued;
      for (const auto& [flag, unused] : switches) known.push_back(flag);
      const std::string suggestion = ClosestMatch(name, known);
      return "unknown option '" + arg + "'" + (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)");
    }
    if (!value && i + 1 < args.size()) value = args[++i];
    if (!value) return name + " needs a value";
    if (name == "--format") options.format = *value;
    if (name == "--color") options.color = *value;
    if (name == "--schema") options.overrides.schema = *value;
    if (name == "--stdin-filename") options.stdin_filename = *value;
    if (name == "-o" || name == "--output") options.output = *value;
    if (name == "--config") options.config = *value;
    if (name == "-j" || name == "--jobs") {
      if (value->empty() || value->find_first_not_of("0123456789") != std::string::npos || std::stoul(*value) == 0) {
        return name + " takes a number of threads (1 or more), not '" + *value + "'";
      }
      options.jobs = std::stoul(*value);
    }
    if (name == "--select") options.overrides.select = SplitList(*value);
    if (name == "--ignore") {
      const std::vector<std::string> more = SplitList(*value);
      options.overrides.ignore.insert(options.overrides.ignore.end(), more.begin(), more.end());
    }
  }
  const bool rules_format = options.command == "rules" &&
                            (options.format == "human" || options.format == "json" || options.format == "markdown");
  if (!rules_format && !FindFormat(options.format)) {
    return "unknown format '" + options.format + "' (expected " +
           (options.command == "rules" ? std::string("human, json or markdown") : FormatNames()) + ")";
  }
  if (options.color != "auto" && options.color != "always" && options.color != "never") {
    return "--color takes auto, always or never, not '" + options.color + "'";
  }
  if (options.config && options.no_config) return "--config and --no-config cannot be used together";
  if (options.command == "explain" && options.paths.size() != 1) return "explain takes one rule code or name";
  if (options.command == "report" && options.paths.size() > 1) return "report takes one PATH, a folder of the site";
  if (options.command.empty() && options.paths.empty()) options.paths = {"."};  // the site in the current folder
  return "";
}

// One post to work on: its name for messages and its bytes, when readable.
struct Input {
  std::string name;
  bool from_stdin = false;
  std::optional<std::string> bytes;
  std::string problem;  // why bytes could not be read
  FileStamp stamp;      // the version read, checked again before --fix writes
};

// The post's name for messages and configuration: --stdin-filename for "-".
Input NameInput(const std::string& path, const Options& options) {
  Input input;
  input.from_stdin = path == "-";
  input.name = input.from_stdin ? options.stdin_filename.value_or("-") : path;
  return input;
}

void ReadInput(const std::string& path, std::istream& in, Input& input) {
  if (input.from_stdin) {
    input.bytes = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    input.bytes = ReadPostFile(path, &input.problem, &input.stamp);
  }
}

std::string FixedSummary(const std::map<std::string, int>& fixed, size_t files) {
  int total = 0;
  std::string rules;
  for (const auto& [code, count] : fixed) {
    total += count;
    rules += (rules.empty() ? "" : ", ") + code + " x" + std::to_string(count);
  }
  return "digestlint: fixed " + std::to_string(total) + (total == 1 ? " problem" : " problems") + " in " +
         std::to_string(files) + (files == 1 ? " file" : " files") + (rules.empty() ? "" : " (" + rules + ")");
}

void WriteStatistics(std::ostream& out, const std::vector<LocatedDiagnostic>& diagnostics) {
  std::map<std::string, std::pair<int, const LocatedDiagnostic*>> counts;
  for (const LocatedDiagnostic& d : diagnostics) {
    auto& entry = counts[std::string(d.rule->code)];
    ++entry.first;
    entry.second = &d;
  }
  for (const auto& [code, entry] : counts) {
    const LocatedDiagnostic& d = *entry.second;
    out << std::setw(5) << entry.first << "  " << std::left << std::setw(6) << code << ' ' << std::setw(26)
        << d.rule->name << std::setw(8) << SeverityName(d.severity) << std::right << (d.fix ? "[*]" : "") << '\n';
  }
}

std::string FixName(FixAvailability fix) {
  return fix == FixAvailability::kSafe ? "safe" : fix == FixAvailability::kUnsafe ? "unsafe" : "";
}

// `digestlint rules`: the catalogue, as a table, JSON, or the Markdown reference page.
int ListRules(const Options& options, Projects& projects, std::ostream& out) {
  const Project* project = projects.For(".");
  if (!project) return kExitInputError;
  const std::vector<const RuleInfo*> rules = AllRuleInfos(project->custom_rules());
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RuleInfo* rule : rules) {
      list.push_back({{"code", rule->code},
                      {"name", rule->name},
                      {"severity", SeverityName(rule->severity)},
                      {"fix", FixName(rule->fix).empty() ? "none" : FixName(rule->fix)},
                      {"summary", rule->summary}});
    }
    out << list.dump(2) << '\n';
  } else if (options.format == "markdown") {
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
          << SeverityName(rule->severity) << std::setw(8) << FixName(rule->fix) << rule->summary << '\n';
    }
  }
  return kExitClean;
}

// `digestlint explain CODE|NAME`: the rule's documentation.
int Explain(const Options& options, Projects& projects, std::ostream& out, std::ostream& err) {
  const Project* project = projects.For(".");
  if (!project) return kExitInputError;
  const std::string& wanted = options.paths.front();
  std::vector<std::string> known;
  for (const RuleInfo* rule : AllRuleInfos(project->custom_rules())) {
    if (rule->code == wanted || rule->name == wanted || IsAlias(*rule, wanted)) {
      // In the blog's own terms: what each of its schemas says about the rule's subject.
      std::string doc = RuleDocumentation(*rule);
      for (const auto& [name, schema] : project->NamedSchemas()) {
        const std::string described = RuleDocumentationFor(*rule, schema->format(), name);
        if (described.size() > doc.size()) doc += described.substr(RuleDocumentation(*rule).size());
      }
      out << doc;
      return kExitClean;
    }
    known.emplace_back(rule->code);
    known.emplace_back(rule->name);
  }
  const std::string suggestion = ClosestMatch(wanted, known);
  err << "digestlint: error: unknown rule '" << wanted << "'"
      << (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") << '\n';
  return kExitInputError;
}

// `digestlint config [PATH]`: the effective configuration and where each value came from.
int ShowConfig(const Options& options, Projects& projects, std::ostream& out) {
  const std::string path = options.paths.empty() ? "." : options.paths.front();
  const std::string probe = fs::is_directory(path) ? (fs::path(path) / "post.md").string() : path;
  const Project* project = projects.For(probe);
  if (!project) return kExitInputError;
  const Config& config = project->config();
  const auto list = [](const std::vector<std::string>& items) {
    std::string text = "[";
    for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + nlohmann::json(items[i]).dump();
    return text + "]";
  };
  std::map<std::string, std::string> values;
  values["schema"] = config.schema ? *config.schema : "(built-in daily-papers)";
  values["include"] = list(config.include);
  values["exclude"] = list(config.exclude);
  values["select"] = list(config.select);
  values["extend-select"] = list(config.extend_select);
  values["ignore"] = list(config.ignore);
  values["severity"] = nlohmann::json(config.severity).dump();
  std::string per_file = "{";
  for (const auto& [glob, rules] : config.per_file_ignores) {
    per_file += (per_file.size() > 1 ? ", " : "") + nlohmann::json(glob).dump() + ": " + list(rules);
  }
  values["per-file-ignores"] = per_file + "}";
  values["fail-on"] = config.fail_on;
  std::string schemas = "[";
  for (const Config::SchemaForFiles& entry : config.schemas) {
    schemas += (schemas.size() > 1 ? ", " : "") + std::string("{files: ") + list(entry.files) +
               ", schema: " + nlohmann::json(entry.schema).dump() + "}";
  }
  values["schemas"] = schemas + "]";
  values["custom-rules"] = list(config.custom_rules);
  const SeriesConfig& series = config.series;
  values["series"] = "{cadence: " + std::string(CadenceName(series.cadence)) +
                     (series.since ? ", since: " + *series.since : "") +
                     (series.paper_window ? ", paper-window: " + std::to_string(*series.paper_window) : "") +
                     ", common-tag-posts: " + std::to_string(series.common_tag_posts) + "}";
  values["cache-dir"] = config.cache_dir.empty() ? "(.digestlint-cache beside the configuration)" : config.cache_dir;
  out << "# configuration for " << probe << ": " << (config.file.empty() ? "none found, defaults" : config.file)
      << '\n';
  for (const auto& [key, value] : values) {
    const auto origin = config.origin.find(key);
    out << key << ": " << value << "  # " << (origin == config.origin.end() ? "default" : origin->second) << '\n';
  }
  return kExitClean;
}

// What working on one post produced: made by a worker, consumed in order.
struct Outcome {
  std::string name;
  bool linted = false;  // false when its configuration could not be loaded
  std::vector<LocatedDiagnostic> diagnostics;
  std::string output;  // for stdout: a diff, or the fixed post read from stdin
  std::string errors;  // for stderr
  std::map<std::string, int> fixed_per_rule;
  bool fixed = false;
  bool failed = false;
  bool has_diff = false;
  bool stdin_fixed = false;
  bool fails_on_warnings = false;
};

Outcome ProcessPost(const WalkEntry& entry, const Options& options, Projects& projects, const Sites& sites,
                    std::istream& in, const FixOptions& fix_options) {
  Outcome outcome;
  const std::string& path = entry.path;
  if (fault_injection_for_testing) fault_injection_for_testing("post", path);
  Input input = NameInput(path, options);
  outcome.name = input.name;
  const Project* project = projects.For(input.name);
  const SiteLookup site = projects.SiteFor(input.name);
  if (!project || site.failed) {
    outcome.failed = true;
    return outcome;
  }
  outcome.linted = true;
  if (!entry.problem.empty()) {  // a folder the walk could not read, a name too long
    outcome.diagnostics = LintUnreadable(input.name, entry.problem);
    return outcome;
  }
  LintSettings settings = project->SettingsFor(input.name);
  if (site.site) settings.jekyll = site.site->Document(site.relative);
  settings.blog = sites.For(input.name);
  std::error_code size_error;
  const uintmax_t size = input.from_stdin ? 0 : fs::file_size(path, size_error);
  if (!size_error && size > settings.max_file_size) {  // not even read
    outcome.diagnostics = LintTooLarge(input.name, TooLargeReason(size, settings.max_file_size));
    return outcome;
  }
  ReadInput(path, in, input);
  if (!input.bytes) {
    outcome.diagnostics = LintUnreadable(input.name, input.problem);
  } else if (!options.fix && !options.diff) {
    outcome.diagnostics = LintBytes(input.name, *input.bytes, settings);
  } else {
    FixResult result = FixBytes(input.name, *input.bytes, settings, fix_options);
    outcome.diagnostics = std::move(result.remaining);
    if (result.refused) {
      outcome.errors = "digestlint: error: " + input.name + ": not fixed: " + *result.refused + "\n";
      outcome.failed = true;
    } else if (options.diff) {
      outcome.output = UnifiedDiff(input.name, result.original, result.fixed);
      outcome.has_diff = !outcome.output.empty();
    } else if (input.from_stdin) {
      outcome.output = result.fixed;
      outcome.stdin_fixed = true;
    } else if (const std::string target = options.follow_symlinks || !entry.named ? "" : LinkTargetOutside(path);
               result.changed() && !target.empty()) {
      outcome.errors = "digestlint: error: " + input.name + ": not fixed: it is a symbolic link to " + target +
                       ", outside the folder it is in (--follow-symlinks writes through it)\n";
      outcome.failed = true;
    } else if (result.changed()) {
      const ReplaceResult written = ReplaceFileIfUnchanged(path, input.stamp, result.original, result.fixed,
                                                           ReplaceOptions{options.fix_read_only});
      for (const std::string& note : written.notes) {
        outcome.errors += "digestlint: warning: " + input.name + ": " + note + "\n";
      }
      if (!written.problem.empty()) {
        outcome.errors += "digestlint: error: " + input.name + ": not written: " + written.problem + "\n";
        outcome.failed = true;
        return outcome;
      }
    }
    if (result.changed() || (options.diff && result.fixed != result.original)) {
      outcome.fixed_per_rule = result.fixed_per_rule;
      outcome.fixed = true;
    }
  }
  outcome.fails_on_warnings = project->FailsOnWarnings() &&
                              std::any_of(outcome.diagnostics.begin(), outcome.diagnostics.end(),
                                          [](const LocatedDiagnostic& d) { return d.severity == Severity::kWarning; });
  return outcome;
}

// The last-resort handler: whatever throws while working on one post (out of
// memory, a bug) becomes its DL005 diagnostic, and the other posts finish.
Outcome ProcessPostGuarded(const WalkEntry& entry, const Options& options, Projects& projects, const Sites& sites,
                           std::istream& in, const FixOptions& fix_options) {
  try {
    return ProcessPost(entry, options, projects, sites, in, fix_options);
  } catch (...) {
    Outcome outcome;
    outcome.name = NameInput(entry.path, options).name;
    outcome.linted = true;
    outcome.diagnostics = LintInternalError(outcome.name, CurrentExceptionText());
    return outcome;
  }
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Streams streams, const Terminal& terminal) {
  std::ostream& out = streams.out;
  std::ostream& err = streams.err;
  Options options;
  if (const std::string problem = ParseArgs(args, options); !problem.empty()) {
    err << "digestlint: error: " << problem << "\nTry 'digestlint --help'.\n";
    return kExitInputError;
  }
  if (options.help) {
    out << kHelp;
    return kExitClean;
  }
  if (options.version) {
    out << "digestlint " << DIGESTLINT_VERSION << '\n';
    return kExitClean;
  }
  Projects projects(ConfigChoice{options.config, options.no_config, options.overrides}, err);
  if (options.command == "rules") return ListRules(options, projects, out);
  if (options.command == "explain") return Explain(options, projects, out, err);
  if (options.command == "config") return ShowConfig(options, projects, out);
  const SiteOptions site_options{options.no_config, !options.no_cache, options.jobs, options.drafts};
  if (options.command == "report") {
    return WriteSiteReport(options.paths.empty() ? "." : options.paths.front(), options.output, projects, site_options,
                           streams);
  }

  const FixOptions fix_options{options.unsafe_fixes, 10};
  Selection selection(projects, SelectionOptions{options.drafts, options.no_force_exclude});
  const WalkResult walk = CollectPosts(options.paths, selection, options.follow_symlinks);
  for (const std::string& warning : selection.TakeWarnings()) err << "digestlint: warning: " << warning << '\n';
  if (!options.quiet) {
    for (const std::string& note : walk.notes) err << "digestlint: note: " << note << '\n';
  }
  const std::vector<WalkEntry>& posts = walk.entries;
  const Format& format = *FindFormat(options.format);
  const bool color =
      options.color == "always" || (options.color == "auto" && terminal.stdout_is_tty && !terminal.no_color_env);
  const bool reading_stdin =
      std::any_of(posts.begin(), posts.end(), [](const WalkEntry& entry) { return entry.path == "-"; });
  // Text formats are written file by file as results arrive, so memory stays flat;
  // structured ones (json, sarif, junit), --statistics and -o need the whole run.
  const bool streaming = !options.diff && !options.statistics && !options.output &&
                         (format.name == "human" || format.name == "concise" || format.name == "github");
  const size_t jobs = reading_stdin ? 1 : options.jobs;
  Sites sites(projects, site_options);
  std::vector<std::string> names_of_posts;
  names_of_posts.reserve(posts.size());
  for (const WalkEntry& entry : posts) names_of_posts.push_back(entry.path);
  sites.Prepare(names_of_posts, options.stdin_filename);

  std::vector<LocatedDiagnostic> diagnostics;  // kept unless streaming
  std::vector<std::string> names;              // as shown in reports
  Totals totals;
  std::map<std::string, int> fixed_per_rule;
  size_t fixed_files = 0;
  bool failed = projects.failed();  // a configuration error, a fix refused, a write that failed
  bool has_diff = false;
  bool stdin_fixed = false;  // the fixed post went to stdout: reports go to stderr
  bool fails_on_warnings = false;
  ForEachInOrder<Outcome>(
      posts.size(), jobs,
      [&](size_t i) { return ProcessPostGuarded(posts[i], options, projects, sites, streams.in, fix_options); },
      [&](Outcome outcome) {
        err << outcome.errors;
        out << outcome.output;
        failed = failed || outcome.failed;
        if (!outcome.linted) return;
        names.push_back(outcome.name);
        has_diff = has_diff || outcome.has_diff;
        stdin_fixed = stdin_fixed || outcome.stdin_fixed;
        fails_on_warnings = fails_on_warnings || outcome.fails_on_warnings;
        if (outcome.fixed) {
          for (const auto& [code, count] : outcome.fixed_per_rule) fixed_per_rule[code] += count;
          ++fixed_files;
        }
        AddTotals(totals, CountTotals(outcome.diagnostics, 1));
        if (streaming) {
          format.write(stdin_fixed ? err : out, Report{{outcome.name}, outcome.diagnostics, color});
        } else {
          diagnostics.insert(diagnostics.end(), std::make_move_iterator(outcome.diagnostics.begin()),
                             std::make_move_iterator(outcome.diagnostics.end()));
        }
      });
  totals.files = names.size();

  std::ostream& terminal_out = stdin_fixed ? err : out;
  Report report{names, diagnostics, color};
  if (options.diff || streaming) {
    // Already written: the diff, or the report file by file.
  } else if (options.statistics) {
    WriteStatistics(terminal_out, diagnostics);
  } else if (options.output) {
    std::ofstream file(*options.output, std::ios::binary | std::ios::trunc);
    report.color = false;
    format.write(file, report);
    file.close();
    if (!file) {
      err << "digestlint: error: cannot write the report to " << *options.output << '\n';
      failed = true;
    }
    report.color = color;
    if (format.name != "human") WriteHuman(terminal_out, report);
  } else {
    format.write(terminal_out, report);
  }
  if (!options.quiet && !(failed && names.empty())) {
    if (options.diff) {
      err << (has_diff ? FixedSummary(fixed_per_rule, fixed_files) + ", shown as a diff; nothing was written"
                       : std::string("digestlint: nothing to fix"))
          << '\n';
    } else {
      if (options.fix) err << FixedSummary(fixed_per_rule, fixed_files) << '\n';
      err << SummaryLine(totals, fix_options.unsafe) << '\n';
    }
  }
  if (totals.unlintable_files > 0 || failed) return kExitInputError;
  if (options.diff) return has_diff ? kExitProblems : kExitClean;
  if (options.exit_zero) return kExitClean;
  return totals.errors > 0 || fails_on_warnings ? kExitProblems : kExitClean;
}

}  // namespace digestlint
