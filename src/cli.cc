#include "cli.h"

#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

#include "atomic_write.h"
#include "file_walk.h"
#include "fixer.h"
#include "linter.h"
#include "reporter.h"
#include "schema.h"
#include "unified_diff.h"

namespace digestlint {

namespace {

constexpr const char* kHelp = R"(digestlint - lint Jekyll digest posts of research papers

Usage: digestlint [OPTIONS] PATH...

PATH is a post, or a folder searched recursively for *.md and *.markdown
(hidden files and folders are skipped). "-" reads one post from stdin.

Options:
  --format FORMAT        output format: human (default), concise, json, sarif,
                         github or junit
  -o, --output FILE      write the report to FILE; the terminal still gets the
                         human report (for other formats) and the summary
  --schema FILE          use this schema instead of the built-in daily-papers one
  --fix                  apply safe fixes and write the files (stdin: fixed post to stdout)
  --unsafe-fixes         with --fix or --diff, also apply fixes that may change meaning
  --diff                 print the fixes as a unified diff and write nothing
  --stdin-filename NAME  the name of the post read from "-", for messages
  --color WHEN           colour the human output: auto (default), always or never;
                         auto means only on a terminal and only when NO_COLOR is unset
  -h, --help             print this help and exit
  -V, --version          print the version and exit

Exit status: 0 no errors (warnings allowed), 1 errors found (with --diff:
something to fix), 2 usage, schema or I/O error, or a file that could not be
linted or fixed.
Documentation: README.md in the digestlint repository.
)";

struct Options {
  std::string format = "human";
  std::optional<std::string> schema_path;
  std::string color = "auto";
  std::vector<std::string> paths;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  std::optional<std::string> stdin_filename;
  std::optional<std::string> output;
  bool help = false;
  bool version = false;
};

// Returns an error message, or "" when `args` parsed.
std::string ParseArgs(const std::vector<std::string>& args, Options& options) {
  bool only_paths = false;
  for (size_t i = 0; i < args.size(); ++i) {
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
    const auto take_value = [&]() -> std::optional<std::string> {
      if (value) return value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    const std::map<std::string, bool*> switches = {
        {"--fix", &options.fix},        {"--unsafe-fixes", &options.unsafe_fixes},
        {"--diff", &options.diff},      {"-h", &options.help},
        {"--help", &options.help},      {"-V", &options.version},
        {"--version", &options.version}};
    const std::map<std::string, std::string*> valued = {{"--format", &options.format}, {"--color", &options.color}};
    if (name == "--") {
      only_paths = true;
    } else if (const auto flag = switches.find(name); flag != switches.end()) {
      if (value) return name + " takes no value";
      *flag->second = true;
    } else if (const auto setting = valued.find(name); setting != valued.end()) {
      const std::optional<std::string> given = take_value();
      if (!given) return name + " needs a value";
      *setting->second = *given;
    } else if (name == "--schema" || name == "--stdin-filename" || name == "-o" || name == "--output") {
      const std::optional<std::string> given = take_value();
      if (!given) return name + " needs a value";
      (name == "--schema"           ? options.schema_path
       : name == "--stdin-filename" ? options.stdin_filename
                                    : options.output) = *given;
    } else {
      return "unknown option '" + arg + "'";
    }
  }
  if (!FindFormat(options.format)) {
    return "unknown format '" + options.format + "' (expected " + FormatNames() + ")";
  }
  if (options.color != "auto" && options.color != "always" && options.color != "never") {
    return "--color takes auto, always or never, not '" + options.color + "'";
  }
  if (!options.help && !options.version && options.paths.empty()) return "no PATH given";
  return "";
}

std::optional<Schema> LoadSchemaFile(const std::string& path, std::string* error) {
  std::string problem;
  const std::optional<std::string> text = ReadPostFile(path, &problem);
  if (!text) {
    *error = path + ": cannot read the schema file: " + problem;
    return std::nullopt;
  }
  std::string reason;
  std::optional<Schema> schema = Schema::Load(*text, &reason);
  if (!schema) *error = path + ": invalid schema: " + reason;
  return schema;
}

// One post to work on: its name for messages and its bytes, when readable.
struct Input {
  std::string name;
  bool from_stdin = false;
  std::optional<std::string> bytes;
  std::string problem;  // why bytes could not be read
};

Input ReadInput(const std::string& path, const Options& options, std::istream& in) {
  Input input;
  input.from_stdin = path == "-";
  input.name = input.from_stdin ? options.stdin_filename.value_or("-") : path;
  if (input.from_stdin) {
    input.bytes = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    input.bytes = ReadPostFile(path, &input.problem);
  }
  return input;
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

  std::optional<Schema> custom_schema;
  if (options.schema_path) {
    std::string error;
    custom_schema = LoadSchemaFile(*options.schema_path, &error);
    if (!custom_schema) {
      err << "digestlint: error: " << error << '\n';
      return kExitInputError;
    }
  }
  const Schema& schema = custom_schema ? *custom_schema : Schema::Default();
  const FixOptions fix_options{options.unsafe_fixes, 10};
  const bool fixing = options.fix || options.diff;

  const std::vector<std::string> posts = CollectPosts(options.paths);
  std::vector<LocatedDiagnostic> diagnostics;
  std::vector<std::string> names;  // as shown in reports
  std::map<std::string, int> fixed_per_rule;
  size_t fixed_files = 0;
  bool failed = false;  // a fix refused or a write that failed
  bool has_diff = false;
  bool stdin_fixed = false;  // the fixed post went to stdout: reports go to stderr
  for (const std::string& path : posts) {
    const Input input = ReadInput(path, options, streams.in);
    names.push_back(input.name);
    std::vector<LocatedDiagnostic> found;
    if (!input.bytes) {
      found = LintUnreadable(input.name, input.problem);
    } else if (!fixing) {
      found = LintBytes(input.name, *input.bytes, schema);
    } else {
      FixResult result = FixBytes(input.name, *input.bytes, schema, fix_options);
      found = std::move(result.remaining);
      if (result.refused) {
        err << "digestlint: error: " << input.name << ": not fixed: " << *result.refused << '\n';
        failed = true;
      } else if (options.diff) {
        const std::string diff = UnifiedDiff(input.name, result.original, result.fixed);
        has_diff = has_diff || !diff.empty();
        out << diff;
      } else if (input.from_stdin) {
        out << result.fixed;
        stdin_fixed = true;
      } else if (result.changed()) {
        if (const std::string problem = WriteFileAtomically(path, result.fixed); !problem.empty()) {
          err << "digestlint: error: " << input.name << ": not written: " << problem << '\n';
          failed = true;
          continue;
        }
      }
      if (result.changed() || (options.diff && result.fixed != result.original)) {
        for (const auto& [code, count] : result.fixed_per_rule) fixed_per_rule[code] += count;
        ++fixed_files;
      }
    }
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  SortDiagnostics(diagnostics);

  std::ostream& terminal_out = stdin_fixed ? err : out;
  const bool color =
      options.color == "always" || (options.color == "auto" && terminal.stdout_is_tty && !terminal.no_color_env);
  Report report{names, diagnostics, color};
  const Format& format = *FindFormat(options.format);
  if (!options.diff && options.output) {
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
  } else if (!options.diff) {
    format.write(terminal_out, report);
  }
  const Totals totals = CountTotals(diagnostics, posts.size());
  if (options.diff) {
    err << (has_diff ? FixedSummary(fixed_per_rule, fixed_files) + ", shown as a diff; nothing was written"
                     : std::string("digestlint: nothing to fix"))
        << '\n';
  } else {
    if (options.fix) err << FixedSummary(fixed_per_rule, fixed_files) << '\n';
    err << SummaryLine(totals, fix_options.unsafe) << '\n';
  }
  if (totals.unlintable_files > 0 || failed) return kExitInputError;
  if (options.diff) return has_diff ? kExitProblems : kExitClean;
  return totals.errors > 0 ? kExitProblems : kExitClean;
}

}  // namespace digestlint
