// The man pages and completion scripts the build generates (build/engine/cli/docs, made by
// running aivenctl) against the App that parses the command line: every visible
// subcommand and every flag appears in the pages and is offered by each shell; the pages
// render without groff warnings; bash, zsh and fish load their script. The shells and
// groff are needed (scripts/bootstrap installs them): a missing one fails, never skips.

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/app.h"
#include "cli/cli.h"
#include "cli/cli_spec.h"
#include "cli/man_page.h"
#include "support/process_run.h"
#include "support/temp_dir.h"

#ifndef AIVENCTL_DOCS_DIR
#error "AIVENCTL_DOCS_DIR names the generated docs directory"
#endif

namespace aivenctl::cli {
namespace {

using aivenctl::testing::ProcessOutcome;
using aivenctl::testing::ProcessSpec;
using aivenctl::testing::RunProcess;

const std::string kDocs = AIVENCTL_DOCS_DIR;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Names read from the App itself (not through DescribeApp): "" is the top level.
struct AppNames {
  std::vector<std::string> commands;                   // visible ones, in order
  std::map<std::string, std::set<std::string>> flags;  // command -> "--x", "-x"
};

std::set<std::string> FlagNames(const CLI::App& app) {
  std::set<std::string> out;
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& s : option->get_snames()) out.insert("-" + s);
    for (const auto& l : option->get_lnames()) out.insert("--" + l);
  }
  return out;
}

AppNames ReadApp() {
  std::unique_ptr<CommandLine> cl = BuildCommandLine();
  AppNames names;
  names.flags[""] = FlagNames(cl->app);
  for (const CLI::App* sub : cl->app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden (__man)
    names.commands.push_back(sub->get_name());
    names.flags[sub->get_name()] = FlagNames(*sub);
  }
  return names;
}

ProcessOutcome RunTool(const std::string& program, std::vector<std::string> args,
                       const std::string& home = "/nonexistent") {
  ProcessSpec spec;
  spec.program = program;
  spec.args = std::move(args);
  spec.env = {{"HOME", home}, {"LANG", "C.UTF-8"}, {"TERM", "xterm"}};
  spec.cwd = kDocs;
  spec.timeout = std::chrono::seconds(60);
  return RunProcess(spec);
}

// `word` stands alone in `text` (not as part of a longer flag or name).
bool ContainsWord(const std::string& text, const std::string& word) {
  auto part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !part(text[at - 1]);
    const bool ends = at + word.size() == text.size() || !part(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// Lines "@NAME" start a section; the words after it until the next marker belong to NAME.
std::map<std::string, std::set<std::string>> Sections(const std::string& out) {
  std::map<std::string, std::set<std::string>> sections;
  std::string current;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("@", 0) == 0) {
      current = line.substr(1);
      sections[current];
      continue;
    }
    std::istringstream words(line.substr(0, line.find('\t')));  // fish: "word\tdescription"
    for (std::string w; words >> w;) sections[current].insert(w);
  }
  return sections;
}

// What each shell offered: "@commands" (after `aivenctl `), "@-" (after `aivenctl -`) and
// "@CMD" (after `aivenctl CMD -`) must hold what the App defines.
void ExpectOffers(const std::map<std::string, std::set<std::string>>& offered, const AppNames& app,
                  const std::string& shell) {
  ASSERT_TRUE(offered.count("commands")) << shell;
  std::set<std::string> commands(app.commands.begin(), app.commands.end());
  EXPECT_EQ(offered.at("commands"), commands) << shell;
  for (const auto& flag : app.flags.at("")) {
    EXPECT_TRUE(offered.count("-") && offered.at("-").count(flag))
        << shell << ": aivenctl " << flag << " not offered";
  }
  for (const auto& command : app.commands) {
    for (const auto& flag : app.flags.at(command)) {
      EXPECT_TRUE(offered.count(command) && offered.at(command).count(flag))
          << shell << ": aivenctl " << command << " " << flag << " not offered";
    }
  }
}

// Lines asking `shell_ask` (a shell function or command taking one quoted line) for the
// sections ExpectOffers and CheckShell read.
std::string AskEverything(const AppNames& app, const std::string& ask) {
  std::string script = "echo @commands; " + ask + " 'aivenctl '\n" + "echo @-; " + ask +
                       " 'aivenctl -'\n" + "echo @pl; " + ask + " 'aivenctl pl'\n" +
                       "echo @format; " + ask + " 'aivenctl --format '\n";
  for (const auto& c : app.commands) {
    script += "echo @" + c + "; " + ask + " 'aivenctl " + c + " -'\n";
  }
  return script;
}

// The shell ran cleanly and offered what the App defines.
void CheckShell(const ProcessOutcome& o, const AppNames& app, const std::string& shell) {
  ASSERT_EQ(o.code, 0) << shell << ": " << o.Describe();
  EXPECT_EQ(o.err, "") << shell;
  auto offered = Sections(o.out);
  EXPECT_EQ(offered["pl"], (std::set<std::string>{"plan"})) << shell;
  EXPECT_EQ(offered["format"], (std::set<std::string>{"text", "json", "markdown"})) << shell;
  ExpectOffers(offered, app, shell);
}

TEST(GeneratedDocs, CompletionCommandPrintsWhatTheBuildInstalls) {
  for (const auto& [shell, file] : std::map<std::string, std::string>{
           {"bash", "aivenctl.bash"}, {"zsh", "_aivenctl"}, {"fish", "aivenctl.fish"}}) {
    std::ostringstream out, err;
    core::MapEnvironment env;
    Io io{out, err, env, false};
    ASSERT_EQ(cli::Run({"completion", shell}, io), kExitOk) << err.str();
    EXPECT_EQ(out.str(), ReadFile(kDocs + "/" + file)) << shell << ": rebuild (aivenctl_docs)";
  }
  std::ostringstream out, err;
  core::MapEnvironment env;
  Io io{out, err, env, false};
  EXPECT_EQ(cli::Run({"completion", "tcsh"}, io), kExitUsage);
  EXPECT_NE(err.str().find("must be one of bash, zsh, fish"), std::string::npos) << err.str();
}

TEST(GeneratedDocs, ManPagesNameEveryCommandAndFlagAndRenderWithoutWarnings) {
  const AppNames app = ReadApp();
  std::set<std::string> expected_files{"aivenctl.1"}, files;
  for (const auto& c : app.commands) expected_files.insert("aivenctl-" + c + ".1");
  for (const auto& e : std::filesystem::directory_iterator(kDocs + "/man")) {
    files.insert(e.path().filename().string());
  }
  EXPECT_EQ(files, expected_files) << "one page per visible command, plus aivenctl.1";

  for (const auto& file : expected_files) {
    ProcessOutcome o = RunTool("/usr/bin/groff", {"-ww", "-man", "-Tutf8", "man/" + file});
    ASSERT_EQ(o.code, 0) << file << ": " << o.Describe();
    EXPECT_EQ(o.err, "") << file << " renders with warnings";
    std::string text;  // without overstriking, and with U+2212/U+2010 as '-'
    for (size_t i = 0; i < o.out.size(); ++i) {
      if (i + 1 < o.out.size() && o.out[i + 1] == '\b') {
        ++i;
      } else if (o.out.compare(i, 3, "\xe2\x88\x92") == 0 ||
                 o.out.compare(i, 3, "\xe2\x80\x90") == 0) {
        text += '-';
        i += 2;
      } else {
        text += o.out[i];
      }
    }
    const std::string command = file == "aivenctl.1" ? "" : file.substr(9, file.size() - 11);
    for (const auto& flag : app.flags.at(command)) {
      EXPECT_TRUE(ContainsWord(text, flag)) << file << " lacks " << flag;
    }
    for (const char* section :
         {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "SEE ALSO"}) {
      EXPECT_NE(text.find("\n" + std::string(section) + "\n"), std::string::npos)
          << file << " lacks " << section;
    }
    if (command.empty()) {
      for (const auto& c : app.commands) {
        EXPECT_TRUE(ContainsWord(text, "aivenctl-" + c + "(1)")) << "aivenctl.1 lacks " << c;
      }
    } else {
      EXPECT_TRUE(ContainsWord(text, "aivenctl " + command)) << file;
    }
  }
}

// One bash: source the script, then ask its function what it offers for each line.
TEST(GeneratedDocs, BashLoadsTheScriptAndOffersEveryCommandAndFlag) {
  const AppNames app = ReadApp();
  const std::string script =
      "source ./aivenctl.bash || exit 9\n"
      "complete -p aivenctl || exit 8\n"
      "ask() {\n"
      "  read -ra COMP_WORDS <<< \"$1\"; [[ $1 == *' ' ]] && COMP_WORDS+=('')\n"
      "  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _aivenctl\n"
      "  printf '%s\\n' \"${COMPREPLY[@]}\"\n"
      "}\n" +
      AskEverything(app, "ask");
  ProcessOutcome o = RunTool("/bin/bash", {"--norc", "--noprofile", "-c", script});
  EXPECT_NE(o.out.find("complete -F _aivenctl aivenctl"), std::string::npos) << o.out;
  CheckShell(o, app, "bash");
}

TEST(GeneratedDocs, FishLoadsTheScriptAndOffersEveryCommandAndFlag) {
  const AppNames app = ReadApp();
  const std::string script =
      "source ./aivenctl.fish; or exit 9\n" + AskEverything(app, "complete -C");
  aivenctl::testing::TempDir home("aivenctl-fish-");
  CheckShell(RunTool("/usr/bin/fish", {"--no-config", "-c", script}, home.path()), app, "fish");
}

// zsh completes only inside its line editor: one interactive zsh on a pseudo-terminal
// (zpty) loads the script from $fpath; for each question a TAB runs the completion with
// compadd wrapped to print what it is given, and Ctrl-U clears the line.
constexpr const char* kZshDriver = R"ZSH(
zmodload zsh/zpty || exit 9
zpty z zsh -f -i
zpty -w z "fpath=(${(q)PWD} \$fpath); autoload -Uz compinit; compinit -u -D; unsetopt autolist"
zpty -w z 'compadd() { local -a m; builtin compadd -O m "$@"; print -rl -- "<""m>"${^m}; builtin compadd "$@"; }'
zpty -w z 'capture() { _main_complete "$@"; print -r -- "<do""ne>"; }; zle -C capture complete-word capture; bindkey "^I" capture'
ask() {
  zpty -w -n z "$1"$'\t'
  local out line tries=0
  while (( tries < 500 )); do
    if zpty -r -t z line; then out+=$line; [[ $out == *'<done>'* ]] && break
    else (( tries++ )); sleep 0.02; fi
  done
  zpty -w -n z $'\x15'  # Ctrl-U: an empty line for the next question
  [[ $out == *'<done>'* ]] || print -r -- "no completion for: $1" >&2
  print -r -- "$out" | grep -ao '<m>[^[:space:][:cntrl:]]*' | sed 's/^<m>//' | grep .
}
)ZSH";

TEST(GeneratedDocs, ZshLoadsTheScriptAndOffersEveryCommandAndFlag) {
  const AppNames app = ReadApp();
  aivenctl::testing::TempDir home("aivenctl-zsh-");
  // Sourced after compinit, as the brief for users says.
  ProcessOutcome sourced = RunTool(
      "/usr/bin/zsh",
      {"-f", "-c",
       "autoload -U compinit; compinit -u; source ./_aivenctl; print -r -- $_comps[aivenctl]"},
      home.path());
  ASSERT_EQ(sourced.code, 0) << sourced.Describe();
  EXPECT_EQ(sourced.err, "");
  EXPECT_EQ(sourced.out, "_aivenctl\n");

  const std::string script = std::string(kZshDriver) + AskEverything(app, "ask");
  CheckShell(RunTool("/usr/bin/zsh", {"-f", "-c", script}, home.path()), app, "zsh");
}

TEST(ManPage, RoffEscapeKeepsTextLiteral) {
  EXPECT_EQ(RoffEscape("--api-url"), "\\-\\-api\\-url");
  EXPECT_EQ(RoffEscape("a\\b"), "a\\eb");
  EXPECT_EQ(RoffEscape(".TH x"), "\\&.TH x");
  EXPECT_EQ(RoffEscape("'quoted"), "\\&'quoted");
  EXPECT_EQ(RoffEscape("plain text"), "plain text");
}

TEST(CliSpec, DescribeAppReadsKindsChoicesDefaultsAndHidesEmptyGroups) {
  CLI::App app{"test app", "t"};
  std::string format = "text", file, plan;
  std::vector<std::string> vars;
  bool yes = false;
  app.add_option("--format", format, "Output format")
      ->type_name("FORMAT")
      ->check(OneOf({"text", "json"}))
      ->capture_default_str();
  CLI::App* run = app.add_subcommand("run", "Run it");
  run->add_flag("--yes,-y", yes, "Do not ask");
  run->add_option("--var", vars, "A variable")->type_name("NAME=VALUE");
  run->add_option("--out", file, "Where")->type_name(kFileType);
  run->add_option("planfile", plan, "The plan")->type_name(kPlanFileType)->required();
  app.add_subcommand("__secret", "Hidden")->group("");

  CliSpec spec = DescribeApp(app);
  ASSERT_EQ(spec.global_flags.size(), 2u);  // --help and --format
  const FlagSpec& f = spec.global_flags[1];
  EXPECT_EQ(f.names, (std::vector<std::string>{"--format"}));
  EXPECT_EQ(f.value_name, "FORMAT");
  EXPECT_EQ(f.kind, ValueKind::kChoice);
  EXPECT_EQ(f.choices, (std::vector<std::string>{"text", "json"}));
  EXPECT_EQ(f.default_value, "text");
  ASSERT_EQ(spec.commands.size(), 1u);
  const CommandSpec& c = spec.commands[0];
  EXPECT_EQ(c.name, "run");
  ASSERT_EQ(c.flags.size(), 4u);  // --help, --yes, --var, --out
  EXPECT_EQ(JoinedNames(c.flags[1]), "-y, --yes");
  EXPECT_EQ(c.flags[1].kind, ValueKind::kNone);
  EXPECT_TRUE(c.flags[2].repeatable);
  EXPECT_EQ(c.flags[2].kind, ValueKind::kText);
  EXPECT_EQ(c.flags[3].kind, ValueKind::kFile);
  ASSERT_EQ(c.args.size(), 1u);
  EXPECT_EQ(c.args[0].names, (std::vector<std::string>{"planfile"}));
  EXPECT_EQ(c.args[0].kind, ValueKind::kPlanFile);
  EXPECT_TRUE(c.args[0].required);
}

}  // namespace
}  // namespace aivenctl::cli
