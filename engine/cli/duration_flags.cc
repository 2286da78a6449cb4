#include "cli/duration_flags.h"

#include "core/duration.h"

namespace aivenctl::cli {
namespace {

// Adds `name`; its parsed value goes to `target`, a bad one fails the parse.
template <typename Target>
CLI::Option* AddParsed(CLI::App* app, const std::string& name, Target& target,
                       const std::string& help, DurationRule rule) {
  return app
      ->add_option_function<std::string>(
          name,
          [name, rule, &target](const std::string& text) {
            auto parsed = ParseDurationFlag(name, text, rule);
            if (!parsed.ok()) throw CLI::ValidationError(parsed.status().message());
            target = *parsed;
          },
          help)
      ->type_name("DURATION");
}

}  // namespace

core::Result<std::chrono::milliseconds> ParseDurationFlag(const std::string& flag,
                                                          const std::string& text,
                                                          DurationRule rule) {
  auto parsed = core::ParseFlagDuration(text);
  if (!parsed.ok())
    return core::InvalidArgument(flag + " " + text + ": " + parsed.status().message());
  if (rule == DurationRule::kPositive && parsed->count() <= 0) {
    return core::InvalidArgument(flag + " " + text + ": must be positive");
  }
  if (rule == DurationRule::kAtLeastASecond && *parsed < std::chrono::seconds(1)) {
    return core::InvalidArgument(flag + " " + text + ": must be at least 1s");
  }
  return *parsed;
}

CLI::Option* AddDurationOption(CLI::App* app, const std::string& name,
                               std::chrono::milliseconds& target, const std::string& help,
                               DurationRule rule) {
  return AddParsed(app, name, target, help, rule)->default_str(core::FormatFlagDuration(target));
}

CLI::Option* AddDurationOption(CLI::App* app, const std::string& name,
                               std::optional<std::chrono::milliseconds>& target,
                               const std::string& help, DurationRule rule) {
  return AddParsed(app, name, target, help, rule);
}

}  // namespace aivenctl::cli
