#include "cli/cli_spec.h"

#include <algorithm>

namespace aivenctl::cli {
namespace {

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

FlagSpec Describe(const CLI::Option& option) {
  FlagSpec flag;
  for (const auto& s : option.get_snames()) flag.names.push_back("-" + s);
  for (const auto& l : option.get_lnames()) flag.names.push_back("--" + l);
  if (flag.names.empty()) flag.names.push_back(option.get_name(/*positional=*/true));
  flag.help = option.get_description();
  flag.default_value = option.get_default_str();
  flag.required = option.get_required();
  flag.repeatable = option.get_expected_max() > 1;
  if (option.get_expected_max() == 0) return flag;  // a flag: no value

  // "TYPE" or "TYPE:validator:validator"; a OneOf validator reads "{a,b,c}".
  std::vector<std::string> parts = Split(option.get_type_name(), ':');
  flag.value_name = parts[0];
  flag.kind = flag.value_name == kFileType              ? ValueKind::kFile
              : flag.value_name == kPlanFileType        ? ValueKind::kPlanFile
              : flag.value_name == kPlanOrChangesetType ? ValueKind::kPlanOrChangeset
              : flag.value_name == kPlanPathType        ? ValueKind::kPlanPath
                                                        : ValueKind::kText;
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      flag.choices = Split(p.substr(1, p.size() - 2), ',');
      flag.kind = ValueKind::kChoice;
    }
  }
  return flag;
}

void DescribeOptions(const CLI::App& app, std::vector<FlagSpec>& flags,
                     std::vector<FlagSpec>* args) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->nonpositional()) {
      flags.push_back(Describe(*option));
    } else if (args != nullptr) {
      args->push_back(Describe(*option));
    }
  }
}

}  // namespace

CLI::Validator OneOf(std::vector<std::string> values) {
  const std::string description = "{" + Join(values, ",") + "}";
  return CLI::Validator(
      [values](std::string& input) -> std::string {
        if (std::find(values.begin(), values.end(), input) != values.end()) return "";
        return "must be one of " + Join(values, ", ") + ", got \"" + input + "\"";
      },
      description, "one-of");
}

CliSpec DescribeApp(const CLI::App& app) {
  CliSpec spec;
  spec.name = app.get_name();
  spec.description = app.get_description();
  DescribeOptions(app, spec.global_flags, nullptr);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    CommandSpec command;
    command.name = sub->get_name();
    command.summary = sub->get_description();
    // CLI11 copies the App's footer to subcommands that set none.
    command.footer = sub->get_footer() == app.get_footer() ? "" : sub->get_footer();
    DescribeOptions(*sub, command.flags, &command.args);
    spec.commands.push_back(std::move(command));
  }
  return spec;
}

std::string Join(const std::vector<std::string>& values, const std::string& separator) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : separator) + v;
  return out;
}

std::string JoinedNames(const FlagSpec& flag) { return Join(flag.names, ", "); }

}  // namespace aivenctl::cli
