// aivenctl: thin entry point; everything happens in cli::Run.
#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  aivenctl::core::ProcessEnvironment env;
  aivenctl::cli::Io io{std::cout, std::cerr, env, ::isatty(STDOUT_FILENO) == 1};
  io.in = &std::cin;
  io.in_is_terminal = ::isatty(STDIN_FILENO) == 1;
  winsize ws{};
  if (io.out_is_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
    io.terminal_width = ws.ws_col;
  return aivenctl::cli::Run(args, io);
}
