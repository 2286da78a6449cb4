#pragma once
// The command that continues a stopped or failed run: the user's own command line, quoted
// for a POSIX shell, so it can be pasted (or run by CI) verbatim. A run converges when run
// again (there is no state file), so the same command is the continuation.

#include <string>
#include <vector>

namespace aivenctl::cli {

/// `word` as one POSIX shell word: unchanged when it holds only characters that need no
/// quoting (letters, digits and `_-./:=@%+,`), else in single quotes ('it'\''s').
std::string ShellQuote(const std::string& word);

/// "aivenctl ARG..." with each argument quoted by ShellQuote. `args` exclude the program
/// name. Values aivenctl knows to be secret (api::Secrets) are redacted, although none
/// should be there: the token is never a flag value.
std::string ContinueCommand(const std::vector<std::string>& args);

/// `args` with `--resume` added unless there: `apply CHANGESET.json` continues with it,
/// leaving out what the stopped run did (no plan file needed).
std::vector<std::string> WithResume(std::vector<std::string> args);

}  // namespace aivenctl::cli
