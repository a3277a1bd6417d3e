#pragma once
// The command line as data: one table of options and one table of commands.
// The parser, --help (and from it the man page) and the shell completions are
// all made from them, so they cannot disagree. Adding a command is one entry
// in Commands() (cli.cc); adding an option is one entry in Options() and its
// name in the commands that take it.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cli.h"

namespace digestlint {

/// What an option's value (or a command's operands) is: how it is checked
/// and completed.
enum class ValueKind {
  kNone,      // a switch
  kText,      // anything
  kFile,      // a path (completed as files)
  kNumber,    // a whole number within [min, max]
  kChoice,    // one of choices(command)
  kRuleList,  // comma-separated rule codes, names, prefixes or ALL; at least one
};

struct OptionSpec {
  std::string_view long_name;  // without "--"
  char short_name = '\0';      // '\0': none
  ValueKind value = ValueKind::kNone;
  bool value_optional = false;  // the value only attached (--color=WHEN); alone it means `bare_value`
  std::string_view metavar;     // "FILE", "N", "WHEN"
  std::string_view help;        // for --help; "\n" starts a continuation line
  std::vector<std::string> (*choices)(std::string_view command) = nullptr;  // kChoice
  long long min = 0;                                                        // kNumber
  long long max = 0;                                                        // kNumber
  std::string_view bare_value;                                              // value_optional

  /// Builders, so the table reads as one line per option.
  static OptionSpec Switch(std::string_view long_name, char short_name, std::string_view help) {
    OptionSpec option;
    option.long_name = long_name;
    option.short_name = short_name;
    option.help = help;
    return option;
  }
  static OptionSpec Valued(std::string_view long_name, char short_name, ValueKind kind, std::string_view metavar,
                           std::string_view help) {
    OptionSpec option = Switch(long_name, short_name, help);
    option.value = kind;
    option.metavar = metavar;
    return option;
  }
  OptionSpec WithChoices(std::vector<std::string> (*list)(std::string_view)) const {
    OptionSpec option = *this;
    option.choices = list;
    return option;
  }
  OptionSpec Between(long long low, long long high) const {
    OptionSpec option = *this;
    option.min = low;
    option.max = high;
    return option;
  }
  /// The value may only be attached (--color=never); alone the option means `bare`.
  OptionSpec ValueOptional(std::string_view bare) const {
    OptionSpec option = *this;
    option.value_optional = true;
    option.bare_value = bare;
    return option;
  }
};

struct Invocation;

struct CommandSpec {
  std::string_view name;
  std::string_view operands;  // for the usage line, e.g. "PATH..." or "bash|zsh|fish"
  std::string_view summary;
  std::vector<std::string_view> options;  // long names it takes (--help and --version are always taken)
  ValueKind operand_kind = ValueKind::kNone;
  size_t min_operands = 0;
  size_t max_operands = 0;                                                  // SIZE_MAX: any number
  std::vector<std::string> (*operand_choices)(std::string_view) = nullptr;  // kChoice operands
  int (*run)(const Invocation& call, Streams streams, const Terminal& terminal) = nullptr;
};

/// Every option, in --help order.
const std::vector<OptionSpec>& Options();
/// Every command, the default (check) first (cli.cc).
const std::vector<CommandSpec>& Commands();

const OptionSpec* FindOption(std::string_view long_name);
const CommandSpec* FindCommand(std::string_view name);

/// A parsed command line.
struct Invocation {
  const CommandSpec* command = nullptr;
  bool command_named = false;                                           // false: bare paths, the default command
  std::map<std::string, std::vector<std::string>, std::less<>> values;  // by long name, in the order given
  std::vector<std::string> operands;
  std::vector<std::string> warnings;

  bool Has(std::string_view option) const { return values.count(option) > 0; }
  /// The last value given (options given once), or "" when absent.
  std::string Last(std::string_view option) const;
  /// Every value given, each split at commas (list options).
  std::vector<std::string> List(std::string_view option) const;
};

/// Parses `args` (argv without the program name); on a usage error returns
/// the message. GNU conventions: `--name=value`, `--name value`, `-xVALUE`,
/// `-x VALUE`, bundled switches (`-qj4`), `--` ends the options, `-` is an
/// operand; an option the command does not take is an error.
std::variant<Invocation, std::string> ParseCommandLine(const std::vector<std::string>& args);

/// --help: every command and every option (the man page is made from it).
std::string HelpText();
/// `digestlint COMMAND --help`: that command's usage and options.
std::string CommandHelpText(const CommandSpec& command);

/// The completion script for `shell` (bash, zsh or fish); "" for another shell.
std::string CompletionScript(std::string_view shell);
/// "bash", "zsh", "fish".
std::vector<std::string> CompletionShells(std::string_view command = "");

}  // namespace digestlint
