// aivenctl: thin entry point; everything happens in cli::Run.
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  aivenctl::core::ProcessEnvironment env;
  aivenctl::cli::Io io{std::cout, std::cerr, env, ::isatty(STDOUT_FILENO) == 1};
  return aivenctl::cli::Run(args, io);
}
