// syntax_check.cpp — reads file paths on stdin, one a line, and prints for each
// "PATH<TAB>OK" or "PATH<TAB>LINE:COL: message" (the first error, refusals off so that only
// what CPython would report is compared). Used by differential.py; not a test itself.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "python/parser.hpp"

int main() {
  std::string path;
  while (std::getline(std::cin, path)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream source;
    source << in.rdbuf();
    loopscope::python::ParseOptions options;
    options.refuse_outside_subset = false;
    const auto result = loopscope::python::parse(source.str(), options);
    if (result.ok()) {
      std::cout << path << "\tOK\n";
      continue;
    }
    const auto& d = result.diagnostics.front();
    std::cout << path << '\t' << d.line << ':' << d.col << ": " << d.message << '\n';
  }
  return 0;
}
