// cpts-cli — prints what the planner computes. Exit codes: 0 ok, 1 findings/errors, 2 usage.
#include <cstdio>
#include <cstring>

#include "version.hpp"

static void print_help() {
  std::printf(
      "cpts-cli %s — planificateur de projet de santé de CPTS\n\n"
      "Usage : cpts-cli [--help] [--version]\n",
      cpts::version());
}

int main(int argc, char** argv) {
  if (argc < 2) { print_help(); return 2; }
  if (!std::strcmp(argv[1], "--version")) { std::printf("cpts-cli %s (%s)\n", cpts::version(), cpts::build_info()); return 0; }
  if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) { print_help(); return 0; }
  std::fprintf(stderr, "cpts-cli : commande inconnue « %s » (voir --help)\n", argv[1]);
  return 2;
}
