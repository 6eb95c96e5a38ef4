#include "wk/cli/cli.h"

int main(int argc, char** argv) {
  return wk::cli::Main(argc, argv);
}
