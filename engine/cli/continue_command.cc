#include "cli/continue_command.h"

#include <algorithm>
#include <cctype>

#include "api/redact.h"

namespace aivenctl::cli {

std::string ShellQuote(const std::string& word) {
  const auto plain = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("_-./:=@%+,").find(c) != std::string_view::npos;
  };
  if (!word.empty() && std::all_of(word.begin(), word.end(), plain)) return word;
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string ContinueCommand(const std::vector<std::string>& args) {
  std::string out = "aivenctl";
  for (const auto& arg : args) out += " " + ShellQuote(arg);
  return api::Redact(out);
}

std::vector<std::string> WithResume(std::vector<std::string> args) {
  if (std::find(args.begin(), args.end(), "--resume") == args.end()) args.push_back("--resume");
  return args;
}

}  // namespace aivenctl::cli
