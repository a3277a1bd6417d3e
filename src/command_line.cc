#include "command_line.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>
#include <sstream>

#include "edit_distance.h"

namespace digestlint {

namespace {

constexpr const char* kHelpOption = "help";
constexpr const char* kVersionOption = "version";

bool Takes(const CommandSpec& command, std::string_view option) {
  if (option == kHelpOption || option == kVersionOption) return true;
  return std::find(command.options.begin(), command.options.end(), option) != command.options.end();
}

std::string Join(const std::vector<std::string>& items, std::string_view separator, std::string_view last) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == items.size() ? last : separator);
    out += items[i];
  }
  return out;
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

// The long form, as the user types it: "--format".
std::string Spelling(const OptionSpec& option) { return "--" + std::string(option.long_name); }

// Checks a value against its option's kind; returns the problem, or "".
std::string CheckValue(const OptionSpec& option, const std::string& typed, const std::string& value,
                       const CommandSpec& command) {
  switch (option.value) {
    case ValueKind::kNumber: {
      long long number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (value.empty() || error != std::errc() || end != value.data() + value.size() || number < option.min ||
          number > option.max) {
        return typed + " takes a whole number from " + std::to_string(option.min) + " to " +
               std::to_string(option.max) + ", not '" + value + "'";
      }
      return "";
    }
    case ValueKind::kChoice: {
      if (option.value_optional && value.empty()) return "";
      const std::vector<std::string> choices = option.choices(command.name);
      if (std::find(choices.begin(), choices.end(), value) != choices.end()) return "";
      return typed + " takes " + Join(choices, ", ", " or ") +
             (command.name == Commands().front().name ? "" : " with '" + std::string(command.name) + "'") + ", not '" +
             value + "'";
    }
    case ValueKind::kRuleList:
      if (SplitList(value).empty()) {
        return typed + " needs at least one rule (comma-separated codes, names, prefixes or ALL), not '" + value + "'";
      }
      return "";
    default:
      return "";
  }
}

std::string UnknownOption(const std::string& typed) {
  std::vector<std::string> known;
  for (const OptionSpec& option : Options()) {
    known.push_back(Spelling(option));
    if (option.short_name) known.push_back(std::string("-") + option.short_name);
  }
  const std::string name = typed.substr(0, typed.find('='));
  const std::string suggestion = ClosestMatch(name, known);
  return "unknown option '" + typed + "'" + (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)");
}

std::string NotTaken(const CommandSpec& command, const std::string& typed) {
  return "'digestlint " + std::string(command.name) + "' does not take " + typed;
}

}  // namespace

const OptionSpec* FindOption(std::string_view long_name) {
  for (const OptionSpec& option : Options()) {
    if (option.long_name == long_name) return &option;
  }
  return nullptr;
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const CommandSpec& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

std::string Invocation::Last(std::string_view option) const {
  const auto found = values.find(option);
  return found == values.end() || found->second.empty() ? "" : found->second.back();
}

std::vector<std::string> Invocation::List(std::string_view option) const {
  std::vector<std::string> items;
  const auto found = values.find(option);
  if (found == values.end()) return items;
  for (const std::string& value : found->second) {
    for (std::string& item : SplitList(value)) items.push_back(std::move(item));
  }
  return items;
}

std::variant<Invocation, std::string> ParseCommandLine(const std::vector<std::string>& args) {
  Invocation call;
  call.command = &Commands().front();
  size_t i = 0;
  if (!args.empty() && !args[0].empty() && args[0][0] != '-') {
    if (const CommandSpec* command = FindCommand(args[0])) {
      call.command = command;
      call.command_named = true;
      i = 1;
      std::error_code error;
      if (std::filesystem::exists(args[0], error)) {
        call.warnings.push_back("'" + args[0] + "' is a command here; to lint the path of that name, use 'digestlint " +
                                std::string(Commands().front().name) + " " + args[0] + "' or './" + args[0] + "'");
      }
    }
  }
  const CommandSpec& command = *call.command;
  const auto record = [&](const OptionSpec& option, const std::string& typed,
                          std::optional<std::string> value) -> std::string {
    if (!Takes(command, option.long_name)) return NotTaken(command, typed);
    if (option.value == ValueKind::kNone) {
      if (value) return typed + " takes no value";
      value = "";
    } else if (!value && option.value_optional) {
      value = std::string(option.bare_value);
    } else if (!value) {
      if (i + 1 >= args.size()) return typed + " needs a value";
      value = args[++i];
    }
    if (std::string problem = CheckValue(option, typed, *value, command); !problem.empty()) return problem;
    call.values[std::string(option.long_name)].push_back(*value);
    return "";
  };

  bool only_operands = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_operands || arg == "-" || arg.empty() || arg[0] != '-') {
      call.operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_operands = true;
      continue;
    }
    if (arg.rfind("--", 0) == 0) {
      const size_t equals = arg.find('=');
      const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
      const OptionSpec* option = FindOption(name);
      if (!option) return UnknownOption(arg);
      std::optional<std::string> value;
      if (equals != std::string::npos) value = arg.substr(equals + 1);
      if (std::string problem = record(*option, "--" + name, value); !problem.empty()) return problem;
      continue;
    }
    // Short options: bundled switches, then at most one that takes a value,
    // attached (-j4, -oFILE) or as the next argument.
    for (size_t k = 1; k < arg.size(); ++k) {
      const auto option =
          std::find_if(Options().begin(), Options().end(), [&](const OptionSpec& o) { return o.short_name == arg[k]; });
      const std::string typed = std::string("-") + arg[k];
      if (option == Options().end()) return UnknownOption(k == 1 ? arg : typed);
      std::optional<std::string> value;
      if (option->value != ValueKind::kNone && k + 1 < arg.size()) value = arg.substr(k + 1);
      if (std::string problem = record(*option, typed, value); !problem.empty()) return problem;
      if (option->value != ValueKind::kNone) break;
    }
  }

  if (call.Has(kHelpOption) || call.Has(kVersionOption)) return call;
  const std::string usage = "'digestlint " + std::string(command.name) + " " + std::string(command.operands) + "'";
  if (call.operands.size() < command.min_operands || call.operands.size() > command.max_operands) {
    if (command.max_operands == 0) {
      return "'digestlint " + std::string(command.name) + "' takes no operand, not '" + call.operands.front() + "'";
    }
    return "expected " + usage + " (" + std::to_string(call.operands.size()) + " operand" +
           (call.operands.size() == 1 ? "" : "s") + " given)";
  }
  if (command.operand_kind == ValueKind::kChoice) {
    const std::vector<std::string> choices = command.operand_choices(command.name);
    for (const std::string& operand : call.operands) {
      if (std::find(choices.begin(), choices.end(), operand) == choices.end()) {
        return "'digestlint " + std::string(command.name) + "' takes " + Join(choices, ", ", " or ") + ", not '" +
               operand + "'";
      }
    }
  }
  return call;
}

namespace {

// "  -o, --output FILE", padded to the help column.
std::string OptionColumn(const OptionSpec& option) {
  std::string text = "  ";
  text += option.short_name ? std::string("-") + option.short_name + ", " : "    ";
  text += Spelling(option);
  if (option.value != ValueKind::kNone) {
    text += option.value_optional ? "[=" + std::string(option.metavar) + "]" : " " + std::string(option.metavar);
  }
  return text;
}

constexpr size_t kHelpColumn = 27;

void AppendOptionHelp(std::string& out, const OptionSpec& option, const std::vector<const CommandSpec*>& commands) {
  std::string column = OptionColumn(option);
  column += column.size() + 2 > kHelpColumn ? "\n" + std::string(kHelpColumn, ' ')
                                            : std::string(kHelpColumn - column.size(), ' ');
  std::vector<std::string> users;
  for (const CommandSpec* command : commands) {
    if (Takes(*command, option.long_name) && option.long_name != kHelpOption && option.long_name != kVersionOption) {
      users.emplace_back(command->name);
    }
  }
  std::string help(option.help);
  if (option.value == ValueKind::kChoice) {  // the values, per command when they differ
    for (const CommandSpec* command : commands) {
      if (!Takes(*command, option.long_name)) continue;
      const std::string list = Join(option.choices(command->name), ", ", ", ");
      help += "\n" + (users.size() > 1 ? std::string(command->name) : std::string(option.metavar)) + ": " + list;
    }
  }
  const bool only_default = users.size() == 1 && users.front() == Commands().front().name;
  const bool listed_per_command = option.value == ValueKind::kChoice && users.size() > 1;
  if (!users.empty() && !only_default && commands.size() > 1 && !listed_per_command) {
    help += "\ncommands: " + Join(users, ", ", ", ");
  }
  const std::string indent = "\n" + std::string(kHelpColumn, ' ');
  for (size_t newline = help.find('\n'); newline != std::string::npos; newline = help.find('\n', newline + 1)) {
    help.replace(newline, 1, indent);
    newline += indent.size() - 1;
  }
  out += column + help + "\n";
}

std::string UsageLine(const CommandSpec& command, bool default_command) {
  std::string line = "digestlint ";
  line += default_command ? "[" + std::string(command.name) + "]" : std::string(command.name);
  if (!command.options.empty()) line += " [OPTIONS]";
  if (default_command) line += " [--]";
  if (!command.operands.empty()) line += " " + std::string(command.operands);
  return line;
}

constexpr const char* kPaths = R"(PATH is a post, or a folder searched recursively for the configuration's
include globs (default *.md and *.markdown), skipping hidden entries and
what .gitignore ignores; without PATH, the current folder. In a Jekyll site
(a _config.yml), only posts and collection documents are linted, and named
files are selected the same way. "-" reads one post from stdin. A bare PATH
is linted: 'digestlint PATH' is 'digestlint check PATH'.
)";

constexpr const char* kExitStatus = R"(Exit status: 0 no errors (warnings allowed unless fail-on is warning),
1 errors found (with --diff: something to fix), 2 usage, configuration,
schema or I/O error, or a file that could not be linted or fixed.
Documentation: README.md in the digestlint repository.
)";

}  // namespace

std::string HelpText() {
  std::string out = "digestlint - lint Jekyll digest posts of research papers\n\n";
  std::vector<const CommandSpec*> commands;
  for (const CommandSpec& command : Commands()) commands.push_back(&command);
  for (const CommandSpec* command : commands) {
    out +=
        (command == commands.front() ? "Usage: " : "       ") + UsageLine(*command, command == commands.front()) + "\n";
  }
  out += "\nCommands:\n";
  for (const CommandSpec* command : commands) {
    std::string name = "  " + std::string(command->name);
    out += name + std::string(name.size() < 16 ? 16 - name.size() : 1, ' ') + std::string(command->summary) + "\n";
  }
  out += "\n" + std::string(kPaths) + "\nOptions (for check unless the commands are named):\n";
  for (const OptionSpec& option : Options()) AppendOptionHelp(out, option, commands);
  return out + "\n" + kExitStatus;
}

std::string CommandHelpText(const CommandSpec& command) {
  const bool is_default = &command == &Commands().front();
  std::string out = "digestlint " + std::string(command.name) + " - " + std::string(command.summary) +
                    "\n\nUsage: " + UsageLine(command, is_default) + "\n";
  if (is_default) out += "\n" + std::string(kPaths);
  out += "\nOptions:\n";
  for (const OptionSpec& option : Options()) {
    if (Takes(command, option.long_name)) AppendOptionHelp(out, option, {&command});
  }
  return out + "\n" + kExitStatus;
}

std::vector<std::string> CompletionShells(std::string_view) { return {"bash", "zsh", "fish"}; }

namespace {

std::string Words(const std::vector<std::string>& words) { return Join(words, " ", " "); }

// An option's help on one line, for completion menus.
std::string OptionSummary(const OptionSpec& option) {
  std::string help(option.help);
  std::replace(help.begin(), help.end(), '\n', ' ');
  return help;
}

std::vector<std::string> OptionWords(const CommandSpec& command) {
  std::vector<std::string> words;
  for (const OptionSpec& option : Options()) {
    if (!Takes(command, option.long_name)) continue;
    if (option.short_name) words.push_back(std::string("-") + option.short_name);
    words.push_back(Spelling(option) + (option.value_optional ? "=" : ""));
  }
  return words;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const CommandSpec& command : Commands()) names.emplace_back(command.name);
  return names;
}

std::string SingleQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string BashScript() {
  std::string s =
      "# bash completion for digestlint; generated by `digestlint completions bash`.\n"
      "_digestlint() {\n"
      "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" command=" +
      std::string(Commands().front().name) +
      "\n"
      "  case \"${COMP_WORDS[1]}\" in\n"
      "    " +
      Join(CommandNames(), "|", "|") +
      ") command=\"${COMP_WORDS[1]}\" ;;\n"
      "  esac\n"
      "  COMPREPLY=()\n"
      "  case \"$command:$prev\" in\n";
  for (const CommandSpec& command : Commands()) {
    for (const OptionSpec& option : Options()) {
      if (!Takes(command, option.long_name) || option.value == ValueKind::kNone || option.value_optional) continue;
      std::string patterns = std::string(command.name) + ":" + Spelling(option);
      if (option.short_name) patterns += "|" + std::string(command.name) + ":-" + option.short_name;
      s += "    " + patterns + ") ";
      if (option.value == ValueKind::kChoice) {
        s += "COMPREPLY=($(compgen -W " + SingleQuoted(Words(option.choices(command.name))) + " -- \"$cur\")); ";
      } else if (option.value == ValueKind::kFile) {
        s += "COMPREPLY=($(compgen -f -- \"$cur\")); ";
      }
      s += "return ;;\n";
    }
  }
  s += "  esac\n  case \"$command:$cur\" in\n";
  for (const CommandSpec& command : Commands()) {
    for (const OptionSpec& option : Options()) {
      if (!Takes(command, option.long_name) || !option.value_optional) continue;
      const std::string prefix = Spelling(option) + "=";
      s += "    " + std::string(command.name) + ":" + prefix + "*) COMPREPLY=($(compgen -P " + SingleQuoted(prefix) +
           " -W " + SingleQuoted(Words(option.choices(command.name))) + " -- \"${cur#" + prefix + "}\")); return ;;\n";
    }
    s += "    " + std::string(command.name) + ":-*) COMPREPLY=($(compgen -W " +
         SingleQuoted(Words(OptionWords(command))) + " -- \"$cur\")); return ;;\n";
  }
  s += "  esac\n  case \"$command\" in\n";
  for (const CommandSpec& command : Commands()) {
    s += "    " + std::string(command.name) + ") ";
    if (command.operand_choices) {
      s += "COMPREPLY=($(compgen -W " + SingleQuoted(Words(command.operand_choices(command.name))) +
           " -- \"$cur\")) ;;\n";
    } else if (command.operand_kind == ValueKind::kFile) {
      s += "COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n";
    } else {
      s += ";;\n";
    }
  }
  s += "  esac\n"
       "  if ((COMP_CWORD == 1)); then COMPREPLY+=($(compgen -W " +
       SingleQuoted(Words(CommandNames())) +
       " -- \"$cur\")); fi\n"
       "}\n"
       "complete -o filenames -F _digestlint digestlint\n";
  return s;
}

// Text inside a zsh _arguments description: brackets and colons escaped.
std::string ZshText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out;
}

std::string ZshScript() {
  std::string s =
      "#compdef digestlint\n"
      "# zsh completion for digestlint; generated by `digestlint completions zsh`.\n"
      "_digestlint() {\n"
      "  local -a commands\n"
      "  commands=(";
  for (const CommandSpec& command : Commands()) {
    s += "'" + std::string(command.name) + ":" + ZshText(std::string(command.summary)) + "' ";
  }
  s += ")\n"
       "  local command=" +
       std::string(Commands().front().name) +
       "\n"
       "  if (( CURRENT > 2 )) && (( ${commands[(I)${words[2]}:*]} )); then\n"
       "    command=${words[2]}; shift words; (( CURRENT-- ))\n"
       "  elif (( CURRENT == 2 )) && [[ ${words[2]} != -* ]]; then\n"
       "    _describe -t commands command commands\n"
       "  fi\n"
       "  case $command in\n";
  for (const CommandSpec& command : Commands()) {
    s += "    " + std::string(command.name) + ")\n      _arguments -s -S";
    for (const OptionSpec& option : Options()) {
      if (!Takes(command, option.long_name)) continue;
      std::string action;
      if (option.value == ValueKind::kChoice) {
        action = "(" + Words(option.choices(command.name)) + ")";
      } else if (option.value == ValueKind::kFile) {
        action = "_files";
      } else {
        action = " ";
      }
      const std::string description = "[" + ZshText(OptionSummary(option)) + "]";
      const std::string argument = option.value == ValueKind::kNone ? ""
                                                                    : (option.value_optional ? "::" : ":") +
                                                                          std::string(option.metavar) + ":" + action;
      const std::string long_form = Spelling(option) + (option.value == ValueKind::kNone ? ""
                                                        : option.value_optional          ? "=-"
                                                                                         : "=");
      if (option.short_name) {
        const std::string short_form =
            std::string("-") + option.short_name + (option.value == ValueKind::kNone ? "" : "+");
        s += " \\\n        '(" + short_form.substr(0, 2) + " " + Spelling(option) + ")'{" + short_form + "," +
             long_form + "}'" + description + argument + "'";
      } else {
        s += " \\\n        '" + long_form + description + argument + "'";
      }
    }
    if (command.operand_choices) {
      s += " \\\n        '*:" + std::string(command.operands) + ":(" + Words(command.operand_choices(command.name)) +
           ")'";
    } else if (command.operand_kind == ValueKind::kFile) {
      s += " \\\n        '*:" + std::string(command.operands) + ":_files'";
    }
    s += "\n      ;;\n";
  }
  s += "  esac\n}\n_digestlint \"$@\"\n";
  return s;
}

std::string FishScript() {
  std::string s =
      "# fish completion for digestlint; generated by `digestlint completions fish`.\n"
      "function __digestlint_command\n"
      "    set -l words (commandline -opc)\n"
      "    if test (count $words) -ge 2; and contains -- $words[2] " +
      Words(CommandNames()) +
      "\n"
      "        echo $words[2]\n"
      "    else\n"
      "        echo " +
      std::string(Commands().front().name) +
      "\n"
      "    end\n"
      "end\n"
      "complete -c digestlint -f\n";
  for (const CommandSpec& command : Commands()) {
    s += "complete -c digestlint -n __fish_use_subcommand -a " + std::string(command.name) + " -d " +
         SingleQuoted(std::string(command.summary)) + "\n";
  }
  for (const CommandSpec& command : Commands()) {
    const std::string condition = " -n " + SingleQuoted("test (__digestlint_command) = " + std::string(command.name));
    for (const OptionSpec& option : Options()) {
      if (!Takes(command, option.long_name)) continue;
      s += "complete -c digestlint" + condition;
      if (option.short_name) s += std::string(" -s ") + option.short_name;
      s += " -l " + std::string(option.long_name);
      if (option.value == ValueKind::kChoice) {
        s += " -x -a " + SingleQuoted(Words(option.choices(command.name)));
      } else if (option.value == ValueKind::kFile) {
        s += " -r -F";
      } else if (option.value != ValueKind::kNone) {
        s += " -x";
      }
      s += " -d " + SingleQuoted(OptionSummary(option)) + "\n";
    }
    if (command.operand_choices) {
      s += "complete -c digestlint" + condition + " -a " + SingleQuoted(Words(command.operand_choices(command.name))) +
           "\n";
    } else if (command.operand_kind == ValueKind::kFile) {
      s += "complete -c digestlint" + condition + " -F\n";
    }
  }
  return s;
}

}  // namespace

std::string CompletionScript(std::string_view shell) {
  if (shell == "bash") return BashScript();
  if (shell == "zsh") return ZshScript();
  if (shell == "fish") return FishScript();
  return "";
}

}  // namespace digestlint
