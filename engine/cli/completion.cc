#include "cli/completion.h"

#include <set>

namespace aivenctl::cli {
namespace {

// The file name suffixes a value of `kind` completes to ("" when any file).
std::vector<std::string> Suffixes(ValueKind kind) {
  switch (kind) {
    case ValueKind::kPlanFile:
    case ValueKind::kPlanPath:
      return {"yaml", "yml"};
    case ValueKind::kPlanOrChangeset:
      return {"yaml", "yml", "json"};
    default:
      return {};
  }
}

bool IsFileKind(ValueKind kind) { return kind == ValueKind::kFile || !Suffixes(kind).empty(); }

// Every name of every flag, for word lists.
std::vector<std::string> FlagWords(const std::vector<FlagSpec>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) out.insert(out.end(), f.names.begin(), f.names.end());
  return out;
}

// Global flags that no command redefines (every command has its own --help), so a
// command's completions list each flag once.
std::vector<FlagSpec> SharedGlobals(const CliSpec& spec) {
  std::set<std::string> redefined;
  for (const auto& c : spec.commands) {
    for (const auto& name : FlagWords(c.flags)) redefined.insert(name);
  }
  std::vector<FlagSpec> out;
  for (const auto& f : spec.global_flags) {
    bool clash = false;
    for (const auto& name : f.names) clash = clash || redefined.count(name) > 0;
    if (!clash) out.push_back(f);
  }
  return out;
}

// ---- bash ----

// `case $prev in` arms completing the values of `flags`.
std::string BashValueArms(const std::vector<FlagSpec>& flags, const std::string& indent) {
  std::string out;
  for (const auto& f : flags) {
    if (f.kind == ValueKind::kNone) continue;
    out += indent + Join(f.names, "|") + ") ";
    if (f.kind == ValueKind::kChoice) {
      out += "COMPREPLY=($(compgen -W \"" + Join(f.choices, " ") + "\" -- \"$cur\"))";
    } else if (IsFileKind(f.kind)) {
      out += "_aivenctl_files \"" + Join(Suffixes(f.kind), " ") + "\"";
    } else {
      out += ":";  // a value to type: nothing to offer
    }
    out += "; return ;;\n";
  }
  return out;
}

// What a positional argument of `command` completes to.
std::string BashArgument(const CommandSpec& command) {
  if (command.args.empty()) return "";
  const FlagSpec& arg = command.args.front();
  if (arg.kind == ValueKind::kChoice) {
    return "COMPREPLY=($(compgen -W \"" + Join(arg.choices, " ") + "\" -- \"$cur\"))";
  }
  if (IsFileKind(arg.kind)) return "_aivenctl_files \"" + Join(Suffixes(arg.kind), " ") + "\"";
  return "";
}

// ---- zsh ----

// Text inside a single-quoted _arguments spec: ' closes the quote, [ ] \ and (with
// `colon`) : are special to _arguments.
std::string ZshQuote(const std::string& text, bool colon = true) {
  std::string out;
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '[' || c == ']' || c == '\\' || (colon && c == ':')) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string ZshAction(const FlagSpec& f) {
  if (f.kind == ValueKind::kChoice) return "(" + Join(f.choices, " ") + ")";
  if (f.kind == ValueKind::kFile) return "_files";
  auto suffixes = Suffixes(f.kind);
  if (!suffixes.empty()) return "_files -g \"*.(" + Join(suffixes, "|") + ")\"";
  return " ";
}

// One _arguments spec per name of each flag, single-quoted.
std::vector<std::string> ZshFlagSpecs(const std::vector<FlagSpec>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) {
    for (const auto& name : f.names) {
      std::string spec =
          (f.repeatable ? "*" : "") + name + "[" + ZshQuote(f.help, /*colon=*/false) + "]";
      if (f.kind != ValueKind::kNone) {
        spec += ":" + ZshQuote(f.value_name) + ":" + ZshAction(f);
      }
      out.push_back("'" + spec + "'");
    }
  }
  return out;
}

std::vector<std::string> ZshArgSpecs(const std::vector<FlagSpec>& args) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    out.push_back("'" + std::string(a.repeatable ? "*" : "") + ":" + ZshQuote(a.names.front()) +
                  ":" + ZshAction(a) + "'");
  }
  return out;
}

// ---- fish ----

std::string FishQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The options of `complete` for a flag's value.
std::string FishValue(const FlagSpec& f) {
  if (f.kind == ValueKind::kNone) return "";
  if (f.kind == ValueKind::kChoice) return " -x -a " + FishQuote(Join(f.choices, " "));
  if (f.kind == ValueKind::kFile) return " -r -F";
  auto suffixes = Suffixes(f.kind);
  if (!suffixes.empty()) {
    return " -x -a " + FishQuote("(__aivenctl_files '" + Join(suffixes, "|") + "')");
  }
  return " -x";
}

std::string FishFlag(const FlagSpec& f, const std::string& condition) {
  std::string out = "complete -c aivenctl";
  if (!condition.empty()) out += " -n " + FishQuote(condition);
  for (const auto& name : f.names) {
    out += name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1);
  }
  return out + FishValue(f) + " -d " + FishQuote(f.help) + "\n";
}

}  // namespace

std::string CompletionScript(const CliSpec& spec, const std::string& shell) {
  if (shell == "bash") return BashCompletion(spec);
  if (shell == "zsh") return ZshCompletion(spec);
  if (shell == "fish") return FishCompletion(spec);
  return "";
}

std::string BashCompletion(const CliSpec& spec) {
  std::vector<std::string> commands;
  for (const auto& c : spec.commands) commands.push_back(c.name);
  const std::string global_words = Join(FlagWords(spec.global_flags), " ");
  const std::string shared_words = Join(FlagWords(SharedGlobals(spec)), " ");
  std::vector<std::string> valued;  // global flags whose value is the next word
  for (const auto& f : spec.global_flags) {
    if (f.kind != ValueKind::kNone) valued.insert(valued.end(), f.names.begin(), f.names.end());
  }

  std::string out =
      "# bash completion for aivenctl; generated by `aivenctl completion bash`.\n"
      "# Install: aivenctl completion bash > "
      "~/.local/share/bash-completion/completions/aivenctl\n\n"
      "# Directories, and files ending in one of the suffixes in $1 (any file when empty).\n"
      "_aivenctl_files() {\n"
      "  local -a suffixes=($1)\n"
      "  local f s IFS=$'\\n'\n"
      "  compopt -o filenames 2>/dev/null\n"
      "  if ((${#suffixes[@]} == 0)); then\n"
      "    COMPREPLY+=($(compgen -f -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  COMPREPLY+=($(compgen -d -- \"$cur\"))\n"
      "  for f in $(compgen -f -- \"$cur\"); do\n"
      "    for s in \"${suffixes[@]}\"; do\n"
      "      [[ $f == *.\"$s\" ]] && COMPREPLY+=(\"$f\")\n"
      "    done\n"
      "  done\n"
      "}\n\n"
      "_aivenctl() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      "  local cmd=\"\" i\n"
      "  COMPREPLY=()\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${COMP_WORDS[i]} in\n"
      "      " +
      (valued.empty() ? std::string("--") : Join(valued, "|")) +
      ") ((i++)) ;;\n"
      "      -*) ;;\n"
      "      *) cmd=${COMP_WORDS[i]}; break ;;\n"
      "    esac\n"
      "  done\n"
      "  case $prev in\n" +
      BashValueArms(spec.global_flags, "    ") +
      "  esac\n"
      "  case $cmd in\n"
      "    \"\")\n"
      "      if [[ $cur == -* ]]; then\n"
      "        COMPREPLY=($(compgen -W \"" +
      global_words +
      "\" -- \"$cur\"))\n"
      "      else\n"
      "        COMPREPLY=($(compgen -W \"" +
      Join(commands, " ") +
      "\" -- \"$cur\"))\n"
      "      fi ;;\n";
  for (const auto& c : spec.commands) {
    out += "    " + c.name + ")\n";
    const std::string arms = BashValueArms(c.flags, "        ");
    if (!arms.empty()) out += "      case $prev in\n" + arms + "      esac\n";
    out +=
        "      if [[ $cur == -* ]]; then\n"
        "        COMPREPLY=($(compgen -W \"" +
        Join(FlagWords(c.flags), " ") + " " + shared_words + "\" -- \"$cur\"))\n";
    const std::string argument = BashArgument(c);
    if (!argument.empty()) out += "      else\n        " + argument + "\n";
    out += "      fi ;;\n";
  }
  out +=
      "  esac\n"
      "}\n\n"
      "complete -F _aivenctl aivenctl\n";
  return out;
}

std::string ZshCompletion(const CliSpec& spec) {
  std::string out =
      "#compdef aivenctl\n"
      "# zsh completion for aivenctl; generated by `aivenctl completion zsh`.\n"
      "# Install: aivenctl completion zsh > \"${fpath[1]}/_aivenctl\" (or source it after "
      "compinit)\n\n"
      "_aivenctl() {\n"
      "  local curcontext=\"$curcontext\" state line ret=1\n"
      "  typeset -A opt_args\n"
      "  local -a global=(\n";
  for (const auto& s : ZshFlagSpecs(spec.global_flags)) out += "    " + s + "\n";
  out += "  )\n  local -a shared=(\n";
  for (const auto& s : ZshFlagSpecs(SharedGlobals(spec))) out += "    " + s + "\n";
  out +=
      "  )\n"
      "  _arguments -C \"${global[@]}\" '1: :->command' '*:: :->args' && ret=0\n"
      "  case $state in\n"
      "    command)\n"
      "      local -a commands=(\n";
  for (const auto& c : spec.commands) {
    // _describe splits at the first colon only.
    std::string summary;
    for (char ch : c.summary) summary += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    out += "        '" + c.name + ":" + summary + "'\n";
  }
  out +=
      "      )\n"
      "      _describe -t commands 'aivenctl command' commands && ret=0 ;;\n"
      "    args)\n"
      "      curcontext=\"${curcontext%:*:*}:aivenctl-$words[1]:\"\n"
      "      case $words[1] in\n";
  for (const auto& c : spec.commands) {
    out += "        " + c.name + ")\n          _arguments \"${shared[@]}\"";
    for (const auto& s : ZshFlagSpecs(c.flags)) out += " \\\n            " + s;
    for (const auto& s : ZshArgSpecs(c.args)) out += " \\\n            " + s;
    out += " && ret=0 ;;\n";
  }
  out +=
      "      esac ;;\n"
      "  esac\n"
      "  return ret\n"
      "}\n\n"
      "if [[ $funcstack[1] == _aivenctl ]]; then\n"
      "  _aivenctl \"$@\"\n"
      "else\n"
      "  compdef _aivenctl aivenctl\n"
      "fi\n";
  return out;
}

std::string FishCompletion(const CliSpec& spec) {
  std::vector<std::string> commands;
  for (const auto& c : spec.commands) commands.push_back(c.name);
  const std::string no_command = "not __fish_seen_subcommand_from " + Join(commands, " ");
  std::string out =
      "# fish completion for aivenctl; generated by `aivenctl completion fish`.\n"
      "# Install: aivenctl completion fish > ~/.config/fish/completions/aivenctl.fish\n\n"
      "# Directories, and files whose names match the regex suffix $argv[1].\n"
      "function __aivenctl_files\n"
      "    set -l token (commandline -ct)\n"
      "    for f in $token*\n"
      "        if test -d $f\n"
      "            echo $f/\n"
      "        else if string match -qr \"\\.($argv[1])\\$\" -- $f\n"
      "            echo $f\n"
      "        end\n"
      "    end\n"
      "end\n\n"
      "complete -c aivenctl -f\n";
  for (const auto& c : spec.commands) {
    out += "complete -c aivenctl -n " + FishQuote(no_command) + " -a " + c.name + " -d " +
           FishQuote(c.summary) + "\n";
  }
  out += "\n# Global flags (before or after the command; --help is each command's own)\n";
  const std::vector<FlagSpec> shared = SharedGlobals(spec);
  for (const auto& f : spec.global_flags) {
    bool is_shared = false;
    for (const auto& s : shared) is_shared = is_shared || s.names == f.names;
    out += FishFlag(f, is_shared ? "" : no_command);
  }
  for (const auto& c : spec.commands) {
    const std::string condition = "__fish_seen_subcommand_from " + c.name;
    out += "\n# " + c.name + "\n";
    for (const auto& f : c.flags) out += FishFlag(f, condition);
    if (!c.args.empty()) {
      const FlagSpec& arg = c.args.front();
      std::string value = FishValue(arg);
      if (arg.kind == ValueKind::kChoice || !Suffixes(arg.kind).empty()) {
        out += "complete -c aivenctl -n " + FishQuote(condition) + " -k" + value + "\n";
      }
    }
  }
  return out;
}

}  // namespace aivenctl::cli
