#include "cli.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "file_walk.h"
#include "linter.h"
#include "reporter.h"
#include "schema.h"

namespace digestlint {

namespace {

constexpr const char* kHelp = R"(digestlint - lint Jekyll digest posts of research papers

Usage: digestlint [OPTIONS] PATH...

PATH is a post, or a folder searched recursively for *.md and *.markdown
(hidden files and folders are skipped).

Options:
  --format FORMAT   output format: human (default) or json
  --schema FILE     use this schema instead of the built-in daily-papers one
  --color WHEN      colour the human output: auto (default), always or never;
                    auto means only on a terminal and only when NO_COLOR is unset
  -h, --help        print this help and exit
  -V, --version     print the version and exit

Exit status: 0 no errors (warnings allowed), 1 errors found,
2 usage, schema or I/O error, or a file that could not be linted.
Documentation: README.md in the digestlint repository.
)";

struct Options {
  std::string format = "human";
  std::optional<std::string> schema_path;
  std::string color = "auto";
  std::vector<std::string> paths;
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
    if (name == "--") {
      only_paths = true;
    } else if (name == "-h" || name == "--help") {
      options.help = true;
    } else if (name == "-V" || name == "--version") {
      options.version = true;
    } else if (name == "--format" || name == "--schema" || name == "--color") {
      const std::optional<std::string> given = take_value();
      if (!given) return name + " needs a value";
      if (name == "--format") options.format = *given;
      if (name == "--schema") options.schema_path = *given;
      if (name == "--color") options.color = *given;
    } else {
      return "unknown option '" + arg + "'";
    }
  }
  if (options.format != "human" && options.format != "json") {
    return "unknown format '" + options.format + "' (expected human or json)";
  }
  if (options.color != "auto" && options.color != "always" && options.color != "never") {
    return "--color takes auto, always or never, not '" + options.color + "'";
  }
  if (!options.help && !options.version && options.paths.empty()) return "no PATH given";
  return "";
}

std::optional<Schema> LoadSchemaFile(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  if (!in || !(contents << in.rdbuf())) {
    *error = path + ": cannot read the schema file";
    return std::nullopt;
  }
  std::string reason;
  std::optional<Schema> schema = Schema::Load(contents.str(), &reason);
  if (!schema) *error = path + ": invalid schema: " + reason;
  return schema;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal) {
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

  const std::vector<std::string> posts = CollectPosts(options.paths);
  std::vector<LocatedDiagnostic> diagnostics;
  for (const std::string& post : posts) {
    std::vector<LocatedDiagnostic> found = LintFile(post, schema);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  SortDiagnostics(diagnostics);

  if (options.format == "json") {
    WriteJson(out, diagnostics, posts.size());
  } else {
    const bool color =
        options.color == "always" || (options.color == "auto" && terminal.stdout_is_tty && !terminal.no_color_env);
    WriteHuman(out, diagnostics, color);
  }
  const Totals totals = CountTotals(diagnostics, posts.size());
  err << SummaryLine(totals) << '\n';
  if (totals.unlintable_files > 0) return kExitInputError;
  return totals.errors > 0 ? kExitProblems : kExitClean;
}

}  // namespace digestlint
