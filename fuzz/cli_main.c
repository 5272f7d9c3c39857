/*
 * cli_main.c: the yuanflow command's main() (src/cli/main.c) under the name
 * yf_cli_main, for the command-line fuzz target (fuzz_cli.c).
 */
int yf_cli_main(int argc, char **argv);
#define main yf_cli_main
#include "cli/main.c"
