#pragma once
// What the command line accepts, read back from the CLI11 App that parses it: commands,
// flags, positional arguments, help texts, defaults and what kind of value each takes.
// Completion scripts and man pages are generated from this, so they cannot drift from
// `--help`.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace aivenctl::cli {

/// What a flag or argument takes; named by its CLI11 type name (FILE, PLANFILE, ...).
enum class ValueKind {
  kNone,             ///< a flag without a value
  kText,             ///< anything (a URL, a number, a duration, a name)
  kChoice,           ///< one of `choices` (a OneOf validator)
  kFile,             ///< any file ("FILE")
  kPlanFile,         ///< a plan file, *.yaml / *.yml ("PLANFILE")
  kPlanOrChangeset,  ///< a plan file or a saved changeset *.json ("PLANFILE|CHANGESET")
  kPlanPath,         ///< plan files or directories of them ("PATH")
};

/// CLI11 type names that select a ValueKind (the rest are kText).
inline constexpr const char* kFileType = "FILE";
inline constexpr const char* kPlanFileType = "PLANFILE";
inline constexpr const char* kPlanOrChangesetType = "PLANFILE|CHANGESET";
inline constexpr const char* kPlanPathType = "PATH";

/// A validator accepting exactly `values`; its description "{a,b,c}" is how DescribeApp
/// finds the choices again.
CLI::Validator OneOf(std::vector<std::string> values);

/// One flag (`names` like {"--yes", "-y"}) or positional argument (`names` = {"planfile"}).
struct FlagSpec {
  std::vector<std::string> names;
  std::string value_name;  ///< the type name without validators ("DURATION"), "" for flags
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> choices;  ///< for kChoice
  std::string help;
  std::string default_value;  ///< "" when none
  bool required = false;
  bool repeatable = false;
};

/// One subcommand.
struct CommandSpec {
  std::string name;
  std::string summary;  ///< the one-line description
  std::string footer;   ///< examples and notes ("" when none)
  std::vector<FlagSpec> flags;
  std::vector<FlagSpec> args;  ///< positional arguments, in order
};

/// The whole command line.
struct CliSpec {
  std::string name;         ///< "aivenctl"
  std::string description;  ///< the App's description
  std::vector<FlagSpec> global_flags;
  std::vector<CommandSpec> commands;  ///< in definition order; hidden ones left out
};

/// Reads `app` (subcommands with an empty group are hidden and left out).
CliSpec DescribeApp(const CLI::App& app);

/// `values` joined by `separator`.
std::string Join(const std::vector<std::string>& values, const std::string& separator);

/// The flag's names joined with ", " ("-y, --yes"), short names first.
std::string JoinedNames(const FlagSpec& flag);

}  // namespace aivenctl::cli
